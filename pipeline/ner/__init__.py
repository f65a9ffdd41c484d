"""Our stanza Hindi NER model (PER / LOC / ORG): training, serving and evaluation.

Serving: `get_engine(name="hi-ner", backend="direct"|"stanza", quantize="none"|"int8").tag(sentences)`
-> per sentence [(start, end, label, score)] (token indices, end exclusive).
Training: `pipeline.ner.train.run(argv)`; scoring: `pipeline.evaluation.ner.run(argv)`.
"""
from .data import LABELS
from .engine import NerModelNotFound, StanzaNerEngine, get_engine

__all__ = ["LABELS", "NerModelNotFound", "StanzaNerEngine", "get_engine"]

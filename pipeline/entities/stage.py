"""Stage `entities`: PER / LOC / ORG spans from the NER model fused with gazetteers and patterns.

Config: `ner` picks the model engine: "hi-ner" (our trained stanza model, shipped in models/),
"stanza-hi" (stanza's own downloaded Hindi NER, if the user has it) or "none" (rules only).
`ner_backend` serves the model "direct" (default: no stanza Pipeline, same spans, faster) or through
"stanza"'s Pipeline (the reference); `ner_quantize` "int8" adds dynamic quantization (direct only).
Both are part of version(), so a change reprocesses documents.
"""
from __future__ import annotations

from pathlib import Path

from ..core.doc import Document, Entity
from ..core.stage import ContractError, Stage, files_version
from .fusion import fuse, model_candidates
from .gazetteers import DATA_DIR, load
from .index import assign_index_ids
from .descriptors import company_tails, named_companies
from .surnames import lone_surnames, see_surnames
from .options import BACKENDS, NER_CHOICES, QUANTIZE, NerOptions


class EntitiesStage(Stage):
    name = "entities"
    requires = ("norm", "sentences", "tokens")
    provides = ("entities",)
    defaults = NerOptions().config()

    def __init__(self, config=None):
        super().__init__(config)
        if self.config["ner"] not in NER_CHOICES:
            raise ContractError(f"stage 'entities': ner must be one of {NER_CHOICES}, not {self.config['ner']!r}")
        for key, allowed in (("ner_backend", BACKENDS), ("ner_quantize", QUANTIZE)):
            if self.config[key] not in allowed:
                raise ContractError(f"stage 'entities': {key} must be one of {allowed}, not {self.config[key]!r}")
        if self.config["ner"] != "none" and self.config["ner_quantize"] != "none" and self._backend() != "direct":
            raise ContractError("stage 'entities': ner_quantize needs the direct backend (ner 'hi-ner')")
        self._engine = None
        if self.config["ner"] != "none":  # a missing model is a build-time problem; loading waits for use
            from ..ner.model_files import check_engine
            try:
                check_engine(self.config["ner"])
            except FileNotFoundError as e:
                raise ContractError(f"stage 'entities': {e} (use --ner none for rules only)") from None

    @property
    def engine(self):
        """The NER engine, loaded on first use (once per process)."""
        if self._engine is None and self.config["ner"] != "none":
            from ..ner.engine import get_engine
            self._engine = get_engine(self.config["ner"], self.config["ner_backend"], self.config["ner_quantize"])
        return self._engine

    def _backend(self) -> str:
        from ..ner.model_files import resolved_backend
        return resolved_backend(self.config["ner"], self.config["ner_backend"])

    def version(self) -> str:
        seeds = [self.config["ner"]]
        if self.config["ner"] != "none":
            from ..ner.model_files import engine_version
            seeds.append(engine_version(self.config["ner"]))
            seeds.append(f"backend={self._backend()} quantize={self.config['ner_quantize']}")
        return files_version(sorted(DATA_DIR.glob("*.tsv")) + sorted(Path(__file__).parent.glob("*.py")), *seeds)

    def __call__(self, doc: Document) -> None:
        self.process_batch([doc])

    def process_batch(self, docs: list[Document]) -> None:
        """Entities for several documents: one engine.tag call over all their sentences (the engine
        buckets them by length), then each document fused on its own, as for one document."""
        keyed = [_keyed_sentences(doc) for doc in docs]
        engine = self.engine
        flat = [[t.text for t in toks] for doc_keyed in keyed for _, toks, _, _ in doc_keyed]
        model_out = engine.tag(flat) if engine and flat else [[]] * len(flat)
        lex, at = load(), 0
        for doc, doc_keyed in zip(docs, keyed):
            _add_entities(doc, doc_keyed, model_out[at:at + len(doc_keyed)], lex, engine is not None,
                          doc.metadata.setdefault("_lone_surnames", {}))
            # a long document's windows share its metadata: rule 4's surnames carry over (entities/index.py)
            assign_index_ids(doc.entities, doc.metadata.setdefault("_index_surnames", {}))
            at += len(doc_keyed)


def _keyed_sentences(doc: Document) -> list[tuple]:
    """(sentence, its tokens, their normalized keys, their kinds) for each sentence with tokens."""
    by_sent, by_keys = doc.sentence_tokens(), doc.sentence_keys()
    keyed = []
    for s in doc.sentences:
        toks = by_sent.get(s.id)
        if toks:
            keyed.append((s, toks, by_keys[s.id], [t.kind for t in toks]))
    return keyed


def _add_entities(doc: Document, keyed: list[tuple], model_out, lex, with_model: bool, surnames: dict) -> None:
    for (s, toks, keys, kinds), spans in zip(keyed, model_out):
        fused, _titles = fuse(keys, kinds, model_candidates(spans), lex, with_model=with_model)
        lone = lone_surnames(fused, keys, kinds, lex, surnames)
        lone += named_companies(fused + lone, keys, kinds, lex)
        fused = sorted(fused + lone, key=lambda c: c.i) if lone else fused
        fused = company_tails(fused, keys, kinds, lex)
        see_surnames(fused, keys, surnames)
        org_by_end = {c.j: c.i for c in fused if c.label == "ORG"}
        for c in fused:
            start, end = toks[c.i].start, toks[c.j - 1].end
            ent = Entity(id=f"{doc.doc_id}:e{len(doc.entities)}", start=start, end=end,
                         text=doc.text[start:end], sentence_id=s.id, label=c.label, subtype=c.subtype,
                         source=c.source, score=round(c.score, 4), canonical=c.canonical)
            if c.title:
                # an organisation right before the title belongs to the role: कांग्रेस विधायक, सपा प्रवक्ता
                first = org_by_end.get(c.title[0], c.title[0])
                ent.role_start, ent.role_end = toks[first].start, toks[c.title[1] - 1].end
                ent.role = doc.text[ent.role_start:ent.role_end]
            doc.entities.append(ent)

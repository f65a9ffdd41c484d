"""The one explicit stage list, and running it over one document or a folder.

read -> normalize -> sentences -> tokens -> entities -> amounts -> syntax -> relations -> triples -> tables
"""
from __future__ import annotations

import time
from typing import Any

from . import __version__
from .amounts.stage import AmountsStage
from .core.doc import Document
from .core.stage import Stage, check_contracts
from .entities.stage import EntitiesStage
from .relations.stage import RelationsStage
from .syntax.stage import SyntaxStage
from .text.normalize import NormalizeStage
from .text.sentences import SentencesStage
from .text.tokens import TokensStage
from .triples.stage import TriplesStage

# the order is the pipeline; each class's `name` is its config key
STAGES: list[type[Stage]] = [
    NormalizeStage,
    SentencesStage,
    TokensStage,
    EntitiesStage,
    AmountsStage,
    SyntaxStage,
    RelationsStage,
    TriplesStage,
]


class Pipeline:
    def __init__(self, config: dict[str, dict[str, Any]] | None = None, skip: tuple[str, ...] = ()):
        config = dict(config or {})
        names = [cls.name for cls in STAGES]
        unknown = sorted(set(config) - set(names))
        if unknown:
            raise ValueError(f"config for unknown stages {unknown}; stages are {names}")
        self.stages: list[Stage] = [cls(config.get(cls.name)) for cls in STAGES if cls.name not in skip]
        check_contracts(self.stages)

    def versions(self) -> dict[str, str]:
        return {"pipeline": __version__, **{s.name: s.version() for s in self.stages}}

    def process(self, doc: Document) -> Document:
        for stage in self.stages:
            try:
                stage(doc)
            except Exception as e:  # noqa: BLE001 - any stage failure becomes an error row
                raise StageError(stage.name, e) from e
        return doc

    def process_many(self, docs: list[Document], timings: dict[str, list[float]] | None = None) -> list[Document]:
        """`process` over several documents at once, with the same rows: each stage runs over all of
        them before the next, a stage with `process_batch(docs)` gets them in one call (the NER model
        tags every sentence in one go). A StageError here does not say which document failed: a
        caller that needs that redoes the documents one by one with `process`. `timings`, if given,
        adds each stage's [wall, CPU] seconds to timings[stage name] (benchmarks/bench_stages.py)."""
        for stage in self.stages:
            t, c = time.perf_counter(), time.process_time()
            try:
                batch = getattr(stage, "process_batch", None)
                if batch is not None:
                    batch(docs)
                else:
                    for doc in docs:
                        stage(doc)
            except Exception as e:  # noqa: BLE001
                raise StageError(stage.name, e) from e
            if timings is not None:
                spent = timings.setdefault(stage.name, [0.0, 0.0])
                spent[0] += time.perf_counter() - t
                spent[1] += time.process_time() - c
        return docs

    def process_text(self, text: str, doc_id: str = "text") -> Document:
        return self.process(Document(doc_id=doc_id, path="", text=text))


class StageError(RuntimeError):
    def __init__(self, stage: str, error: Exception):
        self.stage, self.error = stage, error
        super().__init__(f"stage {stage!r} failed: {type(error).__name__}: {error}")

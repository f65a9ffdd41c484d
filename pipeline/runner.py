"""The one explicit stage list, and running it over one document or a folder.

read -> normalize -> sentences -> tokens -> entities -> amounts -> syntax -> relations -> triples -> tables
"""
from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .doc import Document
from .read import InputError, doc_id_for, read_document
from .stage import Stage, check_contracts
from .tables import TABLES, document_rows, error_row

# (stage name, "module:Class"): the order is the pipeline
STAGES: list[tuple[str, str]] = [
    ("normalize", "pipeline.normalize:NormalizeStage"),
    ("sentences", "pipeline.sentences:SentencesStage"),
    ("tokens", "pipeline.tokens:TokensStage"),
    ("entities", "pipeline.entities.stage:EntitiesStage"),
    ("amounts", "pipeline.amounts.stage:AmountsStage"),
    ("syntax", "pipeline.syntax.stage:SyntaxStage"),
    ("relations", "pipeline.relations.stage:RelationsStage"),
    ("triples", "pipeline.openie.stage:TriplesStage"),
]


def _load(spec: str) -> type[Stage]:
    mod, cls = spec.split(":")
    return getattr(importlib.import_module(mod), cls)


class Pipeline:
    def __init__(self, config: dict[str, dict[str, Any]] | None = None, skip: tuple[str, ...] = ()):
        config = dict(config or {})
        names = [n for n, _ in STAGES]
        unknown = sorted(set(config) - set(names))
        if unknown:
            raise ValueError(f"config for unknown stages {unknown}; stages are {names}")
        self.stages: list[Stage] = [_load(spec)(config.get(name)) for name, spec in STAGES if name not in skip]
        check_contracts(self.stages)

    def versions(self) -> dict[str, str]:
        from . import __version__
        return {"pipeline": __version__, **{s.name: s.version() for s in self.stages}}

    def process(self, doc: Document) -> Document:
        for stage in self.stages:
            try:
                stage(doc)
            except Exception as e:  # noqa: BLE001 - any stage failure becomes an error row
                raise StageError(stage.name, e) from e
        return doc

    def process_text(self, text: str, doc_id: str = "text") -> Document:
        return self.process(Document(doc_id=doc_id, path="", text=text))


class StageError(RuntimeError):
    def __init__(self, stage: str, error: Exception):
        self.stage, self.error = stage, error
        super().__init__(f"stage {stage!r} failed: {type(error).__name__}: {error}")


@dataclass
class DocResult:
    doc_id: str
    rows: dict[str, list[dict]] = field(default_factory=dict)
    ok: bool = True
    seconds: float = 0.0


def process_file(pipe: Pipeline, path: Path, root: Path) -> DocResult:
    """Read and process one file; every failure becomes an `errors` row, never an exception."""
    t0 = time.perf_counter()
    doc_id = doc_id_for(path, root)
    try:
        doc = pipe.process(read_document(path, root))
        res = DocResult(doc_id, document_rows(doc))
    except InputError as e:
        res = DocResult(doc_id, {"errors": [error_row(doc_id, str(path), "read", e.kind, e.reason, e.offset)]},
                        ok=False)
    except StageError as e:
        res = DocResult(doc_id, {"errors": [error_row(doc_id, str(path), e.stage, "stage_error", str(e.error))]},
                        ok=False)
    res.seconds = time.perf_counter() - t0
    for t in TABLES:
        res.rows.setdefault(t, [])
    return res


def find_inputs(corpus: Path) -> list[Path]:
    """Every regular file under corpus (sorted); hidden files and folders are skipped."""
    return sorted(p for p in corpus.rglob("*") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(corpus).parts))

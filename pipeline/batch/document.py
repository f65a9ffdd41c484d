"""The pipeline the documents of a batch run need, built where they run (a picklable
PipelineFactory) and fingerprinted for the cache keys; and how documents are grouped for it. What
is done with one document, or a group of them, is batch/process.py."""
from __future__ import annotations

import hashlib
import json
from collections import deque
from dataclasses import dataclass
from pathlib import Path

# documents processed together (batch/process.py, stage by stage): the NER model then tags a few hundred
# sentences per call instead of ~20, which halves its per-sentence overhead
GROUP_DOCS = 16


def group_size(n: int, workers: int = 1) -> int:
    """Documents per group for n documents: at most GROUP_DOCS, small enough to keep `workers`
    busy (about 4 groups per worker before a group shrinks below GROUP_DOCS)."""
    return max(1, min(GROUP_DOCS, n // (4 * workers) if workers > 1 else GROUP_DOCS))


def groups(tasks: list, workers: int = 1) -> list[list]:
    """`tasks` cut into consecutive groups of group_size (batch/ledger.py Todo: the same, lazily)."""
    size = group_size(len(tasks), workers)
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


class GroupQueue:
    """The groups waiting for a worker, as (group, retried alone?): those put back (a lost worker's
    documents, one by one) first, then the run's own groups, made only when taken."""

    def __init__(self, fresh, count: int):
        self.front: deque = deque()
        self.fresh, self.left = iter(fresh), count

    def __len__(self) -> int:
        return len(self.front) + self.left

    def put_back(self, items: list) -> None:
        """`items` go first, in their order."""
        self.front.extendleft(reversed(items))

    def take(self):
        if self.front:
            return self.front.popleft()
        self.left -= 1
        return next(self.fresh), False


# ---------------------------------------------------------------------------------------------
# the pipeline, built where it runs
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PipelineFactory:
    """A picklable recipe for a Pipeline, so each worker process builds (and loads models) once."""
    config_json: str = "{}"
    skip: tuple[str, ...] = ()

    @classmethod
    def of(cls, config: dict | None = None, skip: tuple[str, ...] = ()) -> "PipelineFactory":
        return cls(json.dumps(config or {}, sort_keys=True), tuple(skip))

    def __call__(self):
        from ..runner import Pipeline
        return Pipeline(json.loads(self.config_json), skip=self.skip)


class _Given:
    """Wraps an already built Pipeline (in-process runs only)."""

    def __init__(self, pipe):
        self.pipe, self.config_json, self.skip = pipe, "given", ()

    def __call__(self):
        return self.pipe


_SOURCE_EXT = (".py", ".tsv", ".txt", ".json", ".yaml", ".yml", ".csv")


def source_hash() -> str:
    """sha256 of the package's code and data files: a safety net under the stage versions, so an
    edit whose author forgot to bump a version still invalidates the caches."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.suffix in _SOURCE_EXT and p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode() + b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def fingerprint(pipe, factory) -> str:
    """Everything besides a document's bytes that shapes its rows. The stages' effective config
    (defaults filled in) counts, not how it was spelled: {"ner": "none"} and the CLI's fuller
    {"ner": "none", "ner_backend": "direct", ...} share their caches."""
    config = {s.name: s.config for s in pipe.stages}
    return json.dumps({"versions": pipe.versions(), "stages": [s.name for s in pipe.stages],
                       "config": config, "skip": list(factory.skip), "source": source_hash()},
                      sort_keys=True, default=str)

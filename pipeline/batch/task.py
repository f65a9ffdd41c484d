"""What the engines hand out: one `DocTask` per document, each carrying the run's `RunSpec`, and the
`Job` of the main process that makes them.

Both engines (batch/workers.py, batch/dask_engine.py) give a worker a list of DocTasks and the worker
calls one function on it, `process_group` (batch/process.py); the tasks of a group share one RunSpec,
which pickles once per group.
"""
from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from .options import RunOptions


@dataclass(frozen=True)
class RunSpec:
    """What every document of a run is processed with, wherever it runs: how to build the Pipeline
    (`factory`), the fingerprint in its cache keys, CSV escaping and the per-document time limit
    (seconds, None: none). `origin` names the process that made the tasks ("host:pid"): a worker
    running inside that very process (an in-process cluster) must leave its objects alone."""
    factory: Any
    fingerprint: str
    csv_escape: bool = True
    doc_timeout: float | None = None
    origin: str = ""


@dataclass(frozen=True, slots=True)     # (slots: an archive's worth of them stays small)
class DocTask:
    """One document: its id and path, a problem known before reading it ((kind, reason): an errors
    row without reading), and its bytes when the engine ships them (Dask); otherwise the worker reads
    `path` itself."""
    run: RunSpec
    doc_id: str
    path: str
    problem: tuple[str, str] | None = None
    data: bytes | None = None

    def with_bytes(self, data: bytes | None, problem: tuple[str, str] | None = None) -> "DocTask":
        return replace(self, data=data, problem=problem or self.problem)


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass
class Job:
    """One run's fixed parts in the main process: the checked options, how a worker builds its
    Pipeline (`factory`), the Pipeline of this process (None when workers build their own), the
    fingerprint that keys the row caches, the output store, and the stages' versions."""
    options: RunOptions
    factory: Any
    pipe: Any
    fingerprint: str
    store: Any
    versions: dict = field(default_factory=dict)

    @cached_property
    def spec(self) -> RunSpec:
        """One object for all the run's tasks (so a group of them pickles it once)."""
        o = self.options
        return RunSpec(self.factory, self.fingerprint, o.csv_escape, o.doc_timeout, this_process())

    def task(self, doc_id: str, path: str, problem: tuple[str, str] | None = None) -> DocTask:
        return DocTask(self.spec, doc_id, path, problem)

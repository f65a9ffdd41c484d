"""One document, or a group of them, -> cache entries (batch/entry.py). Never raises (but on Ctrl-C).

`process_group` is the one function both engines call, with a list of DocTasks. Its readable
documents go through the stages together, stage by stage (a stage with `process_batch`, the NER, tags
all their sentences in one call: half the per-sentence cost of one document at a time), each document
with its own time budget, `--doc-timeout`:

* a document that overruns its budget in a stage, or makes a stage fail, becomes its own errors row
  (`timeout`, `stage_error`) and leaves the group; the others go on with the next stage;
* a `process_batch` call that fails or overruns (its limit is the largest budget left) is undone and
  that stage alone is redone document by document, so the culprit is found and its neighbours keep
  what the earlier stages gave them. A hung document thus delays its group by at most about twice its
  own limit, and its neighbours are never redone from scratch.

Documents too long to hold whole go through batch/windows.py, alone.
"""
from __future__ import annotations

import dataclasses
import time

from ..core.doc import Document
from ..runner import StageError
from ..core.tables import document_rows, error_row
from ..text.read import InputError, document_from_bytes
from .deadline import Deadline, DocTimeout
from .entry import EntryWriter, Result, package
from .source import read_source, source_sha256
from .task import DocTask
from .windows import is_long, process_long


def timeout_reason(timeout) -> str:
    return (f"processing took over {timeout:g} s (--doc-timeout) and was stopped; very long sentences "
            "without a danda are the usual cause: split the text, or rerun with a larger --doc-timeout")


class _Item:
    """One document of a group on its way through the stages: its Document until it fails, the
    seconds it has spent, and its errors row once it has one."""

    def __init__(self, task: DocTask):
        self.task, self.doc, self.sha, self.error = task, None, "", None
        self.spent = 0.0

    def left(self) -> float | None:
        """Seconds of its budget left (None: no limit; never 0, which would mean none)."""
        limit = self.task.run.doc_timeout
        return max(0.001, limit - self.spent) if limit else None

    def fail(self, stage: str, kind: str, reason: str, offset: int | None = None) -> None:
        t = self.task
        self.error, self.doc = error_row(t.doc_id, t.path, stage, kind, reason, offset), None

    def failed_in(self, stage: str, e: BaseException) -> None:
        if isinstance(e, DocTimeout):
            self.fail(stage, "timeout", timeout_reason(self.task.run.doc_timeout))
        else:
            self.fail(stage, "stage_error", f"{type(e).__name__}: {e}")


def process_doc(pipe, task: DocTask) -> Result:
    return process_group(pipe, [task])[0]


def process_group(pipe, tasks: list[DocTask]) -> list[Result]:
    """The (meta, entry) of every task, in order, with the rows each would get alone."""
    items = [_Item(t) for t in tasks]
    for it in items:
        _open(it)
    whole = [it for it in items if it.doc is not None and not is_long(pipe, it.doc)]
    if whole:
        _through_stages(pipe.stages, whole)
    out = []
    for it in items:
        if it.doc is not None and it not in whole:
            out.append(_long(pipe, it))
        else:
            out.append(_package(it))
    return out


def _open(it: _Item) -> None:
    """Read (unless the task brings its bytes) and decode the document, within its budget."""
    t, t0 = it.task, time.perf_counter()
    try:
        if t.problem:
            raise InputError(t.path, t.problem[1], kind=t.problem[0])
        data = t.data if t.data is not None else read_source(t.path)
        it.sha = source_sha256(data)
        with Deadline(it.left()):
            it.doc = document_from_bytes(data, t.path, t.doc_id, it.sha)
    except InputError as e:
        it.fail("read", e.kind, e.reason, e.offset)
    except DocTimeout:
        it.fail("read", "timeout", timeout_reason(t.run.doc_timeout))
    it.spent += time.perf_counter() - t0


def _through_stages(stages, items: list[_Item]) -> None:
    for stage in stages:
        live = [it for it in items if it.doc is not None]
        if not live:
            return
        batch = getattr(stage, "process_batch", None)
        if batch is not None and len(live) > 1 and _batched(stage, batch, live):
            continue
        for it in live:
            _one(stage, it)


def _one(stage, it: _Item) -> None:
    t0 = time.perf_counter()
    try:
        with Deadline(it.left()):
            stage(it.doc)
    except Exception as e:  # noqa: BLE001 - any stage failure is this document's errors row
        it.failed_in(stage.name, e)
    it.spent += time.perf_counter() - t0


def _batched(stage, batch, live: list[_Item]) -> bool:
    """`stage.process_batch` over the live documents; False (and the stage's fields reset) when it
    failed or overran the largest budget left, so that the caller redoes it one by one."""
    lefts = [it.left() for it in live]
    t0 = time.perf_counter()
    try:
        with Deadline(None if None in lefts else max(lefts)):
            batch([it.doc for it in live])
    except Exception:  # noqa: BLE001 - redone one by one, where the error finds its document
        for it in live:
            _reset(it.doc, stage.provides)
        return False
    spent, chars = time.perf_counter() - t0, sum(len(it.doc.text) for it in live) or 1
    for it in live:                      # each pays its share, by its length
        it.spent += spent * len(it.doc.text) / chars
    return True


_FIELDS = {f.name: f for f in dataclasses.fields(Document)}


def _reset(doc: Document, provides) -> None:
    """Undo what a stage may have half written: its fields back to their defaults."""
    for name in provides:
        f = _FIELDS.get(name)
        if f is None:
            doc.metadata.pop(name, None)
        elif f.default_factory is not dataclasses.MISSING:
            setattr(doc, name, f.default_factory())
        else:
            setattr(doc, name, f.default)


def _package(it: _Item) -> Result:
    t0 = time.perf_counter()
    rows = None
    if it.error is None:
        try:
            rows = document_rows(it.doc)
        except Exception as e:  # noqa: BLE001 - a bug must not stop the batch
            it.fail("batch", "internal_error", f"{type(e).__name__}: {e}")
    if rows is None:
        rows = {"errors": [it.error]}
    it.doc = None
    return package(it.task, it.sha, rows, it.spent + time.perf_counter() - t0)


def _long(pipe, it: _Item) -> Result:
    """A long document through batch/windows.py, its entry written window by window."""
    writer, t0 = EntryWriter(it.task), time.perf_counter()
    try:
        with Deadline(it.left()):
            process_long(pipe, it.doc, writer)
    except StageError as e:
        it.failed_in(e.stage, e.error)
    except DocTimeout as e:
        it.failed_in("batch", e)
    except Exception as e:  # noqa: BLE001
        it.fail("batch", "internal_error", f"{type(e).__name__}: {e}")
    it.spent += time.perf_counter() - t0
    if it.error is not None:
        writer = EntryWriter(it.task)
        writer.add({"errors": [it.error]})
    it.doc = None
    return writer.finish(it.sha, it.spent)

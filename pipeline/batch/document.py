"""One document of a batch run -> its rows, packaged as a cache entry; and the pipeline it needs,
built where it runs (a picklable PipelineFactory) and fingerprinted for the cache keys."""
from __future__ import annotations

import hashlib
import json
import pickle
import time
from dataclasses import dataclass
from pathlib import Path

from ..core.tables import INDEX_PARTS, TABLES, document_rows, error_row
from ..text.read import MAX_BYTES, InputError, document_from_bytes
from .deadline import Deadline, DocTimeout
from .manifest_format import cache_key
from .render import render_csv

# error kinds worth retrying on the next run even though the bytes did not change (a timeout
# is retried only when the next run allows more time)
RETRY_KINDS = {"io", "internal_error", "worker_crash"}

# documents processed together (Pipeline.process_many): the NER model then tags a few hundred
# sentences per call instead of ~20, which halves its per-sentence overhead
GROUP_DOCS = 16


def groups(tasks: list, workers: int = 1) -> list[list]:
    """`tasks` cut into consecutive groups of at most GROUP_DOCS, small enough to keep `workers`
    busy (about 4 groups per worker before a group shrinks below GROUP_DOCS)."""
    size = max(1, min(GROUP_DOCS, len(tasks) // (4 * workers) if workers > 1 else GROUP_DOCS))
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


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


# ---------------------------------------------------------------------------------------------
# one document -> (meta, cache blob); never raises
# ---------------------------------------------------------------------------------------------
def _timeout_reason(timeout) -> str:
    return (f"processing took over {timeout:g} s (--doc-timeout) and was stopped; very long sentences "
            "without a danda are the usual cause: split the text, or rerun with a larger --doc-timeout")


def _read_bytes(path: str) -> bytes:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for one "
                                   "document; split it into smaller files", kind="too_large")
        return p.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read file: {e.strerror or e}", kind="io") from None


def process_doc(pipe, doc_id: str, path: str, data: bytes | None, fp: str, escape: bool,
                timeout: float | None = None, problem: tuple[str, str] | None = None) -> tuple[dict, bytes]:
    """Read (unless `data` is given), process, and package one document. Every failure becomes
    an `errors` row; `problem` = (kind, reason) makes the error row without reading."""
    from ..runner import StageError
    t0 = time.perf_counter()
    sha = ""
    try:
        if problem:
            raise InputError(path, problem[1], kind=problem[0])
        if data is None:
            data = _read_bytes(path)
        sha = hashlib.sha256(data).hexdigest()
        with Deadline(timeout):           # any thread: SIGALRM on a main thread, else a watchdog
            doc = document_from_bytes(data, path, doc_id)
            rows = document_rows(pipe.process(doc))
    except InputError as e:
        rows = {"errors": [error_row(doc_id, path, "read", e.kind, e.reason, e.offset)]}
    except StageError as e:
        kind = "timeout" if isinstance(e.error, DocTimeout) else "stage_error"
        reason = _timeout_reason(timeout) if kind == "timeout" else f"{type(e.error).__name__}: {e.error}"
        rows = {"errors": [error_row(doc_id, path, e.stage, kind, reason)]}
    except DocTimeout:
        rows = {"errors": [error_row(doc_id, path, "read", "timeout", _timeout_reason(timeout))]}
    except Exception as e:  # noqa: BLE001 - a bug must not stop the batch
        rows = {"errors": [error_row(doc_id, path, "batch", "internal_error", f"{type(e).__name__}: {e}")]}
    return package(doc_id, path, sha, rows, fp, escape, time.perf_counter() - t0, timeout)


def process_group(pipe, tasks: list[tuple[str, str, tuple | None]], fp: str, escape: bool,
                  timeout: float | None = None) -> list[tuple[dict, bytes]]:
    """process_doc for each (doc_id, path, problem) of `tasks`, the readable ones through one
    Pipeline.process_many, with the same rows. Should anything fail or the group overrun its
    deadline (the per-document timeout times its size), its documents are redone one by one with
    process_doc, so a failure or timeout is still one document's errors row."""
    t0 = time.perf_counter()
    out: dict[int, tuple[dict, bytes]] = {}
    readable: list[tuple[int, bytes]] = []
    for i, (doc_id, path, problem) in enumerate(tasks):
        data = None
        if not problem:
            try:
                data = _read_bytes(path)
            except InputError:
                pass
        if data is None:
            out[i] = process_doc(pipe, doc_id, path, None, fp, escape, timeout, problem)
        else:
            readable.append((i, data))
    if len(readable) > 1 and hasattr(pipe, "process_many"):
        try:
            with Deadline(timeout * len(readable) if timeout else None):
                docs = [document_from_bytes(data, tasks[i][1], tasks[i][0]) for i, data in readable]
                all_rows = [document_rows(doc) for doc in pipe.process_many(docs)]
        except Exception:  # noqa: BLE001 - redone one by one below, where the error finds its document
            all_rows = None
        if all_rows is not None:
            share = (time.perf_counter() - t0) / len(readable)
            for (i, data), rows in zip(readable, all_rows):
                doc_id, path, _ = tasks[i]
                out[i] = package(doc_id, path, hashlib.sha256(data).hexdigest(), rows, fp, escape, share, timeout)
    for i, data in readable:
        if i not in out:
            out[i] = process_doc(pipe, tasks[i][0], tasks[i][1], data, fp, escape, timeout)
    return [out[i] for i in range(len(tasks))]


def package(doc_id, path, sha, rows, fp, escape, seconds=0.0, timeout=None) -> tuple[dict, bytes]:
    for t in TABLES:
        rows.setdefault(t, [])
    errs = rows["errors"]
    retry = any(r["kind"] in RETRY_KINDS for r in errs)
    timed_out = timeout if any(r["kind"] == "timeout" for r in errs) else None
    # rows pickled apart: assembling CSVs reads only the pre-rendered UTF-8 lines (fast)
    index = rows.pop(INDEX_PARTS, [])      # merged across the run by assemble (core.tables.EntityIndex)
    rows.pop("entity_index", None)         # (this document's own index: the run's replaces it)
    entry = {"rows": pickle.dumps(rows, protocol=5), "counts": {t: len(rows[t]) for t in TABLES},
             "index": pickle.dumps(index, protocol=5),
             "escape": escape, "csv": {t: render_csv(t, rows[t], escape).encode("utf-8") for t in TABLES},
             "sha256": sha, "ok": not errs, "retry": retry, "timed_out": timed_out}
    content = sha if sha else f"unread:{errs[0]['kind'] if errs else ''}"
    meta = {"doc_id": doc_id, "key": cache_key(fp, doc_id, path, content),
            "ok": not errs, "seconds": seconds, "sha256": sha}
    return meta, pickle.dumps(entry, protocol=5)

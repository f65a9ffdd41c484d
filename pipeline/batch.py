"""A batch run: every file of a corpus folder -> the tables in an output folder.

Incremental, parallel and crash-safe (docs/batch.md):

* each document's rows are cached under OUT/.cache/rows/ by a key made of its bytes (sha256),
  its id and path, and the pipeline's versions/config; a rerun processes only documents whose
  key has no cache entry (new, changed, or a version changed), `force=True` redoes all;
* documents are processed in-process (workers=1), by a pool of worker processes that each
  build their own Pipeline once (workers>1), or on a Dask cluster (engine="dask");
* the tables are then assembled from the caches in doc_id order (so any engine and any number
  of workers give byte-identical tables), streamed chunk by chunk (memory stays flat), into a
  new generation folder that one atomic rename publishes (pipeline/manifest.py).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import pickle
import signal
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .manifest import (DOC_INDEX, FORMAT, MANIFEST, OutputBusy, Store, cache_key, crashpoint, file_sha256,  # noqa: F401
                       symlinks_work)
from .read import MAX_BYTES, InputError, document_from_bytes
from .tables import COLUMNS, TABLES, document_rows, error_row, escape_cell

CHUNK_DOCS = 256          # documents per parquet row group / dataset part
INT_COLUMNS = {"index", "start", "end", "bytes", "chars", "n_sentences", "n_tokens", "n_entities", "n_amounts",
               "n_relations", "n_triples", "source_url_start", "source_url_end", "role_start", "role_end",
               "offset"}
FLOAT_COLUMNS = {"score"}
# error kinds worth retrying on the next run even though the bytes did not change (a timeout
# is retried only when the next run allows more time)
RETRY_KINDS = {"io", "internal_error", "worker_crash"}


class BatchUsageError(ValueError):
    """The run cannot start (paths, options); nothing was written."""


class PipelineBuildError(BatchUsageError):
    """The pipeline cannot be built (bad config, a missing model...); nothing was written."""


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
        from .runner import Pipeline
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
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.suffix in _SOURCE_EXT and p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode() + b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def fingerprint(pipe, factory) -> str:
    """Everything besides a document's bytes that shapes its rows."""
    return json.dumps({"versions": pipe.versions(), "stages": [s.name for s in pipe.stages],
                       "config": factory.config_json, "skip": list(factory.skip), "source": source_hash()},
                      sort_keys=True)


# ---------------------------------------------------------------------------------------------
# one document -> (meta, cache blob); never raises
# ---------------------------------------------------------------------------------------------
class DocTimeout(Exception):
    pass


def _alarm(signum, frame):  # pragma: no cover - only under a timeout
    raise DocTimeout()


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
    from .runner import StageError
    t0 = time.perf_counter()
    sha = ""
    use_alarm = bool(timeout) and threading.current_thread() is threading.main_thread() \
        and hasattr(signal, "setitimer")
    try:
        if problem:
            raise InputError(path, problem[1], kind=problem[0])
        if data is None:
            data = _read_bytes(path)
        sha = hashlib.sha256(data).hexdigest()
        if use_alarm:
            old = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            doc = document_from_bytes(data, path, doc_id)
            rows = document_rows(pipe.process(doc))
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, old)
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


def package(doc_id, path, sha, rows, fp, escape, seconds=0.0, timeout=None) -> tuple[dict, bytes]:
    for t in TABLES:
        rows.setdefault(t, [])
    errs = rows["errors"]
    retry = any(r["kind"] in RETRY_KINDS for r in errs)
    timed_out = timeout if any(r["kind"] == "timeout" for r in errs) else None
    # rows pickled apart: assembling CSVs reads only the pre-rendered UTF-8 lines (fast)
    entry = {"rows": pickle.dumps(rows, protocol=5), "counts": {t: len(rows[t]) for t in TABLES},
             "escape": escape, "csv": {t: render_csv(t, rows[t], escape).encode("utf-8") for t in TABLES},
             "sha256": sha, "ok": not errs, "retry": retry, "timed_out": timed_out}
    content = sha if sha else f"unread:{errs[0]['kind'] if errs else ''}"
    meta = {"doc_id": doc_id, "key": cache_key(fp, doc_id, path, content),
            "ok": not errs, "seconds": seconds, "sha256": sha}
    return meta, pickle.dumps(entry, protocol=5)


# ---------------------------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------------------------
def _cell(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return "" if v != v else repr(v)
    return v if isinstance(v, str) else str(v)


# RFC 4180 line ends: the csv module then also quotes cells holding a lone CR (with "\n" as line
# end it would not, and a reader would split the row there)
CSV_EOL = "\r\n"


def render_header(table: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=CSV_EOL).writerow(COLUMNS[table])
    return buf.getvalue()


def render_csv(table: str, rows: list[dict], escape: bool) -> str:
    """CSV lines (no header) of one document's rows of one table."""
    if not rows:
        return ""
    cols = COLUMNS[table]
    text_cols = [c not in INT_COLUMNS and c not in FLOAT_COLUMNS for c in cols]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=CSV_EOL)
    for r in rows:
        vals = [_cell(r.get(c)) for c in cols]
        if escape:
            vals = [escape_cell(v) if tc else v for v, tc in zip(vals, text_cols)]
        w.writerow(vals)
    return buf.getvalue()


def arrow_schema(table: str):
    import pyarrow as pa
    return pa.schema([(c, pa.int64() if c in INT_COLUMNS else pa.float64() if c in FLOAT_COLUMNS
                       else pa.string()) for c in COLUMNS[table]])


def arrow_table(table: str, rows: list[dict]):
    import pyarrow as pa
    schema = arrow_schema(table)
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        fixed = []
        for r in rows:
            d = {}
            for f in schema:
                v = r.get(f.name)
                if v is not None and pa.types.is_string(f.type) and not isinstance(v, str):
                    v = str(v)
                elif v is not None and pa.types.is_int64(f.type):
                    v = int(v)
                elif v is not None and pa.types.is_float64(f.type):
                    v = float(v)
                d[f.name] = v
            fixed.append(d)
        return pa.Table.from_pylist(fixed, schema=schema)


# ---------------------------------------------------------------------------------------------
# inputs and paths
# ---------------------------------------------------------------------------------------------
OUR_NAMES = {".current", ".cache", ".lock", MANIFEST, "parquet"} | {f"{t}.{x}" for t in TABLES
                                                                    for x in ("csv", "parquet")}


def check_paths(corpus: Path, out: Path) -> None:
    """Refuse an output folder that could overwrite input or foreign files."""
    c, o = corpus.resolve(), out.resolve()
    if not c.is_dir():
        raise BatchUsageError(f"{corpus} is not a folder")
    if o == c:
        raise BatchUsageError("the output folder must not be the corpus folder (outputs would be read as "
                              "input and could overwrite it); choose another --out")
    if o in c.parents:
        raise BatchUsageError(f"the corpus {corpus} lies inside the output folder {out}; choose an output "
                              "folder outside the corpus")
    if o.exists() and not o.is_dir():
        raise BatchUsageError(f"{out} exists and is not a folder")
    if o.is_dir():
        names = {p.name for p in o.iterdir()}
        if names and not (names & OUR_NAMES or any(n.startswith(".gen-") for n in names)):
            raise BatchUsageError(f"{out} is not empty and holds no earlier hindi-extract outputs; choose an "
                                  "empty or new folder")


def list_inputs(corpus: Path, out: Path | None = None) -> list[tuple[str, str, tuple[str, str] | None]]:
    """(doc_id, path, problem) for every file under corpus, sorted by doc_id. Hidden files and
    folders and the output folder (when inside the corpus) are skipped. Symbolic links are
    followed only within the corpus; others get problem (kind, reason) and become error rows."""
    corpus = Path(corpus)
    root = corpus.resolve()
    skip = Path(out).resolve() if out is not None else None
    found = []

    def unreadable(err: OSError):   # a folder we cannot list must not vanish silently
        p = Path(err.filename)
        if p != corpus:
            found.append((p.relative_to(corpus).as_posix(), str(p),
                          ("io", f"cannot list folder: {err.strerror or err}")))

    for dirpath, dirnames, filenames in os.walk(corpus, followlinks=False, onerror=unreadable):
        d = Path(dirpath)
        if skip is not None and d.resolve() == skip:
            dirnames[:] = []
            continue
        dirnames[:] = [n for n in dirnames if not n.startswith(".")]
        names = [n for n in filenames if not n.startswith(".")]
        names += [n for n in dirnames if (d / n).is_symlink()]  # os.walk does not descend into these
        for name in names:
            p = d / name
            doc_id = p.relative_to(corpus).as_posix()
            problem = None
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    problem = ("symlink", "broken symbolic link (its target does not exist)")
                else:
                    if target != root and root not in target.parents:
                        problem = ("symlink", f"symbolic link leading out of the corpus folder "
                                              f"(to {target}): refused")
                    elif skip is not None and (target == skip or skip in target.parents):
                        problem = ("symlink", "symbolic link into the output folder: refused")
                    elif target.is_dir():
                        continue  # a folder inside the corpus: its files are listed where they are
            if problem is None and not p.is_file():
                problem = ("not_a_file", "not a regular file (device, pipe or socket)")
            found.append((doc_id, str(p), problem))
    found.sort(key=lambda x: x[0])
    return found


# ---------------------------------------------------------------------------------------------
# progress and summary
# ---------------------------------------------------------------------------------------------
@dataclass
class Summary:
    documents: int = 0          # documents in the tables now
    failed: int = 0             # of which in the errors table
    processed: int = 0          # processed by this run
    reused: int = 0             # taken from the cache
    removed: int = 0            # dropped since the last run (deleted files)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    up_to_date: bool = False    # nothing changed: outputs left untouched
    engine: str = "local"
    workers: int = 1
    generation: str = ""
    phases: dict[str, float] = field(default_factory=dict)   # seconds: scan, process, assemble, commit

    def lines(self) -> list[str]:
        rate = self.processed / self.seconds if self.seconds and self.processed else 0.0
        out = [f"{self.documents} documents ({self.failed} in errors): {self.processed} processed, "
               f"{self.reused} unchanged, {self.removed} removed, in {self.seconds:.1f} s"
               + (f", {rate:.1f} docs/s" if rate else "")
               + (f" [{self.engine}, {self.workers} workers]" if self.processed else "")]
        if self.up_to_date:
            out.append("  outputs already up to date; nothing rewritten")
        out += [f"  {t:10} {n:>8} rows" for t, n in self.rows.items()]
        return out


class Progress:
    """One status line on stderr when it is a terminal and not quiet."""

    def __init__(self, total: int, quiet: bool = False, stream=None):
        self.total, self.done, self.t0 = total, 0, time.perf_counter()
        self.stream = stream or sys.stderr
        self.show = not quiet and total > 0 and getattr(self.stream, "isatty", lambda: False)()
        self._last = 0.0

    def step(self, label: str) -> None:
        self.done += 1
        if not self.show:
            return
        now = time.perf_counter()
        if now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        dt = now - self.t0
        rate = self.done / dt if dt else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        width = 24
        bar = "#" * int(width * self.done / self.total)
        self.stream.write(f"\r[{bar:<{width}}] {self.done}/{self.total} {rate:.1f} docs/s ETA "
                          f"{_hms(eta)}  {label[-30:]:30}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def _hms(s: float) -> str:
    s = int(s)
    return f"{s // 3600}:{s // 60 % 60:02}:{s % 60:02}" if s >= 3600 else f"{s // 60}:{s % 60:02}"


# ---------------------------------------------------------------------------------------------
# engines
# ---------------------------------------------------------------------------------------------
_W: dict[str, Any] = {}


def _init_worker(factory, fp, escape, timeout, out) -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    except ValueError:
        pass
    _W.update(pipe=factory(), fp=fp, escape=escape, timeout=timeout, store=Store(Path(out)))
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(1)


def _work(task) -> dict:
    doc_id, path, problem = task
    meta, blob = process_doc(_W["pipe"], doc_id, path, None, _W["fp"], _W["escape"], _W["timeout"], problem)
    _W["store"].put(meta["key"], blob)
    return meta


def _crash_meta(task, fp, escape) -> tuple[dict, bytes]:
    doc_id, path, _ = task
    return package(doc_id, path, "", {"errors": [error_row(
        doc_id, path, "batch", "worker_crash", "the worker process died while processing this document "
        "(crash or out of memory); it was retried alone and died again")]}, fp, escape)


def _mp_context():
    """How worker processes start. fork when this process runs no other threads and has not
    loaded torch (the rules-only pipeline): instant, modules already imported. Otherwise
    forkserver where there is one (workers fork from a clean server that preloaded our modules:
    fork-safe although this process may hold torch threads), else spawn. Each worker builds its
    own Pipeline (and loads the NER model) once, in _init_worker, whatever the method."""
    import multiprocessing as mp
    methods = mp.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and "torch" not in sys.modules \
            and threading.active_count() == 1:
        return mp.get_context("fork")
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.batch", "pipeline.runner", "pipeline.tables"]
                                   + [spec.split(":")[0] for _, spec in _stage_specs()])
        return ctx
    return mp.get_context("spawn")


def _stage_specs():
    from .runner import STAGES
    return STAGES


def run_local(todo, factory, pipe, fp, escape, timeout, store: Store, workers: int, on_done) -> None:
    if workers <= 1:
        for doc_id, path, problem in todo:
            meta, blob = process_doc(pipe, doc_id, path, None, fp, escape, timeout, problem)
            store.put(meta["key"], blob)
            on_done(meta)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool
    ctx = _mp_context()
    initargs = (factory, fp, escape, timeout, str(store.out))
    pending = deque(todo)

    def alone(task):
        with ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker, initargs=initargs) as ex:
            try:
                return ex.submit(_work, task).result()
            except BrokenProcessPool:
                meta, blob = _crash_meta(task, fp, escape)
                store.put(meta["key"], blob)
                return meta

    while pending:
        inflight: dict = {}
        try:
            with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                     initargs=initargs) as ex:
                while pending or inflight:
                    while pending and len(inflight) < workers * 4:
                        task = pending.popleft()
                        inflight[ex.submit(_work, task)] = task
                    done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                    for fut in done:
                        meta = fut.result()   # BrokenProcessPool when a worker died
                        del inflight[fut]
                        on_done(meta)
        except BrokenProcessPool:
            for task in inflight.values():   # the culprit is among these: retry each alone
                on_done(alone(task))


# ---------------------------------------------------------------------------------------------
# assembling a generation
# ---------------------------------------------------------------------------------------------
class _HashedFile:
    def __init__(self, path: Path, bom: bool):
        self.path, self.f, self.h, self.n = path, open(path, "wb"), hashlib.sha256(), 0
        if bom:
            self.write_bytes(b"\xef\xbb\xbf")

    def write_bytes(self, b: bytes) -> None:
        self.f.write(b)
        self.h.update(b)
        self.n += len(b)

    def write(self, s: str) -> None:
        if s:
            self.write_bytes(s.encode("utf-8"))

    def close(self) -> dict:
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()
        return {"sha256": self.h.hexdigest(), "bytes": self.n}


def assemble(store: Store, gen: Path, docs: list[tuple[str, str]], formats: tuple[str, ...], escape: bool):
    """Write every table of `docs` ([(doc_id, key)], sorted) into gen/ from the caches.
    The per-document index (content sha256, cache key, row counts, error flags) is streamed to
    gen/docs.jsonl, not held in memory. Returns (files {name: {sha256, bytes[, rows]}}, table row
    counts, number of documents, number of documents in errors)."""
    want_pq, want_ds = "parquet" in formats, "parquet-dataset" in formats
    if want_pq or want_ds:
        import pyarrow.parquet as pq   # only then: ~50 MB less in a CSV-only run
    csv_files = {t: _HashedFile(gen / f"{t}.csv", bom=True) for t in TABLES}
    for t, f in csv_files.items():
        f.write(render_header(t))
    pq_writers: dict[str, Any] = {}
    buf: dict[str, list] = {t: [] for t in TABLES}
    parts: dict[str, list[str]] = {t: [] for t in TABLES}
    counts = {t: 0 for t in TABLES}
    index = _HashedFile(gen / DOC_INDEX, bom=False)
    n_failed = 0

    def flush(final=False):
        for t in TABLES:
            if not buf[t] and not (final and want_ds and not parts[t]):
                continue
            tbl = arrow_table(t, buf[t])
            if want_pq:
                if t not in pq_writers:
                    pq_writers[t] = pq.ParquetWriter(gen / f"{t}.parquet", arrow_schema(t))
                pq_writers[t].write_table(tbl)
            if want_ds:
                name = f"parquet/{t}/part-{len(parts[t]):05d}.parquet"
                (gen / name).parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(tbl, gen / name)
                parts[t].append(name)
            buf[t] = []

    for i, (doc_id, key) in enumerate(docs):
        e = store.get(key)
        if e is None:
            raise RuntimeError(f"cache entry for {doc_id} vanished during the run")
        need_rows = want_pq or want_ds or e["escape"] != escape
        rows = pickle.loads(e["rows"]) if need_rows else None
        for t in TABLES:
            counts[t] += e["counts"][t]
            csv_files[t].write_bytes(e["csv"][t] if e["escape"] == escape
                                     else render_csv(t, rows[t], escape).encode("utf-8"))
            if want_pq or want_ds:
                buf[t].extend(rows[t])
        entry = {"doc_id": doc_id, "key": key, "sha256": e["sha256"], "ok": e["ok"],
                 "rows": {t: n for t, n in e["counts"].items() if n}}
        if e["retry"]:
            entry["retry"] = True
        if e.get("timed_out"):
            entry["timed_out"] = e["timed_out"]
        index.write(json.dumps(entry, ensure_ascii=False) + "\n")
        n_failed += not e["ok"]
        if (want_pq or want_ds) and (i + 1) % CHUNK_DOCS == 0:
            flush()
        if i == len(docs) // 2:
            crashpoint("assembling")
    if want_pq or want_ds:
        flush(final=True)
    files = {DOC_INDEX: dict(index.close(), rows=len(docs))}
    for t, f in csv_files.items():
        files[f"{t}.csv"] = dict(f.close(), rows=counts[t])
    for t, w in pq_writers.items():
        w.close()
    if want_pq:
        for t in TABLES:
            if t not in pq_writers:   # no rows at all
                pq.write_table(arrow_table(t, []), gen / f"{t}.parquet")
            sha, n = file_sha256(gen / f"{t}.parquet")
            files[f"{t}.parquet"] = {"sha256": sha, "bytes": n, "rows": counts[t]}
    for t in TABLES:
        for name in parts[t]:
            sha, n = file_sha256(gen / name)
            files[name] = {"sha256": sha, "bytes": n}
    for p in [gen / n for n in files if n.endswith(".parquet")]:
        with open(p, "rb") as fh:
            os.fsync(fh.fileno())
    return files, counts, len(docs), n_failed


# ---------------------------------------------------------------------------------------------
# the run
# ---------------------------------------------------------------------------------------------
def run_batch(corpus: Path, out: Path, pipe=None, formats=("csv",), quiet: bool = False, *,
              factory: Callable | None = None, workers: int = 1, force: bool = False,
              csv_escape: bool = True, engine: str = "local", scheduler: str | None = None,
              doc_timeout: float | None = None, progress_stream=None, layout: str = "auto",
              on_doc: Callable[[dict], None] | None = None) -> Summary:
    """Process corpus -> out. Give `factory` (a PipelineFactory: each worker builds its own
    Pipeline) or an already built `pipe` (in-process only). Raises BatchUsageError or
    OutputBusy before writing anything when the run cannot start."""
    corpus, out = Path(corpus), Path(out)
    t0 = time.perf_counter()
    if factory is None:
        if pipe is None:
            raise BatchUsageError("give a Pipeline or a PipelineFactory")
        if workers > 1 or engine != "local":
            raise BatchUsageError("workers > 1 and the dask engine need a PipelineFactory (each worker "
                                  "builds its own Pipeline)")
        factory = _Given(pipe)
    if engine not in ("local", "dask"):
        raise BatchUsageError(f"unknown engine {engine!r} (local, dask)")
    formats = tuple(dict.fromkeys(formats))
    if engine == "dask" and "parquet-dataset" not in formats:
        formats += ("parquet-dataset",)
    bad = sorted(set(formats) - {"csv", "parquet", "parquet-dataset"})
    if bad or "csv" not in formats:
        raise BatchUsageError(f"formats must include csv, and be among csv, parquet, parquet-dataset: {bad}")
    if layout not in ("auto", "links", "plain"):
        raise BatchUsageError(f"unknown layout {layout!r} (auto, links, plain)")
    check_paths(corpus, out)
    if pipe is None:
        try:
            pipe = factory()
        except (ValueError, FileNotFoundError, ImportError) as e:  # ContractError, a missing model...
            raise PipelineBuildError(str(e)) from e
    fp = fingerprint(pipe, factory)
    versions = pipe.versions()
    if workers > 1 or engine == "dask":
        pipe = None   # workers build their own; no idle model copy in this process meanwhile
    store = Store(out)
    store.lock()
    try:
        if layout == "auto":
            layout = store.existing_layout() or ("links" if symlinks_work(out) else "plain")
        elif layout == "links" and not symlinks_work(out):
            raise BatchUsageError(f"{out}: this file system does not allow symbolic links; use layout plain")
        return _run(corpus, out, store, pipe, factory, fp, versions, formats, quiet, workers, force, csv_escape,
                    engine, scheduler, doc_timeout, progress_stream, on_doc, t0, layout)
    finally:
        store.unlock()


def _run(corpus, out, store, pipe, factory, fp, versions, formats, quiet, workers, force, escape, engine,
         scheduler, timeout, progress_stream, on_doc, t0, layout="links") -> Summary:
    store.cleanup()                       # leftovers of a killed run
    inputs = list_inputs(corpus, out)
    old = None if force else store.manifest()
    old_docs = store.doc_index() if old is not None else {}   # doc_id -> (key, retry, timed_out)
    summary = Summary(engine=engine, workers=workers)
    tp = time.perf_counter()

    keys: dict[str, str] = {}
    todo = []
    for doc_id, path, problem in inputs:
        key = None
        if problem is None:
            try:
                size = os.stat(path).st_size
            except OSError:
                size = 0
            if size > MAX_BYTES:
                problem = ("too_large", f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for one "
                                        "document; split it into smaller files")
        if problem is None:
            try:
                sha, _ = file_sha256(Path(path))
                key = cache_key(fp, doc_id, path, sha)
            except OSError:
                key = None                # the worker reports the read error
        else:
            key = cache_key(fp, doc_id, path, f"unread:{problem[0]}")
        prev_key, prev_retry, prev_timeout = old_docs.get(doc_id, (None, False, None))
        retry = prev_key == key and (prev_retry or (
            prev_timeout is not None and (not timeout or timeout > prev_timeout)))
        if force or key is None or retry or not store.has(key):
            todo.append((doc_id, path, problem))
        else:
            keys[doc_id] = key
    summary.reused = len(keys)
    summary.removed = len(set(old_docs) - {d for d, _, _ in inputs})
    summary.phases["scan"] = round(time.perf_counter() - tp, 3)
    tp = time.perf_counter()

    options = {"fingerprint": fp, "formats": list(formats), "csv_escape": escape, "layout": layout}
    if (not todo and old is not None and all(old.get(k) == v for k, v in options.items())
            and len(old_docs) == len(keys) and all(old_docs.get(d, ("",))[0] == k for d, k in keys.items())
            and not validate_quick(out, old)):
        if layout == "links":
            store.expose(sorted({n.split("/")[0] for n in old["files"]}) + [MANIFEST])
        return _finish(summary, old, t0, up_to_date=True)

    del old_docs, inputs      # not needed any more: keep the main process small
    progress = Progress(len(todo), quiet, progress_stream)

    def done(meta):
        keys[meta["doc_id"]] = meta["key"]
        summary.processed += 1
        progress.step(meta["doc_id"])
        if on_doc:
            on_doc(meta)

    if todo:
        if engine == "dask":
            from .dask_engine import run_dask
            run_dask(todo, factory, pipe, fp, escape, store, workers, scheduler, done)
        else:
            run_local(todo, factory, pipe, fp, escape, timeout, store, workers, done)

    summary.phases["process"] = round(time.perf_counter() - tp, 3)
    tp = time.perf_counter()
    crashpoint("processed")
    gen = store.new_gen()
    docs = sorted(keys.items())
    files, counts, n_docs, n_failed = assemble(store, gen, docs, formats, escape)
    del docs
    crashpoint("assembled")
    summary.phases["assemble"] = round(time.perf_counter() - tp, 3)
    tp = time.perf_counter()
    from . import __version__
    manifest = dict(options, format=FORMAT, tool_version=__version__, versions=versions,
                    corpus=str(corpus), created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    tables=counts, files=files, documents=n_docs, failed=n_failed)
    names = sorted({n.split("/")[0] for n in files})
    store.commit(gen, manifest, names, layout)
    store.cleanup(keep_keys=set(keys.values()))
    crashpoint("cleaned")
    summary.phases["commit"] = round(time.perf_counter() - tp, 3)
    return _finish(summary, store.manifest() or manifest, t0)


def validate_quick(out: Path, manifest: dict) -> list[str]:
    """Cheap check that every file of the current generation is present with its size."""
    gen = Store(out).current_gen()
    problems = []
    for name, info in manifest.get("files", {}).items():
        p = gen / name if gen else Path(out) / name
        try:
            if p.stat().st_size != info["bytes"]:
                problems.append(f"{p}: size differs")
        except OSError:
            problems.append(f"{p} missing")
    return problems


def _finish(summary: Summary, manifest: dict, t0: float, up_to_date: bool = False) -> Summary:
    summary.documents = manifest.get("documents", 0)
    summary.failed = manifest.get("failed", 0)
    summary.rows = dict(manifest.get("tables", {}))
    summary.generation = manifest.get("generation", "")
    summary.up_to_date = up_to_date
    summary.seconds = time.perf_counter() - t0
    return summary


__all__ = ["run_batch", "Summary", "Progress", "PipelineFactory", "BatchUsageError", "OutputBusy",
           "list_inputs", "check_paths", "process_doc", "render_csv"]

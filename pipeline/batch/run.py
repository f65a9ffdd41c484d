"""A batch run: every file of a corpus folder -> the tables in an output folder.

Incremental, parallel and crash-safe (docs/batch.md):

* each document's rows are cached under OUT/.cache/rows/ by a key made of its bytes (sha256),
  its id and path, and the pipeline's versions/config; a rerun processes only documents whose
  key has no cache entry (new, changed, or a version changed), `force=True` redoes all;
* documents are processed in-process (workers=1), by a pool of worker processes that each
  build their own Pipeline once (workers>1), or on a Dask cluster (engine="dask");
* the tables are then assembled from the caches in doc_id order (so any engine and any number
  of workers give byte-identical tables), streamed chunk by chunk (memory stays flat), into a
  new generation folder that one atomic rename publishes (pipeline/batch/manifest.py).

This module holds run_batch and the orchestration of a run; the parts live beside it in
pipeline/batch/: inputs (listing the corpus, path checks), document (one document -> a cache entry,
PipelineFactory, the fingerprint), workers (the local engine: in-process or a pool of worker
processes), render (CSV lines, Arrow tables), assemble (writing a generation from the caches),
progress (Summary, Progress), manifest_format / store / manifest (the output folder), dask_engine
(the Dask engine).
"""
from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..text.read import MAX_BYTES
from .assemble import assemble
from .document import PipelineFactory, _Given, fingerprint, process_doc
from .inputs import BatchUsageError, check_paths, list_inputs
from .manifest_format import FORMAT, MANIFEST, cache_key, file_sha256
from .options import Job, RunOptions
from .progress import Progress, Summary
from .render import render_csv
from .store import OutputBusy, Store, crashpoint, symlinks_work
from .workers import run_local


class PipelineBuildError(BatchUsageError):
    """The pipeline cannot be built (bad config, a missing model...); nothing was written."""


# ---------------------------------------------------------------------------------------------
# the run
# ---------------------------------------------------------------------------------------------
def run_batch(corpus: Path, out: Path, options: RunOptions | None = None, *, pipe=None,
              factory: Callable | None = None, progress_stream=None,
              on_doc: Callable[[dict], None] | None = None) -> Summary:
    """Process corpus -> out as `options` say. Give `factory` (a PipelineFactory: each worker builds
    its own Pipeline) or an already built `pipe` (in-process only). Raises BatchUsageError or
    OutputBusy before writing anything when the run cannot start."""
    corpus, out = Path(corpus), Path(out)
    t0 = time.perf_counter()
    opts = (options or RunOptions()).checked()
    if factory is None:
        if pipe is None:
            raise BatchUsageError("give a Pipeline or a PipelineFactory")
        if opts.workers > 1 or opts.engine != "local":
            raise BatchUsageError("workers > 1 and the dask engine need a PipelineFactory (each worker "
                                  "builds its own Pipeline)")
        factory = _Given(pipe)
    check_paths(corpus, out)
    if pipe is None:
        try:
            pipe = factory()
        except (ValueError, FileNotFoundError, ImportError) as e:  # ContractError, a missing model...
            raise PipelineBuildError(str(e)) from e
    fp = fingerprint(pipe, factory)
    versions = pipe.versions()
    if opts.workers > 1 or opts.engine == "dask":
        pipe = None   # workers build their own; no idle model copy in this process meanwhile
    store = Store(out)
    store.lock()
    try:
        layout = opts.layout
        if layout == "auto":
            layout = store.existing_layout() or ("links" if symlinks_work(out) else "plain")
        elif layout == "links" and not symlinks_work(out):
            raise BatchUsageError(f"{out}: this file system does not allow symbolic links; use layout plain")
        job = Job(replace(opts, layout=layout), factory, pipe, fp, store, versions)
        return _run(corpus, out, job, progress_stream, on_doc, t0)
    finally:
        store.unlock()


def _run(corpus: Path, out: Path, job: Job, progress_stream, on_doc, t0: float) -> Summary:
    opts, store, fp = job.options, job.store, job.fingerprint
    force, timeout, escape, formats = opts.force, opts.doc_timeout, opts.csv_escape, opts.formats
    store.cleanup()                       # leftovers of a killed run
    inputs = list_inputs(corpus, out)
    old = None if force else store.manifest()
    old_docs = store.doc_index() if old is not None else {}   # doc_id -> (key, retry, timed_out)
    summary = Summary(engine=opts.engine, workers=opts.workers)
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

    options = {"fingerprint": fp, "formats": list(formats), "csv_escape": escape, "layout": opts.layout}
    if (not todo and old is not None and all(old.get(k) == v for k, v in options.items())
            and len(old_docs) == len(keys) and all(old_docs.get(d, ("",))[0] == k for d, k in keys.items())
            and not validate_quick(out, old)):
        if opts.layout == "links":
            store.expose(sorted({n.split("/")[0] for n in old["files"]}) + [MANIFEST])
        return _finish(summary, old, t0, up_to_date=True)

    del old_docs, inputs      # not needed any more: keep the main process small
    progress = Progress(len(todo), opts.quiet, progress_stream)

    def done(meta):
        keys[meta["doc_id"]] = meta["key"]
        summary.processed += 1
        progress.step(meta["doc_id"])
        if on_doc:
            on_doc(meta)

    if todo:
        if opts.engine == "dask":
            from .dask_engine import run_dask
            run_dask(todo, job, done)
        else:
            run_local(todo, job, done)

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
    from .. import __version__
    manifest = dict(options, format=FORMAT, tool_version=__version__, versions=job.versions,
                    corpus=str(corpus), created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    tables=counts, files=files, documents=n_docs, failed=n_failed)
    names = sorted({n.split("/")[0] for n in files})
    store.commit(gen, manifest, names, opts.layout)
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


__all__ = ["run_batch", "RunOptions", "Summary", "Progress", "PipelineFactory", "BatchUsageError", "OutputBusy",
           "list_inputs", "check_paths", "process_doc", "render_csv"]

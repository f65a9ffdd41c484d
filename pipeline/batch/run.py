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
pipeline/batch/: inputs (listing the corpus, path checks), ledger (what the run knows of each
document, compactly: doc_ids, cache keys, the documents to do), document (PipelineFactory, the
fingerprint, groups), deadline (the per-document time limit, in any thread), workers
(the local engine: in-process or a pool of worker processes), render (CSV lines, Arrow tables),
assemble (writing a generation from the caches), progress (Summary, Progress), manifest_format /
store / manifest (the output folder), dask_engine (the Dask engine).
"""
from __future__ import annotations

import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from .assemble import assemble
from .document import PipelineFactory, _Given, fingerprint
from .inputs import BatchUsageError, check_paths, find_inputs, list_inputs
from .interrupt import raise_if_interrupted, sticky_sigint
from .ledger import Ledger, OldIndex, Todo
from .manifest import validate
from .manifest_format import FORMAT, MANIFEST
from .options import RunOptions
from .process import process_doc
from .progress import Progress, Summary
from .render import render_csv
from .source import scan_key
from .store import OutputBusy, Store, crashpoint, symlinks_work
from .task import Job
from .workers import run_local


class PipelineBuildError(BatchUsageError):
    """The pipeline cannot be built (bad config, a missing model...); nothing was written."""


class NoInputs(BatchUsageError):
    """The corpus folder holds no input file; nothing was written."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run: `done` of `total` documents are cached, so a rerun resumes there."""

    def __init__(self, done: int, total: int):
        super().__init__(done, total)
        self.done, self.total = done, total

    def __str__(self) -> str:
        return (f"interrupted: {self.done} of {self.total} documents done; "
                "rerun the same command to resume")


# ---------------------------------------------------------------------------------------------
# the run
# ---------------------------------------------------------------------------------------------
def run_batch(corpus: Path, out: Path, options: RunOptions | None = None, *, factory: Callable | None = None,
              pipe=None, on_doc: Callable[[dict], None] | None = None) -> Summary:
    """Process corpus -> out as `options` say. Give `factory` (a PipelineFactory: each worker builds
    its own Pipeline) or an already built `pipe` (in-process only). Raises BatchUsageError or
    OutputBusy before writing anything when the run cannot start (NoInputs for an empty corpus; an
    output folder this run created is removed again), Interrupted (a KeyboardInterrupt) on Ctrl-C
    once it has started."""
    corpus, out = Path(corpus), Path(out)
    t0 = time.perf_counter()
    opts = (options or RunOptions()).checked()
    factory = _recipe(opts, factory, pipe)
    check_paths(corpus, out)
    ledger = Ledger(corpus, *find_inputs(corpus, out))
    if not ledger.ids:
        raise NoInputs(f"no input files in {corpus}")
    if pipe is None:
        try:
            pipe = factory()
        except (ValueError, FileNotFoundError, ImportError) as e:  # ContractError, a missing model...
            raise PipelineBuildError(str(e)) from e
    fp = fingerprint(pipe, factory)
    versions = pipe.versions()
    if opts.workers > 1 or opts.engine == "dask":
        pipe = None   # workers build their own; no idle model copy in this process meanwhile
    store, fresh, had_lock = Store(out), not out.exists(), (out / ".lock").exists()
    store.lock()
    try:
        job = Job(replace(opts, layout=_layout(opts, store, out)), factory, pipe, fp, store, versions)
        with sticky_sigint():
            return _run(corpus, ledger, job, on_doc, t0)
    except BatchUsageError:        # a setup error writes nothing: not even the folder or its lock
        if fresh:
            shutil.rmtree(out, ignore_errors=True)
        elif not had_lock:
            (out / ".lock").unlink(missing_ok=True)
        raise
    finally:
        store.unlock()


def _recipe(opts: RunOptions, factory, pipe):
    if factory is not None:
        return factory
    if pipe is None:
        raise BatchUsageError("give a Pipeline or a PipelineFactory")
    if opts.workers > 1 or opts.engine != "local":
        raise BatchUsageError("workers > 1 and the dask engine need a PipelineFactory (each worker "
                              "builds its own Pipeline)")
    return _Given(pipe)


def _layout(opts: RunOptions, store: Store, out: Path) -> str:
    if opts.layout == "auto":
        return store.existing_layout() or ("links" if symlinks_work(out) else "plain")
    if opts.layout == "links" and not symlinks_work(out):
        raise BatchUsageError(f"{out}: this file system does not allow symbolic links; use layout plain")
    return opts.layout


def _run(corpus: Path, ledger: Ledger, job: Job, on_doc, t0: float) -> Summary:
    opts, store = job.options, job.store
    store.cleanup()                       # leftovers of a killed run
    summary = Summary(engine=opts.engine, workers=opts.workers)
    progress, total = None, len(ledger.ids)
    try:
        todo, prev = _plan(ledger, job, summary)
        if todo is None:                  # same keys, same options, outputs intact
            if opts.layout == "links":
                store.expose(sorted({n.split("/")[0] for n in prev["files"]}) + [MANIFEST])
            return _finish(summary, prev, t0, up_to_date=True)
        tp = time.perf_counter()
        progress = Progress(len(todo), opts.quiet)

        def done(meta):
            raise_if_interrupted()
            ledger.set_key(ledger.index(meta["doc_id"]), meta["key"])
            summary.processed += 1
            progress.step(meta["doc_id"])
            if on_doc:
                on_doc(meta)

        if todo:
            _process(todo, job, done, summary)
        progress.close()
        raise_if_interrupted()
        summary.phases["process"] = round(time.perf_counter() - tp, 3)
        return _publish(corpus, ledger, job, summary, prev, t0)
    except KeyboardInterrupt:
        if progress is not None:
            progress.close()              # ends the bar's line: the message gets its own
        raise Interrupted(summary.reused + summary.processed, total) from None


def _process(todo: Todo, job: Job, done, summary: Summary) -> None:
    """The engine at work; the summary learns the workers it had and the bytes they sent back."""
    if job.options.engine == "dask":
        from .dask_engine import run_dask
        summary.workers, summary.result_bytes = run_dask(todo, job, done)
    else:
        summary.workers, summary.result_bytes = run_local(todo, job, done)


def _plan(ledger: Ledger, job: Job, summary: Summary) -> tuple[Todo | None, dict | None]:
    """(the documents to process, the current manifest); the ledger gets the cache keys of those
    reused. The Todo is None when nothing changed at all: same keys, same options, outputs intact."""
    opts, store = job.options, job.store
    tp = time.perf_counter()
    prev = store.manifest()
    old = None if opts.force else prev
    old_docs = OldIndex(store.doc_index_path() if old is not None else None)
    todo, same = Todo(ledger, job), old is not None
    for i, doc_id in enumerate(ledger.ids):
        key, problem = scan_key(job.fingerprint, doc_id, ledger.path(i), ledger.problems.get(i))
        if problem is not None:
            ledger.problems[i] = problem
        prev_key, prev_retry, prev_timeout = old_docs.get(doc_id)
        retry = prev_key == key and (prev_retry or (
            prev_timeout is not None and (not opts.doc_timeout or opts.doc_timeout > prev_timeout)))
        if opts.force or key is None or retry or not store.has(key):
            todo.add(i)
            same = False
        else:
            ledger.set_key(i, key)
            same = same and prev_key == key
    summary.reused = len(ledger)
    summary.removed = old_docs.finish()
    summary.phases["scan"] = round(time.perf_counter() - tp, 3)
    if (same and not summary.removed and all(old.get(k) == v for k, v in _recorded_options(job).items())
            and not validate_quick(store.out, old)):
        return None, prev
    return todo, prev


def _recorded_options(job: Job) -> dict:
    o = job.options
    return {"fingerprint": job.fingerprint, "formats": list(o.formats), "csv_escape": o.csv_escape,
            "layout": o.layout}


def _publish(corpus: Path, ledger: Ledger, job: Job, summary: Summary, prev: dict | None,
             t0: float) -> Summary:
    """Assemble a new generation from the caches and publish it, unless it is byte for byte what
    OUT already holds (then OUT, its manifest included, is left untouched)."""
    opts, store = job.options, job.store
    tp = time.perf_counter()
    crashpoint("processed")
    gen = store.new_gen()
    files, counts, n_docs, n_failed = assemble(store, gen, ledger, opts.formats, opts.csv_escape)
    crashpoint("assembled")
    summary.phases["assemble"] = round(time.perf_counter() - tp, 3)
    tp = time.perf_counter()
    from .. import __version__
    manifest = dict(_recorded_options(job), format=FORMAT, tool_version=__version__, versions=job.versions,
                    corpus=str(corpus), tables=counts, files=files, documents=n_docs, failed=n_failed)
    unchanged = prev is not None and _same_content(prev, manifest) and not validate(store.out)
    if not unchanged:   # (no time stamp in it: the same tables give the same manifest, byte for byte)
        store.commit(gen, manifest, sorted({n.split("/")[0] for n in files}), opts.layout)
    store.cleanup(keep_keys=ledger.key_set())      # (removes the unused generation too)
    crashpoint("cleaned")
    summary.phases["commit"] = round(time.perf_counter() - tp, 3)
    return _finish(summary, store.manifest() or manifest, t0, up_to_date=unchanged)


def _same_content(prev: dict, new: dict) -> bool:
    """Would `new` record what `prev` records? Only its time and generation id may differ."""
    volatile = {"created", "generation"}
    return ({k: v for k, v in prev.items() if k not in volatile}
            == {k: v for k, v in new.items() if k not in volatile})


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
           "list_inputs", "check_paths", "process_doc", "render_csv", "NoInputs", "Interrupted"]

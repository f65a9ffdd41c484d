"""The local engine of a batch run: documents in this process (workers=1) or in a pool of worker
processes that each build their own Pipeline once (workers>1); a worker that dies is survived.
The functions given to the pool are top-level so that they pickle."""
from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections import deque
from pathlib import Path
from typing import Any

from ..core.tables import error_row
from .document import groups, package, process_group
from .options import Job
from .store import Store

_W: dict[str, Any] = {}


def torch_threads(workers: int) -> int:
    """Threads for torch in each of `workers` processes: the cores this process may use, shared out,
    at least 1 (2 workers on 2 cores: 1 each, so they do not oversubscribe the machine)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores // max(1, workers))


def settle(pipe) -> None:
    """Load what the stages load on first use (the NER model), then take every object alive now out of
    the garbage collector's sight (gc.freeze): grouped documents keep many objects alive, and each full
    collection would walk the model's objects again (measured: the tokens stage twice as slow)."""
    for stage in pipe.stages:
        getattr(stage, "engine", None)
    gc.freeze()


def _init_worker(factory, fp, escape, timeout, out, workers=1) -> None:
    threads = torch_threads(workers)
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))   # torch reads it when first imported
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    except ValueError:
        pass
    _W.update(pipe=factory(), fp=fp, escape=escape, timeout=timeout, store=Store(Path(out)))
    if "torch" in sys.modules:   # already imported (a preloading start method): tell it directly
        given = os.environ["OMP_NUM_THREADS"]
        sys.modules["torch"].set_num_threads(int(given) if given.isdigit() and int(given) > 0 else threads)
    settle(_W["pipe"])          # a worker process: frozen until it exits


def _work(group) -> list[dict]:
    metas = []
    for meta, blob in process_group(_W["pipe"], group, _W["fp"], _W["escape"], _W["timeout"]):
        _W["store"].put(meta["key"], blob)
        metas.append(meta)
    return metas


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
        ctx.set_forkserver_preload(["pipeline.batch.run", "pipeline.runner", "pipeline.core.tables"]
                                   + [stage.__module__ for stage in _stage_specs()])
        _start_forkserver_deaf_to_ctrl_c()
        return ctx
    return mp.get_context("spawn")


def _start_forkserver_deaf_to_ctrl_c() -> None:
    """Start the fork server with SIGINT ignored: Ctrl-C reaches the whole process group, and a
    server still importing its preload would print a KeyboardInterrupt traceback of its own
    (the workers it forks ignore SIGINT too; this process reports the interruption)."""
    from multiprocessing import forkserver
    try:
        old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:      # not the main thread: leave it as it is
        return
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, old)


def _stage_specs():
    from ..runner import STAGES
    return STAGES


def run_local(todo, job: Job, on_done) -> None:
    factory, pipe, fp, store = job.factory, job.pipe, job.fingerprint, job.store
    escape, timeout, workers = job.options.csv_escape, job.options.doc_timeout, job.options.workers
    if workers <= 1:
        settle(pipe)
        try:
            for group in groups(list(todo)):
                for meta, blob in process_group(pipe, group, fp, escape, timeout):
                    store.put(meta["key"], blob)
                    on_done(meta)
        finally:
            gc.unfreeze()       # in-process: the caller's objects go back to the collector
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool
    ctx = _mp_context()
    initargs = (factory, fp, escape, timeout, str(store.out), workers)
    pending = deque(groups(list(todo), workers))

    def alone(task):
        with ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker, initargs=initargs) as ex:
            try:
                return ex.submit(_work, [task]).result()[0]
            except BrokenProcessPool:
                meta, blob = _crash_meta(task, fp, escape)
                store.put(meta["key"], blob)
                return meta

    while pending:
        inflight: dict = {}
        try:
            with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                     initargs=initargs) as ex:
                try:
                    while pending or inflight:
                        while pending and len(inflight) < workers * 4:
                            group = pending.popleft()
                            inflight[ex.submit(_work, group)] = group
                        done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                        for fut in done:
                            metas = fut.result()   # BrokenProcessPool when a worker died
                            del inflight[fut]
                            for meta in metas:
                                on_done(meta)
                except KeyboardInterrupt:   # Ctrl-C: drop the queue, let the workers finish their group
                    ex.shutdown(wait=False, cancel_futures=True)
                    raise
        except BrokenProcessPool:
            for group in inflight.values():   # the culprit is among these: retry each document alone
                for task in group:
                    on_done(alone(task))

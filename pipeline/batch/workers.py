"""The local engine of a batch run: groups of documents in this process (workers=1) or in worker
processes that each build their own Pipeline once (workers>1: batch/pool.py)."""
from __future__ import annotations

import gc
import os

from .document import groups
from .process import process_group
from .task import Job


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


def run_local(todo: list, job: Job, on_done) -> tuple[int, int]:
    """Process the DocTasks `todo`, calling on_done(meta) for each; returns (workers, bytes the
    worker processes sent back: their metas, as they write the cache entries themselves)."""
    workers = job.options.workers
    if workers > 1:
        from .pool import Pool
        pool = Pool(job, workers)
        pool.run(groups(todo, workers), on_done)
        return workers, pool.bytes
    settle(job.pipe)
    try:
        for group in groups(todo):
            for meta, blob in process_group(job.pipe, group):
                job.store.put(meta["key"], blob)
                on_done(meta)
    finally:
        gc.unfreeze()       # in-process: the caller's objects go back to the collector
    return 1, 0

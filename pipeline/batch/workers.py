"""The local engine of a batch run: groups of documents in this process (workers=1) or in worker
processes that each build their own Pipeline once (workers>1: batch/pool.py)."""
from __future__ import annotations

import gc

from .document import GroupQueue
from .process import process_group
from .task import Job
from .worker_state import settle_pipe as settle


def run_local(todo, job: Job, on_done) -> tuple[int, int]:
    """Process `todo` (a ledger's Todo), calling on_done(meta) for each; returns (workers, bytes the
    worker processes sent back: their metas, as they write the cache entries themselves)."""
    workers = job.options.workers
    if workers > 1:
        from .pool import Pool
        pool = Pool(job, workers)
        pool.run(GroupQueue(todo.groups(workers), todo.n_groups(workers)), on_done)
        return workers, pool.bytes
    thresholds = settle(job.pipe)
    try:
        for group in todo.groups():
            for meta, blob in process_group(job.pipe, group):
                job.store.put(meta["key"], blob)
                on_done(meta)
    finally:
        gc.unfreeze()       # in-process: the caller's objects go back to the collector, as it had it
        gc.set_threshold(*thresholds)
    return 1, 0

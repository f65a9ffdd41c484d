"""What a worker keeps between tasks, in one place: the Pipeline it built for each recipe (factory).

Local worker processes (batch/pool.py) and Dask workers (batch/dask_engine.py) both run a list of
DocTasks through `current().run(tasks)`. The state is per thread: one per worker process, and one per
Dask worker of an in-process cluster (whose workers are threads of one process, each with its own
Pipeline, none shared between threads). A worker in its own process settles its Pipeline once built
(loads the model, then gc.freeze: see settle_pipe below); one inside the process that made the tasks
(`RunSpec.origin`) leaves that process's objects to its garbage collector.
"""
from __future__ import annotations

import gc
import os
import threading

from .entry import Result
from .process import process_group
from .task import DocTask, this_process


class WorkerState:
    def __init__(self):
        self.pipes: dict = {}

    def pipeline(self, factory, settle: bool):
        pipe = self.pipes.get(factory)
        if pipe is None:
            pipe = self.pipes[factory] = factory()
            if settle:
                settle_pipe(pipe)
        return pipe

    def run(self, tasks: list[DocTask]) -> list[Result]:
        spec = tasks[0].run
        needed = any(t.problem is None for t in tasks)
        pipe = self.pipeline(spec.factory, spec.origin != this_process()) if needed else None
        return process_group(pipe, tasks)


_PER_THREAD = threading.local()


def current() -> WorkerState:
    state = getattr(_PER_THREAD, "state", None)
    if state is None:
        state = _PER_THREAD.state = WorkerState()
    return state


def torch_threads(workers: int) -> int:
    """Threads for torch in each of `workers` processes: the cores this process may use, shared out,
    at least 1 (2 workers on 2 cores: 1 each, so they do not oversubscribe the machine)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:   # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores // max(1, workers))


# the youngest generation's threshold while documents are processed (CPython's default: 700). The stages
# make and drop many small objects (tokens, spans, match keys) and free nearly all of them by reference
# count, so most collections find nothing: measured 2% of a grouped run at 700, none at this threshold
GC_YOUNG = 50_000


def settle_pipe(pipe) -> tuple[int, int, int]:
    """Load what the stages load on first use (the NER model), then take every object alive now out of
    the garbage collector's sight (gc.freeze): grouped documents keep many objects alive, and each full
    collection would walk the model's objects again (measured: the tokens stage twice as slow); and
    collect the youngest objects less often (GC_YOUNG). Returns the thresholds before, for a caller in
    its own process to put back (gc.set_threshold(*them))."""
    for stage in pipe.stages:
        getattr(stage, "engine", None)
    gc.freeze()
    before = gc.get_threshold()
    gc.set_threshold(GC_YOUNG, *before[1:])
    return before

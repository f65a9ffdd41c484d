"""What a worker keeps between tasks, in one place: the Pipeline it built for each recipe (factory).

Local worker processes (batch/pool.py) and Dask workers (batch/dask_engine.py) both run a list of
DocTasks through `current().run(tasks)`. The state is per thread: one per worker process, and one per
Dask worker of an in-process cluster (whose workers are threads of one process, each with its own
Pipeline, none shared between threads). A worker in its own process settles its Pipeline once built
(loads the model, then gc.freeze: see workers.settle); one inside the process that made the tasks
(`RunSpec.origin`) leaves that process's objects to its garbage collector.
"""
from __future__ import annotations

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
                from .workers import settle as settle_pipe
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

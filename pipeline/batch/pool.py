"""The local engine's worker processes (workers > 1).

Each worker builds its Pipeline once, then takes one group of DocTasks at a time over a pipe, runs
it (worker_state: process_group), writes each document's cache entry itself and answers with the
small metas only. The main process waits on the pipes and on the processes' exit at once, so:

* a worker that dies loses only its own group: those documents are retried alone, one by one, by
  the other workers, and a document whose worker dies again becomes a `worker_crash` row;
* a group that outlives every budget its documents could use (a hang inside C code, which the
  per-document deadline cannot interrupt) gets its worker killed, and the same retry alone ends it
  as a `timeout` row;
* on Ctrl-C, or any other way out, every worker is killed by its PID and reaped: nothing waits for
  a worker that waits for work, and nothing but the main process holds OUT/.lock.
"""
from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from multiprocessing.connection import wait
from pathlib import Path

from ..core.tables import error_row
from .document import GroupQueue
from .entry import package
from .interrupt import ignore_sigint, sigint_blocked
from .store import crashpoint
from .task import DocTask, Job

HANG_SLACK_S = 60.0        # on top of every budget of a group: pipeline start-up, a loaded machine
CRASH = ("worker_crash", "the worker process died while processing this document (crash or out of "
                         "memory); it was retried alone and died again")


def _hang_reason(timeout: float) -> str:
    return (f"processing took over {timeout:g} s (--doc-timeout) and did not stop inside a long C call; "
            "its worker process was stopped")


def _serve(conn, out: str, factory, threads: int) -> None:
    """A worker process: build the Pipeline, then run groups until told to stop."""
    ignore_sigint()
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))   # torch reads it when first imported
    from . import worker_state
    from .store import Store
    try:
        state = worker_state.current()
        state.pipeline(factory, settle=True)
        if "torch" in sys.modules:   # imported before (a preloading start method): tell it directly
            sys.modules["torch"].set_num_threads(threads)
    except Exception as e:  # noqa: BLE001 - the main process turns it into error rows
        conn.send_bytes(pickle.dumps(("init_error", f"{type(e).__name__}: {e}")))
        return
    store = Store(Path(out))
    while True:
        try:
            tasks = conn.recv()
        except EOFError:
            return
        if tasks is None:
            return
        metas = []
        for meta, blob in state.run(tasks):
            store.put(meta["key"], blob)
            metas.append(meta)
        conn.send_bytes(pickle.dumps(("done", metas), protocol=5))


class _Worker:
    def __init__(self, proc, conn):
        self.proc, self.conn = proc, conn
        self.held: tuple[list[DocTask], bool] | None = None     # (group, retried alone?)
        self.since = 0.0


class Pool:
    def __init__(self, job: Job, n: int):
        from .worker_state import torch_threads
        self.job, self.n, self.threads = job, n, torch_threads(n)
        self.ctx = _mp_context()
        self.workers: list[_Worker] = []
        self.queue = GroupQueue((), 0)
        self.broken = ""         # why a worker could not build its pipeline
        self.bytes = 0           # received from the workers

    def run(self, queue: GroupQueue, on_done) -> None:
        self.queue, self.on_done = queue, on_done
        try:
            while self.queue or any(w.held for w in self.workers):
                self._dispatch()
                self._collect()
        except BaseException:
            self._stop(kill=True)
            raise
        self._stop(kill=False)

    def _start(self) -> None:
        mine, theirs = self.ctx.Pipe()
        proc = self.ctx.Process(target=_serve, daemon=True, name="hindi-extract-worker",
                                args=(theirs, str(self.job.store.out), self.job.factory, self.threads))
        with sigint_blocked():      # known to _stop before a Ctrl-C can interrupt this process
            proc.start()
            self.workers.append(_Worker(proc, mine))
            crashpoint("workers")
        theirs.close()

    def _dispatch(self) -> None:
        while self.broken and self.queue:
            tasks, _ = self.queue.take()
            for task in tasks:
                self._error_row(task, "internal_error", f"the worker could not start: {self.broken}")
        busy = sum(w.held is not None for w in self.workers)
        while len(self.workers) < min(self.n, busy + len(self.queue)):
            self._start()
        for w in self.workers:
            if not self.queue:
                break
            if w.held is None:
                w.held, w.since = self.queue.take(), time.monotonic()
                try:
                    w.conn.send(w.held[0])
                except OSError:      # it died already: _collect reads why, or sees it gone
                    pass

    def _collect(self) -> None:
        busy = [w for w in self.workers if w.held is not None]
        ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in self.workers], timeout=1.0))
        for w in list(self.workers):
            if w.conn in ready and w.held is not None:
                self._answer(w)
            if w.proc.sentinel in ready or self._hung(w):
                self._gone(w)

    def _answer(self, w: _Worker) -> None:
        try:
            data = w.conn.recv_bytes()
        except (EOFError, OSError):
            return                          # died: _gone sees its sentinel
        self.bytes += len(data)
        what, value = pickle.loads(data)
        if what == "init_error":
            self.broken = value
            self.queue.put_back([w.held])
        else:
            for meta in value:
                self.on_done(meta)
        w.held = None

    def _hung(self, w: _Worker) -> bool:
        timeout = self.job.options.doc_timeout
        return bool(w.held and timeout and time.monotonic() - w.since > timeout * (len(w.held[0]) + 2)
                    + HANG_SLACK_S)

    def _gone(self, w: _Worker) -> None:
        """A worker that died (or hangs, and is killed): its group is retried alone, or ends as rows."""
        hung = w.proc.is_alive()
        w.proc.kill()
        w.proc.join(5)
        w.conn.close()
        self.workers.remove(w)
        if w.held is None:
            return
        tasks, alone = w.held
        if not alone:
            self.queue.put_back([([t], True) for t in tasks])
        elif hung:
            self._error_row(tasks[0], "timeout", _hang_reason(self.job.options.doc_timeout))
        else:
            self._error_row(tasks[0], *CRASH)

    def _error_row(self, task: DocTask, kind: str, reason: str) -> None:
        meta, blob = package(task, "", {"errors": [error_row(task.doc_id, task.path, "batch", kind, reason)]})
        self.job.store.put(meta["key"], blob)
        self.on_done(meta)

    def _stop(self, kill: bool) -> None:
        """Every worker gone and reaped: told to stop (or killed) by its PID, then waited for."""
        for w in self.workers:
            try:
                if kill:
                    w.proc.kill()
                else:
                    w.conn.send(None)
            except OSError:
                pass
        for w in self.workers:
            w.proc.join(None if kill else 10)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join()
            w.conn.close()
        self.workers.clear()


def _mp_context():
    """How worker processes start. fork when this process runs no other threads and has not
    loaded torch (the rules-only pipeline): instant, modules already imported. Otherwise
    forkserver where there is one (workers fork from a clean server that preloaded our modules:
    fork-safe although this process may hold torch threads), else spawn. Each worker builds its
    own Pipeline (and loads the NER model) once, in _serve, whatever the method."""
    import multiprocessing as mp
    methods = mp.get_all_start_methods()
    if "fork" in methods and sys.platform.startswith("linux") and "torch" not in sys.modules \
            and threading.active_count() == 1:
        return mp.get_context("fork")
    if "forkserver" in methods:
        from multiprocessing import forkserver

        from ..runner import STAGES
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.batch.worker_state", "pipeline.runner", "pipeline.core.tables"]
                                   + [stage.__module__ for stage in STAGES])
        with sigint_blocked(spawns=True):   # the server and the workers it forks: deaf to Ctrl-C
            forkserver.ensure_running()
        return ctx
    return mp.get_context("spawn")

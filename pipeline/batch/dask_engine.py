"""The Dask engine: the local engine's groups of documents, as tasks of a Dask cluster.

The client (the machine running `hindi-extract run --engine dask`) reads each input file and ships
its bytes in the group's DocTasks, so workers need neither the corpus nor the output folder. A worker
runs a group through the same function as a local worker (worker_state: process_group, the Pipeline
built once per worker) and sends back each document's compressed cache entry (batch/entry.py), which
the client stores as it is and assembles exactly as the local engine does (same tables, byte for
byte), plus a partitioned Parquet dataset OUT/parquet/<table>/part-*.parquet.

At most INFLIGHT groups per worker are submitted at a time, so client memory stays flat on big
archives. `--doc-timeout` holds per document inside a group, as in the local engine (a task runs in a
worker thread: batch/deadline.py). A group whose worker died (Dask's KilledWorker) is retried document
by document; a document whose own task kills its workers becomes a `worker_crash` row. A task that
fails for a reason of its own (a worker that cannot build the pipeline, a lost connection) gives
`internal_error` rows with that reason, retried by the next run.
Requires `pip install "dask[distributed]"`.
"""
from __future__ import annotations

import logging
import os
import signal
from contextlib import contextmanager

from ..core.tables import error_row
from ..text.read import InputError
from .document import GroupQueue
from .entry import Result, package
from .inputs import BatchUsageError
from .interrupt import sigint_blocked
from .process import process_group
from .source import read_source
from .store import crashpoint
from .task import DocTask, Job

INFLIGHT = 2        # groups per worker: one running, one waiting beside it
CONNECT_TIMEOUT = "20s"
# A local cluster shares the machine's cores with this process, so its housekeeping is turned down
# (worker_config, measured on 1,000 hi-ner documents with 2 workers on 2 cores, CPU seconds):
# * no statistical profiler: sampling the task thread's stack every 10 ms takes the GIL from it (a
#   group 1.2-1.8x slower);
# * no MALLOC_TRIM_THRESHOLD_ (the nannies set 64 kB): any fixed malloc threshold also pins glibc's
#   mmap threshold at 128 kB, so each large NER tensor is mmapped and page-faulted anew (+10% system
#   CPU on a group; a plain process given that variable pays the same);
# * event-loop health checks every 1 s instead of 20 ms, the system and memory monitors every 5 s and
#   1 s instead of 0.5 s and 0.1 s: the scheduler, the client and the nannies share this process's
#   event loop (its thread: 2.0 -> 0.6 s), each worker has its own (1.8 -> 1.0 s).
# * developers' logs of the last 16 messages, not 1,000: every comm keeps its recent payloads, and a
#   payload here is a group with its documents' bytes (the client's stream to the scheduler and the
#   scheduler's to each worker held ~1,000 groups each: +10 kB a document of client RSS, 2026-12-07).
# For a cluster of your own, docs/batch.md ("Dask") gives the same settings as environment variables.
QUIET = {"distributed.worker.profile.enabled": False,
         "distributed.admin.low-level-log-length": 16,
         "distributed.admin.tick.interval": "1s",
         "distributed.admin.system-monitor.interval": "5s",
         "distributed.admin.system-monitor.disk": False,
         "distributed.worker.memory.monitor-interval": "1s"}


def worker_config() -> dict:
    """The Dask config of a local cluster (its workers read it when they start)."""
    import dask
    env = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items()
           if k != "MALLOC_TRIM_THRESHOLD_"}
    return dict(QUIET, **{"distributed.nanny.pre-spawn-environ": env})


def dask_group(tasks: list[DocTask]) -> list[Result]:
    """The task function, on a worker."""
    from . import worker_state
    return worker_state.current().run(tasks)


def failure_meta(task: DocTask, exc: BaseException) -> Result:
    """The errors row of a document whose Dask task raised (process_group itself never does)."""
    if type(exc).__name__ == "KilledWorker":
        tries = getattr(exc, "allowed_failures", None)
        kind, reason = "worker_crash", (
            "the Dask workers running this document died" + (f" {tries + 1} times" if tries is not None else "")
            + " (crash or out of memory) and Dask gave up on it")
    else:
        kind, reason = "internal_error", f"the Dask task failed: {type(exc).__name__}: {exc}"
    return package(task, "", {"errors": [error_row(task.doc_id, task.path, "batch", kind, reason)]})


def run_dask(todo, job: Job, on_done) -> tuple[int, int]:
    """Process `todo` (a ledger's Todo) on the cluster, calling on_done(meta) for each; returns
    (workers, bytes received)."""
    with _client(job) as client:
        n = max(1, len(client.scheduler_info().get("workers", {})) or job.options.workers)
        pump = _Pump(client, job, on_done)
        pump.run(GroupQueue(todo.groups(n), todo.n_groups(n)), n)
        return n, pump.bytes


class _Pump:
    """Keeps INFLIGHT groups per worker submitted; stores what comes back."""

    def __init__(self, client, job: Job, on_done):
        from distributed import as_completed
        self.client, self.job, self.on_done = client, job, on_done
        self.queue = GroupQueue((), 0)
        self.inflight: dict = {}
        self.done = as_completed()
        self.bytes = 0

    def run(self, queue: GroupQueue, n: int) -> None:
        self.queue = queue
        self._submit(INFLIGHT * n)
        _warm_assembler(self.job.options.formats)     # while the workers start on their first groups
        for fut in self.done:
            tasks, alone = self.inflight.pop(fut.key)
            try:
                results = fut.result()
            except Exception as e:  # noqa: BLE001 - KilledWorker etc.: no document is lost
                results = self._failed(tasks, alone, e)
            fut.release()
            for meta, blob in results:
                self.bytes += len(blob)
                self._store(meta, blob)
            self._submit(INFLIGHT * n - len(self.inflight))

    def _store(self, meta: dict, blob: bytes) -> None:
        self.job.store.put(meta["key"], blob)
        self.on_done(meta)

    def _failed(self, tasks: list[DocTask], alone: bool, e: Exception) -> list[Result]:
        if type(e).__name__ == "KilledWorker" and not alone:
            self.queue.put_back([([t], True) for t in tasks])   # find the culprit
            return []
        return [failure_meta(t, e) for t in tasks]

    def _submit(self, room: int) -> None:
        while room > 0 and self.queue:
            tasks, alone = self.queue.take()
            shipped = []
            for task in tasks:
                task = _with_bytes(task)
                if task.problem is not None:      # the errors row needs no cluster
                    self._store(*process_group(None, [task])[0])
                else:
                    shipped.append(task)
            if shipped:
                fut = self.client.submit(dask_group, shipped, pure=False)
                self.inflight[fut.key] = (shipped, alone)
                self.done.add(fut)
                room -= 1


def _warm_assembler(formats) -> tuple | None:
    """Import what assembling the Parquet tables will need (pyarrow.parquet, and pandas, which
    pyarrow imports to make its first table: 0.4 s together) at a moment when this process waits."""
    if any(f.startswith("parquet") for f in formats):
        import pandas
        import pyarrow.parquet
        return pandas, pyarrow.parquet       # (imported for the assembly, not used here)
    return None


def _with_bytes(task: DocTask) -> DocTask:
    if task.problem is not None:
        return task
    try:
        return task.with_bytes(read_source(task.path))
    except InputError as e:
        return task.with_bytes(None, (e.kind, e.reason))


@contextmanager
def _client(job: Job):
    """A Client of the cluster at --scheduler, or of a local cluster of --workers processes, closed
    (its workers stopped) however the run ends. Dask's own log lines below ERROR are held back: the
    run reports what matters (errors rows, one line on Ctrl-C)."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover
        raise RuntimeError('the dask engine needs: pip install "dask[distributed]"') from e
    opts, client, cluster = job.options, None, None
    quiet = _quiet_dask()
    with dask.config.set(worker_config()):      # for the whole run: comms made later read it too
        try:
            with sigint_blocked(spawns=True):   # deaf to Ctrl-C while starting; one meanwhile fires right after
                if opts.scheduler:
                    client = _connect(Client, opts.scheduler)
                else:
                    cluster = LocalCluster(n_workers=opts.workers, threads_per_worker=1, processes=opts.workers > 1,
                                           dashboard_address=None,   # and its HTTP routes on a free port:
                                           scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})   # no warning
                    client = Client(cluster)
                crashpoint("workers")
            yield client
        except BaseException:
            if cluster is not None:
                _kill_workers(cluster)      # Ctrl-C, or a failure: no waiting for their groups
            raise
        finally:
            with sigint_blocked():
                quiet.closing()
                _close(client, cluster)
            quiet.close()


def _kill_workers(cluster) -> None:
    """SIGKILL the local cluster's worker processes by their PIDs, their nannies told not to restart
    them (a cluster of threads has none)."""
    for nanny in list(getattr(cluster, "workers", {}).values()):
        pid = getattr(nanny, "pid", None)
        if pid and hasattr(nanny, "close_gracefully"):
            nanny.close_gracefully()
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def _connect(Client, address: str):
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as e:
        raise BatchUsageError(f"cannot reach the Dask scheduler at {address}: {e}") from None


def _close(client, cluster) -> None:
    if client is not None:
        try:
            client.close(timeout=10)
        except Exception:  # noqa: BLE001 - closing after a failure: nothing more to say
            pass
    if cluster is not None:
        try:
            cluster.close(timeout=10)
        except Exception:  # noqa: BLE001
            pass


class _quiet_dask:
    """Dask's logging during a run, undone when closed: its loggers at ERROR, and at CRITICAL while
    the cluster shuts down (whose workers, losing their scheduler, log errors that say nothing about
    the run); the worker processes a local cluster spawns (they read it from the environment when
    they start) at CRITICAL: what fails on a worker comes back as the task's exception."""
    ENV = {"DASK_LOGGING__DISTRIBUTED": "critical"}

    def __init__(self):
        self.loggers = {name: logging.getLogger(name) for name in ("distributed", "tornado")}
        self.levels = {name: lg.level for name, lg in self.loggers.items()}
        self.env = {k: os.environ.get(k) for k in self.ENV}
        for lg in self.loggers.values():
            lg.setLevel(logging.ERROR)
        os.environ.update(self.ENV)

    def closing(self) -> None:
        for lg in self.loggers.values():
            lg.setLevel(logging.CRITICAL)

    def close(self) -> None:
        for name, lg in self.loggers.items():
            lg.setLevel(self.levels[name])
        for k, v in self.env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


__all__ = ["run_dask", "failure_meta", "dask_group"]

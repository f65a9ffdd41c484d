"""The Dask engine: the same per-document function (batch.process_doc) on a Dask cluster.

The client (the machine running `hindi-extract run --engine dask`) reads each input file and
ships its bytes with the task, so workers need neither the corpus nor the output folder; each
worker builds its Pipeline once (kept on the worker object) and returns the document's packaged
rows, which the client caches and assembles exactly as the local engine does (same tables, byte
for byte), plus a partitioned Parquet dataset OUT/parquet/<table>/part-*.parquet.

At most `4 x workers` documents are in flight, so client memory stays flat on big archives.
`--doc-timeout` holds on the workers too (a task runs in a worker thread: batch/deadline.py). A task
that fails for a reason of its own (a worker that cannot build the pipeline, a lost connection)
becomes an `internal_error` row with that reason, retried by the next run; a document whose workers
died until Dask gave up on it (KilledWorker) becomes a `worker_crash` row.
Requires `pip install "dask[distributed]"`.
"""
from __future__ import annotations

from ..core.tables import error_row
from ..text.read import InputError
from .document import _read_bytes, package, process_doc
from .inputs import BatchUsageError
from .options import Job


def _dask_work(factory, fp, escape, timeout, doc_id, path, data):
    from distributed import get_worker
    try:
        w = get_worker()
    except ValueError:  # pragma: no cover - run outside a worker
        w = None
    cache = getattr(w, "_hindi_extract_pipes", None) if w is not None else None
    if cache is None:
        cache = {}
        if w is not None:
            w._hindi_extract_pipes = cache
    pipe = cache.get(factory)
    if pipe is None:
        pipe = cache[factory] = factory()
    return process_doc(pipe, doc_id, path, data, fp, escape, timeout)


def failure_meta(task, fp: str, escape: bool, exc: BaseException) -> tuple[dict, bytes]:
    """The errors row of a document whose Dask task raised (process_doc itself never does)."""
    doc_id, path, _ = task
    if type(exc).__name__ == "KilledWorker":
        tries = getattr(exc, "allowed_failures", None)
        kind, reason = "worker_crash", (
            "the Dask workers running this document died" + (f" {tries + 1} times" if tries is not None else "")
            + " (crash or out of memory) and Dask gave up on it")
    else:
        kind, reason = "internal_error", f"the Dask task failed: {type(exc).__name__}: {exc}"
    return package(doc_id, path, "", {"errors": [error_row(doc_id, path, "batch", kind, reason)]}, fp, escape)


def run_dask(todo, job: Job, on_done, processes: bool | None = None) -> None:
    factory, pipe, fp, store = job.factory, job.pipe, job.fingerprint, job.store
    escape, workers, scheduler = job.options.csv_escape, job.options.workers, job.options.scheduler
    timeout = job.options.doc_timeout
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:  # pragma: no cover
        raise RuntimeError('the dask engine needs: pip install "dask[distributed]"') from e
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as e:
            raise BatchUsageError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
    else:
        if processes is None:
            processes = workers > 1
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=processes,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        nworkers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        tasks = iter(todo)
        ac = as_completed()
        inflight = {}

        def submit(n):
            while n > 0:
                task = next(tasks, None)
                if task is None:
                    return
                doc_id, path, problem = task
                data = None
                if problem is None:
                    try:
                        data = _read_bytes(path)
                    except InputError as e:
                        problem = (e.kind, e.reason)
                if problem is not None:  # the error row needs no cluster
                    meta, blob = process_doc(pipe, doc_id, path, None, fp, escape, None, problem)
                    store.put(meta["key"], blob)
                    on_done(meta)
                    continue
                fut = client.submit(_dask_work, factory, fp, escape, timeout, doc_id, path, data,
                                    pure=False)
                inflight[fut.key] = (doc_id, path, None)
                ac.add(fut)
                n -= 1

        submit(nworkers * 4)
        for fut in ac:
            task = inflight.pop(fut.key)
            try:
                meta, blob = fut.result()
            except Exception as e:  # noqa: BLE001 - KilledWorker etc.: the document is not lost
                meta, blob = failure_meta(task, fp, escape, e)
            store.put(meta["key"], blob)
            fut.release()
            on_done(meta)
            submit(1)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


__all__ = ["run_dask", "failure_meta"]

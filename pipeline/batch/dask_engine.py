"""The Dask engine: the same per-document function (batch.process_doc) on a Dask cluster.

The client (the machine running `hindi-extract run --engine dask`) reads each input file and
ships its bytes with the task, so workers need neither the corpus nor the output folder; each
worker builds its Pipeline once (kept on the worker object) and returns the document's packaged
rows, which the client caches and assembles exactly as the local engine does (same tables, byte
for byte), plus a partitioned Parquet dataset OUT/parquet/<table>/part-*.parquet.

At most `4 x workers` documents are in flight, so client memory stays flat on big archives.
Requires `pip install "dask[distributed]"`.
"""
from __future__ import annotations

from ..text.read import InputError
from .document import _read_bytes, process_doc
from .inputs import BatchUsageError
from .options import Job
from .workers import _crash_meta


def _dask_work(factory, fp, escape, doc_id, path, data):
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
    return process_doc(pipe, doc_id, path, data, fp, escape)


def run_dask(todo, job: Job, on_done, processes: bool | None = None) -> None:
    factory, pipe, fp, store = job.factory, job.pipe, job.fingerprint, job.store
    escape, workers, scheduler = job.options.csv_escape, job.options.workers, job.options.scheduler
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
                fut = client.submit(_dask_work, factory, fp, escape, doc_id, path, data, pure=False)
                inflight[fut.key] = (doc_id, path, None)
                ac.add(fut)
                n -= 1

        submit(nworkers * 4)
        for fut in ac:
            task = inflight.pop(fut.key)
            try:
                meta, blob = fut.result()
            except Exception:  # noqa: BLE001 - KilledWorker etc.: the document is not lost
                meta, blob = _crash_meta(task, fp, escape)
            store.put(meta["key"], blob)
            fut.release()
            on_done(meta)
            submit(1)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


__all__ = ["run_dask"]

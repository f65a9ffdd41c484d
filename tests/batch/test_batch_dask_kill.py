"""A Dask worker killed with SIGKILL in the middle of a run (issue 20): a real loopback cluster (one
`dask scheduler` and two `dask worker` processes on 127.0.0.1), one worker killed by its PID while
groups are in flight. Every document ends in the tables or in `errors`, none twice, and a rerun
gives tables byte-identical to an uninterrupted run. The scheduler allows no retry of its own
(allowed-failures 0), so the engine must handle the lost groups itself (KilledWorker: each document
retried alone). Every process started here is stopped by its PID."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from pipeline.core.tables import TABLES, read_table
from tools.synthetic import make_archive

REPO = Path(__file__).resolve().parents[2]
FACTORY = PipelineFactory.of({"entities": {"ner": "none"}})


def _spawn(args: list[str], log: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO), DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="0")
    return subprocess.Popen([sys.executable, "-m", *args], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                            stderr=open(log, "wb"), start_new_session=True)


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            os.kill(p.pid, signal.SIGTERM)
    for p in procs:
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            os.kill(p.pid, signal.SIGKILL)
            p.wait()


@pytest.fixture()
def cluster(tmp_path):
    """(scheduler address, [worker processes]) of a loopback cluster with two single-thread workers."""
    distributed = pytest.importorskip("distributed")
    info = tmp_path / "scheduler.json"
    procs = [_spawn(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(info)], tmp_path / "scheduler.log")]
    try:
        t0 = time.monotonic()
        while not info.exists():
            assert procs[0].poll() is None and time.monotonic() - t0 < 60, (tmp_path / "scheduler.log").read_text()
            time.sleep(0.1)
        time.sleep(0.2)                                  # written whole
        for n in range(2):
            procs.append(_spawn(["distributed.cli.dask_worker", "--scheduler-file", str(info), "--nthreads", "1",
                                 "--no-nanny", "--no-dashboard", "--host", "127.0.0.1", "--name", f"w{n}"],
                                tmp_path / f"worker{n}.log"))
        address = json.loads(info.read_text())["address"]
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address, procs[1:]
    finally:
        _stop(procs)


def test_a_killed_worker_loses_no_document_and_the_rerun_is_identical(tmp_path, cluster):
    address, workers = cluster
    corpus = tmp_path / "corpus"
    make_archive(corpus, 300, seed=30, per_doc=(2, 6))
    ids = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.txt"))
    ref, out = tmp_path / "ref", tmp_path / "out"
    run_batch(corpus, ref, RunOptions(quiet=True), factory=FACTORY)          # uninterrupted, local
    done, killed = [], []

    def kill_one(meta):
        done.append(meta["doc_id"])
        if len(done) == 100:
            os.kill(workers[0].pid, signal.SIGKILL)          # groups are in flight on both workers
            killed.append(workers[0].pid)

    opts = RunOptions(engine="dask", scheduler=address, quiet=True)
    s = run_batch(corpus, out, opts, factory=FACTORY, on_doc=kill_one)
    assert killed and workers[0].wait(10) == -signal.SIGKILL
    assert s.processed == 300 and sorted(done) == ids
    ok, failed = list(read_table(out, "documents").doc_id), list(read_table(out, "errors").doc_id)
    assert sorted(ok + failed) == ids                                       # every document, once
    index = [json.loads(line)["doc_id"] for line in (out / "docs.jsonl").read_text("utf-8").splitlines()]
    assert index == ids
    again = run_batch(corpus, out, opts, factory=FACTORY)                   # the one worker left
    assert again.documents == 300 and again.failed == 0
    for t in TABLES:
        assert (out / f"{t}.csv").read_bytes() == (ref / f"{t}.csv").read_bytes(), t

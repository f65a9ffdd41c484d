"""The Dask engine as a user meets it (issue 20): the same tables as the local engine on a 300-document
corpus, byte for byte; the summary names the cluster's real worker count; an unreachable scheduler is
a setup error that leaves no output folder behind; and results come back compact."""
from __future__ import annotations

import socket

import pytest

from pipeline.batch.document import PipelineFactory
from pipeline.batch.inputs import BatchUsageError
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from pipeline import cli
from pipeline.core.tables import TABLES
from tools.synthetic import make_archive

FACTORY = PipelineFactory.of({"entities": {"ner": "none"}})


@pytest.fixture(scope="module")
def corpus300(tmp_path_factory):
    c = tmp_path_factory.mktemp("dask") / "corpus"
    make_archive(c, 300, seed=300, per_doc=(4, 12))
    return c


def _tables(out) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


def test_dask_and_local_engines_give_the_same_tables_on_300_documents(corpus300, tmp_path):
    pytest.importorskip("distributed")
    local = run_batch(corpus300, tmp_path / "local", RunOptions(workers=2, quiet=True), factory=FACTORY)
    dask = run_batch(corpus300, tmp_path / "dask", RunOptions(engine="dask", workers=2, quiet=True), factory=FACTORY)
    assert local.documents == dask.documents == 300 and dask.processed == 300
    assert _tables(tmp_path / "dask") == _tables(tmp_path / "local")
    assert "[dask, 2 workers]" in dask.lines()[0]
    # what crossed to the client: the compressed entries (the pickled rows and CSV were ~146 kB a
    # document of this kind), and from local workers only the metas
    assert 2_000 < dask.result_bytes / 300 < 40_000, dask.result_bytes
    assert local.result_bytes / 300 < 1_000, local.result_bytes


def test_the_summary_names_the_clusters_real_worker_count(corpus300, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=3, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        s = run_batch(corpus300, tmp_path / "out", RunOptions(engine="dask", scheduler=cluster.scheduler_address,
                                                              quiet=True), factory=FACTORY)
    assert s.workers == 3 and "[dask, 3 workers]" in s.lines()[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_leaves_no_output_folder(corpus300, tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    import pipeline.batch.dask_engine as dask_engine
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "2s")         # (20 s by default)
    address = f"tcp://127.0.0.1:{_free_port()}"                      # nothing listens there
    out = tmp_path / "new" / "out"
    with pytest.raises(BatchUsageError, match="cannot reach the Dask scheduler"):
        run_batch(corpus300, out, RunOptions(engine="dask", scheduler=address), factory=FACTORY)
    assert not out.exists()
    args = ["run", str(corpus300), "--out", str(out), "--ner", "none", "--engine", "dask", "--scheduler", address]
    assert cli.main(args) == cli.EXIT_USAGE
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err and not out.exists()
    # an existing folder (an earlier run's outputs) is left as it was, lock file included
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(args[:3] + [str(empty)] + args[4:]) == cli.EXIT_USAGE
    assert list(empty.iterdir()) == []

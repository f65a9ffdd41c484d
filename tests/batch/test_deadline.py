"""Per-document timeouts in any thread, and the Dask engine's honest error rows (issue 13, item 6)."""
from __future__ import annotations

import threading
import time

import pytest

from pipeline.batch.deadline import Deadline, DocTimeout
from pipeline.batch.document import PipelineFactory
from pipeline.batch.entry import entry_rows
from pipeline.batch.process import process_doc
from pipeline.batch.task import DocTask, RunSpec
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from tools.synthetic import make_archive
from pipeline.core.tables import read_table
from pipeline.text.tokens import TokensStage

FACTORY = PipelineFactory.of({"entities": {"ner": "none"}})
SLOW = "धीमा दस्तावेज़ है।\n"
BUSY_S = 12.0      # a pure-Python busy loop: what a watchdog must stop (a sleep would not show it)


@pytest.fixture()
def busy_tokens(monkeypatch):
    orig = TokensStage.__call__

    def busy(self, doc):
        if "धीमा" in doc.text:
            end = time.monotonic() + BUSY_S
            while time.monotonic() < end:
                pass
        return orig(self, doc)

    monkeypatch.setattr(TokensStage, "__call__", busy)


def _in_thread(fn):
    out = {}
    t = threading.Thread(target=lambda: out.update(value=fn()))
    t.start()
    t.join(60)
    return out["value"]


def test_timeout_off_the_main_thread_becomes_a_timeout_row(busy_tokens):
    import pickle
    pipe = FACTORY()
    t0 = time.monotonic()
    slow = DocTask(RunSpec(FACTORY, "fp", True, 1.0), "slow.txt", "slow.txt", data=SLOW.encode())
    meta, blob = _in_thread(lambda: process_doc(pipe, slow))
    assert time.monotonic() - t0 < BUSY_S / 2
    errors = entry_rows(pickle.loads(blob))["errors"]
    assert [(e["kind"], e["stage"]) for e in errors] == [("timeout", "tokens")] and not meta["ok"]
    # a quick document in a thread, with a limit, is not affected
    quick = DocTask(RunSpec(FACTORY, "fp", True, 5.0), "ok.txt", "ok.txt", data="भारत।\n".encode())
    meta, _ = _in_thread(lambda: process_doc(pipe, quick))
    assert meta["ok"]


def test_a_deadline_left_in_time_never_fires_later():
    def run():
        with Deadline(0.3):
            pass
        end = time.monotonic() + 1.0          # well past the deadline, outside the block
        n = 0
        while time.monotonic() < end:
            n += 1
        return n
    assert _in_thread(run) > 0
    with pytest.raises(DocTimeout):           # and inside the block it does fire
        _in_thread_raising(lambda: _spin_in(Deadline(0.2), 5.0))


def _spin_in(deadline, seconds):
    with deadline:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass


def _in_thread_raising(fn):
    box = {}

    def target():
        try:
            fn()
        except BaseException as e:  # noqa: BLE001 - handed to the test's thread
            box["e"] = e
    t = threading.Thread(target=target)
    t.start()
    t.join(30)
    if "e" in box:
        raise box["e"]


def test_dask_engine_honours_the_doc_timeout(tmp_path, busy_tokens):
    pytest.importorskip("distributed")
    corpus = tmp_path / "corpus"
    make_archive(corpus, 3, seed=2)
    (corpus / "slow.txt").write_text(SLOW, "utf-8")
    out = tmp_path / "out"
    t0 = time.monotonic()
    s = run_batch(corpus, out, RunOptions(engine="dask", workers=1, doc_timeout=1.5), factory=FACTORY)
    assert time.monotonic() - t0 < BUSY_S
    errs = read_table(out, "errors").set_index("doc_id")
    assert list(errs.index) == ["slow.txt"] and errs.loc["slow.txt", "kind"] == "timeout"
    assert "--doc-timeout" in errs.loc["slow.txt", "reason"] and s.failed == 1 and s.documents == 4


class _NoModelOnWorkers(PipelineFactory):
    """Builds on the client but not on a Dask worker (say, one without the NER model)."""

    def __call__(self):
        from distributed import get_worker
        try:
            get_worker()
        except ValueError:
            return super().__call__()
        raise FileNotFoundError("models/hi-ner/model.pt is missing on this worker")


def test_dask_engine_reports_the_real_cause(tmp_path):
    pytest.importorskip("distributed")
    corpus = tmp_path / "corpus"
    make_archive(corpus, 2, seed=2)
    out = tmp_path / "out"
    factory = _NoModelOnWorkers(FACTORY.config_json, FACTORY.skip)
    run_batch(corpus, out, RunOptions(engine="dask", workers=1), factory=factory)
    errs = read_table(out, "errors")
    assert len(errs) == 2 and set(errs.kind) == {"internal_error"}
    assert all("FileNotFoundError" in r and "missing on this worker" in r for r in errs.reason)
    assert not any("retried alone" in r for r in errs.reason)


def test_a_killed_worker_is_a_worker_crash():
    distributed = pytest.importorskip("distributed")
    from pipeline.batch.dask_engine import failure_meta
    import pickle
    killed = distributed.KilledWorker("task-1", None, 3)
    _, blob = failure_meta(DocTask(RunSpec(FACTORY, "fp"), "a.txt", "a.txt"), killed)
    (row,) = entry_rows(pickle.loads(blob))["errors"]
    assert row["kind"] == "worker_crash" and "died 4 times" in row["reason"]

"""The local engine's worker processes (pipeline/batch/pool.py): a worker stuck where the per-document
deadline cannot reach it (signals held back, as in one long C call) is killed once its group outlives
every budget, and its document ends as a `timeout` row; a worker that cannot build its pipeline gives
`internal_error` rows naming why. The other documents are never lost."""
from __future__ import annotations

import multiprocessing
import signal
import time

import pytest

from pipeline.batch import pool
from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from pipeline.core.tables import read_table
from pipeline.text.tokens import TokensStage
from tools.synthetic import make_archive

MARK = "अटका"


class _DeafTokens(TokensStage):
    def __call__(self, doc):
        if MARK in doc.text:     # SIGALRM held back: what a long C call looks like to the deadline
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(120)
        return super().__call__(doc)


class _Stuck(PipelineFactory):
    def __call__(self):
        pipe = super().__call__()
        for stage in pipe.stages:
            if stage.name == "tokens":
                stage.__class__ = _DeafTokens
        return pipe


class _NoModelInWorkers(PipelineFactory):
    def __call__(self):
        if multiprocessing.parent_process() is not None:
            raise FileNotFoundError("models/hi-ner/model.pt is missing in this worker")
        return super().__call__()


CONFIG = PipelineFactory.of({"entities": {"ner": "none"}})


@pytest.fixture()
def corpus(tmp_path):
    c = tmp_path / "corpus"
    make_archive(c, 5, seed=9, per_doc=(3, 6))
    (c / "briefing-000002b.txt").write_text(f"यह दस्तावेज़ {MARK} है।\n", "utf-8")
    return c


def test_a_worker_the_deadline_cannot_reach_is_killed(corpus, tmp_path, monkeypatch):
    # 3 s a document: with 1 s, on a 2-core machine loaded by other jobs, the first document of each
    # worker (its warm-up: word lists, regexes) once ran over the limit too
    monkeypatch.setattr(pool, "HANG_SLACK_S", 1.0)
    t0 = time.monotonic()
    s = run_batch(corpus, tmp_path / "out", RunOptions(workers=2, doc_timeout=3.0, quiet=True),
                  factory=_Stuck(CONFIG.config_json, CONFIG.skip))
    assert time.monotonic() - t0 < 60
    errs = read_table(tmp_path / "out", "errors")
    assert list(zip(errs.doc_id, errs.kind)) == [("briefing-000002b.txt", "timeout")]
    assert "its worker process was stopped" in errs.reason[0]
    assert s.documents == 6 and len(read_table(tmp_path / "out", "documents")) == 5


def test_a_worker_that_cannot_build_its_pipeline_gives_error_rows(corpus, tmp_path):
    s = run_batch(corpus, tmp_path / "out", RunOptions(workers=2, quiet=True),
                  factory=_NoModelInWorkers(CONFIG.config_json, CONFIG.skip))
    errs = read_table(tmp_path / "out", "errors")
    assert len(errs) == 6 and set(errs.kind) == {"internal_error"} and s.failed == 6
    assert all("missing in this worker" in r for r in errs.reason)
    fixed = run_batch(corpus, tmp_path / "out", RunOptions(workers=2, quiet=True), factory=CONFIG)
    assert fixed.processed == 6 and fixed.failed == 0          # internal errors are retried

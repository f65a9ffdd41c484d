"""Per-document deadlines inside a group (issue 20): a document that hangs in a group of 16 costs the
run at most about twice its own --doc-timeout, ends as its own `timeout` row, and its 15 neighbours
end in the tables without being redone from scratch; on the local engine and on Dask, whether it
hangs in a stage that runs per document (tokens) or in one that runs over the whole group at once
(the entities stage's process_batch)."""
from __future__ import annotations

import time
from collections import Counter

import pytest

import pipeline.entities.stage as entities_stage
from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from pipeline.core.tables import read_table
from pipeline.text.normalize import NormalizeStage
from pipeline.text.tokens import TokensStage
from tools.synthetic import make_archive

FACTORY = PipelineFactory.of({"entities": {"ner": "none"}})
TIMEOUT = 2.0
HANG_S = 120.0         # a pure-Python busy loop: what the deadline must stop
MARK = "अटका"          # the hanging document holds this word, no other does
SLACK_S = 4.0          # a loaded machine


def _spin(doc):
    if MARK in doc.text:
        end = time.monotonic() + HANG_S
        while time.monotonic() < end:
            pass


@pytest.fixture()
def calls(monkeypatch):
    """How often each document was normalized (1: never redone from scratch), and a switch that
    makes the marked document hang in `where`."""
    seen, state = Counter(), {"where": None}
    normalize, tokens, add = NormalizeStage.__call__, TokensStage.__call__, entities_stage._add_entities

    def counting(self, doc):
        seen[doc.doc_id] += 1
        return normalize(self, doc)

    def hanging_tokens(self, doc):
        if state["where"] == "tokens":
            _spin(doc)
        return tokens(self, doc)

    def hanging_entities(doc, *a, **kw):
        if state["where"] == "entities":
            _spin(doc)
        return add(doc, *a, **kw)

    monkeypatch.setattr(NormalizeStage, "__call__", counting)
    monkeypatch.setattr(TokensStage, "__call__", hanging_tokens)
    monkeypatch.setattr(entities_stage, "_add_entities", hanging_entities)
    return seen, state


@pytest.mark.parametrize("where", ["tokens", "entities"])
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_hung_document_costs_its_group_twice_its_timeout_at_most(tmp_path, calls, engine, where):
    if engine == "dask":
        pytest.importorskip("distributed")
    corpus = tmp_path / "corpus"
    make_archive(corpus, 15, seed=16, per_doc=(8, 20))
    (corpus / "briefing-000007b.txt").write_text(f"यह दस्तावेज़ {MARK} है। भारत और रूस ने बात की।\n", "utf-8")
    opts = RunOptions(engine=engine, workers=1, doc_timeout=TIMEOUT, force=True, quiet=True)
    seen, state = calls
    t0 = time.monotonic()
    run_batch(corpus, tmp_path / "out", opts, factory=FACTORY)       # no hang: the normal run time
    normal = time.monotonic() - t0
    seen.clear()
    state["where"] = where
    t0 = time.monotonic()
    s = run_batch(corpus, tmp_path / "out", opts, factory=FACTORY)   # one group of 16, one of them hangs
    took = time.monotonic() - t0
    print(f"{engine} {where}: normal run {normal:.1f} s, with the hung document {took:.1f} s")
    assert took < normal + 2 * TIMEOUT + SLACK_S, (took, normal)
    errs = read_table(tmp_path / "out", "errors")
    assert list(zip(errs.doc_id, errs.kind)) == [("briefing-000007b.txt", "timeout")]
    assert errs.stage[0] == where and "--doc-timeout" in errs.reason[0]
    docs = read_table(tmp_path / "out", "documents")
    assert len(docs) == 15 and s.documents == 16 and s.failed == 1
    assert set(seen.values()) == {1} and len(seen) == 16      # nobody was redone from scratch

"""Documents processed in groups (Pipeline.process_many, batch.process_group) give exactly the rows
of one-by-one processing, and a failure or a timeout still lands on its own document (issue 14, item 3)."""
from __future__ import annotations

import pickle
import time

import pytest

from pipeline.batch.document import GROUP_DOCS, PipelineFactory, groups
from pipeline.batch.entry import csv_parts, entry_rows
from pipeline.batch.process import process_doc, process_group
from pipeline.batch.task import DocTask, RunSpec
from pipeline.core.doc import Document
from pipeline.runner import Pipeline, StageError
from pipeline.core.tables import document_rows
from pipeline.text.tokens import TokensStage

from conftest import SEED


def _texts() -> list[str]:
    """The seed briefing whole and cut into pieces of 4 sentences, plus edge cases: no text, no sentence end,
    only punctuation, Latin and digits, a very long sentence without a danda."""
    seed = SEED.read_text(encoding="utf-8-sig")
    sents = [x for x in seed.split("।") if x.strip()]
    paras = ["।".join(sents[i:i + 4]) + "।" for i in range(0, len(sents), 4)]
    return [seed, *paras, "", "   \n", "।।", "भारत और रूस ने 5 समझौते किए", "Modi met Putin in 2025.",
            "नई दिल्ली में प्रधानमंत्री नरेंद्र मोदी ने कहा " * 40 + "।", paras[0] + "\n\n" + paras[-1]]


@pytest.fixture(scope="module")
def pipe():
    from pipeline.ner.model_files import check_engine
    try:
        check_engine("hi-ner")
    except FileNotFoundError:
        pytest.skip("the hi-ner model is not built")
    return Pipeline()


def _rows(doc: Document) -> bytes:
    return pickle.dumps(document_rows(doc), protocol=5)


def test_process_many_gives_the_rows_of_process(pipe):
    texts = _texts()
    alone = [_rows(pipe.process(Document(doc_id=f"d{i}.txt", path=f"d{i}.txt", text=t)))
             for i, t in enumerate(texts)]
    assert any(b"PER" in r for r in alone)        # the model found something to compare
    for size in (len(texts), 3):
        grouped = []
        for s in range(0, len(texts), size):
            docs = [Document(doc_id=f"d{i}.txt", path=f"d{i}.txt", text=texts[i])
                    for i in range(s, min(s + size, len(texts)))]
            grouped += [_rows(d) for d in pipe.process_many(docs)]
        assert grouped == alone, size


def test_entities_call_is_a_batch_of_one(pipe):
    ents = next(s for s in pipe.stages if s.name == "entities")
    assert hasattr(ents, "process_batch")
    doc = Document(doc_id="x", path="x", text=SEED.read_text(encoding="utf-8-sig"))
    for stage in pipe.stages[:3]:
        stage(doc)
    ents.process_batch([doc])
    assert doc.entities and all(e.id.startswith("x:e") for e in doc.entities)


def test_process_many_names_the_failing_stage(pipe, monkeypatch):
    def broken(self, doc):
        raise ValueError("boom")
    monkeypatch.setattr(TokensStage, "__call__", broken)
    with pytest.raises(StageError) as e:
        pipe.process_many([Document(doc_id="a", path="a", text="भारत।")])
    assert e.value.stage == "tokens"


SPEC = RunSpec(PipelineFactory.of(), "fp", True, 30.0)


def _write(tmp_path, texts, spec=SPEC):
    tasks = []
    for i, t in enumerate(texts):
        p = tmp_path / f"d{i}.txt"
        p.write_text(t, encoding="utf-8")
        tasks.append(DocTask(spec, p.name, str(p)))
    return tasks


def _entry(blob):
    entry = pickle.loads(blob)
    return entry_rows(entry), list(csv_parts(entry))


def test_process_group_matches_process_doc(pipe, tmp_path):
    tasks = _write(tmp_path, _texts()[:5])
    tasks.append(DocTask(SPEC, "missing.txt", str(tmp_path / "missing.txt")))                 # unreadable
    tasks.append(DocTask(SPEC, "big.txt", str(tmp_path / "big.txt"), ("too_large", "too big")))  # known problem
    grouped = process_group(pipe, tasks)
    alone = [process_doc(pipe, t) for t in tasks]
    assert [m["key"] for m, _ in grouped] == [m["key"] for m, _ in alone]
    assert [_entry(b) for _, b in grouped] == [_entry(b) for _, b in alone]
    assert [m["ok"] for m, _ in grouped] == [True] * 5 + [False, False]


def test_a_failure_in_a_group_stays_with_its_document(pipe, tmp_path, monkeypatch):
    orig = TokensStage.__call__

    def fails_on_one(self, doc):
        if "विफल" in doc.text:
            raise ValueError("this document breaks the tokenizer")
        return orig(self, doc)

    monkeypatch.setattr(TokensStage, "__call__", fails_on_one)
    texts = _texts()[:4]
    tasks = _write(tmp_path, texts[:2] + ["यह दस्तावेज़ विफल होगा।"] + texts[2:])
    out = process_group(pipe, tasks)
    assert [m["ok"] for m, _ in out] == [True, True, False, True, True]
    errors = _entry(out[2][1])[0]["errors"]
    assert [(e["stage"], e["kind"]) for e in errors] == [("tokens", "stage_error")]
    assert all(not _entry(b)[0]["errors"] and _entry(b)[0]["sentences"] for i, (_, b) in enumerate(out) if i != 2)


def test_a_timeout_in_a_group_stays_with_its_document(tmp_path, monkeypatch):
    orig = TokensStage.__call__

    def busy(self, doc):
        if "धीमा" in doc.text:
            end = time.monotonic() + 30
            while time.monotonic() < end:
                pass
        return orig(self, doc)

    monkeypatch.setattr(TokensStage, "__call__", busy)
    rules = Pipeline({"entities": {"ner": "none"}})
    tasks = _write(tmp_path, ["भारत और रूस।", "धीमा दस्तावेज़ है।", "मोदी ने कहा।"], RunSpec(None, "fp", True, 1.0))
    t0 = time.monotonic()
    out = process_group(rules, tasks)
    assert time.monotonic() - t0 < 15     # its own 1 s, not the group's
    kinds = [[e["kind"] for e in _entry(b)[0]["errors"]] for _, b in out]
    assert kinds == [[], ["timeout"], []]
    assert out[1][0]["ok"] is False and pickle.loads(out[1][1])["timed_out"] == 1.0


def test_groups_cut_in_order_and_keep_workers_busy():
    tasks = list(range(100))
    one = groups(tasks)
    assert [t for g in one for t in g] == tasks and max(map(len, one)) == GROUP_DOCS
    two = groups(tasks, workers=2)
    assert [t for g in two for t in g] == tasks and len(two) >= 8
    assert groups(list(range(3)), workers=2) == [[0], [1], [2]]
    assert groups([]) == []


def test_an_in_process_run_gives_the_collector_back_its_objects(tmp_path):
    """settle() freezes the objects alive when a worker starts (so full collections skip the model);
    an in-process run must unfreeze them at its end, or a notebook's later garbage would never be
    collected."""
    import gc

    from pipeline.batch.document import PipelineFactory
    from pipeline.batch.run import run_batch
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("भारत और रूस के बीच व्यापार बढ़ा।", encoding="utf-8")
    assert gc.get_freeze_count() == 0
    run_batch(corpus, tmp_path / "o", factory=PipelineFactory.of({"entities": {"ner": "none"}}))
    assert gc.get_freeze_count() == 0

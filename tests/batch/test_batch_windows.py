"""Long documents in bounded windows (issue 20, pipeline/batch/windows.py): the same tables, byte for
byte, as the document processed whole, whatever the window size; the entry holds one chunk per
window. (The memory it saves is measured by benchmarks/bench_batch.py --long, not here.)"""
from __future__ import annotations

import pickle

import pandas as pd
import pytest

from pipeline.batch import windows
from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from pipeline.batch.store import Store
from pipeline.runner import STAGES, Pipeline
from pipeline.core.tables import TABLES
from tools.synthetic import make_archive

from conftest import SEED


def test_every_stage_has_its_place_in_a_window():
    names = [stage.name for stage in STAGES]
    assert set(names) == set(windows.WHOLE + windows.PER_WINDOW + windows.STREAMED), names
    assert windows.windowed(Pipeline({"entities": {"ner": "none"}}))
    assert windows.windowed(Pipeline({"entities": {"ner": "none"}}, skip=("relations",)))
    pipe = Pipeline({"entities": {"ner": "none"}})
    pipe.stages.append(type("Unknown", (), {"name": "coreference", "provides": ()})())
    assert not windows.windowed(pipe)          # a stage this module does not know: the document whole


@pytest.fixture()
def long_corpus(tmp_path):
    """The seed briefing 12 times over (its dateline, names introduced once then shortened, facts
    stated again: what the relations remember across sentences), then synthetic paragraphs, as one
    file; and a short document beside it."""
    corpus = tmp_path / "corpus"
    make_archive(tmp_path / "parts", 6, seed=7)
    parts = [p.read_text("utf-8") for p in sorted((tmp_path / "parts").glob("*.txt"))]
    corpus.mkdir()
    (corpus / "long.txt").write_text(("\n\n".join([SEED.read_text("utf-8-sig")] * 12 + parts)), "utf-8")
    (corpus / "short.txt").write_text(parts[0], "utf-8")
    return corpus


def _tables(out) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


def _factory(ner: str, skip: tuple[str, ...]) -> PipelineFactory:
    if ner != "none":
        from pipeline.ner.model_files import check_engine
        try:
            check_engine(ner)
        except FileNotFoundError:
            pytest.skip("the hi-ner model is not built")
    return PipelineFactory.of({"entities": {"ner": ner}}, skip=skip)


@pytest.mark.parametrize("ner,skip", [("none", ()), ("hi-ner", ()), ("none", ("relations",))])
def test_windows_give_the_rows_of_the_whole_document(long_corpus, tmp_path, monkeypatch, ner, skip):
    factory = _factory(ner, skip)
    opts = RunOptions(formats=("csv", "parquet"), quiet=True)
    whole = tmp_path / "whole"
    run_batch(long_corpus, whole, opts, factory=factory)
    n_sentences = sum(1 for _ in (whole / "sentences.csv").open(encoding="utf-8-sig")) - 1
    assert n_sentences > 300
    monkeypatch.setattr(windows, "LONG_DOC_CHARS", 20_000)
    for size in (7, 100):
        monkeypatch.setattr(windows, "WINDOW_SENTENCES", size)
        out = tmp_path / f"windows-{size}"
        run_batch(long_corpus, out, opts, factory=factory)
        assert _tables(out) == _tables(whole), size
        for t in TABLES:
            pd.testing.assert_frame_equal(pd.read_parquet(out / f"{t}.parquet"), pd.read_parquet(whole / f"{t}.parquet"))
        key = next(k for d, (k, _, _) in Store(out).doc_index().items() if d == "long.txt")
        entry = pickle.loads(Store(out).cache_path(key).read_bytes())
        assert len(entry["chunks"]) > (n_sentences - 40) // size      # one a window, and the document's own

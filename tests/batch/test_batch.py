"""Batch runs: incremental == full, versions, force, workers, dask, paths, locking, escaping."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.batch.document import PipelineFactory
from pipeline.batch.inputs import BatchUsageError, list_inputs
from pipeline.batch.manifest import validate
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from pipeline.batch.store import OutputBusy, Store
from tools.synthetic import make_archive
from pipeline.core.tables import TABLES, read_table
from pipeline.text.tokens import TokensStage

FACTORY = PipelineFactory.of({"entities": {"ner": "none"}})


def tables_bytes(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


@pytest.fixture()
def archive(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    make_archive(corpus, 8, seed=1)
    return corpus


def test_incremental_equals_full_run(archive, tmp_path):
    out, full = tmp_path / "out", tmp_path / "full"
    s1 = run_batch(archive, out, factory=FACTORY)
    assert s1.processed == 8 and s1.documents == 8 and not validate(out)
    # change one, add one, delete one
    p = sorted(archive.glob("*.txt"))
    p[0].write_text(p[0].read_text("utf-8") + "\nभारत और जापान के बीच नई बातचीत हुई।\n", "utf-8")
    p[1].unlink()
    (archive / "new.txt").write_text("विदेश सचिव ने दिल्ली में कहा कि व्यापार बढ़ेगा।\n", "utf-8")
    s2 = run_batch(archive, out, factory=FACTORY)
    assert (s2.processed, s2.reused, s2.removed, s2.documents) == (2, 6, 1, 8)
    run_batch(archive, full, RunOptions(force=True), factory=FACTORY)
    assert tables_bytes(out) == tables_bytes(full)
    docs = read_table(out, "documents")
    assert list(docs.doc_id) == sorted(docs.doc_id) and p[1].name not in set(docs.doc_id)
    assert not validate(out)


def test_unchanged_rerun_touches_nothing(archive, tmp_path):
    out = tmp_path / "out"
    s1 = run_batch(archive, out, factory=FACTORY)
    before = {p: p.stat().st_mtime_ns for p in (out / ".current").resolve().iterdir()}
    s2 = run_batch(archive, out, factory=FACTORY)
    assert s2.up_to_date and s2.processed == 0 and s2.generation == s1.generation
    assert {p: p.stat().st_mtime_ns for p in (out / ".current").resolve().iterdir()} == before


def test_version_change_and_force_redo_everything(archive, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run_batch(archive, out, factory=FACTORY)
    assert run_batch(archive, out, RunOptions(force=True), factory=FACTORY).processed == 8
    from pipeline.text.tokens import TokensStage
    monkeypatch.setattr(TokensStage, "version", lambda self: "tokens-v2")
    s = run_batch(archive, out, factory=FACTORY)
    assert s.processed == 8 and s.reused == 0
    assert json.loads((out / "manifest.json").read_text())["versions"]["tokens"] == "tokens-v2"
    # stale cache entries of the old version are gone
    keys = {k for k, _, _ in Store(out).doc_index().values()}
    assert len(keys) == 8
    assert {p.stem for p in (out / ".cache" / "rows").rglob("*.pkl")} == keys


@pytest.mark.parametrize("start", ["fork", "forkserver"])
def test_two_workers_same_bytes(archive, tmp_path, monkeypatch, start):
    import sys
    import types
    if start == "forkserver":   # what a process that loaded torch (the NER model) uses
        monkeypatch.setitem(sys.modules, "torch", types.ModuleType("torch"))
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch(archive, one, RunOptions(workers=1), factory=FACTORY)
    s = run_batch(archive, two, RunOptions(workers=2), factory=FACTORY)
    assert s.processed == 8
    assert tables_bytes(one) == tables_bytes(two)


def test_dask_engine_same_rows(archive, tmp_path):
    pytest.importorskip("distributed")
    local, dk = tmp_path / "local", tmp_path / "dask"
    run_batch(archive, local, RunOptions(formats=("csv", "parquet-dataset")), factory=FACTORY)
    s = run_batch(archive, dk, RunOptions(engine="dask", workers=1), factory=FACTORY)  # threads: fast to start
    assert s.processed == 8 and s.engine == "dask"
    assert tables_bytes(local) == tables_bytes(dk)
    for t in TABLES:
        a = pd.read_parquet(local / "parquet" / t)
        b = pd.read_parquet(dk / "parquet" / t)
        pd.testing.assert_frame_equal(a, b)
        assert len(b) == len(read_table(dk, t))
    assert not validate(dk)


def test_output_paths_are_refused_or_skipped(archive, tmp_path):
    with pytest.raises(BatchUsageError, match="must not be the corpus"):
        run_batch(archive, archive, factory=FACTORY)
    with pytest.raises(BatchUsageError, match="inside the output folder"):
        run_batch(archive, archive.parent, factory=FACTORY)
    foreign = tmp_path / "home"
    foreign.mkdir()
    (foreign / "thesis.docx").write_bytes(b"x")
    with pytest.raises(BatchUsageError, match="not empty"):
        run_batch(archive, foreign, factory=FACTORY)
    assert (foreign / "thesis.docx").read_bytes() == b"x"
    # OUT inside the corpus: its files are never read back as input
    inner = archive / "outputs"
    run_batch(archive, inner, factory=FACTORY)
    s = run_batch(archive, inner, factory=FACTORY)
    assert s.documents == 8 and s.up_to_date


def test_symlinks_out_of_corpus_are_error_rows(archive, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("गोपनीय पाठ।", "utf-8")
    os.symlink(secret, archive / "leak.txt")
    os.symlink(tmp_path / "missing.txt", archive / "broken.txt")
    os.symlink(tmp_path, archive / "updir")
    inside = sorted(archive.glob("briefing-*.txt"))[0]
    os.symlink(inside.name, archive / "alias.txt")
    ids = {d: prob for d, _, prob in list_inputs(archive)}
    assert ids["leak.txt"][0] == "symlink" and "out of the corpus" in ids["leak.txt"][1]
    assert ids["broken.txt"][0] == "symlink" and ids["updir"][0] == "symlink" and ids["alias.txt"] is None
    out = tmp_path / "out"
    run_batch(archive, out, factory=FACTORY)
    errs = read_table(out, "errors").set_index("doc_id")
    assert set(errs.index) == {"leak.txt", "broken.txt", "updir"}
    assert "गोपनीय" not in (out / "sentences.csv").read_text("utf-8-sig")
    assert "alias.txt" in set(read_table(out, "documents").doc_id)


def test_csv_formula_neutralised_and_read_back_exactly(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = "=HYPERLINK(\"http://evil\",\"x\")\n@SUM(1+1) भारत।\n+91 रूस और भारत।\n-2 डिग्री तापमान रहा।\n'उद्धरण' वाक्य।\n"
    (corpus / "a.txt").write_text(text, "utf-8")
    esc, raw = tmp_path / "esc", tmp_path / "raw"
    run_batch(corpus, esc, factory=FACTORY)
    run_batch(corpus, raw, RunOptions(csv_escape=False), factory=FACTORY)
    lines = (esc / "sentences.csv").read_text("utf-8-sig").splitlines()[1:]
    cells = [ln.split(",", 5)[5] for ln in lines]
    assert all(not c.lstrip('"').startswith(("=", "+", "-", "@")) for c in cells)
    for out in (esc, raw):
        sents = read_table(out, "sentences")
        assert all(text[s:e] == t for s, e, t in zip(sents.start, sents.end, sents.text))
        toks = read_table(out, "tokens")
        assert all(text[s:e] == t for s, e, t in zip(toks.start, toks.end, toks.text))
    raw_sents = pd.read_csv(raw / "sentences.csv", dtype=str, keep_default_na=False)
    assert raw_sents.text.iloc[0].startswith("=HYPERLINK")
    # a lone "-" token cannot hold a formula and stays as it is
    assert "-" in set(pd.read_csv(esc / "tokens.csv", dtype=str, keep_default_na=False).text)


def test_lock_refuses_a_second_writer(archive, tmp_path):
    out = tmp_path / "out"
    holder = Store(out)
    holder.lock()
    try:
        with pytest.raises(OutputBusy):
            run_batch(archive, out, factory=FACTORY)
    finally:
        holder.unlock()
    run_batch(archive, out, factory=FACTORY)


def test_outputs_of_the_old_layout_are_adopted(archive, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for t in TABLES:
        (out / f"{t}.csv").write_text("old\n", "utf-8")
    s = run_batch(archive, out, factory=FACTORY)
    assert s.processed == 8 and not validate(out)
    assert all((out / f"{t}.csv").is_symlink() for t in TABLES)
    assert len(read_table(out, "documents")) == 8


def test_interrupted_run_resumes_from_cache(archive, tmp_path):
    out = tmp_path / "out"
    seen = []

    def boom(meta):
        seen.append(meta["doc_id"])
        if len(seen) == 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(archive, out, factory=FACTORY, on_doc=boom)
    assert not (out / "documents.csv").exists()   # nothing published
    s = run_batch(archive, out, factory=FACTORY)
    assert (s.processed, s.reused) == (3, 5)


def test_parquet_single_files_match_csv(archive, tmp_path):
    out = tmp_path / "out"
    run_batch(archive, out, RunOptions(formats=("csv", "parquet")), factory=FACTORY)
    for t in ("documents", "tokens", "errors"):
        pq_df = pd.read_parquet(out / f"{t}.parquet")
        assert len(pq_df) == len(read_table(out, t))
    s = run_batch(archive, out, factory=FACTORY)       # without parquet: links disappear
    assert not s.up_to_date and not (out / "tokens.parquet").exists() and not validate(out)


def test_cli_run_options(archive, tmp_path, capsys):
    from pipeline import cli
    out = tmp_path / "out"
    args = ["run", str(archive), "--out", str(out), "--ner", "none"]
    assert cli.main(args + ["--quiet", "--workers", "1"]) == 0
    assert cli.main(args) == 0
    assert "up to date" in capsys.readouterr().out
    assert cli.main(args + ["--quiet", "--force", "--no-csv-escape"]) == 0
    assert json.loads((out / "manifest.json").read_text())["csv_escape"] is False
    assert cli.main(["run", str(archive), "--out", str(archive), "--ner", "none"]) == 2
    assert cli.main(args + ["--scheduler", "tcp://x:1"]) == 2
    shutil.rmtree(out)


def test_doc_timeout_becomes_an_error_row_and_is_retried_with_more_time(archive, tmp_path, monkeypatch):
    import time as _time

    from pipeline.text.tokens import TokensStage
    slow = "धीमा दस्तावेज़ है।\n"
    (archive / "slow.txt").write_text(slow * 3, "utf-8")
    orig = TokensStage.__call__

    def sleepy(self, doc):
        if "धीमा" in doc.text:
            _time.sleep(60)
        return orig(self, doc)

    monkeypatch.setattr(TokensStage, "__call__", sleepy)
    out = tmp_path / "out"
    s = run_batch(archive, out, RunOptions(doc_timeout=2.5), factory=FACTORY)
    errs = read_table(out, "errors").set_index("doc_id")
    assert errs.loc["slow.txt", "kind"] == "timeout" and "--doc-timeout" in errs.loc["slow.txt", "reason"]
    assert s.failed == 1 and s.documents == 9
    assert run_batch(archive, out, RunOptions(doc_timeout=2.5), factory=FACTORY).processed == 0   # same limit: kept
    monkeypatch.setattr(TokensStage, "__call__", orig)
    s = run_batch(archive, out, RunOptions(doc_timeout=30), factory=FACTORY)                    # more time: retried
    assert s.processed == 1 and s.failed == 0


def test_plain_layout_and_switching_layouts(archive, tmp_path):
    out = tmp_path / "out"
    run_batch(archive, out, RunOptions(formats=("csv", "parquet")), factory=FACTORY)
    links = tables_bytes(out)
    s = run_batch(archive, out, RunOptions(layout="plain"), factory=FACTORY)
    assert s.processed == 0 and not s.up_to_date          # rewritten in the other layout
    assert not (out / ".current").exists() and not list(out.glob(".gen-*"))
    assert all((out / f"{t}.csv").is_file() and not (out / f"{t}.csv").is_symlink() for t in TABLES)
    assert not (out / "tokens.parquet").exists() and not validate(out)
    assert tables_bytes(out) == links
    assert run_batch(archive, out, factory=FACTORY).up_to_date       # auto keeps the plain layout
    run_batch(archive, out, RunOptions(layout="links"), factory=FACTORY)
    assert (out / "documents.csv").is_symlink() and not validate(out) and tables_bytes(out) == links


class _DyingTokens(TokensStage):
    def __call__(self, doc):
        if "धमाका" in doc.text:
            os._exit(3)
        return super().__call__(doc)


class _Crashing(PipelineFactory):
    """A pipeline whose worker process dies (os._exit) on documents containing 'धमाका'."""

    def __call__(self):
        pipe = super().__call__()
        for stage in pipe.stages:
            if stage.name == "tokens":
                stage.__class__ = _DyingTokens
        return pipe


def test_a_dying_worker_loses_no_document(archive, tmp_path):
    (archive / "boom.txt").write_text("यह धमाका है।\n", "utf-8")
    out = tmp_path / "out"
    crashing = _Crashing(FACTORY.config_json, FACTORY.skip)
    s = run_batch(archive, out, RunOptions(workers=2), factory=crashing)
    errs = read_table(out, "errors").set_index("doc_id")
    assert list(errs.index) == ["boom.txt"] and errs.loc["boom.txt", "kind"] == "worker_crash"
    assert s.documents == 9 and s.failed == 1
    assert len(read_table(out, "documents")) == 8


def test_dask_engine_with_a_scheduler_address(archive, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    run_batch(archive, local, factory=FACTORY)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        out = tmp_path / "dask"
        s = run_batch(archive, out, RunOptions(engine="dask", scheduler=cluster.scheduler_address), factory=FACTORY)
        assert s.processed == 8
        dask = RunOptions(engine="dask", scheduler=cluster.scheduler_address)
        assert run_batch(archive, out, dask, factory=FACTORY).up_to_date
    assert tables_bytes(local) == tables_bytes(out)

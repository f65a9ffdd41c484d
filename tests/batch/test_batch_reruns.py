"""What a user meets when rerunning (issue 13): an unchanged rerun rewrites nothing, not even the
manifest (in both layouts, and from a fresh git checkout without the row cache); Ctrl-C prints one
line and a rerun resumes to the same tables; an empty corpus writes nothing; a missing evaluation
data set is a one-line error."""
from __future__ import annotations

import io
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.progress import Progress
from pipeline.batch.run import NoInputs, run_batch
from tools.synthetic import make_archive
from pipeline import cli
from pipeline.core.tables import TABLES

REPO = Path(__file__).resolve().parents[2]
FACTORY = PipelineFactory.of({"entities": {"ner": "none"}})


def snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every file a user (or git) sees in OUT: its bytes and mtime."""
    return {p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(out.rglob("*")) if p.is_file() and ".cache" not in p.parts and p.name != ".lock"}


@pytest.fixture()
def archive(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    make_archive(corpus, 6, seed=4)
    return corpus


@pytest.mark.parametrize("layout", ["plain", "links"])
def test_rerun_without_cache_rewrites_nothing_when_tables_are_identical(archive, tmp_path, layout):
    out = tmp_path / "out"
    first = run_batch(archive, out, RunOptions(layout=layout), factory=FACTORY)
    before = snapshot(out)
    shutil.rmtree(out / ".cache")          # a fresh checkout of a committed output folder
    s = run_batch(archive, out, RunOptions(layout=layout), factory=FACTORY)
    assert s.processed == 6 and s.up_to_date and s.generation == first.generation
    assert snapshot(out) == before         # manifest.json included: same timestamp, same generation id
    assert len(list(out.glob(".gen-*"))) == (1 if layout == "links" else 0)   # the unused one is gone
    # a real change is still published
    (archive / "new.txt").write_text("भारत और नेपाल के बीच व्यापार बढ़ा।\n", "utf-8")
    s = run_batch(archive, out, RunOptions(layout=layout), factory=FACTORY)
    assert not s.up_to_date and s.generation != first.generation and s.documents == 7


def test_forced_rerun_with_identical_tables_keeps_the_manifest(archive, tmp_path):
    out = tmp_path / "out"
    run_batch(archive, out, factory=FACTORY)
    manifest = (out / "manifest.json").read_bytes()
    s = run_batch(archive, out, RunOptions(force=True), factory=FACTORY)
    assert s.processed == 6 and s.up_to_date and (out / "manifest.json").read_bytes() == manifest


def test_cli_says_one_thing_on_an_unchanged_rerun(archive, tmp_path, capsys):
    args = ["run", str(archive), "--out", str(tmp_path / "out"), "--ner", "none"]
    assert cli.main(args) == 0
    assert "tables written to" in capsys.readouterr().out
    for _ in range(2):                     # from the cache, then without it
        assert cli.main(args) == 0
        said = capsys.readouterr().out
        assert "nothing rewritten" in said and "tables written" not in said
        shutil.rmtree(tmp_path / "out" / ".cache")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_rerun_in_a_fresh_clone_leaves_git_status_clean(archive, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.move(str(archive), repo / "corpus")
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run(git + ["init", "-q", str(repo)], check=True)
    args = ["run", "corpus", "--out", "outputs", "--ner", "none", "--quiet", "--layout", "plain"]
    assert subprocess.run([sys.executable, "-m", "pipeline.cli"] + args, cwd=repo,
                          env=_env()).returncode == 0
    subprocess.run(git + ["add", "-A"], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-q", "-m", "outputs"], cwd=repo, check=True)
    clone = tmp_path / "clone"
    subprocess.run(git + ["clone", "-q", str(repo), str(clone)], check=True)
    assert not (clone / "outputs" / ".cache").exists()
    args.remove("--layout"), args.remove("plain")          # auto keeps the committed layout
    assert subprocess.run([sys.executable, "-m", "pipeline.cli"] + args, cwd=clone,
                          env=_env()).returncode == 0
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True)
    assert status.stdout == ""


def _env() -> dict:
    import os
    return dict(os.environ, PYTHONPATH=str(REPO))


def test_empty_corpus_writes_nothing(tmp_path, capsys):
    empty, out = tmp_path / "empty", tmp_path / "out"
    empty.mkdir()
    (empty / ".hidden").write_text("x")    # hidden files are not inputs
    with pytest.raises(NoInputs):
        run_batch(empty, out, factory=FACTORY)
    assert not out.exists()
    assert cli.main(["run", str(empty), "--out", str(out), "--ner", "none"]) == cli.EXIT_USAGE
    assert "no input files" in capsys.readouterr().err and not out.exists()
    # an output folder of an earlier run is left as it was
    (empty / "a.txt").write_text("भारत और रूस के बीच व्यापार बढ़ा।\n", "utf-8")
    run_batch(empty, out, factory=FACTORY)
    before = snapshot(out)
    (empty / "a.txt").unlink()
    assert cli.main(["run", str(empty), "--out", str(out), "--ner", "none"]) == cli.EXIT_USAGE
    assert snapshot(out) == before


def _run_until_cached(args: list[str], out, entries: int, **popen) -> subprocess.Popen:
    """Start `hindi-extract ARGS` (SIGINT at its default) and return once `entries` documents are cached."""
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli"] + args, cwd=REPO, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **popen)
    t0 = time.monotonic()
    while len(list((out / ".cache").rglob("*.pkl"))) < entries:
        assert proc.poll() is None and time.monotonic() - t0 < 120, "the run ended before the SIGINT"
        time.sleep(0.02)
    return proc


def test_sigint_prints_one_line_and_the_rerun_resumes_to_identical_tables(tmp_path, capsys):
    corpus, out, ref = tmp_path / "corpus", tmp_path / "out", tmp_path / "ref"
    make_archive(corpus, 200, seed=5)
    args = ["run", str(corpus), "--out", str(out), "--ner", "none"]
    proc = _run_until_cached(args, out, 10)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in stderr and stdout == ""
    m = re.fullmatch(r"interrupted: (\d+) of 200 documents done; rerun the same command to resume\n", stderr)
    assert m and 10 <= int(m.group(1)) < 200, stderr
    assert not (out / "documents.csv").exists()            # nothing published
    assert cli.main(args + ["--quiet"]) == 0               # the same command resumes...
    cached = int(m.group(1))
    assert cli.main(["run", str(corpus), "--out", str(ref), "--ner", "none", "--quiet"]) == 0
    for t in TABLES:                                       # ...to the tables of an uninterrupted run
        assert (out / f"{t}.csv").read_bytes() == (ref / f"{t}.csv").read_bytes(), t
    assert run_batch(corpus, out, factory=FACTORY).up_to_date and cached > 0


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_ends_its_line_when_closed_early():
    stream = _Tty()
    bar = Progress(5, stream=stream)
    for name in ("a.txt", "b.txt"):
        bar.step(name)
    bar.close()                            # what an interrupted run does before its message
    text = stream.getvalue()
    assert "2/5" in text and text.endswith("\n")
    quiet = _Tty()
    Progress(5, quiet=True, stream=quiet).close()
    piped = io.StringIO()                  # not a terminal: no bar at all
    p = Progress(5, stream=piped)
    p.step("a.txt")
    p.close()
    assert quiet.getvalue() == "" and piped.getvalue() == ""


@pytest.mark.parametrize("argv", [["evaluate", "segmentation"], ["evaluate", "ner"], ["evaluate", "amounts"],
                                  ["evaluate", "relations"], ["train-ner"]])
def test_missing_shared_data_is_one_line_with_a_hint(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HINDI_EXTRACT_SHARED", str(tmp_path / "nowhere"))
    assert cli.main(argv) == cli.EXIT_USAGE
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "HINDI_EXTRACT_SHARED" in err and "nowhere" in err


def test_ctrl_c_to_the_process_group_of_a_two_worker_run_is_one_line(tmp_path):
    """A terminal's Ctrl-C reaches every process of the group: the workers stay silent."""
    import os
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    make_archive(corpus, 200, seed=6)
    proc = _run_until_cached(["run", str(corpus), "--out", str(out), "--ner", "none", "--workers", "2"], out, 6,
                             start_new_session=True)
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and stdout == ""
    assert re.fullmatch(r"interrupted: \d+ of 200 documents done; rerun the same command to resume\n", stderr), stderr

"""Ctrl-C at any moment of a run (issue 20): start-up, groups in flight, assembly, the commit and after
it; with 1 or 2 local workers and with a local Dask cluster of 2 worker processes; sent to the whole
process group (a terminal's Ctrl-C) and to the main process alone (a job scheduler, `kill -INT`).
Every time: exit 130 within seconds, one line on stderr, nothing on stdout, OUT/.lock free, no
process of the run left; and a rerun resumes to the tables of an uninterrupted run."""
from __future__ import annotations

import fcntl
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from pipeline.core.tables import TABLES
from tools.synthetic import make_archive

REPO = Path(__file__).resolve().parents[2]
ONE_LINE = re.compile(r"interrupted(: \d+ of \d+ documents done; rerun the same command to resume)?\n")
EXIT_S = 20.0          # "within a few seconds", with room for a loaded CI machine

# (what to wait for, its argument, who gets the SIGINT): 9 moments in a row per engine; a "point" is
# reached by the run itself, which then signals (pipeline/batch/store.py, crashpoint)
MOMENTS = [("imports", "/numpy/", "group"),   # the imports of `run` (the first second): numpy just loaded
           ("lock", None, "main"),             # OUT locked: the plan, the engine starting
           ("point", "workers", "group"),      # a worker process / the cluster just started
           ("cached", 2, "group"),             # groups in flight
           ("cached", 6, "main"),
           ("point", "assembling", "group"),   # half the tables written
           ("point", "manifest", "main"),      # the new generation complete, not yet switched
           ("point", "switched", "group"),     # just committed
           ("point", "cleaned", "main")]       # the very end
IN_PROCESS = [m if m[1] != "workers" else ("cached", 12, "group") for m in MOMENTS]   # w1 starts none
ENGINES = {"w1": [], "w2": ["--workers", "2"], "dask": ["--engine", "dask", "--workers", "2"]}


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    """A corpus long enough to be caught while documents are in flight, and a short one for the
    moments a run reaches after processing all of its documents."""
    work = tmp_path_factory.mktemp("ctrl-c")
    make_archive(work / "long", 150, seed=20, per_doc=(3, 8))
    make_archive(work / "short", 20, seed=21, per_doc=(3, 8))
    return {"long": work / "long", "short": work / "short"}


def _cmd(corpus: Path, out: Path, engine: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--ner", "none",
            *ENGINES[engine]]


def _env(**extra) -> dict:
    return dict(os.environ, PYTHONPATH=str(REPO), **extra)


def _start(cmd: list[str], env: dict) -> subprocess.Popen:
    """The command in a session of its own (a group signal stays there), SIGINT at its default."""
    return subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _loaded(pid: int, name: str) -> bool:
    """Has process `pid` mapped a file whose path holds `name` (Linux; elsewhere: after 0.5 s)?"""
    try:
        return name in Path(f"/proc/{pid}/maps").read_text()
    except FileNotFoundError:
        time.sleep(0.5)
        return True


def _wait_for(proc: subprocess.Popen, out: Path, what: str, arg) -> None:
    """Until the moment: `imports` (a library loaded: the run's own code is importing; the
    interpreter's start before it is Python's, whose Ctrl-C prints Python's traceback), `lock` (OUT
    locked), `cached` (that many cache entries written)."""
    t0 = time.monotonic()
    if what == "imports":
        while not _loaded(proc.pid, arg):
            assert proc.poll() is None and time.monotonic() - t0 < 60, "the run ended before its imports"
            time.sleep(0.002)
        return
    while not ((out / ".lock").exists() if what == "lock" else
               len(list((out / ".cache").rglob("*.pkl"))) >= arg):
        assert proc.poll() is None, f"the run ended before the moment {what} {arg}"
        assert time.monotonic() - t0 < 120
        time.sleep(0.01)
    if what == "lock" and arg:
        time.sleep(arg)


def _lock_is_free(out: Path) -> bool:
    if not (out / ".lock").exists():
        return True
    fd = os.open(out / ".lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _group_gone(pgid: int) -> bool:
    t0 = time.monotonic()
    while time.monotonic() - t0 < 10:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _interrupt(corpus: Path, out: Path, engine: str, moment) -> float:
    """One Ctrl-C; returns the seconds from the signal to the exit."""
    what, arg, target = moment
    env = _env(HINDI_EXTRACT_CRASHPOINT=f"{arg}:{'int-group' if target == 'group' else 'int'}") \
        if what == "point" else _env()
    proc = _start(_cmd(corpus, out, engine), env)
    t_signal = time.monotonic()
    if what != "point":
        _wait_for(proc, out, what, arg)
        t_signal = time.monotonic()
        (os.killpg if target == "group" else os.kill)(proc.pid, signal.SIGINT)
    try:
        stdout, stderr = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise AssertionError(f"{engine} {moment}: still running 120 s after the SIGINT")
    took = time.monotonic() - t_signal
    label = f"{engine} {moment}"
    assert proc.returncode == 130, (label, proc.returncode, stderr[-2000:])
    assert stdout == "" and ONE_LINE.fullmatch(stderr), (label, stderr[-2000:])
    assert _lock_is_free(out), label
    assert _group_gone(proc.pid), f"{label}: a process of the run is still alive"
    assert took < EXIT_S, (label, took)
    return took


def _tables(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups")
@pytest.mark.parametrize("engine", list(ENGINES))
def test_ctrl_c_at_any_moment_is_one_line_and_the_rerun_resumes(corpora, tmp_path, engine):
    if engine == "dask":
        pytest.importorskip("distributed")
    took, outs = {}, {}
    for n, moment in enumerate(IN_PROCESS if engine == "w1" else MOMENTS):
        corpus = corpora["short" if moment[0] == "point" and moment[1] != "workers" else "long"]
        outs[moment] = out = tmp_path / f"out-{n}"
        took[moment] = _interrupt(corpus, out, engine, moment)
    print(engine, {f"{m[0]} {m[1]} {m[2]}": round(s, 2) for m, s in took.items()})
    # the rerun resumes: after a run stopped with groups in flight, and after one stopped once committed
    for moment, corpus in ((("cached", 6, "main"), corpora["long"]), (("point", "switched", "group"), corpora["short"])):
        out, ref = outs[moment], tmp_path / f"ref-{corpus.name}"
        run_batch(corpus, ref, RunOptions(quiet=True), factory=PipelineFactory.of({"entities": {"ner": "none"}}))
        done = subprocess.run(_cmd(corpus, out, engine), cwd=REPO, env=_env(), capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        assert re.search(r"[1-9]\d* unchanged", done.stdout) or "up to date" in done.stdout, done.stdout
        assert _tables(out) == _tables(ref)

"""Kill batch runs with SIGKILL at random moments and check the outputs every time.

    python -m tools.crashtest --kills 20 --docs 40 --workers 2      (from the repository root)

Two corpus states A and B (B: some documents changed, some deleted, some added) are processed
once each into reference folders. Then, many times: the live corpus is switched to A or B, a
`run_batch` child process (with its workers, one process group) is started and SIGKILLed after
a random delay, and OUT must be consistent (pipeline.batch.manifest.validate) and hold exactly the
reference tables of the previous complete state or of the new one, never a mix. A last run
without a kill must resume and give the new state's tables, with no leftovers.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pipeline.batch.manifest import validate
from pipeline.core.tables import TABLES

SKIP = ("amounts", "syntax", "relations", "triples")


def _factory(reduced: bool):
    from pipeline.batch.document import PipelineFactory
    if reduced:
        return PipelineFactory.of({"entities": {"ner": "none"}}, skip=SKIP)
    return PipelineFactory.of({"entities": {"ner": "none"}})


def snapshot(out: Path) -> dict[str, bytes] | None:
    if not (out / "documents.csv").exists():
        return None
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


def _states(work: Path, docs: int, seed: int) -> tuple[Path, Path]:
    from .synthetic import make_archive
    a, b = work / "state-A", work / "state-B"
    make_archive(a, docs, seed=seed)
    shutil.copytree(a, b)
    rng = random.Random(seed)
    files = sorted(b.rglob("*.txt"))
    for p in rng.sample(files, max(1, docs // 4)):
        p.write_text(p.read_text("utf-8") + "\nभारत और जापान के बीच नई वार्ता हुई।\n", "utf-8")
    for p in rng.sample(files, max(1, docs // 8)):
        if p.exists():
            p.unlink()
    make_archive(b / "added", max(1, docs // 8), seed=seed + 1)
    return a, b


def _switch(live: Path, state: Path) -> None:
    tmp = live.with_name(live.name + ".new")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(state, tmp)
    shutil.rmtree(live, ignore_errors=True)
    os.replace(tmp, live)


@dataclass(frozen=True)
class Plan:
    """One crash test: how many kills, over how many documents, with how many workers."""
    work: Path
    kills: int = 20
    docs: int = 40
    workers: int = 1
    seed: int = 0
    reduced: bool = False
    log: Callable = field(default=print, compare=False)

    def child(self, live: Path, out: Path, workers: int | None = None, force: bool = False) -> list[str]:
        """The command of one run (a child process, with its workers one process group)."""
        return [sys.executable, "-m", "tools.crashtest", "--child", str(live), str(out),
                "--workers", str(self.workers if workers is None else workers)] \
            + (["--reduced"] if self.reduced else []) + (["--force"] if force else [])


def _references(plan: Plan, env: dict) -> tuple[Path, Path, Path, dict]:
    """(live corpus, state A, state B, {state: its tables}), each state processed once alone."""
    a, b = _states(plan.work, plan.docs, plan.seed)
    live, code, ref = plan.work / "corpus", Path(env["PYTHONPATH"]), {}
    for name, state in (("A", a), ("B", b)):
        _switch(live, state)
        t0 = time.perf_counter()
        subprocess.run(plan.child(live, plan.work / f"ref-{name}", 1, force=True), env=env, cwd=code, check=True)
        ref[name] = snapshot(plan.work / f"ref-{name}")
        plan.log(f"reference {name}: {time.perf_counter() - t0:.1f} s")
    assert ref["A"] != ref["B"]
    return live, a, b, ref


def _kill_after(plan: Plan, env: dict, live: Path, out: Path, delay: float) -> None:
    p = subprocess.Popen(plan.child(live, out), env=env, cwd=env["PYTHONPATH"], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    p.wait()


def _kills(plan: Plan, env: dict, states: tuple, full: float) -> tuple[dict, list[str], str]:
    """Kill runs at random moments; (outcomes, problems, the state the last run aimed at)."""
    live, a, b, ref = states
    out, rng = plan.work / "out", random.Random(plan.seed)
    have, target, outcomes, problems = "A", "A", {"previous": 0, "new": 0}, []
    for i in range(plan.kills):
        if rng.random() < 0.6 or target == have:
            target = "B" if have == "A" else "A"
            _switch(live, a if target == "A" else b)
        delay = rng.uniform(0.0, full * 1.1)
        _kill_after(plan, env, live, out, delay)
        snap, bad = snapshot(out), validate(out)
        if snap == ref[have]:
            what = "previous"
        elif snap == ref[target]:
            what, have = "new", target
        else:
            what = "MIX"
            problems.append(f"kill {i + 1}: outputs match neither state")
        if bad:
            problems.append(f"kill {i + 1}: {bad}")
        outcomes[what] = outcomes.get(what, 0) + 1
        plan.log(f"kill {i + 1:2}/{plan.kills} after {delay:5.2f} s (run {target}): outputs = {what} state "
              f"{have if what != 'MIX' else '?'}, validate: {'ok' if not bad else bad}")
    return outcomes, problems, target


def _leftovers(out: Path) -> list[str]:
    found = [p.name for p in out.iterdir() if p.name.startswith(".gen-")
             and p.resolve() != (out / ".current").resolve()]
    return found + [str(p) for p in out.rglob("*.tmp*")]


def crash_test(work: Path, **plan) -> dict:
    """Run the crash test of Plan(work, **plan) (kills, docs, workers, seed, reduced, log)."""
    return run_plan(Plan(Path(work), **plan))


def run_plan(plan: Plan) -> dict:
    shutil.rmtree(plan.work, ignore_errors=True)
    plan.work.mkdir(parents=True)
    # every run uses a frozen copy of the code, so edits made meanwhile cannot change the rows
    code, repo = plan.work / "code", Path(__file__).resolve().parents[1]
    for pkg in ("pipeline", "tools"):
        shutil.copytree(repo / pkg, code / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, PYTHONPATH=str(code))
    states = _references(plan, env)
    live, a, out, ref = states[0], states[1], plan.work / "out", states[3]
    _switch(live, a)                      # a complete first state, timed in a child like the killed runs
    t0 = time.perf_counter()
    subprocess.run(plan.child(live, out), env=env, cwd=code, check=True)
    full = time.perf_counter() - t0
    assert snapshot(out) == ref["A"] and not validate(out)
    outcomes, problems, target = _kills(plan, env, states, full)
    subprocess.run(plan.child(live, out), env=env, cwd=code, check=True)
    if not (snapshot(out) == ref[target] and not validate(out)):
        problems.append("the last, uninterrupted run did not give the target state's tables")
    if _leftovers(out):
        problems.append(f"leftovers: {_leftovers(out)}")
    result = {"kills": plan.kills, "docs": plan.docs, "workers": plan.workers, "full_run_s": round(full, 2),
              "outcomes": outcomes, "problems": problems, "reduced_pipeline": plan.reduced}
    plan.log(json.dumps(result))
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", default="/tmp/hindi-extract-crashtest")
    ap.add_argument("--reduced", action="store_true", help="rules-only pipeline without amounts/relations/triples")
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        from pipeline.batch.options import RunOptions
        from pipeline.batch.run import run_batch
        run_batch(Path(a.child[0]), Path(a.child[1]), RunOptions(workers=a.workers, quiet=True, force=a.force),
                  factory=_factory(a.reduced))
        return 0
    r = run_plan(Plan(Path(a.workdir), a.kills, a.docs, a.workers, a.seed, a.reduced))
    return 1 if r["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())

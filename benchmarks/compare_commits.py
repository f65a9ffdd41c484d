"""bench_stages.py of several commits side by side on this machine, so a speed target set on another
machine can be checked here as the same ratio to the commit it was set against.

    python benchmarks/compare_commits.py 47fee6f^ HEAD                 # issue 17's "today" and now
    python benchmarks/compare_commits.py 47fee6f^ e83a420 HEAD --rounds 3 --repeat 2

Each commit is checked out in a temporary worktree (`git worktree add --detach`) and runs its own
benchmarks/bench_stages.py (`--backends direct`, one core: `taskset -c CORE` where taskset exists).
The commits take turns `--repeat` times, so a shared machine's drift falls on all of them; per
commit the best grouped figures are kept (interference only ever adds time). Printed per commit:
syntax + relations and whole-pipeline sentences/s, each also as a ratio to the first commit (the
reference), and peak RSS. `--reference-rates SR,ALL` (the reference's figures on the machine the
target was set on, e.g. 6000,1414) adds each commit's figures scaled to that machine.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def grouped_rates(run: dict) -> dict[str, float]:
    """sentences/s of syntax+relations and of the whole pipeline, grouped mode, from one backend's
    entry of bench_stages.py --json; and its peak RSS in MB."""
    stages, n = run["grouped_stages"], run["sentences"]
    pair = stages.get("syntax", 0.0) + stages.get("relations", 0.0)
    return {"sr": n / pair if pair else 0.0, "all": n / sum(stages.values()), "rss": run["peak_rss_mb"]}


def best(rounds: list[dict[str, float]]) -> dict[str, float]:
    """The best rate of each figure over the turns (the lowest RSS: the same code, less noise)."""
    return {"sr": max(r["sr"] for r in rounds), "all": max(r["all"] for r in rounds),
            "rss": min(r["rss"] for r in rounds)}


def summary(names: list[str], results: dict[str, dict[str, float]], reference: tuple[float, float] | None) -> str:
    ref = results[names[0]]
    lines = [f"{'commit':14} {'S+R sent/s':>11} {'x ref':>6} {'all sent/s':>11} {'x ref':>6} {'RSS MB':>7}"
             + ("   scaled S+R   scaled all" if reference else "")]
    for name in names:
        r = results[name]
        x_sr, x_all = r["sr"] / ref["sr"], r["all"] / ref["all"]
        line = f"{name:14} {r['sr']:11.0f} {x_sr:6.2f} {r['all']:11.0f} {x_all:6.2f} {r['rss']:7.0f}"
        if reference:
            line += f"   {x_sr * reference[0]:10.0f} {x_all * reference[1]:12.0f}"
        lines.append(line)
    return "\n".join(lines)


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()


def _bench(tree: Path, rounds: int, core: str, out: Path) -> dict:
    cmd = [sys.executable, str(tree / "benchmarks" / "bench_stages.py"), "--backends", "direct",
           "--rounds", str(rounds), "--json", str(out)]
    if core and shutil.which("taskset"):
        cmd = ["taskset", "-c", core] + cmd
    # the worktrees lie in a temporary folder: they read this checkout's shared data
    shared = os.environ.get("HINDI_EXTRACT_SHARED", str(REPO.parent / "shared"))
    env = {**os.environ, "PYTHONPATH": str(tree), "HINDI_EXTRACT_SHARED": shared}
    subprocess.run(cmd, cwd=tree, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.read_text())["direct"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("commits", nargs="+", help="the first is the reference")
    ap.add_argument("--rounds", type=int, default=3, help="bench_stages.py --rounds")
    ap.add_argument("--repeat", type=int, default=2, help="turns of every commit")
    ap.add_argument("--core", default="1", help="taskset core ('' for none)")
    ap.add_argument("--reference-rates", help="SR,ALL: the first commit's figures where the target was set")
    args = ap.parse_args()
    reference = tuple(float(x) for x in args.reference_rates.split(",")) if args.reference_rates else None
    shas = {c: _git("rev-parse", "--verify", c + "^{commit}") for c in args.commits}
    work = Path(tempfile.mkdtemp(prefix="compare-commits-"))
    trees = {}
    try:
        for c, sha in shas.items():
            trees[c] = work / sha[:12]
            _git("worktree", "add", "--detach", str(trees[c]), sha)
        turns: dict[str, list[dict[str, float]]] = {c: [] for c in args.commits}
        for turn in range(args.repeat):
            for c in args.commits:
                r = grouped_rates(_bench(trees[c], args.rounds, args.core, work / f"{shas[c][:12]}-{turn}.json"))
                turns[c].append(r)
                print(f"turn {turn + 1} {c}: syntax+relations {r['sr']:.0f}, all {r['all']:.0f} sentences/s",
                      flush=True)
        print(summary(args.commits, {c: best(t) for c, t in turns.items()}, reference))
    finally:
        for tree in trees.values():
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=REPO, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

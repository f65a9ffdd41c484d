"""`hindi-extract evaluate amounts`: the per-suite / per-category conformance table.

Every line shows the raw pass rate (exclusions counted as failures) beside the adjusted one
(exclusions left out); the floors apply to the adjusted rate. Exit code 1 when a floor is missed or
an exclusion is stale; 2 for an unknown --suite.
"""
from __future__ import annotations

import argparse
import sys

from .conformance import FLOORS
from .conformance import run as run_suites
from .peers import CHECKS


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.1%}"


def _line(name: str, cat: str, c, raw: float | None, adj: float | None, floor) -> str:
    return (f"{name:<30} {cat:<34} {c['passed']:>6} {c['failed']:>6} {c['excluded']:>6} {_pct(raw):>7} "
            f"{_pct(adj):>8}  {'' if floor is None else f'{floor:.0%}'}")


def run(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="hindi-extract evaluate amounts",
                                 description="Conformance of the amounts grammar on the peer suites "
                                             "in ../shared/peer-suites/numbers (read in place).")
    ap.add_argument("--suite", action="append", help="only this suite (file name without .jsonl); repeatable")
    ap.add_argument("--failures", action="store_true", help="list every failed case with its detail")
    ap.add_argument("--exclusions", action="store_true", help="list every excluded case with its reason")
    args = ap.parse_args(argv)
    unknown = sorted(set(args.suite or ()) - set(CHECKS))
    if unknown:
        print(f"error: unknown suite {', '.join(unknown)}; the suites are {', '.join(sorted(CHECKS))}",
              file=sys.stderr)
        return 2
    rep = run_suites(args.suite)
    print("raw = passed / all cases (exclusions counted as failures); adjusted = passed / (passed + failed)")
    print(f"{'suite':<30} {'category':<34} {'passed':>6} {'failed':>6} {'excl.':>6} {'raw':>7} {'adjusted':>8}  floor")
    table = rep.table()
    for suite in sorted({s for s, _ in table}):
        for (s, cat), c in table.items():
            if s == suite:
                done = c["passed"] + c["failed"]
                floor = FLOORS.get((suite, cat), FLOORS.get((suite, "*")))
                print(_line(suite, cat, c, rep.raw_rate(suite, cat), c["passed"] / done if done else None, floor))
        c = rep.counts(suite)
        done = c["passed"] + c["failed"]
        print(_line(suite, "== suite total", c, rep.raw_rate(suite), c["passed"] / done if done else None, None))
    by_cat = rep.excluded_by_category()
    print("exclusions by category: " + ", ".join(f"{k} {v}" for k, v in sorted(by_cat.items())))
    if args.failures:
        print("\nfailed:")
        for r in rep.results:
            if r.status == "failed":
                print(f"  {r.case_id} [{r.category}] {r.text[:70]!r}: {r.detail[:200]}")
    if args.exclusions:
        print("\nexcluded:")
        for r in rep.results:
            if r.status == "excluded":
                print(f"  {r.case_id} [{r.category}] {r.text[:60]!r}: {r.detail}")
    problems = rep.below_floor() + rep.stale
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":  # python -m pipeline.evaluation.amounts
    raise SystemExit(run(sys.argv[1:]))

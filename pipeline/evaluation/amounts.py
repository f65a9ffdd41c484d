"""`hindi-extract evaluate amounts`: the per-suite / per-category conformance table."""
from __future__ import annotations

import argparse

from .conformance import FLOORS
from .conformance import run as run_suites


def run(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="hindi-extract evaluate amounts",
                                 description="Conformance of the amounts grammar on the peer suites "
                                             "in ../shared/peer-suites/numbers (read in place).")
    ap.add_argument("--suite", action="append", help="only this suite (file name without .jsonl); repeatable")
    ap.add_argument("--failures", action="store_true", help="list every failed case with its detail")
    ap.add_argument("--exclusions", action="store_true", help="list every excluded case with its reason")
    args = ap.parse_args(argv)
    rep = run_suites(args.suite)
    print(f"{'suite':<30} {'category':<36} {'passed':>6} {'failed':>6} {'excl.':>6} {'rate':>7}  floor")
    for (suite, cat), c in rep.table().items():
        done = c["passed"] + c["failed"]
        rate = f"{c['passed'] / done:.1%}" if done else "-"
        floor = FLOORS.get((suite, cat), FLOORS.get((suite, "*")))
        print(f"{suite:<30} {cat:<36} {c['passed']:>6} {c['failed']:>6} {c['excluded']:>6} {rate:>7}  "
              f"{'' if floor is None else f'{floor:.0%}'}")
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
    import sys
    raise SystemExit(run(sys.argv[1:]))

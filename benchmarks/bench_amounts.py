"""Amounts-stage throughput (MB/s of UTF-8 Hindi text, one core) beside dateparser.search_dates and
number-parser on the same text.

Text: the sentences of the UD Hindi HDTB dev+test treebanks (news), rebuilt from their tokens, read in place
from ../shared. dateparser and number-parser are benchmark-only dependencies
(`pip install dateparser number-parser`); a missing one is reported and skipped.

    python benchmarks/bench_amounts.py [--mb 1.0] [--peer-kb 100]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.amounts import find_amounts
from pipeline.core.paths import shared_path
from pipeline.text.normalize import normalize


def hindi_text(limit_bytes: int) -> str:
    sents, words, size = [], [], 0
    lines = (line for name in ("hi-ud-dev.conllu", "hi-ud-test.conllu")
             for line in shared_path("data", "ud-hdtb-v1", name).open(encoding="utf-8"))
    for line in lines:
        if not line.strip():
            if words:
                s = " ".join(words)
                sents.append(s)
                size += len(s.encode()) + 1
                words = []
                if size >= limit_bytes:
                    break
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                words.append(cols[1])
    return "\n".join(sents)


def rate(fn, text: str, repeat: int = 1) -> tuple[float, int]:
    best, n = None, 0
    for _ in range(repeat):
        t = time.process_time()      # CPU seconds of this process: steady when other jobs share the cores
        n = fn(text)
        dt = time.process_time() - t
        best = dt if best is None else min(best, dt)
    return len(text.encode()) / 1e6 / best, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0, help="MB of text for the amounts stage")
    ap.add_argument("--peer-kb", type=float, default=100, help="KB of the same text for the (slow) peers")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})   # one core
    text = hindi_text(int(args.mb * 1e6))
    norm = normalize(text).text
    find_amounts(norm[:2000])  # build the regexes outside the timing
    ours, n_ours = rate(lambda t: len(find_amounts(t)), norm, repeat=3)
    with_norm, _ = rate(lambda t: len(find_amounts(normalize(t).text)), text)
    peer_text = text[: int(args.peer_kb * 1000 / 3)]
    peer_norm = normalize(peer_text).text
    ours_small, n_small = rate(lambda t: len(find_amounts(t)), peer_norm, repeat=7)
    print(f"text: {len(text.encode()) / 1e6:.2f} MB UD-HDTB dev+test sentences; peers on the first "
          f"{len(peer_text.encode()) / 1e3:.0f} KB")
    print(f"{'system':<44} {'MB/s':>8} {'found':>7}")
    print(f"{'amounts stage (find_amounts, normalized text)':<44} {ours:>8.2f} {n_ours:>7}")
    print(f"{'amounts incl. normalize()':<44} {with_norm:>8.2f}")
    print(f"{'amounts stage on the peer sample':<44} {ours_small:>8.2f} {n_small:>7}")
    try:
        from dateparser.search import search_dates
        dp, n_dp = rate(lambda t: len(search_dates(t, languages=["hi"]) or []), peer_text)
        print(f"{'dateparser.search_dates(languages=[hi])':<44} {dp:>8.3f} {n_dp:>7}   ours/dateparser = {ours_small / dp:.0f}x")
    except ImportError:
        print("dateparser not installed (pip install dateparser): skipped")
    try:
        from number_parser import parse as np_parse
        npr, _ = rate(lambda t: len(np_parse(t, language="hi")), peer_text)
        print(f"{'number_parser.parse(language=hi)':<44} {npr:>8.3f} {'-':>7}   ours/number-parser = {ours_small / npr:.0f}x")
    except ImportError:
        print("number-parser not installed (pip install number-parser): skipped")


if __name__ == "__main__":
    main()

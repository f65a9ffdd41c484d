"""Throughput of the open-IE extractor (sentences/s), on the Hindi-BenchIE sentences or a given file.

usage: python benchmarks/bench_triples.py [SENTS_FILE] [--repeat N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.evaluation.benchie import benchmark_dir, read_sentences
from pipeline.syntax.lexicon import load
from pipeline.triples.extract import triples_for_text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sents_file", nargs="?", help="sent_id<TAB>sentence file (default: Hindi-BenchIE sents.txt)")
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args(argv)
    path = Path(a.sents_file) if a.sents_file else benchmark_dir() / "sents.txt"
    sents = list(read_sentences(path).values())
    load()                                   # word lists are read once per process
    n_triples = 0
    t0 = time.perf_counter()
    for _ in range(a.repeat):
        for s in sents:
            n_triples += len(triples_for_text(s))
    dt = time.perf_counter() - t0
    n = len(sents) * a.repeat
    words = sum(len(s.split()) for s in sents) * a.repeat
    print(f"{n} sentences ({words} tokens) in {dt:.2f} s: {n / dt:.0f} sentences/s, {words / dt:.0f} tokens/s, "
          f"{n_triples / n:.2f} triples/sentence (1 process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

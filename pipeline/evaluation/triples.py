"""`hindi-extract evaluate triples`: score our open triples on Hindi-BenchIE beside the other systems.

Reads ../shared/benchmarks/hindi-benchie/ in place (or --bench DIR). Every system, ours included, is
scored by the same scorer (pipeline.evaluation.benchie, the benchmark's matching rules), on the two
halves of a frozen split (data/benchie_split.tsv: dev = odd sent_id, test = even sent_id) and on all
112 sentences. The test half is the headline figure; rules may be tuned on the dev half only.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..text.tsv import read_rows
from ..triples.extract import triples_for_text
from .benchie import (
    Score,
    benchmark_dir,
    parse_gold,
    read_extractions,
    read_sentences,
    score,
)

SPLIT_FILE = Path(__file__).resolve().parent / "data" / "benchie_split.tsv"
HALVES = ("test", "dev", "all")
SYSTEM_NAMES = {
    "benchie_indie.txt": "IndIE",
    "benchie_keshav.txt": "Gen2OIE",
    "benchie_predpatt.txt": "PredPatt",
    "benchie_argoe.txt": "ArgOE",
    "benchie_multi2oie.txt": "Multi2OIE",
    "benchie_faruqui.txt": "Faruqui",
}
Extractions = dict[str, list[tuple[str, str, str]]]


def read_split(path: Path = SPLIT_FILE) -> dict[str, str]:
    """sent_id -> "dev" | "test", from the committed split file."""
    out: dict[str, str] = {}
    for sid, half in read_rows(path):
        if half not in ("dev", "test"):
            raise ValueError(f"{path}: sent_id {sid} has half {half!r}, not dev or test")
        out[sid] = half
    return out


def score_halves(gold, extractions: Extractions, split: dict[str, str],
                 details: list | None = None) -> dict[str, Score]:
    """The same scorer on each half of the split and on all sentences."""
    missing = set(gold) - set(split)
    if missing:
        raise ValueError(f"sentences without a half in {SPLIT_FILE.name}: {sorted(missing, key=int)}")
    out = {}
    for half in HALVES:
        part = {sid: g for sid, g in gold.items() if half == "all" or split[sid] == half}
        out[half] = score(part, extractions, details=details if half == "all" else None)
    return out


def our_extractions(sents: dict[str, str]) -> tuple[Extractions, float]:
    t0 = time.perf_counter()
    ex = {sid: triples_for_text(text) for sid, text in sents.items()}
    return ex, time.perf_counter() - t0


def evaluate(bench: Path) -> list[tuple[str, dict[str, Score]]]:
    """[(system, {half: Score})], ours first."""
    gold = parse_gold(bench / "hindi_benchie_gold.txt")
    split = read_split()
    ours, _ = our_extractions(read_sentences(bench / "sents.txt"))
    rows = [("hindi-extract (ours)", score_halves(gold, ours, split))]
    for f in sorted((bench / "extractions").glob("*.txt")):
        rows.append((SYSTEM_NAMES.get(f.name, f.stem), score_halves(gold, read_extractions(f), split)))
    return rows


def run(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="hindi-extract evaluate triples", description=__doc__)
    ap.add_argument("--bench", help="the hindi-benchie folder (default: ../shared/benchmarks/hindi-benchie)")
    ap.add_argument("--out", help="also write our triples here (submission format)")
    ap.add_argument("--details", nargs="?", const="dev", choices=HALVES, metavar="HALF",
                    help="print our extractions per sentence, matched or not, for the dev half (default; tune "
                         "on these only) or for test / all")
    a = ap.parse_args(argv)
    try:
        bench = Path(a.bench) if a.bench else benchmark_dir()
        gold = parse_gold(bench / "hindi_benchie_gold.txt")
        sents = read_sentences(bench / "sents.txt")
    except OSError as e:
        print(f"hindi-extract evaluate triples: {e}", file=sys.stderr)
        return 2
    split = read_split()
    ours, dt = our_extractions(sents)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            for sid, ts in ours.items():
                for h, r, t in ts:
                    f.write(f"{sid}\t{h}\t{r}\t{t}\n")
    details: list = []
    rows = [("hindi-extract (ours)", score_halves(gold, ours, split, details))]
    for f in sorted((bench / "extractions").glob("*.txt")):
        rows.append((SYSTEM_NAMES.get(f.name, f.stem), score_halves(gold, read_extractions(f), split)))
    n = {h: sum(1 for sid in gold if h == "all" or split[sid] == h) for h in HALVES}
    print(f"Hindi-BenchIE ({len(gold)} sentences, {sum(len(g.clusters) for g in gold.values())} fact clusters); "
          "scorer: the benchmark's matching rules (pipeline/evaluation/benchie.py)")
    print(f"split ({SPLIT_FILE.name}): test = even sent_id ({n['test']}), dev = odd sent_id ({n['dev']}). "
          "Our rules were developed on all 112 sentences before the split: even the test half is optimistic.")
    print(f"{'':24} " + "  ".join(f"{h + f' ({n[h]})':^20}" for h in HALVES))
    print(f"{'system':24} " + "  ".join(f"{'P':>6} {'R':>6} {'F1':>6}" for _ in HALVES))
    for name, s in rows:
        print(f"{name:24} " + "  ".join(f"{s[h].precision:6.3f} {s[h].recall:6.3f} {s[h].f1:6.3f}" for h in HALVES))
    print("published (all 112): IndIE P 0.49 R 0.54 F1 0.51; Gen2OIE 0.28; PredPatt 0.09; ArgOE 0.08; Multi2OIE 0.01")
    print(f"our extractor: {len(sents)} sentences in {dt:.3f} s ({len(sents) / dt if dt else 0:.0f} sentences/s)")
    if a.details:
        for sid, items, fn in details:
            if a.details != "all" and split.get(sid) != a.details:
                continue
            print(f"== {sid} [{split.get(sid)}] {sents.get(sid, '')} | missed {fn}")
            for e, ok in items:
                print("   ", "OK" if ok else "--", e.replace("\t", " | "))
    return 0


if __name__ == "__main__":
    sys.exit(run())

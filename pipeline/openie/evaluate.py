"""`hindi-extract evaluate triples`: score our open triples on Hindi-BenchIE beside the other systems.

Reads ../shared/benchmarks/hindi-benchie/ in place (or --bench DIR). Every system, ours included, is
scored by the same scorer (pipeline.openie.benchie, the benchmark's matching rules).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .benchie import Score, benchmark_dir, parse_gold, read_extractions, read_sentences, score
from .extract import triples_for_text

SYSTEM_NAMES = {
    "benchie_indie.txt": "IndIE",
    "benchie_keshav.txt": "Gen2OIE",
    "benchie_predpatt.txt": "PredPatt",
    "benchie_argoe.txt": "ArgOE",
    "benchie_multi2oie.txt": "Multi2OIE",
    "benchie_faruqui.txt": "Faruqui",
}


def our_extractions(sents: dict[str, str]) -> tuple[dict[str, list[tuple[str, str, str]]], float]:
    t0 = time.perf_counter()
    ex = {sid: triples_for_text(text) for sid, text in sents.items()}
    return ex, time.perf_counter() - t0


def evaluate(bench: Path) -> list[tuple[str, Score]]:
    gold = parse_gold(bench / "hindi_benchie_gold.txt")
    sents = read_sentences(bench / "sents.txt")
    ours, _ = our_extractions(sents)
    rows = [("hindi-extract (ours)", score(gold, ours))]
    for f in sorted((bench / "extractions").glob("*.txt")):
        rows.append((SYSTEM_NAMES.get(f.name, f.stem), score(gold, read_extractions(f))))
    return rows


def run(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="hindi-extract evaluate triples", description=__doc__)
    ap.add_argument("--bench", help="the hindi-benchie folder (default: ../shared/benchmarks/hindi-benchie)")
    ap.add_argument("--out", help="also write our triples here (submission format)")
    ap.add_argument("--details", action="store_true", help="print our extractions per sentence, matched or not")
    a = ap.parse_args(argv)
    try:
        bench = Path(a.bench) if a.bench else benchmark_dir()
        gold = parse_gold(bench / "hindi_benchie_gold.txt")
        sents = read_sentences(bench / "sents.txt")
    except (OSError, FileNotFoundError) as e:
        print(f"hindi-extract evaluate triples: {e}", file=sys.stderr)
        return 2
    ours, dt = our_extractions(sents)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            for sid, ts in ours.items():
                for h, r, t in ts:
                    f.write(f"{sid}\t{h}\t{r}\t{t}\n")
    details: list = []
    rows = [("hindi-extract (ours)", score(gold, ours, details=details))]
    for f in sorted((bench / "extractions").glob("*.txt")):
        rows.append((SYSTEM_NAMES.get(f.name, f.stem), score(gold, read_extractions(f))))
    print(f"Hindi-BenchIE ({len(gold)} sentences, {sum(len(g.clusters) for g in gold.values())} fact clusters); "
          "scorer: the benchmark's matching rules (pipeline/openie/benchie.py)")
    print(f"{'system':24} {'P':>6} {'R':>6} {'F1':>6} {'extr':>6} {'TP':>5} {'missed':>6}")
    for name, s in rows:
        print(f"{name:24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.extractions:6d} {s.tp:5d} {s.fn:6d}")
    print("published: IndIE P 0.49 R 0.54 F1 0.51; Gen2OIE 0.28; PredPatt 0.09; ArgOE 0.08; Multi2OIE 0.01")
    print(f"our extractor: {len(sents)} sentences in {dt:.3f} s ({len(sents) / dt if dt else 0:.0f} sentences/s)")
    if a.details:
        for sid, items, fn in details:
            print(f"== {sid} {sents.get(sid, '')} | missed {fn}")
            for e, ok in items:
                print("   ", "OK" if ok else "--", e.replace("\t", " | "))
    return 0


if __name__ == "__main__":
    sys.exit(run())

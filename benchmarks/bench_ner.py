"""NER throughput and peak memory: one process, one core (torch.set_num_threads(1)).

  python benchmarks/bench_ner.py                 # IL-NER hi-test sentences, engine hi-ner
  python benchmarks/bench_ner.py --repeat 2 --engine hi-ner --batch 256

Prints import / load time, sentences/s and tokens/s (tagging only, after one warm-up batch) and the
peak resident memory of the process (resource.getrusage, ru_maxrss).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--engine", default="hi-ner")
    p.add_argument("--file", default=None, help="token<TAB>tag file (default: IL-NER hi-test)")
    p.add_argument("--batch", type=int, default=256, help="sentences per tag() call")
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--limit", type=int, default=0)
    args = p.parse_args(argv)

    t0 = time.perf_counter()
    import torch
    torch.set_num_threads(1)
    from pipeline.core.paths import shared_path
    from pipeline.ner import data as nerdata
    from pipeline.ner import get_engine
    t_import = time.perf_counter() - t0

    path = Path(args.file) if args.file else shared_path("data", "ner", "il-ner-hi", "hi-test.txt")
    sentences = [toks for toks, _ in nerdata.load(path)]
    if args.limit:
        sentences = sentences[: args.limit]
    n_tok = sum(map(len, sentences))

    t0 = time.perf_counter()
    engine = get_engine(args.engine)
    t_load = time.perf_counter() - t0
    engine.tag(sentences[:16])  # warm-up

    t0 = time.perf_counter()
    n_ent = 0
    for _ in range(args.repeat):
        for i in range(0, len(sentences), args.batch):
            n_ent += sum(map(len, engine.tag(sentences[i:i + args.batch])))
    dt = time.perf_counter() - t0
    n_s = len(sentences) * args.repeat
    print(f"engine {args.engine}: torch threads {torch.get_num_threads()}, batch {args.batch}")
    print(f"import {t_import:.2f}s, model load {t_load:.2f}s")
    print(f"{n_s} sentences ({n_tok * args.repeat} tokens) in {dt:.2f}s: {n_s / dt:.1f} sentences/s, "
          f"{n_tok * args.repeat / dt:.0f} tokens/s, {1000 * dt / n_s:.2f} ms/sentence, {n_ent} entities")
    print(f"peak RSS {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

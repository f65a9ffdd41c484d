"""NER throughput, model load time, peak memory and agreement, every backend side by side in one run.

  taskset -c 0 python benchmarks/bench_ner.py             # IL-NER hi-test; stanza, direct, direct+int8
  python benchmarks/bench_ner.py --split dev --backends stanza,direct --batch 64 --repeat 2

Each backend runs in its own child process (so peak RSS is its own) with torch.set_num_threads(1):
load time, then sentences/s over tag() calls of --batch sentences (after one warm-up call). The parent
prints one row per backend: sentences per second of wall time and per second of CPU time (the
steadier figure on a shared machine), each as a ratio to the stanza backend in this same run, entity
F1 against the gold, and whether the spans equal the stanza backend's (sentences that differ, largest
score difference on equal spans). --rounds N keeps each backend's best round (by CPU time).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BACKENDS = {"stanza": ("stanza", "none"), "direct": ("direct", "none"), "direct-int8": ("direct", "int8")}


def _sentences(args):
    from pipeline.ner import data as nerdata
    from pipeline.core.paths import shared_path
    path = Path(args.file) if args.file else shared_path("data", "ner", "il-ner-hi", f"hi-{args.split}.txt")
    data = nerdata.load(path)
    return (data[: args.limit] if args.limit else data), path


def child(args) -> None:
    t0 = time.perf_counter()
    import torch
    torch.set_num_threads(1)
    from pipeline.ner import get_engine
    t_import = time.perf_counter() - t0
    data, _ = _sentences(args)
    sentences = [toks for toks, _ in data]
    t0 = time.perf_counter()
    engine = get_engine(args.engine, *BACKENDS[args.child])
    t_load = time.perf_counter() - t0
    engine.tag(sentences[:16])  # warm-up
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        pred = []
        for i in range(0, len(sentences), args.batch):
            pred += engine.tag(sentences[i:i + args.batch])
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    Path(args.out).write_text(json.dumps({
        "import_s": t_import, "load_s": t_load, "seconds": dt, "threads": torch.get_num_threads(),
        "sentences_per_s": len(sentences) * args.repeat / dt, "cpu_s": cpu,
        "sentences_per_cpu_s": len(sentences) * args.repeat / cpu,
        "tokens_per_s": sum(map(len, sentences)) * args.repeat / dt,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "pred": pred}))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--engine", default="hi-ner")
    p.add_argument("--backends", default="stanza,direct,direct-int8", help=f"comma-separated, of {sorted(BACKENDS)}")
    p.add_argument("--split", default="test", choices=["dev", "test"])
    p.add_argument("--file", default=None, help="token<TAB>tag file (default: IL-NER hi-<split>)")
    p.add_argument("--batch", type=int, default=256, help="sentences per tag() call")
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--rounds", type=int, default=1,
                   help="run the backends in turn this many times and keep each one's fastest round "
                        "(steadier ratios on a shared machine)")
    p.add_argument("--json", default=None, help="also write the rows here")
    p.add_argument("--child", choices=sorted(BACKENDS), help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        child(args)
        return 0

    from pipeline.ner import data as nerdata
    from pipeline.ner.scoring import score
    data, path = _sentences(args)
    gold = [nerdata.spans(tags) for _, tags in data]
    print(f"# {path.name}: {len(data)} sentences, {sum(len(t) for t, _ in data)} tokens; batch {args.batch}, "
          f"repeat {args.repeat}, best of {args.rounds} round(s); load average {os.getloadavg()[0]:.2f}")
    rows, ref = {}, None
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.rounds):
            for name in args.backends.split(","):
                out = Path(tmp) / f"{name}.json"
                cmd = [sys.executable, __file__, "--child", name, "--out", str(out), "--engine", args.engine,
                       "--split", args.split, "--batch", str(args.batch), "--repeat", str(args.repeat),
                       "--limit", str(args.limit)] + (["--file", args.file] if args.file else [])
                subprocess.run(cmd, check=True, cwd=REPO)
                r = json.loads(out.read_text())
                if name not in rows or r["sentences_per_cpu_s"] > rows[name]["sentences_per_cpu_s"]:
                    rows[name] = r
    ref = rows.get("stanza")
    print(f"{'backend':12} {'load s':>6} {'sent/s':>7} {'x stanza':>8} {'sent/cpu-s':>10} {'x stanza':>8} "
          f"{'peak RSS MB':>11} {'F1':>6} {'spans differ':>12} {'max score diff':>14}")
    for name, r in rows.items():
        f1 = score(gold, r["pred"])["overall"]["f1"]
        ratio = r["sentences_per_s"] / ref["sentences_per_s"] if ref else float("nan")
        cpu_ratio = r["sentences_per_cpu_s"] / ref["sentences_per_cpu_s"] if ref else float("nan")
        differ, max_diff = "-", "-"
        if ref and name != "stanza":
            same = [[s[:3] for s in a] == [s[:3] for s in b] for a, b in zip(ref["pred"], r["pred"])]
            differ = str(same.count(False))
            diffs = [abs(x[3] - y[3]) for a, b, ok in zip(ref["pred"], r["pred"], same) if ok for x, y in zip(a, b)]
            max_diff = f"{max(diffs, default=0):.2g}"
        r.update(f1=f1, ratio=ratio, cpu_ratio=cpu_ratio, spans_differ=differ)
        print(f"{name:12} {r['load_s']:6.2f} {r['sentences_per_s']:7.0f} {ratio:8.2f} {r['sentences_per_cpu_s']:10.0f} "
              f"{cpu_ratio:8.2f} {r['peak_rss_mb']:11.0f} {f1:6.4f} {differ:>12} {max_diff:>14}")
    if args.json:
        Path(args.json).write_text(json.dumps({k: {x: y for x, y in v.items() if x != "pred"} for k, v in rows.items()},
                                              indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

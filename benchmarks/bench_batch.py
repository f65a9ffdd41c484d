"""Batch throughput, rerun cost and peak memory on synthetic archives.

    python benchmarks/bench_batch.py                       # 10, 100, 1000 docs; w1, w2, dask
    python benchmarks/bench_batch.py --sizes 1000,10000 --modes w2
    python benchmarks/bench_batch.py --sizes 10 --modes w1 --reduced    # a quick check
    python benchmarks/bench_batch.py --sizes 1000 --modes w2 --ner hi-ner [--ner-backend stanza]

Archives recombine the sentences of corpus/ (pipeline/batch/synthetic.py, 8-30 sentences a
document) and are kept under --workdir between runs. Each measurement runs in a fresh
process: a forced full run, then an unchanged rerun (the incremental path). Reported per run:
docs/s, sentences/s, seconds per 1,000 docs (flat = linear cost), the rerun as % of the full
run (in-process, and as a whole fresh `run` process), peak RSS of the main process and peak
summed RSS of the whole process tree (main + workers + Dask cluster), sampled every 0.1 s.
The pipeline is the full one with rules-only entities (--ner none) unless --ner / --reduced.
Note the CPU load when you report figures: other jobs on the machine distort them.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# children run a frozen copy of the package (BENCH_CODE) so edits made meanwhile change nothing
CODE = Path(os.environ.get("BENCH_CODE", REPO))
sys.path.insert(0, str(CODE))


def _factory(ner: str, reduced: bool):
    from pipeline.batch.document import PipelineFactory
    skip = ("amounts", "relations", "triples") if reduced else ()
    config = {"ner": ner}
    if ner != "none" and os.environ.get("BENCH_NER_BACKEND"):
        config["ner_backend"] = os.environ["BENCH_NER_BACKEND"]
    return PipelineFactory.of({"entities": config}, skip=skip)


class RssSampler(threading.Thread):
    def __init__(self, period=0.1):
        super().__init__(daemon=True)
        import psutil
        self.proc, self.period = psutil.Process(), period
        self.peak_main = self.peak_tree = 0
        self.stop = threading.Event()

    def run(self):
        import psutil
        while not self.stop.is_set():
            try:
                main = self.proc.memory_info().rss
                tree = main
                for c in self.proc.children(recursive=True):
                    try:
                        tree += c.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak_main, self.peak_tree = max(self.peak_main, main), max(self.peak_tree, tree)
            except psutil.Error:
                pass
            self.stop.wait(self.period)


def child(mode: str, corpus: str, out: str, ner: str, reduced: bool) -> dict:
    from pipeline.batch.options import RunOptions
    from pipeline.batch.run import run_batch
    sampler = RssSampler()
    sampler.start()
    workers = {"w1": 1, "w2": 2, "dask": 2}[mode]
    engine = "dask" if mode == "dask" else "local"
    t0 = time.perf_counter()
    opts = RunOptions(workers=workers, engine=engine, quiet=True)
    s = run_batch(Path(corpus), Path(out), replace(opts, force=True), factory=_factory(ner, reduced))
    full = time.perf_counter() - t0
    t0 = time.perf_counter()
    r = run_batch(Path(corpus), Path(out), opts, factory=_factory(ner, reduced))
    rerun = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    return {"docs": s.documents, "sentences": s.rows.get("sentences", 0), "tokens": s.rows.get("tokens", 0),
            "full_s": round(full, 3), "phases": s.phases, "rerun_s": round(rerun, 4), "rerun_up_to_date": r.up_to_date,
            "peak_rss_main_mb": round(sampler.peak_main / 2**20, 1),
            "peak_rss_tree_mb": round(sampler.peak_tree / 2**20, 1)}


def measure(mode, corpus: Path, out: Path, ner: str, reduced: bool, code: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    # the frozen copy holds the code only: the model is read from this checkout
    env = dict(os.environ, BENCH_CODE=str(code), PYTHONPATH=str(code))
    env.setdefault("HINDI_EXTRACT_MODELS", str(REPO / "models"))
    env.setdefault("HINDI_EXTRACT_SHARED", str(REPO.parent / "shared"))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(corpus), str(out), "--ner", ner] \
        + (["--reduced"] if reduced else [])
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=code, env=env)
    if p.returncode:
        raise RuntimeError(p.stderr[-3000:])
    res = json.loads(p.stdout.strip().splitlines()[-1])
    # an unchanged rerun as the user runs it: a fresh process, imports and pipeline build included
    rerun_cmd = [sys.executable, str(Path(__file__).resolve()), "--rerun", mode, str(corpus), str(out),
                 "--ner", ner] + (["--reduced"] if reduced else [])
    t0 = time.perf_counter()
    subprocess.run(rerun_cmd, check=True, cwd=code, env=env)
    res["rerun_process_s"] = round(time.perf_counter() - t0, 3)
    return res


def rerun_cli(corpus, out, ner, reduced, mode):
    from pipeline.batch.options import RunOptions
    from pipeline.batch.run import run_batch
    opts = RunOptions(workers=1 if mode == "w1" else 2, engine="dask" if mode == "dask" else "local", quiet=True)
    s = run_batch(Path(corpus), Path(out), opts, factory=_factory(ner, reduced == "1"))
    assert s.up_to_date, "rerun was not a no-op"


def main(argv=None) -> int:
    from pipeline.entities.options import BACKENDS, NER_CHOICES
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="archive sizes (comma-separated), e.g. 10,100,1000,10000")
    ap.add_argument("--modes", default="w1,w2,dask", help="w1 (1 worker), w2 (2 workers), dask (LocalCluster, 2)")
    ap.add_argument("--ner", default="none", choices=NER_CHOICES)
    ap.add_argument("--ner-backend", choices=BACKENDS,
                    help="how hi-ner is served (default: the pipeline's default, direct)")
    ap.add_argument("--reduced", action="store_true", help="skip amounts/relations/triples")
    ap.add_argument("--workdir", default="/tmp/hindi-extract-bench")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--rerun", nargs=3, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.ner_backend:
        os.environ["BENCH_NER_BACKEND"] = a.ner_backend   # children inherit it
    if a.child:
        print(json.dumps(child(*a.child, a.ner, a.reduced)))
        return 0
    if a.rerun:
        mode, corpus, out = a.rerun
        rerun_cli(corpus, out, a.ner, "1" if a.reduced else "0", mode)
        return 0
    from pipeline.batch.synthetic import make_archive
    work = Path(a.workdir)
    code = work / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(REPO / "pipeline", code / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    results = []
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    print(f"# {os.cpu_count()} CPUs, load average {load:.2f} at start; pipeline: "
          f"{'reduced' if a.reduced else 'full'}, ner={a.ner}, ner backend={a.ner_backend or 'default'}")
    print(f"{'docs':>6} {'mode':>5} {'full s':>8} {'docs/s':>7} {'sent/s':>7} {'s/1k docs':>9} "
          f"{'rerun s':>8} {'rerun %':>7} {'rerun proc s':>12} {'RSS main MB':>11} {'RSS tree MB':>11}")
    for n in [int(x) for x in a.sizes.split(",")]:
        corpus = work / f"archive-{n}"
        if not corpus.exists():
            make_archive(corpus.with_name(corpus.name + ".tmp"), n, seed=n)
            os.replace(corpus.with_name(corpus.name + ".tmp"), corpus)
        for mode in a.modes.split(","):
            r = measure(mode, corpus, work / f"out-{n}-{mode}", a.ner, a.reduced, code)
            r.update(size=n, mode=mode, load_at_end=round(os.getloadavg()[0], 2))
            results.append(r)
            print(f"{n:>6} {mode:>5} {r['full_s']:>8.2f} {n / r['full_s']:>7.1f} {r['sentences'] / r['full_s']:>7.0f} "
                  f"{1000 * r['full_s'] / n:>9.1f} {r['rerun_s']:>8.3f} {100 * r['rerun_s'] / r['full_s']:>6.2f}% "
                  f"{r['rerun_process_s']:>12.2f} {r['peak_rss_main_mb']:>11.0f} {r['peak_rss_tree_mb']:>11.0f}",
                  flush=True)
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

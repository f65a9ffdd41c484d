"""Batch throughput, growth of cost, rerun cost, bytes to the client and peak memory.

    python benchmarks/bench_batch.py                       # 10, 100, 1000 docs; w1, w2, dask
    python benchmarks/bench_batch.py --sizes 1000,10000,50000 --modes w2,dask --ner hi-ner
    python benchmarks/bench_batch.py --sizes 8000 --modes w2,dask --ner hi-ner --rounds 2
    python benchmarks/bench_batch.py --sizes 10 --modes w1 --reduced    # a quick check
    python benchmarks/bench_batch.py --long 19 --ner hi-ner             # one 19 MB file: peak RSS

Archives recombine the sentences of corpus/ (tools/synthetic.py, 8-30 sentences a document) and are
kept under --workdir between runs. Each measurement runs in a fresh process: a forced full run, then
an unchanged rerun (the incremental path). Reported per run: docs/s, sentences/s, seconds per 1,000
docs (flat = linear cost), the rerun as % of the full run (in-process, and as a whole fresh `run`
process), the bytes the workers sent back to the main process per document (Dask: the compressed
cache entries; local workers: their metas only, they write the entries themselves), peak RSS of the
main process (the client) and peak summed RSS of the whole process tree (main + workers + Dask
cluster), sampled every 0.5 s, and the CPU seconds of that tree per document (what other jobs on a
shared machine do not distort). With --rounds R the modes take turns R times and the best round of
each is shown (the machine may be shared: compare modes of one run only). `--long MB` builds one file
of MB megabytes and reports the peak RSS of an in-process run over it beside that of a run over a
one-paragraph file (the loaded model). The pipeline is the full one with rules-only entities
(--ner none) unless --ner / --reduced. Note the CPU load (printed) when you report figures.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
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
MODES = {"w1": ("local", 1), "w2": ("local", 2), "dask": ("dask", 2)}


def _factory(ner: str, reduced: bool):
    from pipeline.batch.document import PipelineFactory
    skip = ("amounts", "relations", "triples") if reduced else ()
    config = {"ner": ner}
    if ner != "none" and os.environ.get("BENCH_NER_BACKEND"):
        config["ner_backend"] = os.environ["BENCH_NER_BACKEND"]
    return PipelineFactory.of({"entities": config}, skip=skip)


class RssSampler(threading.Thread):
    def __init__(self, period=0.5):
        super().__init__(daemon=True)
        import psutil
        self.proc, self.period = psutil.Process(), period
        self.peak_main = self.peak_tree = 0
        self.cpu: dict[int, float] = {}      # pid -> user + system seconds, last seen
        self.stop = threading.Event()

    def run(self):
        import psutil
        while not self.stop.is_set():
            try:
                main = self.proc.memory_info().rss
                tree = main
                for c in [self.proc] + self.proc.children(recursive=True):
                    try:
                        if c is not self.proc:
                            tree += c.memory_info().rss
                        t = c.cpu_times()
                        self.cpu[c.pid] = t.user + t.system
                    except psutil.Error:
                        pass
                self.peak_main, self.peak_tree = max(self.peak_main, main), max(self.peak_tree, tree)
            except psutil.Error:
                pass
            self.stop.wait(self.period)

    def cpu_s(self) -> float:
        """CPU seconds of the whole tree so far (the machine's other jobs do not count)."""
        return sum(self.cpu.values())


def child(mode: str, corpus: str, out: str, ner: str, reduced: bool) -> dict:
    from pipeline.batch.options import RunOptions
    from pipeline.batch.run import run_batch
    sampler = RssSampler()
    sampler.start()
    engine, workers = MODES[mode]
    t0 = time.perf_counter()
    opts = RunOptions(workers=workers, engine=engine, quiet=True)
    s = run_batch(Path(corpus), Path(out), replace(opts, force=True), factory=_factory(ner, reduced))
    full = time.perf_counter() - t0
    cpu, cpu_main = sampler.cpu_s(), sampler.cpu.get(os.getpid(), 0.0)
    t0 = time.perf_counter()
    r = run_batch(Path(corpus), Path(out), opts, factory=_factory(ner, reduced))
    rerun = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    return {"docs": s.documents, "failed": s.failed, "processed": s.processed,
            "sentences": s.rows.get("sentences", 0), "tokens": s.rows.get("tokens", 0),
            "full_s": round(full, 3), "phases": s.phases, "rerun_s": round(rerun, 4), "rerun_up_to_date": r.up_to_date,
            "workers": s.workers, "cpu_s": round(cpu, 1), "cpu_main_s": round(cpu_main, 1), "bytes_per_doc": round(s.result_bytes / max(1, s.processed)),
            "peak_rss_main_mb": round(sampler.peak_main / 2**20, 1),
            "peak_rss_tree_mb": round(sampler.peak_tree / 2**20, 1)}


def _env(code: Path) -> dict:
    # the frozen copy holds the code only: the model is read from this checkout
    env = dict(os.environ, BENCH_CODE=str(code), PYTHONPATH=str(code))
    env.setdefault("HINDI_EXTRACT_MODELS", str(REPO / "models"))
    env.setdefault("HINDI_EXTRACT_SHARED", str(REPO.parent / "shared"))
    return env


def measure(mode, corpus: Path, out: Path, a, code: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    flags = ["--ner", a.ner] + (["--reduced"] if a.reduced else [])
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(corpus), str(out)] + flags
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=code, env=_env(code))
    if p.returncode:
        raise RuntimeError(p.stderr[-3000:])
    res = json.loads(p.stdout.strip().splitlines()[-1])
    # an unchanged rerun as the user runs it: a fresh process, imports and pipeline build included
    rerun_cmd = [sys.executable, str(Path(__file__).resolve()), "--rerun", mode, str(corpus), str(out)] + flags
    t0 = time.perf_counter()
    subprocess.run(rerun_cmd, check=True, cwd=code, env=_env(code))
    res["rerun_process_s"] = round(time.perf_counter() - t0, 3)
    return res


def rerun_cli(corpus, out, ner, reduced, mode):
    from pipeline.batch.options import RunOptions
    from pipeline.batch.run import run_batch
    engine, workers = MODES[mode]
    s = run_batch(Path(corpus), Path(out), RunOptions(workers=workers, engine=engine, quiet=True),
                  factory=_factory(ner, reduced))
    assert s.up_to_date, "rerun was not a no-op"


def long_child(path: str, out: str, ner: str) -> dict:
    """One in-process run over the folder of `path` (no time limit); this process's peak RSS."""
    from pipeline.batch.options import RunOptions
    from pipeline.batch.run import run_batch
    t0 = time.perf_counter()
    s = run_batch(Path(path), Path(out), RunOptions(quiet=True, force=True), factory=_factory(ner, False))
    return {"seconds": round(time.perf_counter() - t0, 1), "ok": s.failed == 0, "rows": s.rows,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def bench_long(mb: float, a, work: Path, code: Path) -> dict:
    """Peak RSS of a run over one `mb` MB file, and of one over a single paragraph (the model)."""
    sys.path.insert(0, str(REPO))
    from tools.synthetic import corpus_sentences
    sents, rng = corpus_sentences(), random.Random(19)
    folders = {"long": work / f"long-{mb:g}MB", "tiny": work / "long-tiny"}
    if not folders["long"].exists():
        paras, n = [], 0
        while n < mb * 1_000_000:
            paras.append(" ".join(rng.choice(sents) for _ in range(rng.randint(2, 8))))
            n += len(paras[-1].encode()) + 2
        folders["long"].mkdir(parents=True)
        (folders["long"] / "long.txt").write_text("\n\n".join(paras) + "\n", "utf-8")
    folders["tiny"].mkdir(parents=True, exist_ok=True)
    (folders["tiny"] / "tiny.txt").write_text(" ".join(sents[:10]) + "\n", "utf-8")
    res = {}
    for name, folder in folders.items():
        cmd = [sys.executable, str(Path(__file__).resolve()), "--long-child", str(folder),
               str(work / f"out-{folder.name}"), "--ner", a.ner]
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=code, env=_env(code))
        if p.returncode:
            raise RuntimeError(p.stderr[-3000:])
        res[name] = json.loads(p.stdout.strip().splitlines()[-1])
    res["above_model_mb"] = res["long"]["peak_rss_mb"] - res["tiny"]["peak_rss_mb"]
    print(f"{mb:g} MB file: {res['long']['seconds']} s, peak RSS {res['long']['peak_rss_mb']} MB; one paragraph: "
          f"{res['tiny']['peak_rss_mb']} MB; above the model: {res['above_model_mb']} MB")
    return res


def _archive(work: Path, n: int) -> Path:
    sys.path.insert(0, str(REPO))
    from tools.synthetic import make_archive
    corpus = work / f"archive-{n}"
    if not corpus.exists():
        make_archive(corpus.with_name(corpus.name + ".tmp"), n, seed=n)
        os.replace(corpus.with_name(corpus.name + ".tmp"), corpus)
    return corpus


def _line(n: int, mode: str, r: dict) -> str:
    return (f"{n:>6} {mode:>5} {r['full_s']:>8.2f} {n / r['full_s']:>7.1f} {r['sentences'] / r['full_s']:>7.0f} "
            f"{1000 * r['full_s'] / n:>9.1f} {r['rerun_s']:>8.3f} {100 * r['rerun_s'] / r['full_s']:>6.2f}% "
            f"{r['rerun_process_s']:>12.2f} {r['bytes_per_doc']:>9} {r['peak_rss_main_mb']:>11.0f} "
            f"{r['peak_rss_tree_mb']:>11.0f} {1000 * r['cpu_s'] / n:>9.1f}  {'ok' if r['docs'] == n else 'LOST DOCUMENTS'}")


def bench_sizes(a, work: Path, code: Path) -> list[dict]:
    print(f"{'docs':>6} {'mode':>5} {'full s':>8} {'docs/s':>7} {'sent/s':>7} {'s/1k docs':>9} "
          f"{'rerun s':>8} {'rerun %':>7} {'rerun proc s':>12} {'B/doc':>9} {'RSS main MB':>11} {'RSS tree MB':>11} {'CPU ms/doc':>9}")
    results = []
    for n in [int(x) for x in a.sizes.split(",")]:
        corpus, best = _archive(work, n), {}
        for rnd in range(a.rounds):
            for mode in a.modes.split(","):
                r = measure(mode, corpus, work / f"out-{n}-{mode}", a, code)
                r.update(size=n, mode=mode, round=rnd, load_at_end=round(os.getloadavg()[0], 2))
                results.append(r)
                if a.rounds > 1:
                    print(f"  round {rnd + 1}: " + _line(n, mode, r), flush=True)
                if mode not in best or r["full_s"] < best[mode]["full_s"]:
                    best[mode] = r
        for mode, r in best.items():
            print(_line(n, mode, r), flush=True)
        if "w2" in best and "dask" in best:
            ratio = best["w2"]["full_s"] / best["dask"]["full_s"]
            cpu = best["w2"]["cpu_s"] / best["dask"]["cpu_s"]
            print(f"{n:>6} dask / w2 sentences/s: {ratio:.2f}x (CPU of the process trees: w2 / dask {cpu:.2f})",
                  flush=True)
    return results


def main(argv=None) -> int:
    from pipeline.entities.options import BACKENDS, NER_CHOICES
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="archive sizes (comma-separated), e.g. 1000,10000,50000")
    ap.add_argument("--modes", default="w1,w2,dask", help="w1 (1 worker), w2 (2 workers), dask (LocalCluster, 2)")
    ap.add_argument("--rounds", type=int, default=1, help="the modes take turns this many times; best shown")
    ap.add_argument("--long", type=float, metavar="MB", help="instead: the peak RSS of one file of MB megabytes")
    ap.add_argument("--ner", default="none", choices=NER_CHOICES)
    ap.add_argument("--ner-backend", choices=BACKENDS,
                    help="how hi-ner is served (default: the pipeline's default, direct)")
    ap.add_argument("--reduced", action="store_true", help="skip amounts/relations/triples")
    ap.add_argument("--workdir", default="/tmp/hindi-extract-bench")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--rerun", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--long-child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.ner_backend:
        os.environ["BENCH_NER_BACKEND"] = a.ner_backend   # children inherit it
    if a.child:
        print(json.dumps(child(*a.child, a.ner, a.reduced)))
        return 0
    if a.rerun:
        mode, corpus, out = a.rerun
        rerun_cli(corpus, out, a.ner, a.reduced, mode)
        return 0
    if a.long_child:
        print(json.dumps(long_child(*a.long_child, a.ner)))
        return 0
    work = Path(a.workdir)
    code = work / "code"
    shutil.rmtree(code, ignore_errors=True)
    shutil.copytree(REPO / "pipeline", code / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    print(f"# {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start; pipeline: "
          f"{'reduced' if a.reduced else 'full'}, ner={a.ner}, ner backend={a.ner_backend or 'default'}")
    results = bench_long(a.long, a, work, code) if a.long else bench_sizes(a, work, code)
    print(f"# load average {os.getloadavg()[0]:.2f} at the end")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

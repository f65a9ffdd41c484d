"""Per-stage throughput of the pipeline on real Hindi news text (one process).

Text: the UD Hindi HDTB test sentences (news; evaluation-only licence, read in place from
../shared) cut into documents of 20 sentences, plus corpus/. Reports seconds, sentences/s and
MB/s for every stage, so a slow stage shows at once.

    python benchmarks/bench_stages.py [--ner hi-ner|none] [--docs N] [--threads 1]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.doc import Document  # noqa: E402
from pipeline.evaluate_segmentation import read_conllu, rebuild  # noqa: E402
from pipeline.paths import shared_path  # noqa: E402
from pipeline.runner import Pipeline  # noqa: E402


def documents(n_docs: int) -> list[str]:
    sents = read_conllu(shared_path("data", "ud-hdtb-v1", "hi-ud-test.conllu"))
    docs = []
    for i in range(0, len(sents), 20):
        docs.append(rebuild(sents[i:i + 20])[0])
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    docs += [p.read_text(encoding="utf-8-sig") for p in sorted(corpus.glob("*.txt"))]
    return docs[:n_docs] if n_docs else docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ner", default="hi-ner", choices=["hi-ner", "none"])
    ap.add_argument("--docs", type=int, default=0, help="limit the number of documents (0: all)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (1 = one core)")
    args = ap.parse_args()
    import torch
    torch.set_num_threads(args.threads)

    texts = documents(args.docs)
    t0 = time.perf_counter()
    pipe = Pipeline({"entities": {"ner": args.ner}})
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    for stage in pipe.stages:   # the NER model loads on first use: load it here, outside the timings
        getattr(stage, "engine", None)
    load = time.perf_counter() - t0
    totals = {s.name: 0.0 for s in pipe.stages}
    n_sent = 0
    mb = sum(len(t.encode()) for t in texts) / 1e6
    for n, text in enumerate(texts):
        doc = Document(doc_id=f"d{n}", path="", text=text)
        for stage in pipe.stages:
            t = time.perf_counter()
            stage(doc)
            totals[stage.name] += time.perf_counter() - t
        n_sent += len(doc.sentences)
    total = sum(totals.values())
    print(f"{len(texts)} documents, {n_sent} sentences, {mb:.2f} MB; ner={args.ner}, torch threads={args.threads}; "
          f"pipeline build {build:.1f} s, model load {load:.1f} s")
    print(f"{'stage':10} {'seconds':>8} {'share':>6} {'sent/s':>9} {'MB/s':>7}")
    for name, sec in totals.items():
        print(f"{name:10} {sec:8.2f} {sec / total:6.1%} {n_sent / sec if sec else 0:9.0f} {mb / sec if sec else 0:7.2f}")
    pair = totals.get("syntax", 0.0) + totals.get("relations", 0.0)     # one analysis feeds the relations
    if pair:
        print(f"{'syntax+rel':10} {pair:8.2f} {pair / total:6.1%} {n_sent / pair:9.0f} {mb / pair:7.2f}"
              "   (target >= 3,000 sentences/s on one core)")
    print(f"{'all':10} {total:8.2f} {1:6.1%} {n_sent / total:9.0f} {mb / total:7.2f}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

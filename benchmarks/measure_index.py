"""Issue 19's corpus check of the entity index, as a measurement: a synthetic archive of N documents
(tools/synthetic.py: the sentences of corpus/ recombined) run through the main command's
pipeline (the hi-ner model unless --ner none), then: every PER mention has an index id, and the
forms of Narendra Modi (मोदी, नरेंद्र मोदी, पीएम मोदी: the title in `role`) share one.

    python benchmarks/measure_index.py --docs 300 [--ner none] [--workers 2]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pipeline.batch.document import PipelineFactory
from pipeline.batch.options import RunOptions
from pipeline.batch.run import run_batch
from tools.synthetic import make_archive
from pipeline.core.tables import read_table


def measure(docs: int, ner: str, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        make_archive(corpus, docs, seed=19)
        t0 = time.perf_counter()
        run_batch(corpus, out, RunOptions(quiet=True, workers=workers),
                  factory=PipelineFactory.of({"entities": {"ner": ner}}))
        seconds = time.perf_counter() - t0
        ents, index = read_table(out, "entities"), read_table(out, "entity_index")
    per = ents[ents["label"] == "PER"]
    modi = per[per["text"].isin(["मोदी", "नरेंद्र मोदी", "नरेन्द्र मोदी"])]
    titled = modi[modi["role"].fillna("") == "पीएम"]
    return {"documents": docs, "ner": ner, "seconds": round(seconds, 1), "PER mentions": len(per),
            "PER without index_id": int(per["index_id"].isna().sum() + (per["index_id"] == "").sum()),
            "index rows": len(index), "index ids unique": bool(index["index_id"].is_unique),
            "Modi mentions (मोदी, नरेंद्र मोदी)": len(modi), "of them with role पीएम": len(titled),
            "Modi index ids": sorted(set(modi["index_id"])),
            "PER spans holding a title": int(per["text"].str.match(r"(पीएम|प्रधानमंत्री|श्री) ").sum())}


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--ner", default="hi-ner", choices=["hi-ner", "none"])
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args()
    for k, v in measure(a.docs, a.ner, a.workers).items():
        print(f"{k:38} {v}")

"""`hindi-extract evaluate ner`: entity-level P/R/F1 (exact span + type, PER/LOC/ORG) on IL-NER.

Scores the NER model alone and the fused system (pipeline.entities.fusion.tag_pretokenized, when
it exists), and reports sentences/second for each. IL-NER hi-test is the reported test set; use
--split dev for model selection work.

  hindi-extract evaluate ner                      # our model (hi-ner) on hi-test, model + fused
  hindi-extract evaluate ner --split dev --no-fused
  hindi-extract evaluate ner --engine stanza-hi   # stanza's own Hindi NER, if installed locally
  hindi-extract evaluate ner --split dev --no-fused --quantize int8   # the F1 cost of int8
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ..paths import shared_path
from . import data as nerdata
from .scoring import format_table, score

SPLITS = {"test": "hi-test.txt", "dev": "hi-dev.txt", "train": "hi-train.txt"}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hindi-extract evaluate ner", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--engine", default="hi-ner", help="NER engine name (hi-ner | stanza-hi)")
    p.add_argument("--backend", default="direct", choices=["direct", "stanza"],
                   help="how the model is served (direct: default; stanza: stanza's Pipeline, the reference)")
    p.add_argument("--quantize", default="none", choices=["none", "int8"], help="int8: dynamic quantization (direct)")
    p.add_argument("--split", default="test", choices=sorted(SPLITS))
    p.add_argument("--file", default=None, help="score this token<TAB>tag file instead of an IL-NER split")
    p.add_argument("--ner-dir", default=None, help="NER data folder (default: <shared>/data/ner)")
    p.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    p.add_argument("--no-fused", action="store_true", help="skip the fused system")
    p.add_argument("--json", default=None, help="also write the scores as JSON here")
    return p


def _timed(fn, sentences):
    t0 = time.perf_counter()
    out = fn(sentences)
    dt = time.perf_counter() - t0
    return out, dt


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.file:
        path = Path(args.file)
    else:
        ner_dir = Path(args.ner_dir) if args.ner_dir else shared_path("data", "ner")
        path = ner_dir / "il-ner-hi" / SPLITS[args.split]
    data = nerdata.load(path)
    if args.limit:
        data = data[: args.limit]
    sentences = [toks for toks, _ in data]
    gold = [nerdata.spans(tags) for _, tags in data]
    n_tok = sum(len(s) for s in sentences)
    print(f"data: {path} ({len(sentences)} sentences, {n_tok} tokens, "
          f"{sum(len(g) for g in gold)} PER/LOC/ORG entities)")

    from .engine import get_engine
    t0 = time.perf_counter()
    engine = get_engine(args.engine, args.backend, args.quantize)
    print(f"engine: {args.engine} ({engine.model_path}, backend {engine.backend}, quantize {engine.quantize}) "
          f"loaded in {time.perf_counter() - t0:.1f}s")
    results = {"data": str(path), "sentences": len(sentences), "engine": args.engine, "backend": engine.backend,
               "quantize": engine.quantize}

    pred, dt = _timed(engine.tag, sentences)
    s = score(gold, pred)
    print(format_table(f"model alone ({args.engine}): {len(sentences) / dt:.1f} sentences/s", s))
    results["model"] = {"scores": s, "sentences_per_s": len(sentences) / dt}

    if not args.no_fused:
        try:
            from ..entities.fusion import tag_pretokenized
        except ImportError as e:
            print(f"fused: not available ({e})")
            results["fused"] = None
        else:
            fused, dt = _timed(lambda ss: tag_pretokenized(ss, engine), sentences)
            s = score(gold, fused)
            print(format_table(f"fused (pipeline.entities.fusion + {args.engine}): "
                               f"{len(sentences) / dt:.1f} sentences/s", s))
            results["fused"] = {"scores": s, "sentences_per_s": len(sentences) / dt}
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))

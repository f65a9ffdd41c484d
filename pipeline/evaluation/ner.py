"""`hindi-extract evaluate ner`: entity-level P/R/F1 (exact span + type, PER/LOC/ORG) on IL-NER.

Scores the NER model alone and the fused system (pipeline.entities.fusion.tag_pretokenized, when
it exists), and reports sentences/second for each. The fused system's MISC names (schemes, events,
agreements) are left out: IL-NER has no such label. IL-NER hi-test is the reported test set; use
--split dev for model selection work. hi-test shares sentences word for word with hi-train, so the
scores are also given without them ("unseen": the test sentences whose tokens never occur as a
training sentence).

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

from ..core.paths import shared_path
from ..ner import data as nerdata
from ..ner.model_files import BACKENDS, ENGINE_NAMES, QUANTIZE
from ..ner.scoring import format_table, score

SPLITS = {"test": "hi-test.txt", "dev": "hi-dev.txt", "train": "hi-train.txt"}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hindi-extract evaluate ner", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--engine", default="hi-ner", choices=ENGINE_NAMES, help="NER engine name")
    p.add_argument("--backend", default="direct", choices=BACKENDS,
                   help="how the model is served (direct: default; stanza: stanza's Pipeline, the reference)")
    p.add_argument("--quantize", default="none", choices=QUANTIZE, help="int8: dynamic quantization (direct)")
    p.add_argument("--split", default="test", choices=sorted(SPLITS))
    p.add_argument("--file", default=None, help="score this token<TAB>tag file instead of an IL-NER split")
    p.add_argument("--ner-dir", default=None, help="NER data folder (default: <shared>/data/ner)")
    p.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    p.add_argument("--no-fused", action="store_true", help="skip the fused system")
    p.add_argument("--json", default=None, help="also write the scores as JSON here")
    return p


def unseen_indices(sentences: list[list[str]], train: list[list[str]]) -> list[int]:
    """Indices of the sentences whose token sequence is not a sentence of `train`."""
    seen = {tuple(t) for t in train}
    return [i for i, s in enumerate(sentences) if tuple(s) not in seen]


def _unseen_table(name: str, gold, pred, keep: list[int]) -> tuple[str, dict]:
    s = score([gold[i] for i in keep], [pred[i] for i in keep])
    return format_table(f"{name}, unseen sentences only ({len(keep)} of {len(gold)}; the rest occur "
                        "word for word in hi-train)", s), s


def scored_labels_only(pred: list[list[tuple]]) -> list[list[tuple]]:
    """The PER / LOC / ORG spans of each sentence: MISC (and any other label) is not scored."""
    return [[s for s in sent if s[2] in nerdata.LABELS] for sent in pred]


def _timed(fn, sentences):
    t0 = time.perf_counter()
    out = fn(sentences)
    dt = time.perf_counter() - t0
    return out, dt


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    path, sentences, gold, keep = _read_data(args)
    from ..ner.engine import get_engine
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
    if keep is not None:
        table, results["model"]["unseen"] = _unseen_table(f"model alone ({args.engine})", gold, pred, keep)
        print(table)
    if not args.no_fused:
        results["fused"] = _score_fused(args.engine, engine, sentences, gold, keep)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def _read_data(args) -> tuple[Path, list, list, list[int] | None]:
    """The sentences and gold spans to score, and (for an IL-NER split other than train) the indices of
    the sentences not in hi-train."""
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
    keep = None
    if not args.file and args.split != "train":
        train = [toks for toks, _ in nerdata.load(path.parent / SPLITS["train"])]
        keep = unseen_indices(sentences, train)
        kept = set(keep)
        shared = [i for i in range(len(sentences)) if i not in kept]
        print(f"  {len(shared)} of these sentences occur word for word in hi-train "
              f"({sum(1 for i in shared if gold[i])} with names)")
    return path, sentences, gold, keep


def _score_fused(name: str, engine, sentences: list, gold: list, keep: list[int] | None) -> dict | None:
    """The entities stage's fusion of the model with the gazetteers and patterns, scored and printed."""
    try:
        from ..entities.fusion import tag_pretokenized
    except ImportError as e:
        print(f"fused: not available ({e})")
        return None
    fused, dt = _timed(lambda ss: scored_labels_only(tag_pretokenized(ss, engine)), sentences)
    s = score(gold, fused)
    print(format_table(f"fused (pipeline.entities.fusion + {name}): {len(sentences) / dt:.1f} sentences/s", s))
    out = {"scores": s, "sentences_per_s": len(sentences) / dt}
    if keep is not None:
        table, out["unseen"] = _unseen_table("fused", gold, fused, keep)
        print(table)
    return out


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))

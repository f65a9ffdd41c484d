"""`hindi-extract evaluate segmentation`: sentence and token P/R/F1 on UD Hindi (HDTB).

The UD v1-era files have no `# text` and no SpaceAfter, so the raw text is rebuilt from the
tokens: a space between tokens except before closing punctuation and after opening brackets,
and one space between sentences. Spans are compared by exact character offsets.
The treebank is CC BY-NC-SA: used here for evaluation only, never for training.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..core.paths import shared_path

_NO_SPACE_BEFORE = set("।॥,.?!:;)]}”’%")
_NO_SPACE_AFTER = set("([{“‘")


def read_conllu(path: Path) -> list[list[str]]:
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                sents.append(cur)
                cur = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                cur.append(cols[1])
    if cur:
        sents.append(cur)
    return sents


def rebuild(sents: list[list[str]]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    parts: list[str] = []
    pos = 0
    sent_spans, tok_spans = [], []
    for si, toks in enumerate(sents):
        if si:
            parts.append(" ")
            pos += 1
        s0 = pos
        for ti, tok in enumerate(toks):
            if ti and tok not in _NO_SPACE_BEFORE and toks[ti - 1] not in _NO_SPACE_AFTER:
                parts.append(" ")
                pos += 1
            tok_spans.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
        sent_spans.append((s0, pos))
    return "".join(parts), sent_spans, tok_spans


def prf(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> tuple[float, float, float]:
    g, p = set(gold), set(pred)
    tp = len(g & p)
    prec = tp / len(p) if p else 0.0
    rec = tp / len(g) if g else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def evaluate(conllu: Path) -> dict[str, tuple[float, float, float]]:
    from ..text.normalize import NormalizeStage
    from ..text.read import document_from_text
    from ..text.sentences import SentencesStage
    from ..text.tokens import TokensStage

    text, gold_sents, gold_toks = rebuild(read_conllu(conllu))
    doc = document_from_text(text, "ud")
    for stage in (NormalizeStage(), SentencesStage(), TokensStage()):
        stage(doc)
    return {"sentences": prf(gold_sents, [(s.start, s.end) for s in doc.sentences]),
            "tokens": prf(gold_toks, [(t.start, t.end) for t in doc.tokens]),
            "_counts": (len(gold_sents), len(gold_toks), len(text))}


def run(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="hindi-extract evaluate segmentation",
                                 description="Sentence and token P/R/F1 on UD Hindi HDTB test data.")
    ap.add_argument("--conllu", type=Path, default=None,
                    help="CoNLL-U file (default: SHARED/data/ud-hdtb-v1/hi-ud-test.conllu)")
    args = ap.parse_args(argv)
    path = args.conllu or shared_path("data", "ud-hdtb-v1", "hi-ud-test.conllu")
    t0 = time.perf_counter()
    res = evaluate(path)
    dt = time.perf_counter() - t0
    n_s, n_t, n_c = res.pop("_counts")
    print(f"{path}: {n_s} sentences, {n_t} tokens, {n_c:,} characters, {dt:.2f} s")
    print(f"{'':10} {'P':>7} {'R':>7} {'F1':>7}")
    for name, (p, r, f) in res.items():
        print(f"{name:10} {p:7.4f} {r:7.4f} {f:7.4f}")
    return 0

"""`hindi-extract evaluate segmentation`: sentence and token P/R/F1 on UD Hindi (HDTB).

Two texts, scored the same way (spans compared by exact character offsets):

* raw: where the gold allows, the sentences' own `# text = ...` lines, tokens found in them in order
  (a multiword token's surface form is the token); sentences joined by a newline at `# newpar` /
  `# newdoc`, else by a space. This is the honest figure.
* rebuilt: text rebuilt from the tokens, a space between tokens except where SpaceAfter=No says
  otherwise or, in files without SpaceAfter, before closing punctuation and after opening brackets.
  Easier than real text (the tokenizer meets the gold's own token boundaries).

The shared UD v1-era files have no `# text` and no SpaceAfter, so only the rebuilt figure exists
for them; the command says so. The treebank is CC BY-NC-SA: used here for evaluation only.
"""
from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core.paths import shared_path

_NO_SPACE_BEFORE = set("।॥,.?!:;)]}”’%")
_NO_SPACE_AFTER = set("([{“‘")


@dataclass
class GoldSentence:
    tokens: list[str] = field(default_factory=list)
    no_space_after: list[bool] = field(default_factory=list)       # SpaceAfter=No
    text: str | None = None            # the `# text` line
    new_paragraph: bool = False


def read_conllu(path: Path) -> list[GoldSentence]:
    sents, cur, skip_to = [], GoldSentence(), 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur.tokens:
                sents.append(cur)
            cur, skip_to = GoldSentence(), 0
        elif line.startswith("#"):
            if line.startswith("# text ="):
                cur.text = line.split("=", 1)[1].strip()
            elif line.startswith(("# newpar", "# newdoc")):
                cur.new_paragraph = True
        else:
            cols = line.split("\t")
            ident, misc = cols[0], cols[9] if len(cols) > 9 else "_"
            if "-" in ident:       # a multiword token: its surface form is the token, its parts are not
                skip_to = int(ident.split("-")[1])
            elif not ident.isdigit() or int(ident) <= skip_to:
                continue
            cur.tokens.append(cols[1])
            cur.no_space_after.append("SpaceAfter=No" in misc.split("|"))
    if cur.tokens:
        sents.append(cur)
    return sents


def rebuild(sents: list[GoldSentence]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Text rebuilt from the tokens: (text, sentence spans, token spans)."""
    by_misc = any(any(s.no_space_after) for s in sents)    # the file marks SpaceAfter=No: follow it
    parts: list[str] = []
    pos = 0
    sent_spans, tok_spans = [], []
    for si, s in enumerate(sents):
        if si:
            parts.append(" ")
            pos += 1
        s0 = pos
        for ti, tok in enumerate(s.tokens):
            if ti and (not s.no_space_after[ti - 1] if by_misc else
                       tok not in _NO_SPACE_BEFORE and s.tokens[ti - 1] not in _NO_SPACE_AFTER):
                parts.append(" ")
                pos += 1
            tok_spans.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
        sent_spans.append((s0, pos))
    return "".join(parts), sent_spans, tok_spans


def raw_text(sents: list[GoldSentence]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]] | None:
    """The sentences' own `# text`, tokens located in it; None when a sentence has no `# text`."""
    if not sents or any(s.text is None for s in sents):
        return None
    parts: list[str] = []
    pos = 0
    sent_spans, tok_spans = [], []
    for si, s in enumerate(sents):
        if si:
            sep = "\n" if s.new_paragraph else " "
            parts.append(sep)
            pos += len(sep)
        at = 0
        for tok in s.tokens:
            i = s.text.find(tok, at)
            if i < 0:
                raise ValueError(f"token {tok!r} not in the sentence text {s.text!r}")
            tok_spans.append((pos + i, pos + i + len(tok)))
            at = i + len(tok)
        sent_spans.append((pos, pos + len(s.text)))
        parts.append(s.text)
        pos += len(s.text)
    return "".join(parts), sent_spans, tok_spans


def prf(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> tuple[float, float, float]:
    g, p = set(gold), set(pred)
    tp = len(g & p)
    prec = tp / len(p) if p else 0.0
    rec = tp / len(g) if g else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def score_text(text: str, gold_sents, gold_toks) -> dict[str, tuple[float, float, float]]:
    from ..text.normalize import NormalizeStage
    from ..text.read import document_from_text
    from ..text.sentences import SentencesStage
    from ..text.tokens import TokensStage

    doc = document_from_text(text, "ud")
    for stage in (NormalizeStage(), SentencesStage(), TokensStage()):
        stage(doc)
    return {"sentences": prf(gold_sents, [(s.start, s.end) for s in doc.sentences]),
            "tokens": prf(gold_toks, [(t.start, t.end) for t in doc.tokens])}


def evaluate(conllu: Path) -> dict[str, dict]:
    """{"raw": scores or None, "rebuilt": scores, "_counts": (sentences, tokens, characters)}."""
    sents = read_conllu(conllu)
    text, gold_sents, gold_toks = rebuild(sents)
    raw = raw_text(sents)
    return {"raw": score_text(*raw) if raw else None,
            "rebuilt": score_text(text, gold_sents, gold_toks),
            "_counts": (len(gold_sents), len(gold_toks), len(raw[0] if raw else text))}


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
    n_s, n_t, n_c = res["_counts"]
    print(f"{path}: {n_s} sentences, {n_t} tokens, {n_c:,} characters, {dt:.2f} s")
    print(f"{'text':<26} {'':10} {'P':>7} {'R':>7} {'F1':>7}")
    for mode, label in (("raw", "raw (# text)"), ("rebuilt", "rebuilt from the tokens")):
        if res[mode] is None:
            print(f"{label:<26} not in this file (no `# text` lines): no raw-text figure")
            continue
        for name, (p, r, f) in res[mode].items():
            print(f"{label:<26} {name:10} {p:7.4f} {r:7.4f} {f:7.4f}")
    if res["raw"] is None:
        print("note: on text rebuilt from the gold tokens the tokenizer meets the gold's own token boundaries; "
              "real text is harder")
    return 0

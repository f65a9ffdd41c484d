"""Entity-level scoring: exact span + type (seqeval / conlleval style), per label and micro overall."""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from .data import LABELS


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: Sequence[Iterable[tuple]], pred: Sequence[Iterable[tuple]],
          labels: Sequence[str] = LABELS) -> dict[str, dict[str, float]]:
    """gold/pred: per sentence, spans (start, end, label, ...) — extra fields ignored.

    Returns {label: {precision, recall, f1, tp, fp, fn, support}} plus "overall" (micro).
    Spans whose label is not in `labels` are ignored on both sides."""
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} sentences, prediction {len(pred)}")
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        gs = {(s[0], s[1], s[2]) for s in g if s[2] in labels}
        ps = {(s[0], s[1], s[2]) for s in p if s[2] in labels}
        for s in gs & ps:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    out = {}
    for lab in list(labels) + ["overall"]:
        if lab == "overall":
            t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, f_p, f_n = tp[lab], fp[lab], fn[lab]
        p, r, f = prf(t, f_p, f_n)
        out[lab] = {"precision": p, "recall": r, "f1": f, "tp": t, "fp": f_p, "fn": f_n, "support": t + f_n}
    return out


def format_table(title: str, scores: dict[str, dict[str, float]]) -> str:
    lines = [title, f"  {'type':8} {'P':>6} {'R':>6} {'F1':>6} {'support':>8} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for lab, s in scores.items():
        lines.append(f"  {lab:8} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:8d} "
                     f"{s['tp']:5d} {s['fp']:5d} {s['fn']:5d}")
    return "\n".join(lines)

"""Comparing two written forms of one name or amount: Unicode NFC, whitespace folded, trailing case
markers dropped ("भारत के" -> "भारत"). The relations stage keys facts with it (a fact stated twice is
kept once) and the relation scorer compares predictions with gold through it."""
from __future__ import annotations

import unicodedata

from . import closed_class


def case_markers() -> frozenset[str]:
    """The simple case markers and the genitive (closed-class lexicon)."""
    return closed_class.words("case", "genitive")


def fold(s: str, drop: frozenset[str] | None = None) -> str:
    """NFC, whitespace folded, trailing words of `drop` (default: the case markers) removed."""
    drop = case_markers() if drop is None else drop
    words = unicodedata.normalize("NFC", s or "").split()
    while words and words[-1] in drop:
        words.pop()
    return " ".join(words)

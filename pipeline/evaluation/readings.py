"""What our grammar reads in a peer suite's text: its amounts and numbers, at offsets of the peer's own
text, and the comparison of a value with the peer's (read by conformance.py and the checks of peers.py)."""
from __future__ import annotations

from fractions import Fraction

from ..amounts.grammar import find_amounts, find_numbers
from ..amounts.model import AmountMatch, to_fraction
from ..text.normalize import normalize


def amounts(text: str) -> tuple[str, list[AmountMatch]]:
    norm = normalize(text)
    ams = find_amounts(norm.text)
    for a in ams:  # offsets back to the peer's own text
        a.start, a.end = norm.to_original(a.start, a.end)
        a.full_start, a.full_end = norm.to_original(a.full_start, a.full_end)
        a.text = text[a.start:a.end]
    return norm.text, ams


def numbers(text: str) -> list[tuple[str, Fraction]]:
    norm = normalize(text)
    out = []
    for n in find_numbers(norm.text):
        s, e = norm.to_original(n.start, n.end)
        out.append((text[s:e], n.value))
    return out


def close(a, b) -> bool:
    """Exact equality, or within 1e-9 relative when the peer wrote a rounded float string."""
    fa, fb = to_fraction(a), to_fraction(b)
    if fa is None or fb is None:
        return fa == fb
    if fa == fb:
        return True
    return abs(fa - fb) <= Fraction(1, 10 ** 9) * max(abs(fa), abs(fb), 1)

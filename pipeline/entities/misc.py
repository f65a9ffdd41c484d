"""MISC names: government schemes, named events and agreements (subtypes scheme / event / agreement).

Two sources, both data: the curated names of `misc_names.tsv`, and a head of `misc_heads.tsv`
(… योजना, … अभियान, … शिखर सम्मेलन, … समझौता) with a proper name in front of it. A proper name is
a gazetteer name (आयुष्मान भारत योजना, G20 शिखर सम्मेलन), a word in Latin letters or with digits,
or an opener title at the start (प्रधानमंत्री किसान सम्मान निधि योजना). The words in front stop at
a function word, a title or punctuation other than a joining hyphen: इस योजना, एक समझौता, दोनों
देशों के बीच समझौता and a bare शिखर सम्मेलन give nothing.

A MISC name may hold PER / LOC / ORG names (G20 शिखर सम्मेलन holds the ORG G20): it is added on
top of the fused PER / LOC / ORG entities, never crossing one and never inside one.
"""
from __future__ import annotations

import re

from .gazetteers import Lexicon
from .patterns import Candidate

MAX_MODIFIERS = 6
NAME_LIKE = re.compile(r"[A-Za-z]|[\u0900-\u097f][0-9\u0966-\u096f]")   # PM, G20, जी20 (not 22वां)
LABELS = ("PER", "LOC", "ORG")


def misc_candidates(keys: list[str], kinds: list[str], lex: Lexicon) -> list[Candidate]:
    return _listed(keys, lex) + _headed(keys, kinds, lex)


def _listed(keys: list[str], lex: Lexicon) -> list[Candidate]:
    return [Candidate(i, j, "MISC", e.subtype, "gazetteer", 1.0, e.canonical) for i, j, e in lex.misc.matches(keys)]


def _headed(keys: list[str], kinds: list[str], lex: Lexicon) -> list[Candidate]:
    out = []
    for h, end, head in lex.misc_heads.matches(keys, start=1):   # a head at the start has no name before it
        start = _name_start(keys, kinds, lex, h)
        # समझौता is also "compromise": one name before it is no agreement (भारत समझौता नहीं करेगा)
        if start is not None and (head.subtype != "agreement" or h - start >= 2):
            out.append(Candidate(start, end, "MISC", head.subtype, "pattern", 0.8))
    return out


def _name_start(keys: list[str], kinds: list[str], lex: Lexicon, h: int) -> int | None:
    """Where the name ending in the head at token h starts, or None without a proper name in front."""
    i = h
    while i > 0 and h - i < MAX_MODIFIERS:
        opener = next((s for s in (i - 1, i - 2) if s >= 0 and (o := lex.misc_openers.longest(keys, s))
                       and s + len(o.keys) == i), None)
        if opener is not None:
            return opener
        prev = keys[i - 1]
        joined = prev == "-" and i - 2 >= 0 and kinds[i - 2] == "word" and i < h
        if not joined and (kinds[i - 1] != "word" or lex.is_function_word(prev) or prev in lex.ambiguous
                           or lex.titles.longest(keys, i - 1) is not None):
            break
        i -= 1
    first = next((k for k in range(i, h) if NAME_LIKE.search(keys[k]) or _gazetteer_name(keys, k, h, lex)), None)
    if first is None:
        return None
    for k in range(i, first):   # common words before the proper name are not part of it: सम्बद्ध देश | पेरिस समझौते
        if keys[k] == "-" or keys[k] in lex.stopwords:
            i = k + 1
    return i


def _gazetteer_name(keys: list[str], k: int, h: int, lex: Lexicon) -> bool:
    e = lex.gazetteer.longest(keys, k)
    return e is not None and k + len(e.keys) <= h


def add_misc(taken: list[Candidate], misc: list[Candidate]) -> list[Candidate]:
    """The fused entities plus the MISC names that fit: longest first, curated before pattern; one
    equal to a model-only span relabels it (the curated list wins, as in fusion's agreement rule).
    A person found after a title inside an accepted MISC name is dropped with the title."""
    out = list(taken)
    for m in sorted(misc, key=lambda c: (-(c.j - c.i), c.source != "gazetteer", c.i)):
        same = next((t for t in out if (t.i, t.j) == (m.i, m.j)), None)
        if same is not None:
            if same.source == "model":
                same.label, same.subtype, same.canonical = m.label, m.subtype, m.canonical
                same.source, same.score = "fused", 1 - (1 - m.score) * (1 - same.score)
            continue
        if all(m.j <= t.i or t.j <= m.i or (m.i <= t.i and t.j <= m.j and t.label in LABELS) for t in out):
            # the opener title belongs to the scheme: मुख्यमंत्री | कन्या विवाह योजना holds no person
            out = [t for t in out if t.title is None or not (m.i <= t.title[0] and t.j <= m.j)] + [m]
    return sorted(out, key=lambda c: (c.i, -(c.j - c.i)))

"""Fusing model and rule candidates into one set of non-overlapping entities.

The rule (also in docs/entities.md):
1. Veto: a model span (or pattern span) whose tokens are all stop/ambiguous words (रक्षा, संगठन, शिखर सम्मेलन)
   is dropped; so is a model span that swallows two gazetteer names joined by a conjunction
   or punctuation (रूस और ऑस्ट्रिया -> two LOC, not one), or that is exactly two or more adjacent
   gazetteer names of different types (भारत क्वाड -> LOC + ORG) or of two countries (भारत यूएई -> two LOC).
2. Agreement: a model span equal to a rule span becomes one candidate, source "fused",
   label and subtype from the rule (curated), score 1 - (1-a)(1-b).
   With a model running, an organisation-head pattern (… मंत्रालय, … बैंक) or an initials pattern
   (पी. बी. बालाजी) is kept only where a model span overlaps it: alone an organisation-head pattern
   was right 15 times in 170 on IL-NER train[:4000] + dev. A two-word head (हवाई अड्डा, अंतरिक्ष केंद्र)
   after an uncommon word is kept alone: जेवर हवाई अड्डे.
   A person span right after dotted initials takes them in (बी. बालाजी -> पी. बी. बालाजी).
   A title + name pattern that runs past the end of a model PER span starting at the same token is
   cut to the model's end (लोकसभा अध्यक्ष सोमनाथ चटर्जी | वाम).
3. Overlaps: longest span first; on equal length gazetteer > pattern > model; then score.
   A candidate overlapping an accepted one is dropped.
"""
from __future__ import annotations

from ..text import closed_class
from ..text.normalize import match_key
from ..text.tokens import tokenize
from .gazetteers import Lexicon, load
from .misc import add_misc, misc_candidates
from .patterns import (Candidate, extend_over_initials, gazetteer_matches, initials_then_name, org_head_matches,
                    person_after_titles, title_matches)

_PRIORITY = {"fused": 0, "gazetteer": 1, "pattern": 2, "model": 3}
_SEPARATORS = closed_class.words("coord") | {",", "-", "/", "("}


def rule_candidates(keys: list[str], kinds: list[str], lex: Lexicon) -> tuple[list[Candidate], list]:
    titles = title_matches(keys, lex)
    cands = gazetteer_matches(keys, lex) + person_after_titles(keys, kinds, lex, titles)
    cands += org_head_matches(keys, kinds, lex) + initials_then_name(keys, kinds, lex)
    return cands, titles


def _vetoed(c: Candidate, keys: list[str], gaz: list[Candidate], lex: Lexicon) -> bool:
    # stopwords only: an ambiguous place name (सूरत) may still be right when the model sees it in context
    if all(k in lex.stopwords or lex.titles.longest(keys, n) is not None for n, k in enumerate(keys[c.i:c.j], c.i)):
        return True
    inside = sorted((g for g in gaz if c.i <= g.i and g.j <= c.j), key=lambda g: g.i)
    if len(inside) >= 2 and any(k in _SEPARATORS for k in keys[c.i:c.j]):
        return True
    # two curated names of different types side by side (भारत क्वाड: LOC + ORG) are not one name
    tiled = inside and inside[0].i == c.i and inside[-1].j == c.j and all(a.j == b.i for a, b in zip(inside, inside[1:]))
    # ... nor are two countries side by side ('जबकि भारत यूएई में ...' is भारत and यूएई)
    countries = len(inside) >= 2 and all(g.subtype == "country" for g in inside)
    return bool(tiled and (len({g.label for g in inside}) >= 2 or countries))


def _specific_head(c: Candidate, keys: list[str], lex: Lexicon) -> bool:
    """A two-word head (हवाई अड्डा, अंतरिक्ष केंद्र) after a word that is not a common one names a place
    or body even where the model sees nothing: जेवर हवाई अड्डे (but not नए हवाई अड्डे)."""
    return c.head_len >= 2 and any(k not in lex.stopwords for k in keys[c.i:c.j - c.head_len])


def fuse(keys: list[str], kinds: list[str], model: list[Candidate], lex: Lexicon | None = None,
         with_model: bool = True) -> tuple[list[Candidate], list]:
    lex = lex or load()
    rules, titles = rule_candidates(keys, kinds, lex)
    gaz = [c for c in rules if c.source == "gazetteer"]
    rules = [c for c in rules if c.source != "pattern" or not _vetoed(c, keys, gaz, lex)]
    model = [m for m in model if not _vetoed(m, keys, gaz, lex)]
    model = [m for m in (_as_organisation(_without_title(m, keys, lex), keys, lex) for m in model) if m is not None]
    for c in model + rules:
        if c.label == "PER":
            extend_over_initials(c, keys, lex)
    if with_model:  # organisation-head and initials patterns are weak alone: keep them where the model sees a name too
        rules = [c for c in rules if c.title is not None or c.source != "pattern" or _specific_head(c, keys, lex)
                 or any(m.i < c.j and c.i < m.j for m in model)]
    for c in rules:   # the title says where a name starts, the model where it ends: सोमनाथ चटर्जी | वाम
        if c.subtype == "person" and c.source == "pattern":
            ends = [m.j for m in model if m.label == "PER" and m.i == c.i and c.i + 2 <= m.j < c.j]
            c.j = max(ends) if ends else c.j
    gaz_spans = {(c.i, c.j) for c in gaz}
    rules = [c for c in rules if c.source == "gazetteer" or (c.i, c.j) not in gaz_spans]  # curated entry wins
    by_span = {(c.i, c.j): c for c in rules}
    pool = list(rules)
    for m in model:
        r = by_span.get((m.i, m.j))
        if r is not None:
            r.source, r.score = "fused", 1 - (1 - r.score) * (1 - m.score)
        else:
            pool.append(m)
    pool.sort(key=lambda c: (-(c.j - c.i), _PRIORITY[c.source], -c.score, c.i))
    taken: list[Candidate] = []
    for c in pool:
        if all(c.j <= t.i or t.j <= c.i for t in taken):
            taken.append(c)
    taken = [c for c in (_without_title(c, keys, lex) for c in taken) if c is not None]
    taken = add_misc(sorted(taken, key=lambda c: c.i), misc_candidates(keys, kinds, lex))
    for c in taken:
        if c.label == "PER":
            c.title = _office_before(c.i, titles, keys)
    return taken, titles


def _without_title(c: Candidate, keys: list[str], lex: Lexicon) -> Candidate | None:
    """A person span never holds its title: पीएम मोदी -> मोदी (the title becomes the role), श्री राम नाथ
    -> राम नाथ; a span of titles alone is none. Names in title_names.tsv keep their first word (शेख हसीना)."""
    if c.label != "PER" or tuple(keys[c.i:c.j]) in lex.title_names:
        return c
    i = c.i
    while i < c.j and (e := lex.titles.longest(keys, i)) is not None:
        i += len(e.keys)
    if i >= c.j:
        return None
    c.i = i
    return c


def _as_organisation(c: Candidate | None, keys: list[str], lex: Lexicon) -> Candidate | None:
    """A model 'person' that ends with an organisation head is one: टाटा स्टील लिमिटेड, रिलायंस इंडस्ट्रीज."""
    if c is None or c.label != "PER" or c.j - c.i < 2:
        return c
    head = next((lex.org_heads[" ".join(keys[c.j - n:c.j])] for n in (3, 2, 1)
                 if c.j - n > c.i and " ".join(keys[c.j - n:c.j]) in lex.org_heads), None)
    if head is not None and head.label == "ORG":
        c.label, c.subtype = "ORG", head.subtype
    return c


def _office_before(i: int, titles: list, keys: list[str]) -> tuple[int, int] | None:
    """The office title right before token i, looking past honorifics (स्वास्थ्य मंत्री डॉ. | अ. ब. सिंह)
    and one comma (the transcripts' speaker label: सरकारी प्रवक्ता, श्री | रणधीर जायसवाल); of titles
    written one after the other the first is the office, the next a rank (रक्षा मंत्री जनरल | मोहम्मद ...)."""
    by_end = {tj: (ti, tj, office) for ti, tj, office in titles}
    comma, found = False, None
    while True:
        if i not in by_end:
            if found or comma or i < 1 or keys[i - 1] != ",":
                return found
            comma, i = True, i - 1
            continue
        ti, tj, office = by_end[i]
        if office != "honorific":
            found = (ti, tj)
        i = ti


def model_candidates(spans) -> list[Candidate]:
    return [Candidate(i, j, label, "", "model", float(score)) for i, j, label, score in spans]


def tag_pretokenized(sentences: list[list[str]], engine=None) -> list[list[tuple[int, int, str]]]:
    """Fused tagging of pre-tokenized sentences (used by `evaluate ner`); engine None = rules only."""
    lex = load()
    model_out = engine.tag(sentences) if engine is not None else [[] for _ in sentences]
    result = []
    for toks, spans in zip(sentences, model_out):
        keys = [match_key(t) for t in toks]
        kinds = [next(iter(tokenize(k)), (0, 0, "punct"))[2] if k else "punct" for k in keys]
        fused, _ = fuse(keys, kinds, model_candidates(spans), lex, with_model=engine is not None)
        result.append([(c.i, c.j, c.label) for c in fused])
    return result

"""Rule-based entity candidates over one sentence's tokens: gazetteer, title + name, org heads.

All functions take `keys` (normalized token texts) and `kinds` (token kinds) and return
Candidates in token indices [i, j).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..text import closed_class
from .gazetteers import Lexicon

MAX_NAME_TOKENS = 3
MAX_ORG_MODIFIERS = 4
MAX_INITIALS = 2
_INNER_CONJ = closed_class.words("coord_and")    # वाणिज्य एवं उद्योग मंत्रालय: one name


@dataclass
class Candidate:
    i: int
    j: int
    label: str
    subtype: str
    source: str          # gazetteer | pattern | model | fused
    score: float
    canonical: str = ""
    title: tuple[int, int] | None = None   # token span of the title that introduced a person
    head_len: int = 0    # tokens of the organisation / facility head that ended a pattern (हवाई अड्डा: 2)


def gazetteer_matches(keys: list[str], lex: Lexicon) -> list[Candidate]:
    return [Candidate(i, j, e.label, e.subtype, "gazetteer", 1.0 if j - i > 1 else 0.95, e.canonical)
            for i, j, e in lex.gazetteer.matches(keys)]


def title_matches(keys: list[str], lex: Lexicon) -> list[tuple[int, int, str]]:
    """(i, j, office) of every title (longest match, left to right)."""
    return [(i, j, e.subtype) for i, j, e in lex.titles.matches(keys)]


def person_after_titles(keys: list[str], kinds: list[str], lex: Lexicon,
                        titles: list[tuple[int, int, str]]) -> list[Candidate]:
    """प्रधानमंत्री नरेंद्र मोदी, विदेश सचिव विनय क्वात्रा ने ...: up to 3 name words after a title."""
    out = []
    title_starts = {t[0] for t in titles}
    for ti, tj, _office in titles:
        if ti > 0 and lex.stopwords.get(keys[ti - 1]) in ("number", "pronoun"):
            continue  # "सभी नेता भूमिगत हो गए", "कई मंत्री": a plural common noun, not a title before a name
        j = tj
        while (j < len(keys) and j - tj < MAX_NAME_TOKENS and kinds[j] == "word"
               and not lex.is_stopword(keys[j]) and j not in title_starts
               and lex.titles.longest(keys, j) is None and not _place_or_org(keys, j, lex)):
            j += 1
        if j > tj:
            out.append(Candidate(tj, j, "PER", "person", "pattern", 0.85, title=(ti, tj)))
    return out


def initials_then_name(keys: list[str], kinds: list[str], lex: Lexicon) -> list[Candidate]:
    """पी. बी. बालाजी, P. Chidambaram: one or two dotted initials and the name word after them.
    Three or more are an abbreviation (एफ. आई. आर., एम. टी. पी. एक्ट), as is a dotted word after them (एम. टेक.)."""
    out, i = [], 0
    while i < len(keys):
        j, n = i, 0
        while j < len(keys) and lex.initial_at(keys, j) > j:
            j, n = lex.initial_at(keys, j), n + 1
        if 0 < n <= MAX_INITIALS and j < len(keys) and kinds[j] == "word" and not keys[j].endswith(".") \
                and not lex.is_stopword(keys[j]) and lex.titles.longest(keys, j) is None \
                and not _place_or_org(keys, j, lex):
            out.append(Candidate(i, j + 1, "PER", "person", "pattern", 0.85))
        i = max(j, i + 1)
    return out


def extend_over_initials(c: Candidate, keys: list[str], lex: Lexicon) -> None:
    """A person span that starts after dotted initials takes them in (बी. बालाजी -> पी. बी. बालाजी)."""
    i = c.i
    while True:
        start = next((s for s in (i - 1, i - 2) if s >= 0 and lex.initial_at(keys, s) == i), None)
        if start is None:
            break
        i = start
    c.i = i


def _place_or_org(keys: list[str], j: int, lex: Lexicon) -> bool:
    e = lex.gazetteer.longest(keys, j)
    return e is not None and e.label != "PER"


_HEAD_LASTS: dict[int, frozenset[str]] = {}


def _head_last_words(lex: Lexicon) -> frozenset[str]:
    """The last word of every organisation head (a head can end only there)."""
    if id(lex) not in _HEAD_LASTS:
        _HEAD_LASTS[id(lex)] = frozenset(h.split(" ")[-1] for h in lex.org_heads)
    return _HEAD_LASTS[id(lex)]


def org_head_matches(keys: list[str], kinds: list[str], lex: Lexicon) -> list[Candidate]:
    """विदेश मंत्रालय, वाणिज्य एवं उद्योग मंत्रालय, कुडनकुलम परमाणु ऊर्जा संयंत्र ..."""
    out, lasts = [], _head_last_words(lex)
    for end in range(1, len(keys) + 1):
        if keys[end - 1] not in lasts:
            continue
        # multiword heads (हवाई अड्डा, अंतरिक्ष केंद्र) first
        n, head = next(((n, lex.org_heads[" ".join(keys[end - n:end])]) for n in (3, 2, 1)
                        if end - n >= 0 and " ".join(keys[end - n:end]) in lex.org_heads), (0, None))
        if not head:
            continue
        head_start = i = end - n
        while i > 0 and head_start - i < MAX_ORG_MODIFIERS and kinds[i - 1] == "word":
            prev = keys[i - 1]
            if (prev in _INNER_CONJ and i - 2 >= 0 and not lex.is_function_word(keys[i - 2]) and i < head_start
                    and keys[i - 2] not in lex.org_heads):  # "... बैंक और अफ्रीकन डेवलपमेंट बैंक" is two names
                i -= 1
                continue
            if lex.is_function_word(prev) or prev in lex.ambiguous or lex.titles.longest(keys, i - 1):
                break
            i -= 1
        if i < head_start and keys[i] not in _INNER_CONJ:
            out.append(Candidate(i, end, head.label, head.subtype, "pattern", 0.8, head_len=n))
    return out

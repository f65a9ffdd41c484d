"""Step 1 of the extractor: tag each token from the word lists (case markers, genitives, compound
postpositions, auxiliaries, light verbs, conjunctions, relative pronouns, particles, adverbs, determiners ...)
plus a few context rules (की before a boundary is a verb, बहुत से is "many", a dash between words joins them)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import Lexicon, load

BOUNDARY_PUNCT = frozenset({".", "।", "?", "!", ",", ";", ":", "-", "--", "|", "॥", "–", "—", "...", "…"})
_NUM = re.compile(r"^[0-9०-९][0-9०-९.,/:-]*$")


@lru_cache(maxsize=4096)
def _is_punct(t: str) -> bool:
    return all(unicodedata.category(c)[0] in "PS" for c in t) or t in ("।", "॥")


_COMPOUND_INDEX: dict[int, tuple[dict, dict]] = {}


def _compound_index(lex: Lexicon) -> tuple[dict, dict]:
    """Compound postpositions by first token, and (for fused pronoun genitives) by second token;
    longest first, as in lex.compound."""
    key = id(lex)
    if key not in _COMPOUND_INDEX:
        first: dict[str, tuple] = {}
        second: dict[str, tuple] = {}
        for comp in lex.compound:
            first[comp[0]] = first.get(comp[0], ()) + (comp,)
            if len(comp) >= 2 and comp[0] in lex.genitive:
                second[comp[1]] = second.get(comp[1], ()) + (comp,)
        _COMPOUND_INDEX[key] = (first, second)
    return _COMPOUND_INDEX[key]


def _word_class_order(lex) -> tuple[tuple[str, tuple], ...]:
    """Tags of the word lists, first match wins."""
    return (("PK", (lex.case,)), ("PG", (lex.genitive,)), ("AUX", (lex.aux,)), ("LV", (lex.light,)),
            ("CC", (lex.coord,)), ("SC", (lex.subord,)), ("REL", (lex.relative, lex.relative_adverb)),
            ("RELK", (lex.relative_case,)), ("RELG", (lex.relative_genitive,)), ("PRK", (lex.pronoun_case,)),
            ("PART", (lex.particle,)), ("ADV", (lex.adverb, lex.degree, lex.postp_adverb)),
            ("DET", (lex.determiner,)))


_WORD_CLASS: dict[int, dict[str, str]] = {}


def _word_class(lex: Lexicon) -> dict[str, str]:
    """Each listed word's tag, the first list in _word_class_order that holds it (built once)."""
    key = id(lex)
    if key not in _WORD_CLASS:
        table: dict[str, str] = {}
        for tag, sets in _word_class_order(lex):
            for words in sets:
                for w in words:
                    table.setdefault(w, tag)
        _WORD_CLASS[key] = table
    return _WORD_CLASS[key]


def tag_tokens(tokens: list[str], lex: Lexicon | None = None) -> list[str]:
    """One tag a token: PUNCT_B PUNCT_O NUM W DET PK PG PC AUX LV CC SC REL RELK PRK PART ADV CNJ."""
    lex = lex or load()
    tags = [""] * len(tokens)
    _tag_compounds(tokens, tags, lex)
    _tag_words(tokens, tags, lex)
    _context_rules(tokens, tags, lex)
    return tags


def _tag_compounds(tokens: list[str], tags: list[str], lex: Lexicon) -> None:
    """Compound postpositions (के बारे में), also after a fused pronoun genitive (उनके लिए, इसकी ओर)."""
    pairs, singles, words = _compound_candidates(lex)
    present = words.intersection(tokens)
    if not present:
        return
    n = len(tokens)
    for i in [i for i in range(1, n) if tokens[i] in present]:
        cur = tokens[i]
        if tags[i]:                     # (read now: a compound tagged earlier in this loop sets it)
            continue
        nxt = tokens[i + 1] if i + 1 < n else None
        cands = pairs.get((cur, nxt), []) + (pairs.get((cur, cur), []) if nxt != cur else []) + singles.get(cur, [])
        if len(cands) > 1:
            cands.sort()
        for _, comp in cands:
            k = len(comp)
            if tuple(tokens[i:i + k]) == comp:
                for j in range(i, i + k):
                    tags[j] = "PC"
                break
            # pronoun genitive written fused: उनके लिए, इसकी ओर
            prev = tokens[i - 1]
            if (k >= 2 and comp[0] in lex.genitive and prev not in lex.genitive and len(prev) > 2
                    and prev.endswith(comp[0]) and tuple(tokens[i:i + k - 1]) == comp[1:]):
                for j in range(i, i + k - 1):
                    tags[j] = "PC"
                break


_COMPOUND_CANDIDATES: dict[int, tuple[dict, dict, frozenset[str]]] = {}


def _compound_candidates(lex: Lexicon) -> tuple[dict, dict, frozenset[str]]:
    """The compounds to try at a token, in _compound_index's order (by first token, then by second):
    by (token, its second word) those of two or more words, by token those of one; and the tokens any
    is tried at. A compound can match at token i only with its second word the next token, or (fused
    genitive) token i itself."""
    key = id(lex)
    if key not in _COMPOUND_CANDIDATES:
        by_first, by_second = _compound_index(lex)
        pairs: dict[tuple[str, str], list] = {}
        singles: dict[str, list] = {}
        for word in set(by_first) | set(by_second):
            for pos, comp in enumerate(by_first.get(word, ()) + by_second.get(word, ())):
                if len(comp) == 1:
                    singles.setdefault(word, []).append((pos, comp))
                else:
                    pairs.setdefault((word, comp[1]), []).append((pos, comp))
        _COMPOUND_CANDIDATES[key] = (pairs, singles, frozenset(by_first) | frozenset(by_second))
    return _COMPOUND_CANDIDATES[key]


_WORD_TAGS: dict[int, dict[str, str]] = {}
_WORD_TAGS_MAX = 200_000        # distinct tokens remembered (then the memo starts afresh)


def _tag_words(tokens: list[str], tags: list[str], lex: Lexicon) -> None:
    """Punctuation, numbers, the listed words, -कर participles; every other token is a word (W). The
    tag depends on the token alone, so each distinct token is tagged once (_word_tag) and remembered."""
    memo = _WORD_TAGS.get(id(lex))
    if memo is None or len(memo) > _WORD_TAGS_MAX:
        memo = _WORD_TAGS[id(lex)] = {}
    for i, t in enumerate(tokens):
        if tags[i]:
            continue
        tag = memo.get(t)
        if tag is None:
            tag = memo[t] = _word_tag(t, lex)
        tags[i] = tag


def _word_tag(t: str, lex: Lexicon) -> str:
    if _is_punct(t):
        return "PUNCT_B" if t in BOUNDARY_PUNCT else "PUNCT_O"
    if _NUM.match(t):
        return "NUM"
    tag = _word_class(lex).get(t)
    if tag:
        return tag
    if t.endswith(lex.conjunctive) and len(t) >= 4 and t not in lex.not_conjunctive:
        return "CNJ"
    return "W"


def _context_rules(tokens: list[str], tags: list[str], lex: Lexicon) -> None:
    n = len(tokens)
    for i, t in enumerate(tokens):
        nxt = tags[i + 1] if i + 1 < n else "END"
        # a name ending in -कर (वाईकर के द्वारा) is not a conjunctive participle
        if tags[i] == "CNJ" and nxt in ("PK", "PG", "PC"):
            tags[i] = "W"
        # कर / करके written apart after a stem (मिलजुल कर मनाए) is a conjunctive participle
        if t in lex.conjunctive and i > 0 and tags[i - 1] == "W" and nxt in ("W", "DET", "NUM", "ADV", "PK"):
            tags[i] = "CNJ"
    for i in range(1, n - 1):
        # बहुत से लोग: से after बहुत is "many", not a case marker
        if tags[i] == "PK" and tokens[i] == lex.instrumental and tokens[i - 1] in lex.quantity_with_se \
                and tags[i + 1] in ("W", "DET"):
            tags[i] = "W"
        # a dash between two words joins them (इश -- डू, शिल्पी -- सुथार)
        if tags[i] == "PUNCT_B" and tokens[i] in ("-", "--", "–", "—") and tags[i - 1] in ("W", "NUM") \
                and tags[i + 1] in ("W", "NUM"):
            tags[i] = "PUNCT_O"
    # की / के before a clause boundary or an auxiliary is the verb "did", not a genitive
    for i, t in enumerate(tokens):
        if tags[i] == "PG" and t in lex.verb_or_genitive:
            nxt = tags[i + 1] if i + 1 < n else "END"
            if nxt in ("END", "PUNCT_B", "AUX", "CC", "SC", "REL", "RELK", "RELG") \
                    and not (i + 1 < n and tokens[i + 1] in lex.subjunctive_be):   # X की हो सकती हैं: a genitive
                tags[i] = "LV"

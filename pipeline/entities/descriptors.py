"""A company introduced by a descriptor noun right before its name ('विमानन कंपनी स्पाइसजेट', 'आईटी
कंपनी विप्रो'): business news names many companies no gazetteer lists and the model often misses.

The one to three word tokens right after a noun of data/company_descriptors.tsv are an ORG (subtype
company, source "descriptor") when none of them is a stopword, an ambiguous word or a title, none lies
in another candidate, and a function word (postposition, genitive, conjunction) or a bracket follows
them: 'कंपनी स्पाइसजेट को', 'फर्म एक्सेंचर ने', 'कंपनी बायजूस (Byju's) में'. Not 'कंपनी ने', 'कंपनी इस
संयंत्र पर' (stopwords), 'कंपनी भारत में' (a place already)."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..text.normalize import match_key
from ..text.wordlists import read_tsv
from .gazetteers import DATA_DIR, Lexicon
from .patterns import Candidate

MAX_WORDS = 3
SCORE = 0.8
CLOSERS = ("postposition", "conjunction")     # 'कंपनी स्पाइसजेट को', not 'कंपनी बन गई' (a verb, an auxiliary)


@lru_cache(maxsize=1)
def _descriptors() -> frozenset[str]:
    return frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "company_descriptors.tsv"))


def named_companies(fused: list[Candidate], keys: list[str], kinds: list[str], lex: Lexicon) -> list[Candidate]:
    """ORG candidates for the names written right after a company descriptor."""
    covered = {n for c in fused for n in range(c.i, c.j)}
    out = []
    for d, key in enumerate(keys):
        if key not in _descriptors():
            continue
        j = d + 1
        while j < len(keys) and j - d <= MAX_WORDS and kinds[j] == "word" and j not in covered \
                and not lex.is_stopword(keys[j]) and lex.titles.longest(keys, j) is None:
            j += 1
        ends_well = j < len(keys) and (lex.stopwords.get(keys[j]) in CLOSERS or keys[j] == "(")
        if d + 1 < j <= d + MAX_WORDS and ends_well:
            out.append(Candidate(d + 1, j, "ORG", "company", "descriptor", SCORE))
    return out


@lru_cache(maxsize=1)
def _tails() -> frozenset[str]:
    return frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "company_tails.tsv"))


def _tail_end(c: Candidate, keys: list[str], kinds: list[str], lex: Lexicon) -> int:
    """Where an organisation's name ends once the company tails after it are read (c.j: none)."""
    j, tails = c.j, _tails()
    while j < len(keys):
        if keys[j] in tails:
            j += 1
        elif j + 1 < len(keys) and keys[j + 1] in tails and kinds[j] == "word" and j == c.j \
                and not lex.is_stopword(keys[j]) and lex.titles.longest(keys, j) is None:
            j += 2                       # 'टोयोटा किर्लोस्कर मोटर': one word of the name before a tail
        else:
            break
    return j


def company_tails(fused: list[Candidate], keys: list[str], kinds: list[str], lex: Lexicon) -> list[Candidate]:
    """The candidates with each organisation stretched over the company tails after it; a
    candidate (the country 'इंडिया') inside a stretched name is dropped; one that runs past it stops it."""
    ends = {id(c): _tail_end(c, keys, kinds, lex) for c in fused
            if c.label == "ORG" and c.subtype in ("company", "")}      # not a party: 'कांग्रेस इंडिया में'
    for c in fused:      # 'कांग्रेस इंडिया गठबंधन': a name that runs past the tails keeps its own words
        for k, end in ends.items():
            if c.i < end < c.j:
                ends[k] = c.i
    gained = {n for c in fused if id(c) in ends for n in range(c.j, ends[id(c)])}
    return [replace(c, j=ends[id(c)], source="fused") if ends.get(id(c), c.j) > c.j else c
            for c in fused if c.i not in gained]

"""A company introduced by a descriptor noun right before its name ('विमानन कंपनी स्पाइसजेट', 'आईटी
कंपनी विप्रो'): business news names many companies no gazetteer lists and the model often misses.

The one to three word tokens right after a noun of data/company_descriptors.tsv are an ORG (subtype
company, source "descriptor") when none of them is a stopword, an ambiguous word or a title, none lies
in another candidate, and a function word (postposition, genitive, conjunction) or a bracket follows
them: 'कंपनी स्पाइसजेट को', 'फर्म एक्सेंचर ने', 'कंपनी बायजूस (Byju's) में'. Not 'कंपनी ने', 'कंपनी इस
संयंत्र पर' (stopwords), 'कंपनी भारत में' (a place already)."""
from __future__ import annotations

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

"""A person's surname written alone after the full name (सुनील बर्थवाल ... बर्थवाल ने कहा): the model
often misses the bare surname of a person it does not know; the document has already named them.

A token outside every entity of its sentence whose key is the last word of a person named in full
(two words or more, with a score of 0.9 or more or after a title) earlier in the same document is that person: a PER entity, source "surname",
with the full mention's canonical name. Not a stopword or ambiguous word (entities/data), not one of
data/surname_words.tsv (राय, लाल: ordinary words), and not after a genitive (उनकी राय). The surnames seen are kept in the document's
metadata, so a long document read in windows tags the same tokens as read whole."""
from __future__ import annotations

from functools import lru_cache

from ..text import closed_class
from ..text.normalize import match_key
from ..text.wordlists import read_tsv
from .gazetteers import DATA_DIR, Lexicon
from .patterns import Candidate

SURE = 0.9          # a full mention the recogniser is less sure of lends its surname to nothing
GENITIVES = closed_class.words("genitive", "possessive")    # 'उनकी राय', 'लोगों की पाटिल में रुचि


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "surname_words.tsv"))


def see_surnames(fused: list[Candidate], keys: list[str], seen: dict[str, str]) -> None:
    """Note the last word of every person named in two words or more (key -> canonical name)."""
    for c in fused:
        if c.label == "PER" and c.j - c.i >= 2 and (c.score >= SURE or c.title is not None):
            seen.setdefault(keys[c.j - 1], c.canonical)


def lone_surnames(fused: list[Candidate], keys: list[str], kinds: list[str], lex: Lexicon,
                  seen: dict[str, str]) -> list[Candidate]:
    """PER candidates for the bare surnames of this sentence (none where a candidate already lies)."""
    if not seen:
        return []
    covered = {n for c in fused for n in range(c.i, c.j)}
    out = []
    for n, key in enumerate(keys):
        if key not in seen or n in covered or kinds[n] != "word" or lex.is_stopword(key) \
                or key in _common() or (n and keys[n - 1] in GENITIVES):
            continue
        out.append(Candidate(n, n + 1, "PER", "person", "surname", 0.8, seen[key]))
    return out

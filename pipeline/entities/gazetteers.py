"""The entity word lists (data/*.tsv), loaded once and keyed by normalized token sequences."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..text.normalize import match_key
from ..text.tokens import tokenize
from ..text.tsv import read_tsv

DATA_DIR = Path(__file__).resolve().parent / "data"
FUNCTION_CLASSES = {"postposition", "pronoun", "verb", "aux", "conjunction", "particle", "number"}


@dataclass(frozen=True)
class Entry:
    keys: tuple[str, ...]
    label: str
    subtype: str
    canonical: str


@lru_cache(maxsize=100_000)
def key_tokens(text: str) -> tuple[str, ...]:
    norm = match_key(text)
    return tuple(norm[a:b] for a, b, _ in tokenize(norm))


class Trie:
    """Longest match of token-key sequences."""

    def __init__(self, entries):
        self.first: dict[str, list] = {}
        for e in entries:
            if e.keys:
                self.first.setdefault(e.keys[0], []).append(e)
        for lst in self.first.values():
            lst.sort(key=lambda e: -len(e.keys))
        # the same lists as (length, keys as a list, entry): a slice of the sentence compares to them as is
        self._rows = {k: [(len(e.keys), list(e.keys), e) for e in lst] for k, lst in self.first.items()}

    def longest(self, keys: list[str], i: int):
        if not isinstance(keys, list):        # a tuple's slice never equals a list
            keys = list(keys)
        for n, row, e in self._rows.get(keys[i], ()):
            if keys[i:i + n] == row:
                return e
        return None

    def matches(self, keys: list[str], start: int = 0, accept=None) -> list[tuple[int, int, Entry]]:
        """The longest match at each position, left to right, never overlapping: (i, j, entry) each.
        After a match the scan goes on at its end; an entry `accept` refuses moves it on by one token."""
        out, free, first = [], start, self.first
        if first.keys().isdisjoint(keys[start:]):
            return out
        for i in range(start, len(keys)):
            if i < free or keys[i] not in first:
                continue
            e = self.longest(keys, i)
            if e is not None and (accept is None or accept(e)):
                out.append((i, i + len(e.keys), e))
                free = i + len(e.keys)
        return out


@dataclass
class Lexicon:
    gazetteer: Trie
    titles: Trie
    org_heads: dict[str, Entry]
    stopwords: dict[str, str]      # key -> class
    ambiguous: frozenset[str]
    initials: frozenset[str] = frozenset()   # पी, बी, एम ... (initials.tsv): an initial only with its dot
    misc: Trie = field(default_factory=lambda: Trie(()))   # named schemes, events, agreements (misc_names.tsv), label MISC
    misc_heads: Trie = field(default_factory=lambda: Trie(()))   # योजना, शिखर सम्मेलन, समझौता ... (misc_heads.tsv, role head)
    misc_openers: Trie = field(default_factory=lambda: Trie(()))   # प्रधानमंत्री, मुख्यमंत्री ... (misc_heads.tsv, role opener)
    title_names: frozenset[tuple[str, ...]] = frozenset()   # names whose first word is no title (title_names.tsv)

    def initial_at(self, keys: list[str], i: int) -> int:
        """End of the dotted initial at token i ("पी." or "पी" "."), or i when there is none."""
        k = keys[i]
        if k.endswith(".") and k[:-1] in self.initials:
            return i + 1
        if k in self.initials and i + 1 < len(keys) and keys[i + 1] == ".":
            return i + 2
        return i

    def is_function_word(self, key: str) -> bool:
        return self.stopwords.get(key) in FUNCTION_CLASSES

    def is_stopword(self, key: str) -> bool:
        return key in self.stopwords or key in self.ambiguous


def _without_honorific(e: Entry, honorifics: set[tuple[str, ...]]) -> Entry:
    """डॉ. एस. जयशंकर -> एस. जयशंकर: a person's span never includes the honorific before it."""
    if e.label != "PER":
        return e
    for h in honorifics:
        if e.keys[:len(h)] == h and len(e.keys) > len(h):
            return Entry(e.keys[len(h):], e.label, e.subtype, e.canonical)
    return e


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA_DIR / name
    return read_tsv(path) if path.exists() else []


@lru_cache(maxsize=1)
def load() -> Lexicon:
    ambiguous = frozenset(match_key(r["name"]) for r in _rows("ambiguous.tsv"))
    gaz = [Entry(key_tokens(r["name"]), r["label"], r["subtype"], r["canonical"])
           for r in _rows("gazetteer.tsv")]
    gaz = [e for e in gaz if not (len(e.keys) == 1 and e.keys[0] in ambiguous)]
    titles = [Entry(key_tokens(r["title"]), "TITLE", r["office"], r["canonical"]) for r in _rows("titles.tsv")]
    honorifics = {t.keys for t in titles if t.subtype == "honorific"}
    gaz = [_without_honorific(e, honorifics) for e in gaz]
    heads = {}
    for r in _rows("org_heads.tsv"):
        k = key_tokens(r["head"])
        heads[" ".join(k)] = Entry(k, r["label"], r["subtype"], "")
    stop = {match_key(r["word"]): r["class"] for r in _rows("stopwords.tsv")}
    initials = frozenset(match_key(r["initial"]) for r in _rows("initials.tsv"))
    misc = [Entry(key_tokens(r["name"]), "MISC", r["subtype"], r["canonical"]) for r in _rows("misc_names.tsv")]
    words = [(key_tokens(r["word"]), r["role"], r["subtype"]) for r in _rows("misc_heads.tsv")]
    misc_heads = Trie(Entry(k, "MISC", sub, "") for k, role, sub in words if role == "head")
    openers = Trie(Entry(k, "OPENER", "", "") for k, role, _ in words if role == "opener")
    title_names = frozenset(key_tokens(r["name"]) for r in _rows("title_names.tsv"))
    return Lexicon(Trie(gaz), Trie(titles), heads, stop, ambiguous, initials, Trie(misc), misc_heads, openers,
                   title_names)

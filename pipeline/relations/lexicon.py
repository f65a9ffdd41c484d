"""The words the relation rules read, all as data: the closed-class lexicon of pipeline/text (case
markers, conjunctions, pronouns, negation ...) as match keys, and the open-class lists of data/
(frames.yaml's triggers, cue words, anaphoric nouns) as phrase matchers. No rule holds a Hindi word."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..entities.gazetteers import Entry, Trie, key_tokens
from ..syntax.features import negation_words
from ..text import closed_class
from ..text.normalize import match_key
from ..text.wordlists import read_tsv

DATA_DIR = Path(__file__).resolve().parent / "data"
LIST_PUNCT = frozenset({",", "-", "–", "—", "/"})       # joins the members of a list or a pair
DASHES = frozenset({"—", "–", "-", ":", "--"})          # opens a list after a noun ("सात देश हैं — ...")


@lru_cache(maxsize=None)
def cc(*classes: str) -> frozenset[str]:
    """The match keys of closed-class words (pipeline/text/data/closed_class.tsv)."""
    return frozenset(match_key(w) for w in closed_class.words(*classes))


@lru_cache(maxsize=None)
def cc_phrases(*classes: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word closed-class forms as key tuples, longest first."""
    return tuple(tuple(match_key(w) for w in p) for p in closed_class.phrases(*classes))


@lru_cache(maxsize=1)
def markers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Case markers by first key, longest first: simple ones, the genitive and compound postpositions."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in cc_phrases("compound_postposition") + tuple((w,) for w in cc("case", "genitive")):
        out.setdefault(p[0], []).append(p)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def coordinators() -> frozenset[str]:
    """And, or and the punctuation that joins list members."""
    return cc("coord") | LIST_PUNCT


@lru_cache(maxsize=1)
def negation() -> frozenset[str]:
    """Negation particles and the cancelling / refusing words of the syntax stage's verb features."""
    return cc("negation") | frozenset(match_key(w) for w in negation_words())


@lru_cache(maxsize=1)
def clause_openers() -> frozenset[str]:
    """Words opening another clause: relative pronouns and subordinators (जो, जिसमें, कि, जबकि)."""
    return cc("relative", "relative_case", "relative_genitive", "subord")


class Phrases:
    """Longest-match lookup of the first column of a TSV of data/, value = second column (or 'yes')."""

    def __init__(self, name: str | None = None, rows: list[tuple[str, str]] | None = None):
        if name is not None:
            table = read_tsv(DATA_DIR / name)
            cols = list(table[0]) if table else ["word"]
            rows = [(r[cols[0]], r[cols[1]] if len(cols) > 1 else "yes") for r in table]
        entries = [Entry(key_tokens(w), val, "", "") for w, val in rows or []]
        self.trie = Trie(entries)
        self.firsts = frozenset(e.keys[0] for e in entries if e.keys)

    def at(self, keys: list[str], i: int) -> tuple[int, str] | None:
        """(length, value) of the longest phrase starting at token i (None past the end)."""
        if not 0 <= i < len(keys) or keys[i] not in self.firsts:
            return None
        e = self.trie.longest(keys, i)
        return (len(e.keys), e.label) if e else None

    def find(self, keys: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, value) of the longest phrase at each position, left to right, never overlapping
        (its callers ask only where a first word is present: View.find, Frame.hits)."""
        out, free, firsts = [], 0, self.firsts
        for i in [i for i, k in enumerate(keys) if k in firsts]:
            if i < free:
                continue
            e = self.trie.longest(keys, i)
            if e:
                free = i + len(e.keys)
                out.append((i, free, e.label))
        return out


@lru_cache(maxsize=None)
def phrases(name: str) -> Phrases:
    return Phrases(name)


@lru_cache(maxsize=1)
def post_qualifiers() -> Phrases:
    """The qualifiers written after an amount (amounts/data/qualifiers.tsv: 'तक', 'से अधिक', 'के करीब')."""
    from ..amounts.word_tables import DATA_DIR as AMOUNTS_DATA
    rows = read_tsv_plain(AMOUNTS_DATA / "qualifiers.tsv")
    return Phrases(rows=[(r[0], r[2]) for r in rows if len(r) > 2 and r[1] == "post"])


def read_tsv_plain(path: Path) -> list[list[str]]:
    """Rows of a headerless tab-separated file ('#' lines are comments)."""
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def words(name: str, column: str = "word") -> frozenset[str]:
    """The match keys of one column of a TSV of data/."""
    return frozenset(match_key(r[column]) for r in read_tsv(DATA_DIR / name))


@lru_cache(maxsize=None)
def table(name: str, key: str, value: str, folder: Path = DATA_DIR) -> dict[str, str]:
    """key column (as match key) -> value column of a TSV of data/ (or of another stage's folder)."""
    return {match_key(r[key]): r[value] for r in read_tsv(folder / name)}


@lru_cache(maxsize=None)
def markers_of(role: str) -> tuple[str, ...]:
    """The case markers (keys joined by spaces) of a role: agent (ने), source (से) ... (marker_roles.tsv)."""
    rows = [r["marker"] for r in read_tsv(DATA_DIR / "marker_roles.tsv") if r["role"] == role]
    if not rows:
        raise KeyError(f"no marker role {role!r} in marker_roles.tsv")
    return tuple(" ".join(match_key(w) for w in m.split()) for m in rows)


def marker(role: str) -> str:
    """The first case marker of a role."""
    return markers_of(role)[0]

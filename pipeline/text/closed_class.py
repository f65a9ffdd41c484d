"""The closed-class words of Hindi (postpositions, auxiliaries, conjunctions, pronouns, negation,
honorifics, digits ...): one table, `data/closed_class.tsv`, and this one loader.

Every stage that needs such a word asks for its class by name; an unknown class is a KeyError that
lists the known ones, so a typo never silently yields an empty set.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .tsv import read_tsv

PATH = Path(__file__).resolve().parent / "data" / "closed_class.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[tuple[str, str], ...]]:
    by_class: dict[str, list[tuple[str, str]]] = {}
    for r in read_tsv(PATH):
        by_class.setdefault(r["class"], []).append((r["form"], r["note"]))
    return {c: tuple(rows) for c, rows in by_class.items()}


def classes() -> tuple[str, ...]:
    return tuple(_table())


def rows(cls: str) -> tuple[tuple[str, str], ...]:
    """(form, note) rows of one class, in file order."""
    table = _table()
    if cls not in table:
        raise KeyError(f"no closed class {cls!r} in {PATH.name}; classes: {', '.join(table)}")
    return table[cls]


@lru_cache(maxsize=None)
def words(*classes_: str) -> frozenset[str]:
    """The forms of one or more classes."""
    return frozenset(form for c in classes_ for form, _ in rows(c))


def word(cls: str) -> str:
    """The one form of a role class (ergative, complementizer ...); an error if it has more or none."""
    forms = rows(cls)
    if len(forms) != 1:
        raise ValueError(f"closed class {cls!r} has {len(forms)} forms in {PATH.name}, a role class has one")
    return forms[0][0]


@lru_cache(maxsize=None)
def endings(*classes_: str) -> tuple[str, ...]:
    """The forms of the classes in file order, as a tuple for str.endswith."""
    return tuple(dict.fromkeys(form for c in classes_ for form, _ in rows(c)))


@lru_cache(maxsize=None)
def phrases(*classes_: str) -> tuple[tuple[str, ...], ...]:
    """Forms of the classes as token tuples, longest first (for longest-match scans)."""
    unique = dict.fromkeys(tuple(form.split()) for c in classes_ for form, _ in rows(c))
    return tuple(sorted(unique, key=len, reverse=True))


@lru_cache(maxsize=1)
def digit_table() -> dict[int, int]:
    """str.translate table from Devanagari digits to ASCII ones."""
    return str.maketrans({form: note for form, note in rows("digit")})


def devanagari_digits() -> str:
    """The ten Devanagari digits in order of value, for regex character classes."""
    return "".join(form for form, _ in sorted(rows("digit"), key=lambda r: int(r[1])))

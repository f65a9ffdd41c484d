"""Verb-group features read from word lists (data/verb_features.tsv): tense, aspect, modality and
negation of a clause. Negation also comes from a cancelling or refusing word anywhere in the clause
(यात्रा रद्द हो गई, जवाब देने से इनकार किया)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..text.normalize import match_key
from ..text.tsv import read_tsv

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class VerbFeatures:
    tense: str = ""         # past | present | future | "" (none written)
    aspect: str = ""        # progressive | completive | ""
    modality: str = ""      # possible | obligation | ""
    negation: str = ""      # not | cancelled | refused | ""


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, str]], list[tuple[str, str, str]]]:
    words, suffixes = {}, []
    for r in read_tsv(DATA_DIR / "verb_features.tsv"):
        if r["match"] == "word":
            words[match_key(r["form"])] = (r["feature"], r["value"])
        else:
            suffixes.append((match_key(r["form"]), r["feature"], r["value"]))
    suffixes.sort(key=lambda x: -len(x[0]))
    return words, suffixes


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(suf for suf, _, _ in _table()[1])


def features_of(verb_keys: list[str], clause_keys: list[str]) -> VerbFeatures:
    """Features of a verb group (its words' keys) inside a clause (all its words' keys)."""
    words, suffixes = _table()
    ends = _suffixes()
    f = VerbFeatures()
    for k in verb_keys:
        hit = words.get(k)
        if hit is None and len(k) > 3 and k.endswith(ends):      # (the precheck: one C call, not a scan)
            hit = next(((feat, val) for suf, feat, val in suffixes if k.endswith(suf)), None)
        if hit:
            feat, val = hit
            if feat == "negation" or not getattr(f, feat):
                setattr(f, feat, val)
    for k in clause_keys:
        hit = words.get(k)
        if hit and hit[0] == "negation" and hit[1] != "not":
            f.negation = hit[1]          # a cancelling / refusing word outside the verb group
    return f


def negation_words() -> frozenset[str]:
    """The words of verb_features.tsv that deny, cancel or refuse (नहीं, रद्द, इनकार ...)."""
    return frozenset(r["form"] for r in read_tsv(DATA_DIR / "verb_features.tsv")
                     if r["feature"] == "negation" and r["match"] == "word")

"""Word lists of the sentence splitter and tokenizer (data/*.tsv, read by the one reader in tsv.py)."""
from __future__ import annotations

from functools import lru_cache

from .normalize import DATA_DIR, match_key
from .tsv import read_tsv

__all__ = ["DATA_DIR", "abbreviations", "clause_final", "read_tsv"]   # read_tsv: the relations code imports it from here


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    return frozenset(match_key(r["abbreviation"]) for r in read_tsv(DATA_DIR / "abbreviations.tsv"))


@lru_cache(maxsize=None)
def clause_final() -> frozenset[str]:
    """One-syllable verb forms that end a clause and are no initial (clause_final_syllables.tsv)."""
    return frozenset(match_key(r["word"]) for r in read_tsv(DATA_DIR / "clause_final_syllables.tsv"))

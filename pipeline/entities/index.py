"""One person (place, organisation) one id across a run: the `index_id` of every entity mention,
and the per-document rows the run's `entity_index` table is merged from (core/tables.py).

How mentions are folded into one entity (docs/entities.md, "The entity index"):
1. Titles are outside the name already (fusion.py cuts प्रधानमंत्री / पीएम / श्री off a PER span), so
   पीएम मोदी, प्रधानमंत्री मोदी and मोदी are all the name मोदी.
2. A gazetteer name carries its canonical English name: every spelling the gazetteer lists for one
   entity (नरेंद्र मोदी, नरेन्द्र मोदी, मोदी, Narendra Modi) is one entity across all documents.
3. Other names are compared after folding their spelling (data/folding.tsv: ऑ/ओ, candra, chandrabindu,
   a nasal consonant before a stop as anusvara; match_key already drops nukta).
4. A one-word person name (a surname: लावरोव) joins the one full name written before it in the same
   document that ends with it (सर्गेई लावरोव). When two people written before it share that surname
   (राहुल गांधी, सोनिया गांधी), the surname alone joins neither, and the two stay apart. (Before it, not
   anywhere: news introduces a person in full first, and a long document read in windows gives the
   same ids as read whole.)
The id is the label and a hash of the folded key: the same name gets the same id in every run.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from ..core.doc import Entity
from ..text.normalize import match_key
from ..text.wordlists import read_tsv
from .gazetteers import DATA_DIR


@lru_cache(maxsize=1)
def _folds() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r["pattern"]), r["replacement"]) for r in read_tsv(DATA_DIR / "folding.tsv")]


def fold_name(text: str) -> str:
    """The spelling-folded form of a name (data/folding.tsv over match_key)."""
    s = match_key(text)
    for rx, repl in _folds():
        s = rx.sub(repl, s)
    return s.strip()


def index_id(label: str, key: str) -> str:
    return f"{label}:{hashlib.sha1(f'{label}|{key}'.encode()).hexdigest()[:10]}"


def _own_key(e: Entity) -> str:
    return f"canonical:{e.canonical}" if e.canonical else f"name:{fold_name(e.text)}"


def assign_index_ids(entities: list[Entity], surnames: dict[str, set[str]] | None = None) -> None:
    """Set `index_id` on every entity of one document, in text order (rules 1-4 of the module docstring).
    `surnames` (folded surname -> the keys of the full names written so far) carries rule 4 from one
    window of a long document to the next (batch/windows.py), so windows give the ids of the whole."""
    full_by_surname = {} if surnames is None else surnames
    for e in entities:
        key, words = _own_key(e), fold_name(e.text).split()
        if e.label == "PER" and len(words) > 1:
            full_by_surname.setdefault(words[-1], set()).add(key)
        elif e.label == "PER" and len(words) == 1 and len(full_by_surname.get(words[0], ())) == 1:
            key = next(iter(full_by_surname[words[0]]))
        e.index_id = index_id(e.label, key)

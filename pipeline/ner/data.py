"""Reading the NER corpora (IL-NER Hindi, HiNER) and mapping their tags onto PER / LOC / ORG.

Both corpora are `token<TAB>tag` a line with a blank line between sentences. Tags:

* IL-NER: NEP person, NEL location, NEO organisation -> PER / LOC / ORG; NEN number, NETI time,
  NEAR artefact, NEU unit (and anything unknown, e.g. a stray "B-NED") -> O.
  Malformed tags occur: "-" (-> O) and "-NEL" with no B/I letter (-> B-, or I- when the previous
  token carries the same type).
* HiNER collapsed: B-/I-PERSON, LOCATION, ORGANIZATION.

After mapping, an I-X that does not continue an X entity is turned into B-X (conlleval's reading),
so every sequence is valid BIO. Stanza itself converts BIO to BIOES when it loads the JSON.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

LABELS = ("PER", "LOC", "ORG")

TYPE_MAP = {
    "NEP": "PER", "NEL": "LOC", "NEO": "ORG",
    "PER": "PER", "LOC": "LOC", "ORG": "ORG",
    "PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
}

Sentence = tuple[list[str], list[str]]   # (tokens, BIO tags over PER/LOC/ORG)


def read_columns(path: str | Path) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (tokens, raw_tags) per sentence. Lines without a tag or with an empty token are dropped."""
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                parts = line.split()
            if len(parts) < 2:
                continue            # a lone tag or token: nothing usable
            tok, tag = parts[0].strip(), parts[-1].strip()
            if not tok:
                continue
            tokens.append(tok)
            tags.append(tag)
    if tokens:
        yield tokens, tags


def _split_tag(tag: str) -> tuple[str, str | None]:
    """'B-NEP' -> ('B', 'NEP'); '-NEL' -> ('', 'NEL'); 'O' / '-' / '' -> ('O', None)."""
    tag = tag.strip()
    if tag in ("", "O", "-", "0"):
        return "O", None
    if "-" in tag:
        prefix, _, typ = tag.partition("-")
        prefix = prefix.upper()
        if prefix in ("B", "I", "E", "S", ""):
            return prefix, typ.upper() or None
        return "O", None
    return "B", tag.upper()   # a bare type ("NEP"): treat as a one-token start


def map_tags(raw: Iterable[str]) -> list[str]:
    """Map raw corpus tags to valid BIO over PER/LOC/ORG."""
    out: list[str] = []
    prev_type: str | None = None      # mapped type of the previous token (None = O)
    prev_raw_type: str | None = None
    for tag in raw:
        prefix, typ = _split_tag(tag)
        label = TYPE_MAP.get(typ) if typ else None
        if label is None:
            out.append("O")
        else:
            if prefix in ("B", "S"):
                bio = "B"
            elif prefix in ("I", "E"):
                bio = "I" if prev_type == label else "B"
            else:  # malformed "-NEL": continue only a same-typed entity
                bio = "I" if (prev_type == label and prev_raw_type == typ) else "B"
            out.append(f"{bio}-{label}")
        prev_type, prev_raw_type = label, typ
    return out


def load(path: str | Path) -> list[Sentence]:
    return [(toks, map_tags(tags)) for toks, tags in read_columns(path)]


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO(ES) tags -> [(start, end_exclusive, label)], conlleval reading (stray I- starts a chunk)."""
    result = []
    start, label = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, typ = _split_tag(tag) if tag not in ("O", "") else ("O", None)
        if typ is None or prefix in ("B", "S", "") or typ != label:
            if label is not None:
                result.append((start, i, label))
            start, label = (i, typ) if typ is not None else (None, None)
        # else: I-/E- continuing the open chunk
        if prefix in ("S", "E") and label is not None:
            result.append((start, i + 1, label))
            start, label = None, None
    return result


def write_stanza_json(sentences: Iterable[Sentence], path: str | Path) -> int:
    doc = [[{"text": t, "ner": g} for t, g in zip(toks, tags)] for toks, tags in sentences]
    Path(path).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return len(doc)

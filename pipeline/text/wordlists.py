"""Word lists as data: the TSV reader, and the lists of the sentence splitter and tokenizer."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .normalize import match_key

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header; '#' lines before the header are comments."""
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or (header is None and line.startswith("#")):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                raise ValueError(f"{path}:{n}: {len(cells)} cells, header has {len(header)}")
            rows.append(dict(zip(header, cells)))
    return rows


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    return frozenset(match_key(r["abbreviation"]) for r in read_tsv(DATA_DIR / "abbreviations.tsv"))

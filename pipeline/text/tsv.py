"""The one reader of the tab-separated data files (word lists, grammar tables) of every package.

Blank lines and lines starting with '#' (comments; a header written as a comment) are skipped.
`read_tsv` takes the first remaining line as the header and checks every row against it;
`read_rows` returns the cells of header-less files, rows of any length.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator


def _data_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of each data line."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield n, line.split("\t")


def read_rows(path: Path) -> list[list[str]]:
    """The cells of each data line of a file without a header line."""
    return [cells for _, cells in _data_lines(path)]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a file with a header line, as dicts; a row with another number of cells is an error
    naming the file and line."""
    rows: list[dict[str, str]] = []
    header = None
    for n, cells in _data_lines(path):
        if header is None:
            header = cells
        elif len(cells) != len(header):
            raise ValueError(f"{path}:{n}: {len(cells)} cells, header has {len(header)}")
        else:
            rows.append(dict(zip(header, cells)))
    return rows

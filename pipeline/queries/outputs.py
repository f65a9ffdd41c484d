"""The tables of a run, for the analyst notebook: where they are (`outputs_dir`), all of them as
DataFrames (`load_outputs`), what each holds (`data_dictionary`), the same data in SQL with DuckDB
(`duckdb_example`) and what a spreadsheet sees in a CSV of ours (`csv_check`)."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ..core.tables import ALL_TABLES, COLUMNS, CSV_ENCODING, read_table

Tables = dict[str, pd.DataFrame]

# one line per table for the notebook's data dictionary (columns: pipeline/core/tables.py; details:
# docs/data-dictionary.md)
TABLE_NOTES = {
    "documents": "one row per input file: encoding, size, row counts of the other tables",
    "sentences": "sentence spans of each document",
    "tokens": "word / number / punctuation spans",
    "entities": "people (PER), places (LOC), organisations (ORG) with a canonical English name",
    "amounts": "numbers, money, percentages, dates, fiscal years; exact values",
    "relations": "typed facts: meets, summit, visits, trade, exports, imports, investment ...",
    "triples": "open (head, relation, tail) facts for what no typed rule covers",
    "errors": "files that could not be processed, and why",
    "entity_index": "one row per person, place, organisation across the run: its id, names, counts, dates",
}


def outputs_dir(start: str | Path | None = None) -> Path:
    """The folder of tables to analyse: $HINDI_EXTRACT_OUTPUTS, else the nearest `outputs/`
    folder at or above `start` (default: the current folder)."""
    env = os.environ.get("HINDI_EXTRACT_OUTPUTS")
    if env:
        return Path(env)
    here = Path(start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / "outputs" / "documents.csv").exists():
            return d / "outputs"
    raise FileNotFoundError(f"no outputs/documents.csv at or above {here}; run `hindi-extract run corpus "
                            "--out outputs` or set HINDI_EXTRACT_OUTPUTS")


def load_outputs(out_dir: str | Path) -> Tables:
    """Every table of a run as a DataFrame (text and exact-number columns as strings)."""
    out_dir = Path(out_dir)
    missing = [t for t in ALL_TABLES if not (out_dir / f"{t}.csv").exists()]
    if missing:
        raise FileNotFoundError(f"{out_dir} lacks {', '.join(m + '.csv' for m in missing)} (tables of an older "
                                "version: run `hindi-extract run` again)")
    return {t: read_table(out_dir, t) for t in ALL_TABLES}


def data_dictionary(t: Tables) -> pd.DataFrame:
    """The tables in brief: rows, what a row is, and the columns."""
    return pd.DataFrame([dict(table=name, rows=len(t[name]), what=TABLE_NOTES[name],
                              columns=", ".join(COLUMNS[name])) for name in ALL_TABLES]).set_index("table")


DUCKDB_SQL = """\
SELECT r.doc_id, r.predicate, r.subject, r.object AS amount,
       CAST(a.normalized_value AS DECIMAL(38, 2)) AS value, a.currency, r.period
FROM '{relations}' AS r
JOIN '{amounts}' AS a ON a.amount_id = r.object_id
WHERE r.predicate IN ('bilateral_trade', 'trade', 'exports', 'imports')
ORDER BY r.doc_id, r.relation_id
"""


def duckdb_example(out_dir: str | Path, sql: str = DUCKDB_SQL) -> pd.DataFrame:
    """Run `sql` with DuckDB over the tables' Parquet files (CSV where no Parquet was written).
    `{relations}`, `{amounts}` ... in the SQL become the files' paths. Needs `pip install duckdb`."""
    try:
        import duckdb  # optional dependency: the analysts' extra
    except ImportError:
        return pd.DataFrame({"note": ["DuckDB is not installed: pip install duckdb"]})
    out_dir = Path(out_dir)
    paths = {}
    for t in ALL_TABLES:
        pq = out_dir / f"{t}.parquet"
        paths[t] = (pq if pq.exists() else out_dir / f"{t}.csv").as_posix().replace("'", "''")
    with duckdb.connect() as con:
        return con.execute(sql.format(**paths)).df()


def csv_check(path: str | Path) -> dict:
    """What a spreadsheet sees in a CSV of ours: the BOM, and whether the bytes decode as UTF-8."""
    data = Path(path).read_bytes()
    try:
        data.decode(CSV_ENCODING)
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    return dict(file=Path(path).name, bytes=len(data), utf8_bom=data.startswith(b"\xef\xbb\xbf"), utf8=utf8)

"""Rendering one table's rows of a batch run: CSV lines (spreadsheet-escaped or not) and Arrow
tables with the Parquet schema (pipeline/batch/run.py, docs/batch.md)."""
from __future__ import annotations

import csv
import io

from ..core.tables import COLUMNS, escape_cell

INT_COLUMNS = {"index", "start", "end", "bytes", "chars", "n_sentences", "n_tokens", "n_entities", "n_amounts",
               "n_relations", "n_triples", "source_url_start", "source_url_end", "dateline_start", "dateline_end",
               "role_start", "role_end", "offset", "n_mentions", "n_documents"}
FLOAT_COLUMNS = {"score"}


def _cell(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return "" if v != v else repr(v)
    return v if isinstance(v, str) else str(v)


# RFC 4180 line ends: the csv module then also quotes cells holding a lone CR (with "\n" as line
# end it would not, and a reader would split the row there)
CSV_EOL = "\r\n"


def render_header(table: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=CSV_EOL).writerow(COLUMNS[table])
    return buf.getvalue()


def render_csv(table: str, rows: list[dict], escape: bool) -> str:
    """CSV lines (no header) of one document's rows of one table."""
    if not rows:
        return ""
    cols = COLUMNS[table]
    text_cols = [c not in INT_COLUMNS and c not in FLOAT_COLUMNS for c in cols]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=CSV_EOL)
    for r in rows:
        vals = [_cell(r.get(c)) for c in cols]
        if escape:
            vals = [escape_cell(v) if tc else v for v, tc in zip(vals, text_cols)]
        w.writerow(vals)
    return buf.getvalue()


def arrow_schema(table: str):
    import pyarrow as pa
    return pa.schema([(c, pa.int64() if c in INT_COLUMNS else pa.float64() if c in FLOAT_COLUMNS
                       else pa.string()) for c in COLUMNS[table]])


def columns(table: str, rows: list[dict]) -> dict[str, list]:
    """The rows as one list per column (the table's columns only): what a cache entry stores."""
    return {c: [r.get(c) for r in rows] for c in COLUMNS[table]}


def rows_of(cols: dict[str, list]) -> list[dict]:
    names = list(cols)
    return [dict(zip(names, vals)) for vals in zip(*cols.values())]


def arrow_table(table: str, cols: dict[str, list]):
    """An Arrow table with the Parquet schema from columns (`columns`); values of another type
    than their column's are converted (an int in a text column becomes its str)."""
    import pyarrow as pa
    schema = arrow_schema(table)
    cols = cols or {c: [] for c in COLUMNS[table]}
    try:
        return pa.Table.from_pydict(cols, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        return pa.Table.from_pydict({f.name: [_fit(f.type, v) for v in cols[f.name]] for f in schema},
                                    schema=schema)


def _fit(kind, v):
    import pyarrow as pa
    if v is None:
        return None
    if pa.types.is_string(kind) and not isinstance(v, str):
        return str(v)
    if pa.types.is_int64(kind):
        return int(v)
    if pa.types.is_float64(kind):
        return float(v)
    return v

"""The single owner of every output table's columns, and of how tables are written.

Every span table has doc_id, <table>_id, start, end, text, where start/end index the ORIGINAL
document text (text == document_text[start:end]). Exact numbers (int / Decimal) are written as
their exact decimal strings. CSV files are UTF-8 with a BOM (utf-8-sig): spreadsheets then
detect the encoding and show Hindi correctly, and pandas' read_csv strips the BOM by itself.

Formula neutralisation (OWASP "CSV injection"): by default every TEXT cell of a CSV that starts
with = + - @ TAB or CR (which a spreadsheet may run as a formula), or with ' (so the escape can
be undone exactly), gets a leading apostrophe: "=SUM(A1)" -> "'=SUM(A1)". A cell of ONE such
character ("-" "+" "=" "@") cannot hold a formula and is left alone. Numeric columns are never
escaped. `read_table` undoes the escape, so `text == document_text[start:end]` holds again;
`write_table(..., csv_escape=False)` (CLI: --no-csv-escape) writes raw cells for pandas users.
Parquet is never escaped.
"""
from __future__ import annotations

import os
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .doc import Document, Entity

if TYPE_CHECKING:   # imported where a frame is made: a worker process never needs pandas (0.26 s to import)
    import pandas as pd

CSV_ENCODING = "utf-8-sig"

COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "path", "encoding", "bytes", "chars", "sha256", "n_sentences", "n_tokens",
                  "n_entities", "n_amounts", "n_relations", "n_triples", "source_url", "source_url_start",
                  "source_url_end", "dateline", "dateline_start", "dateline_end", "dateline_place",
                  "dateline_date", "reference_date", "reference_source"],
    "sentences": ["doc_id", "sentence_id", "index", "start", "end", "text"],
    "tokens": ["doc_id", "token_id", "sentence_id", "index", "start", "end", "text", "kind"],
    "entities": ["doc_id", "entity_id", "sentence_id", "start", "end", "text", "label", "subtype",
                 "canonical", "source", "score", "role", "role_start", "role_end", "index_id"],
    "amounts": ["doc_id", "amount_id", "sentence_id", "start", "end", "text", "kind", "value", "value_min",
                "value_max", "currency", "unit", "scale", "qualifier", "normalized_value", "resolved", "anchor"],
    "relations": ["doc_id", "relation_id", "sentence_id", "start", "end", "text", "subject", "subject_id",
                  "predicate", "object", "object_id", "counterpart", "counterpart_id", "period", "period_value",
                  "aspect", "modality", "polarity", "attributed_to", "qualifier", "rule", "score"],
    "triples": ["doc_id", "triple_id", "sentence_id", "start", "end", "text", "head", "relation", "tail",
                "rule"],
    "errors": ["doc_id", "path", "stage", "kind", "offset", "reason"],
}
TABLES = list(COLUMNS)
# tables of the whole run, merged across documents (not one document's rows)
RUN_COLUMNS: dict[str, list[str]] = {
    "entity_index": ["index_id", "label", "subtype", "canonical", "name", "aliases", "n_mentions", "n_documents",
                     "first_date", "last_date"],
}
RUN_TABLES = list(RUN_COLUMNS)
COLUMNS.update(RUN_COLUMNS)
ALL_TABLES = TABLES + RUN_TABLES
INDEX_PARTS = "_entity_index_parts"    # document_rows' key of a document's mergeable entity_index rows
# columns holding exact numbers that may be Decimal: kept as strings in every format
EXACT_COLUMNS = {"value", "value_min", "value_max", "normalized_value"}


def _exact(v):
    if v is None:
        return None
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v == v.to_integral_value() else format(v, "f")
    return str(v)


def document_rows(doc: Document) -> dict[str, list[dict]]:
    d = doc.doc_id
    url = (doc.metadata.get("source_urls") or [{}])[-1]
    line = doc.metadata.get("dateline") or {}
    ref = doc.metadata.get("reference") or {}
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["documents"].append(dict(
        doc_id=d, path=doc.path, encoding=doc.encoding, bytes=doc.metadata.get("bytes"), chars=len(doc.text),
        sha256=doc.metadata.get("sha256", ""), n_sentences=len(doc.sentences), n_tokens=len(doc.tokens),
        n_entities=len(doc.entities), n_amounts=len(doc.amounts), n_relations=len(doc.relations),
        n_triples=len(doc.triples), source_url=url.get("text", ""), source_url_start=url.get("start"),
        source_url_end=url.get("end"), dateline=line.get("text", ""), dateline_start=line.get("start"),
        dateline_end=line.get("end"), dateline_place=line.get("place", ""), dateline_date=line.get("date", ""),
        reference_date=ref.get("date", ""), reference_source=ref.get("source", "")))
    for s in doc.sentences:
        rows["sentences"].append(dict(doc_id=d, sentence_id=s.id, index=s.index, start=s.start, end=s.end,
                                      text=s.text))
    for t in doc.tokens:
        rows["tokens"].append(dict(doc_id=d, token_id=t.id, sentence_id=t.sentence_id, index=t.index,
                                   start=t.start, end=t.end, text=t.text, kind=t.kind))
    for e in doc.entities:
        rows["entities"].append(dict(doc_id=d, entity_id=e.id, sentence_id=e.sentence_id, start=e.start,
                                     end=e.end, text=e.text, label=e.label, subtype=e.subtype,
                                     canonical=e.canonical, source=e.source, score=e.score, role=e.role,
                                     role_start=e.role_start if e.role else None,
                                     role_end=e.role_end if e.role else None, index_id=e.index_id))
    for a in doc.amounts:
        rows["amounts"].append(dict(doc_id=d, amount_id=a.id, sentence_id=a.sentence_id, start=a.start,
                                    end=a.end, text=a.text, kind=a.kind, value=_exact(a.value),
                                    value_min=_exact(a.value_min), value_max=_exact(a.value_max),
                                    currency=a.currency, unit=a.unit, scale=a.scale, qualifier=a.qualifier,
                                    normalized_value=_exact(a.normalized_value), resolved=a.resolved,
                                    anchor=a.anchor))
    for r in doc.relations:
        rows["relations"].append(dict(doc_id=d, relation_id=r.id, sentence_id=r.sentence_id, start=r.start,
                                      end=r.end, text=r.text, subject=r.subject, subject_id=r.subject_id,
                                      predicate=r.predicate, object=r.object, object_id=r.object_id,
                                      counterpart=r.counterpart, counterpart_id=r.counterpart_id, period=r.period,
                                      period_value=r.period_value, aspect=r.aspect,
                                      modality=r.modality, polarity=r.polarity, attributed_to=r.attributed_to,
                                      qualifier=r.qualifier, rule=r.rule, score=r.score))
    parts = document_index_rows(doc.entities, ref.get("date", ""))
    rows["entity_index"] = entity_index_rows([parts])      # this document alone, as the run's table has it
    rows[INDEX_PARTS] = parts                              # what a batch run merges across documents
    for t in doc.triples:
        rows["triples"].append(dict(doc_id=d, triple_id=t.id, sentence_id=t.sentence_id, start=t.start,
                                    end=t.end, text=t.text, head=t.head, relation=t.relation, tail=t.tail,
                                    rule=t.rule))
    return rows


class EntityIndex:
    """The run's entity_index table, merged from each document's index rows (entities/index.py) as
    they stream past: memory grows with the distinct entities, not the documents. The rows come out
    in one order whatever the order documents were added in."""

    def __init__(self) -> None:
        self.acc: dict[str, dict] = {}

    def add(self, rows: list[dict]) -> None:
        for r in rows:
            a = self.acc.get(r["index_id"])
            if a is None:
                self.acc[r["index_id"]] = dict(r, names=Counter(r["names"]), subtypes=Counter(r["subtypes"]))
                continue
            a["names"].update(r["names"])
            a["subtypes"].update(r["subtypes"])
            a["canonical"] = a["canonical"] or r["canonical"]
            a["n_mentions"] += r["n_mentions"]
            a["n_documents"] += r["n_documents"]
            dates = [d for d in (a["first_date"], a["last_date"], r["first_date"], r["last_date"]) if d]
            a["first_date"], a["last_date"] = (min(dates), max(dates)) if dates else ("", "")

    def rows(self) -> list[dict]:
        out = []
        for iid, a in self.acc.items():
            names = sorted(a["names"].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
            subtype = min(a["subtypes"].items(), key=lambda kv: (-kv[1], kv[0]))[0] if a["subtypes"] else ""
            out.append(dict(index_id=iid, label=a["label"], subtype=subtype, canonical=a["canonical"],
                            name=names[0][0], aliases="|".join(sorted(a["names"])), n_mentions=a["n_mentions"],
                            n_documents=a["n_documents"], first_date=a["first_date"], last_date=a["last_date"]))
        return sorted(out, key=lambda r: (r["label"], -r["n_mentions"], r["index_id"]))


def document_index_rows(entities: list[Entity], date: str) -> list[dict]:
    """One row per index id of one document: what the run's entity_index merges (its names counted,
    the document's reference date as first and last date)."""
    groups: dict[str, list[Entity]] = {}
    for e in entities:
        groups.setdefault(e.index_id, []).append(e)
    rows = []
    for iid, ents in groups.items():
        rows.append(dict(index_id=iid, label=ents[0].label,
                         subtypes=Counter(e.subtype for e in ents if e.subtype),
                         canonical=next((e.canonical for e in ents if e.canonical), ""),
                         names=Counter(e.text for e in ents), n_mentions=len(ents), n_documents=1,
                         first_date=date, last_date=date))
    return rows


def entity_index_rows(per_document: list[list[dict]]) -> list[dict]:
    """The entity_index rows of the documents whose index parts (document_rows' INDEX_PARTS) are given."""
    index = EntityIndex()
    for rows in per_document:
        index.add(rows)
    return index.rows()


def error_row(doc_id: str, path: str, stage: str, kind: str, reason: str, offset: int | None = None) -> dict:
    return dict(doc_id=doc_id, path=path, stage=stage, kind=kind, offset=offset, reason=reason)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def escape_cell(v):
    """Neutralise one CSV text cell (see the module docstring); non-strings pass through."""
    if isinstance(v, str) and v and (v[0] == ESCAPE or (v[0] in FORMULA_START and len(v) > 1)):
        return ESCAPE + v
    return v


def unescape_cell(v):
    """Inverse of escape_cell on a cell read back from an escaped CSV."""
    if isinstance(v, str) and v[:1] == ESCAPE:
        return v[1:]
    return v


def escape_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of df with every text column neutralised for spreadsheets."""
    import pandas as pd
    df = df.copy()
    for col in df.columns:
        if df[col].dtype == object or isinstance(df[col].dtype, pd.StringDtype):
            df[col] = df[col].map(escape_cell, na_action="ignore").astype(df[col].dtype)
    return df


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    import pandas as pd
    df = pd.DataFrame(rows, columns=COLUMNS[table])
    for col in df.columns:
        if col in EXACT_COLUMNS or df[col].dtype == object:
            df[col] = df[col].astype("string")
        elif col in ("offset", "role_start", "role_end", "source_url_start", "source_url_end", "dateline_start",
                     "dateline_end", "bytes"):
            df[col] = df[col].astype("Int64")
    return df


def _umask() -> int:
    old = os.umask(0o022)
    os.umask(old)
    return old


_UMASK = _umask()


def atomic_write(path: Path, write) -> None:
    """Write through a temporary file in the same folder, fsync, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs get the usual permissions
        write(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (best effort: not every OS can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_table(df: pd.DataFrame, out_dir: Path, table: str, formats=("csv",), csv_escape: bool = True
                ) -> list[Path]:
    written = []
    for fmt in formats:
        path = Path(out_dir) / f"{table}.{fmt}"
        if fmt == "csv":
            cdf = escape_frame(df) if csv_escape else df
            atomic_write(path, lambda tmp: cdf.to_csv(tmp, index=False, encoding=CSV_ENCODING, lineterminator="\r\n"))
        elif fmt == "parquet":
            atomic_write(path, lambda tmp: df.to_parquet(tmp, index=False))
        else:
            raise ValueError(f"unknown format {fmt!r} (csv, parquet)")
        written.append(path)
    return written


def csv_escaped(out_dir: Path) -> bool:
    """Whether the CSVs in out_dir were written with formula neutralisation (the default).

    A batch run records its choice in OUT/manifest.json; without one, escaped is assumed."""
    import json
    try:
        return bool(json.loads((Path(out_dir) / "manifest.json").read_text("utf-8")).get("csv_escape", True))
    except (OSError, ValueError):
        return True


def read_table(out_dir: Path, table: str, csv_escape: bool | None = None) -> pd.DataFrame:
    """Read a table back with exact-number and text columns as strings, formula escape undone.

    csv_escape: whether the file was written escaped; None reads OUT/manifest.json (default True)."""
    import pandas as pd
    path = Path(out_dir) / f"{table}.csv"
    dtypes = {c: "string" for c in COLUMNS[table] if c in EXACT_COLUMNS or c in ("text", "doc_id")}
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    if csv_escape is None:
        csv_escape = csv_escaped(out_dir)
    if csv_escape:
        for col in df.columns:
            if df[col].dtype == object or isinstance(df[col].dtype, pd.StringDtype):
                df[col] = df[col].map(unescape_cell, na_action="ignore").astype(df[col].dtype)
    return df

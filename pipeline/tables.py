"""The single owner of every output table's columns, and of how tables are written.

Every span table has doc_id, <table>_id, start, end, text, where start/end index the ORIGINAL
document text (text == document_text[start:end]). Exact numbers (int / Decimal) are written as
their exact decimal strings. CSV files are UTF-8 with a BOM (utf-8-sig): spreadsheets then
detect the encoding and show Hindi correctly, and pandas' read_csv strips the BOM by itself.
"""
from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path

import pandas as pd

from .doc import Document

CSV_ENCODING = "utf-8-sig"

COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "path", "encoding", "bytes", "chars", "sha256", "n_sentences", "n_tokens",
                  "n_entities", "n_amounts", "n_relations", "n_triples", "source_url", "source_url_start",
                  "source_url_end"],
    "sentences": ["doc_id", "sentence_id", "index", "start", "end", "text"],
    "tokens": ["doc_id", "token_id", "sentence_id", "index", "start", "end", "text", "kind"],
    "entities": ["doc_id", "entity_id", "sentence_id", "start", "end", "text", "label", "subtype",
                 "canonical", "source", "score", "role", "role_start", "role_end"],
    "amounts": ["doc_id", "amount_id", "sentence_id", "start", "end", "text", "kind", "value", "value_min",
                "value_max", "currency", "unit", "scale", "qualifier", "normalized_value"],
    "relations": ["doc_id", "relation_id", "sentence_id", "start", "end", "text", "subject", "subject_id",
                  "predicate", "object", "object_id", "period", "qualifier", "rule", "score"],
    "triples": ["doc_id", "triple_id", "sentence_id", "start", "end", "text", "head", "relation", "tail",
                "rule"],
    "errors": ["doc_id", "path", "stage", "kind", "offset", "reason"],
}
TABLES = list(COLUMNS)
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
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["documents"].append(dict(
        doc_id=d, path=doc.path, encoding=doc.encoding, bytes=doc.metadata.get("bytes"), chars=len(doc.text),
        sha256=doc.metadata.get("sha256", ""), n_sentences=len(doc.sentences), n_tokens=len(doc.tokens),
        n_entities=len(doc.entities), n_amounts=len(doc.amounts), n_relations=len(doc.relations),
        n_triples=len(doc.triples), source_url=url.get("text", ""), source_url_start=url.get("start"),
        source_url_end=url.get("end")))
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
                                     role_end=e.role_end if e.role else None))
    for a in doc.amounts:
        rows["amounts"].append(dict(doc_id=d, amount_id=a.id, sentence_id=a.sentence_id, start=a.start,
                                    end=a.end, text=a.text, kind=a.kind, value=_exact(a.value),
                                    value_min=_exact(a.value_min), value_max=_exact(a.value_max),
                                    currency=a.currency, unit=a.unit, scale=a.scale, qualifier=a.qualifier,
                                    normalized_value=_exact(a.normalized_value)))
    for r in doc.relations:
        rows["relations"].append(dict(doc_id=d, relation_id=r.id, sentence_id=r.sentence_id, start=r.start,
                                      end=r.end, text=r.text, subject=r.subject, subject_id=r.subject_id,
                                      predicate=r.predicate, object=r.object, object_id=r.object_id,
                                      period=r.period, qualifier=r.qualifier, rule=r.rule, score=r.score))
    for t in doc.triples:
        rows["triples"].append(dict(doc_id=d, triple_id=t.id, sentence_id=t.sentence_id, start=t.start,
                                    end=t.end, text=t.text, head=t.head, relation=t.relation, tail=t.tail,
                                    rule=t.rule))
    return rows


def error_row(doc_id: str, path: str, stage: str, kind: str, reason: str, offset: int | None = None) -> dict:
    return dict(doc_id=doc_id, path=path, stage=stage, kind=kind, offset=offset, reason=reason)


def frame(table: str, rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=COLUMNS[table])
    for col in df.columns:
        if col in EXACT_COLUMNS or df[col].dtype == object:
            df[col] = df[col].astype("string")
        elif col in ("offset", "role_start", "role_end", "source_url_start", "source_url_end", "bytes"):
            df[col] = df[col].astype("Int64")
    return df


def atomic_write(path: Path, write) -> None:
    """Write through a temporary file in the same folder, fsync, then rename over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_table(df: pd.DataFrame, out_dir: Path, table: str, formats=("csv",)) -> list[Path]:
    written = []
    for fmt in formats:
        path = Path(out_dir) / f"{table}.{fmt}"
        if fmt == "csv":
            atomic_write(path, lambda tmp: df.to_csv(tmp, index=False, encoding=CSV_ENCODING))
        elif fmt == "parquet":
            atomic_write(path, lambda tmp: df.to_parquet(tmp, index=False))
        else:
            raise ValueError(f"unknown format {fmt!r} (csv, parquet)")
        written.append(path)
    return written


def read_table(out_dir: Path, table: str) -> pd.DataFrame:
    """Read a table back with exact-number and text columns as strings."""
    path = Path(out_dir) / f"{table}.csv"
    dtypes = {c: "string" for c in COLUMNS[table] if c in EXACT_COLUMNS or c in ("text", "doc_id")}
    return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])

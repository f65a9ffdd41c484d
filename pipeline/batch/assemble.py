"""Assembling a generation of a batch run: every table streamed from the per-document caches in
doc_id order (CSV, Parquet files, a Parquet dataset) plus the per-document index, each file
hashed and fsynced for the manifest. Memory stays that of one cache entry's chunk and of the rows
buffered for Parquet (flushed every CHUNK_DOCS documents, or sooner past BUFFER_ROWS)."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..core.tables import RUN_TABLES, TABLES, EntityIndex
from .entry import column_parts, csv_of, index_parts
from .manifest_format import DOC_INDEX, file_sha256
from .render import arrow_schema, arrow_table, columns, render_csv, render_header
from .store import Store, crashpoint

CHUNK_DOCS = 256          # documents per parquet row group / dataset part
BUFFER_ROWS = 200_000     # rows of one table buffered for Parquet at most (a long document's)


class _HashedFile:
    def __init__(self, path: Path, bom: bool):
        self.path, self.f, self.h, self.n = path, open(path, "wb"), hashlib.sha256(), 0
        if bom:
            self.write_bytes(b"\xef\xbb\xbf")

    def write_bytes(self, b: bytes) -> None:
        self.f.write(b)
        self.h.update(b)
        self.n += len(b)

    def write(self, s: str) -> None:
        if s:
            self.write_bytes(s.encode("utf-8"))

    def close(self) -> dict:
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()
        return {"sha256": self.h.hexdigest(), "bytes": self.n}


class _Parquet:
    """The Parquet outputs of a generation: OUT/<table>.parquet and/or the dataset
    OUT/parquet/<table>/part-NNNNN.parquet (a part per CHUNK_DOCS documents), fed columns."""

    def __init__(self, gen: Path, single: bool, dataset: bool):
        import pyarrow.parquet as pq  # only here: ~50 MB less in a CSV-only run
        self.pq, self.gen, self.single, self.dataset = pq, gen, single, dataset
        self.buf = {t: {} for t in TABLES}
        self.rows = {t: 0 for t in TABLES}
        self.files: dict = {}      # table -> ParquetWriter of OUT/<table>.parquet
        self.parts: dict = {}      # table -> ParquetWriter of its open dataset part
        self.names: dict[str, list[str]] = {t: [] for t in TABLES}

    def add(self, part: dict[str, dict[str, list]]) -> None:
        for t, cols in part.items():
            buf = self.buf[t]
            for c, vals in cols.items():
                buf.setdefault(c, []).extend(vals)
            self.rows[t] += len(next(iter(cols.values()), []))
            if self.rows[t] >= BUFFER_ROWS:
                self._flush(t)

    def end_part(self, final: bool = False) -> None:
        for t in TABLES:
            if self.rows[t] or (final and self.dataset and not self.names[t] and t not in self.parts):
                self._flush(t)
            if t in self.parts:
                self.parts.pop(t).close()

    def _flush(self, t: str) -> None:
        tbl = arrow_table(t, self.buf[t])
        if self.single:
            if t not in self.files:
                self.files[t] = self.pq.ParquetWriter(self.gen / f"{t}.parquet", arrow_schema(t))
            self.files[t].write_table(tbl)
        if self.dataset:
            if t not in self.parts:
                name = f"parquet/{t}/part-{len(self.names[t]):05d}.parquet"
                (self.gen / name).parent.mkdir(parents=True, exist_ok=True)
                self.parts[t] = self.pq.ParquetWriter(self.gen / name, arrow_schema(t))
                self.names[t].append(name)
            self.parts[t].write_table(tbl)
        self.buf[t], self.rows[t] = {}, 0

    def close(self, counts: dict[str, int]) -> dict[str, dict]:
        self.end_part(final=True)
        for w in self.files.values():
            w.close()
        files = {}
        if self.single:
            for t in TABLES:
                if t not in self.files:   # no rows at all
                    self.pq.write_table(arrow_table(t, {}), self.gen / f"{t}.parquet")
                files[f"{t}.parquet"] = dict(_hashed(self.gen / f"{t}.parquet"), rows=counts[t])
        for t in TABLES:
            for name in self.names[t]:
                files[name] = _hashed(self.gen / name)
        return files


def _hashed(path: Path) -> dict:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
    sha, n = file_sha256(path)
    return {"sha256": sha, "bytes": n}


def assemble(store: Store, gen: Path, docs, formats: tuple[str, ...], escape: bool):
    """Write every table of `docs` (sized, iterating (doc_id, key) in doc_id order: a list, a
    batch/ledger.py Ledger) into gen/ from the caches.
    The per-document index (content sha256, cache key, row counts, error flags) is streamed to
    gen/docs.jsonl, not held in memory. Returns (files {name: {sha256, bytes[, rows]}}, table row
    counts, number of documents, number of documents in errors)."""
    want_pq, want_ds = "parquet" in formats, "parquet-dataset" in formats
    parquet = _Parquet(gen, want_pq, want_ds) if want_pq or want_ds else None
    csv_files = {t: _HashedFile(gen / f"{t}.csv", bom=True) for t in TABLES}
    for t, f in csv_files.items():
        f.write(render_header(t))
    counts = {t: 0 for t in TABLES}
    index = _HashedFile(gen / DOC_INDEX, bom=False)
    entity_index = EntityIndex()
    n_failed, n_docs = 0, len(docs)
    for i, (doc_id, key) in enumerate(docs):
        e = store.get(key)
        if e is None:
            raise RuntimeError(f"cache entry for {doc_id} vanished during the run")
        for t, lines in csv_of(e, escape):
            csv_files[t].write_bytes(lines)
        if parquet is not None:
            for part in column_parts(e):
                parquet.add(part)
            if (i + 1) % CHUNK_DOCS == 0:
                parquet.end_part()
        for t in TABLES:
            counts[t] += e["counts"][t]
        index.write(json.dumps(_index_entry(doc_id, key, e), ensure_ascii=False) + "\n")
        entity_index.add(index_parts(e))
        n_failed += not e["ok"]
        if i == n_docs // 2:
            crashpoint("assembling")
    files = {DOC_INDEX: dict(index.close(), rows=n_docs)}
    files.update(_run_tables(gen, {"entity_index": entity_index.rows()}, want_pq, escape, counts))
    for t, f in csv_files.items():
        files[f"{t}.csv"] = dict(f.close(), rows=counts[t])
    if parquet is not None:
        files.update(parquet.close(counts))
    return files, counts, n_docs, n_failed


def _index_entry(doc_id: str, key: str, e: dict) -> dict:
    entry = {"doc_id": doc_id, "key": key, "sha256": e["sha256"], "ok": e["ok"],
             "rows": {t: n for t, n in e["counts"].items() if n}}
    if e["retry"]:
        entry["retry"] = True
    if e.get("timed_out"):
        entry["timed_out"] = e["timed_out"]
    return entry


def _run_tables(gen: Path, tables: dict[str, list[dict]], want_pq: bool, escape: bool, counts: dict) -> dict:
    """The tables merged across the run (RUN_TABLES: entity_index), as CSV (and Parquet)."""
    files = {}
    for t in RUN_TABLES:
        rows = tables[t]
        f = _HashedFile(gen / f"{t}.csv", bom=True)
        f.write(render_header(t))
        f.write(render_csv(t, rows, escape))
        files[f"{t}.csv"] = dict(f.close(), rows=len(rows))
        counts[t] = len(rows)
        if want_pq:
            import pyarrow.parquet as pq
            pq.write_table(arrow_table(t, columns(t, rows)), gen / f"{t}.parquet")
            files[f"{t}.parquet"] = dict(_hashed(gen / f"{t}.parquet"), rows=len(rows))
    return files

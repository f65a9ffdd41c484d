"""Assembling a generation of a batch run: every table streamed from the per-document caches in
doc_id order (CSV, Parquet files, a Parquet dataset) plus the per-document index, each file
hashed and fsynced for the manifest."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path
from typing import Any

from ..core.tables import RUN_TABLES, TABLES, EntityIndex
from .manifest_format import DOC_INDEX, file_sha256
from .render import arrow_schema, arrow_table, render_csv, render_header
from .store import Store, crashpoint

CHUNK_DOCS = 256          # documents per parquet row group / dataset part


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


def assemble(store: Store, gen: Path, docs: list[tuple[str, str]], formats: tuple[str, ...], escape: bool):
    """Write every table of `docs` ([(doc_id, key)], sorted) into gen/ from the caches.
    The per-document index (content sha256, cache key, row counts, error flags) is streamed to
    gen/docs.jsonl, not held in memory. Returns (files {name: {sha256, bytes[, rows]}}, table row
    counts, number of documents, number of documents in errors)."""
    want_pq, want_ds = "parquet" in formats, "parquet-dataset" in formats
    if want_pq or want_ds:
        import pyarrow.parquet as pq  # only then: ~50 MB less in a CSV-only run
    csv_files = {t: _HashedFile(gen / f"{t}.csv", bom=True) for t in TABLES}
    for t, f in csv_files.items():
        f.write(render_header(t))
    pq_writers: dict[str, Any] = {}
    buf: dict[str, list] = {t: [] for t in TABLES}
    parts: dict[str, list[str]] = {t: [] for t in TABLES}
    counts = {t: 0 for t in TABLES}
    index = _HashedFile(gen / DOC_INDEX, bom=False)
    entity_index = EntityIndex()
    n_failed = 0

    def flush(final=False):
        for t in TABLES:
            if not buf[t] and not (final and want_ds and not parts[t]):
                continue
            tbl = arrow_table(t, buf[t])
            if want_pq:
                if t not in pq_writers:
                    pq_writers[t] = pq.ParquetWriter(gen / f"{t}.parquet", arrow_schema(t))
                pq_writers[t].write_table(tbl)
            if want_ds:
                name = f"parquet/{t}/part-{len(parts[t]):05d}.parquet"
                (gen / name).parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(tbl, gen / name)
                parts[t].append(name)
            buf[t] = []

    for i, (doc_id, key) in enumerate(docs):
        e = store.get(key)
        if e is None:
            raise RuntimeError(f"cache entry for {doc_id} vanished during the run")
        need_rows = want_pq or want_ds or e["escape"] != escape
        rows = pickle.loads(e["rows"]) if need_rows else None
        for t in TABLES:
            counts[t] += e["counts"][t]
            csv_files[t].write_bytes(e["csv"][t] if e["escape"] == escape
                                     else render_csv(t, rows[t], escape).encode("utf-8"))
            if want_pq or want_ds:
                buf[t].extend(rows[t])
        entry = {"doc_id": doc_id, "key": key, "sha256": e["sha256"], "ok": e["ok"],
                 "rows": {t: n for t, n in e["counts"].items() if n}}
        if e["retry"]:
            entry["retry"] = True
        if e.get("timed_out"):
            entry["timed_out"] = e["timed_out"]
        index.write(json.dumps(entry, ensure_ascii=False) + "\n")
        entity_index.add(pickle.loads(e["index"]) if "index" in e else [])
        n_failed += not e["ok"]
        if (want_pq or want_ds) and (i + 1) % CHUNK_DOCS == 0:
            flush()
        if i == len(docs) // 2:
            crashpoint("assembling")
    if want_pq or want_ds:
        flush(final=True)
    files = {DOC_INDEX: dict(index.close(), rows=len(docs))}
    files.update(_run_tables(gen, {"entity_index": entity_index.rows()}, want_pq, escape, counts))
    for t, f in csv_files.items():
        files[f"{t}.csv"] = dict(f.close(), rows=counts[t])
    for t, w in pq_writers.items():
        w.close()
    if want_pq:
        for t in TABLES:
            if t not in pq_writers:   # no rows at all
                pq.write_table(arrow_table(t, []), gen / f"{t}.parquet")
            sha, n = file_sha256(gen / f"{t}.parquet")
            files[f"{t}.parquet"] = {"sha256": sha, "bytes": n, "rows": counts[t]}
    for t in TABLES:
        for name in parts[t]:
            sha, n = file_sha256(gen / name)
            files[name] = {"sha256": sha, "bytes": n}
    for p in [gen / n for n in files if n.endswith(".parquet")]:
        with open(p, "rb") as fh:
            os.fsync(fh.fileno())
    return files, counts, len(docs), n_failed


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
            pq.write_table(arrow_table(t, rows), gen / f"{t}.parquet")
            sha, n = file_sha256(gen / f"{t}.parquet")
            files[f"{t}.parquet"] = {"sha256": sha, "bytes": n, "rows": len(rows)}
    return files

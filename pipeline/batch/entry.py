"""A document's cache entry (OUT/.cache/rows/<key>.pkl), which is also what a Dask worker sends back.

It holds the document's rows as columns (for Parquet, and to render CSV with other escaping) and its
CSV lines, rendered once by the worker that processed it (rendering is the costly part of assembling:
~5 ms a document, so it is done where the work is spread, not in the one process that assembles).
Both come in chunks, each compressed: one chunk for a document, one per window for a long one
(batch/windows.py), so neither the worker nor the assembly holds a long document's rows at once.
The codec is zstd (pyarrow's, level 1) where pyarrow has it, else zlib; the entry names it. Beside
zlib level 1, zstd compresses a document 3x faster, decompresses it 2x faster, and its entry is 20%
smaller. A short briefing's entry went from 146 kB (pickled rows and CSV) to about 18 kB.
"""
from __future__ import annotations

import pickle
import zlib
from functools import lru_cache
from typing import Iterator

from ..core.tables import INDEX_PARTS, TABLES, EntityIndex
from .render import columns, render_csv, rows_of
from .source import doc_key
from .task import DocTask

# error kinds worth retrying on the next run even though the bytes did not change (a timeout
# is retried only when the next run allows more time)
RETRY_KINDS = {"io", "internal_error", "worker_crash"}

Result = tuple[dict, bytes]   # (meta for the main process, the entry as stored)


@lru_cache(maxsize=None)
def codec() -> str:
    try:
        import pyarrow as pa
        return "zstd" if pa.Codec.is_available("zstd") else "zlib"
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        return "zlib"


def pack(data: bytes, how: str) -> bytes:
    if how == "zlib":
        return zlib.compress(data, 1)
    import pyarrow as pa
    return pa.compress(data, codec=how, asbytes=True)


def unpack(data: bytes, size: int, how: str) -> bytes:
    if how == "zlib":
        return zlib.decompress(data)
    import pyarrow as pa
    return pa.decompress(data, decompressed_size=size, codec=how, asbytes=True)


class EntryWriter:
    """Builds one document's entry chunk by chunk: `add` rows of some tables, then `finish`."""

    def __init__(self, task: DocTask):
        self.task = task
        self.chunks: list[dict] = []
        self.counts = {t: 0 for t in TABLES}
        self.errors: list[dict] = []
        self.index = EntityIndex()      # the document's entity_index parts, merged over its windows

    def add(self, rows: dict[str, list[dict]]) -> None:
        self.index.add(rows.get(INDEX_PARTS, ()))
        rows, how = {t: rs for t, rs in rows.items() if rs and t in TABLES}, codec()
        csv = [(t, render_csv(t, rs, self.task.run.csv_escape).encode("utf-8")) for t, rs in rows.items()]
        cols = pickle.dumps({t: columns(t, rs) for t, rs in rows.items()}, protocol=5)
        self.chunks.append({"csv_tables": [(t, len(b)) for t, b in csv], "csv": pack(b"".join(b for _, b in csv), how),
                            "rows": pack(cols, how), "rows_size": len(cols)})
        for t, rs in rows.items():
            self.counts[t] += len(rs)
        self.errors += rows.get("errors", [])

    def finish(self, sha256: str, seconds: float) -> Result:
        task, errs = self.task, self.errors
        timeout = task.run.doc_timeout
        parts = [dict(a, n_documents=1) for a in self.index.acc.values()]   # one document, whatever its windows
        entry = {"chunks": self.chunks, "codec": codec(), "counts": self.counts, "escape": task.run.csv_escape,
                 "index": pickle.dumps(parts, protocol=5),
                 "sha256": sha256, "ok": not errs, "retry": any(r["kind"] in RETRY_KINDS for r in errs),
                 "timed_out": timeout if any(r["kind"] == "timeout" for r in errs) else None}
        key = doc_key(task.run.fingerprint, task.doc_id, task.path, sha256, errs[0]["kind"] if errs else "")
        meta = {"doc_id": task.doc_id, "key": key, "ok": not errs, "seconds": seconds, "sha256": sha256}
        return meta, pickle.dumps(entry, protocol=5)


def package(task: DocTask, sha256: str, rows: dict[str, list[dict]], seconds: float = 0.0) -> Result:
    """The entry of a document whose rows are all at hand (one chunk)."""
    writer = EntryWriter(task)
    writer.add(rows)
    return writer.finish(sha256, seconds)


def index_parts(entry: dict) -> list[dict]:
    """The document's entity_index parts (core/tables.py: INDEX_PARTS), merged by the assembly."""
    return pickle.loads(entry["index"]) if "index" in entry else []


def csv_parts(entry: dict) -> Iterator[tuple[str, bytes]]:
    """(table, CSV lines) of an entry, chunk after chunk (a table's lines in their order)."""
    how = entry.get("codec", "zlib")
    for chunk in entry["chunks"]:
        data, at = unpack(chunk["csv"], sum(n for _, n in chunk["csv_tables"]), how), 0
        for table, n in chunk["csv_tables"]:
            yield table, data[at:at + n]
            at += n


def column_parts(entry: dict) -> Iterator[dict[str, dict[str, list]]]:
    """{table: columns} of an entry, chunk after chunk."""
    how = entry.get("codec", "zlib")
    for chunk in entry["chunks"]:
        yield pickle.loads(unpack(chunk["rows"], chunk.get("rows_size", 0), how))


def csv_of(entry: dict, escape: bool) -> Iterator[tuple[str, bytes]]:
    """(table, CSV lines) as `csv_parts`, rendered anew when the entry was made with other escaping."""
    if entry["escape"] == escape:
        yield from csv_parts(entry)
        return
    for part in column_parts(entry):
        for table, cols in part.items():
            yield table, render_csv(table, rows_of(cols), escape).encode("utf-8")


def entry_rows(entry: dict) -> dict[str, list[dict]]:
    """Every table's rows of an entry, all chunks together (for tests and tools: an archive's
    assembly reads chunk by chunk)."""
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    for part in column_parts(entry):
        for table, cols in part.items():
            rows[table] += rows_of(cols)
    return rows

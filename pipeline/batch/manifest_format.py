"""What a batch run's output folder is made of: the manifest format version, the names of its
files and folders, and the content hashes and cache keys recorded in the manifest, the document
index and the row cache. The layout itself is described in pipeline/batch/manifest.py."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..core.tables import TABLES

FORMAT = 3   # of the manifest, the document index and cache entries
CURRENT = ".current"
GEN_PREFIX = ".gen-"
CACHE = ".cache"
MANIFEST = "manifest.json"
PUBLISH = ".publish.json"
DOC_INDEX = "docs.jsonl"      # one JSON line per document, in doc_id order
OUTPUT_NAMES = {MANIFEST, DOC_INDEX, "parquet"} | {f"{t}.{x}" for t in TABLES for x in ("csv", "parquet")}


def file_sha256(path: Path, bufsize: int = 1 << 20) -> tuple[str, int]:
    h, n = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while chunk := f.read(bufsize):
            h.update(chunk)
            n += len(chunk)
    return h.hexdigest(), n


def cache_key(fingerprint: str, doc_id: str, path: str, sha256: str) -> str:
    """What a document's rows depend on: pipeline versions/config, its id and path, its bytes."""
    return hashlib.sha256(json.dumps([FORMAT, fingerprint, doc_id, path, sha256]).encode()).hexdigest()


def doc_index_entries(path: Path):
    """(doc_id, cache key, retry, timed_out) per line of a document index, in file order; raises
    OSError / ValueError / KeyError on a file that cannot be read (the caller decides what that means)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            yield e["doc_id"], e["key"], bool(e.get("retry")), e.get("timed_out")

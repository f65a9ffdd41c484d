"""Where a batch run meets an input file: its bytes (the size limit: text/read.py), their sha256 and the cache key
they give the document. Written here only: the scan of a run (batch/run.py, which keys every file to
find what changed) and the worker that processes the document (batch/process.py, which keys the
bytes it actually read) must agree on every key.
"""
from __future__ import annotations

import hashlib

from ..text.read import InputError, read_bytes
from .manifest_format import cache_key


def read_source(path: str) -> bytes:
    """The file's bytes, or InputError: `too_large` from its size (before reading it), `io`."""
    return read_bytes(path)


def source_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def doc_key(fingerprint: str, doc_id: str, path: str, sha256: str = "", problem_kind: str = "") -> str:
    """The cache key of a document: of its bytes' sha256, or, when it was not read, of why not."""
    return cache_key(fingerprint, doc_id, path, sha256 or f"unread:{problem_kind}")


def scan_key(fingerprint: str, doc_id: str, path: str,
             problem: tuple[str, str] | None) -> tuple[str | None, tuple[str, str] | None]:
    """(cache key, problem) of a file as the scan of a run sees it: a file over the size limit gets
    its problem here; a file that cannot be read now has no key (its worker reports why)."""
    if problem is None:
        try:
            return doc_key(fingerprint, doc_id, path, source_sha256(read_source(path))), None
        except InputError as e:
            if e.kind != "too_large":
                return None, None
            problem = (e.kind, e.reason)
    return doc_key(fingerprint, doc_id, path, problem_kind=problem[0]), problem

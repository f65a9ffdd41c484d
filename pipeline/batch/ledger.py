"""What the main process of a run knows about each document, held compactly: an archive of a
million documents must not cost the client a gigabyte.

A `Ledger` holds the sorted doc_ids of the corpus (their paths are made from them when needed), the
problems found before reading (rare: a dict), and each document's cache key as 32 raw bytes in one
array (a dict of hex strings cost ~0.2 kB a document). A `Todo` is the documents to process, as
indices into the ledger; their DocTasks are made a group at a time, when the group is handed out.
So the client holds ~0.1 kB a document (its doc_id) for the whole run, and the cache keys of the
documents reused or done. `OldIndex` reads the previous run's docs.jsonl alongside the sorted corpus
(both are in doc_id order), so the previous index is never held whole either.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from .document import group_size
from .manifest_format import doc_index_entries
from .task import DocTask, Job

Problem = tuple[str, str]


class Ledger:
    def __init__(self, corpus: Path, doc_ids: list[str], problems: dict[int, Problem]):
        self.corpus, self.ids, self.problems = Path(corpus), doc_ids, problems
        self._keys = np.zeros((len(doc_ids), 32), dtype=np.uint8)
        self._has = np.zeros(len(doc_ids), dtype=bool)

    def path(self, i: int) -> str:
        """The path as the listing gave it (corpus/doc_id): part of the cache key."""
        return str(self.corpus / self.ids[i])

    def index(self, doc_id: str) -> int:
        i = bisect_left(self.ids, doc_id)
        if i == len(self.ids) or self.ids[i] != doc_id:
            raise KeyError(doc_id)
        return i

    def set_key(self, i: int, key: str) -> None:
        self._keys[i] = np.frombuffer(bytes.fromhex(key), dtype=np.uint8)
        self._has[i] = True

    def key(self, i: int) -> str | None:
        return self._keys[i].tobytes().hex() if self._has[i] else None

    def __len__(self) -> int:
        """Documents with a cache key (reused, or done by this run)."""
        return int(self._has.sum())

    def __iter__(self) -> Iterator[tuple[str, str]]:
        """(doc_id, cache key) of the documents with one, in doc_id order."""
        for i in np.flatnonzero(self._has):
            yield self.ids[i], self._keys[i].tobytes().hex()

    def key_set(self) -> "KeySet":
        return KeySet(self._keys[self._has])


class KeySet:
    """`hex_key in keys` over the sorted raw keys (for the cache's clean-up), no set of strings."""

    def __init__(self, keys: np.ndarray):
        self._sorted = np.sort(np.ascontiguousarray(keys).view("S32").ravel())

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or len(key) != 64:
            return False
        try:
            raw = np.array(bytes.fromhex(key), dtype="S32")
        except ValueError:
            return False
        i = int(np.searchsorted(self._sorted, raw))
        return i < len(self._sorted) and self._sorted[i] == raw

    def __len__(self) -> int:
        return len(self._sorted)


class Todo:
    """The documents a run processes: indices into the ledger, made into DocTasks a group at a time."""

    def __init__(self, ledger: Ledger, job: Job):
        self.ledger, self.job = ledger, job
        self.idx = array("q")

    def add(self, i: int) -> None:
        self.idx.append(i)

    def __len__(self) -> int:
        return len(self.idx)

    def task(self, i: int) -> DocTask:
        led = self.ledger
        return self.job.task(led.ids[i], led.path(i), led.problems.get(i))

    def n_groups(self, workers: int = 1) -> int:
        size = group_size(len(self.idx), workers)
        return -(-len(self.idx) // size)

    def groups(self, workers: int = 1) -> Iterator[list[DocTask]]:
        """The same groups as document.groups over the whole list, made one at a time."""
        size = group_size(len(self.idx), workers)
        for lo in range(0, len(self.idx), size):
            yield [self.task(i) for i in self.idx[lo:lo + size]]


class OldIndex:
    """The previous run's per-document index (docs.jsonl, in doc_id order), asked in doc_id order:
    get(doc_id) -> (cache key, retry, timed_out), or (None, False, None) for a new document. Lines
    out of doc_id order (an index not written by assemble) are read into a dict instead."""

    def __init__(self, path: Path | None):
        self.removed, self._head = 0, None
        self._dict: dict | None = None
        self._lines: Iterator = iter(())
        if path is not None and _in_order(path):
            self._lines = _entries(path)
        elif path is not None:
            self._dict = {e[0]: e[1:] for e in _entries(path)}
        self._advance()

    def _advance(self) -> None:
        self._head = next(self._lines, None)

    def get(self, doc_id: str) -> tuple[str | None, bool, float | None]:
        if self._dict is not None:
            return self._dict.pop(doc_id, (None, False, None))
        while self._head is not None and self._head[0] < doc_id:
            self.removed += 1
            self._advance()
        if self._head is not None and self._head[0] == doc_id:
            found = self._head[1:]
            self._advance()
            return found
        return None, False, None

    def finish(self) -> int:
        """How many documents of the previous run the corpus no longer has."""
        if self._dict is not None:
            self.removed += len(self._dict)
            self._dict.clear()
        while self._head is not None:
            self.removed += 1
            self._advance()
        return self.removed


def _entries(path: Path):
    """The index's entries up to the first line that cannot be read (none when the file cannot)."""
    try:
        yield from doc_index_entries(path)
    except (OSError, ValueError, KeyError):
        return


def _in_order(path: Path) -> bool:
    last = None
    for doc_id, *_ in _entries(path):
        if last is not None and doc_id <= last:
            return False
        last = doc_id
    return True

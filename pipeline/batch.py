"""A batch run: every file of a corpus folder -> the tables in an output folder."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .runner import Pipeline, find_inputs, process_file
from .tables import TABLES, frame, write_table


@dataclass
class Summary:
    documents: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        rate = self.documents / self.seconds if self.seconds else 0.0
        out = [f"{self.documents} documents ({self.failed} in errors) in {self.seconds:.1f} s, {rate:.1f} docs/s"]
        out += [f"  {t:10} {n:>8} rows" for t, n in self.rows.items()]
        return out


class Progress:
    """One status line on stderr when it is a terminal and not quiet."""

    def __init__(self, total: int, quiet: bool = False):
        self.total, self.done, self.t0 = total, 0, time.perf_counter()
        self.show = not quiet and sys.stderr.isatty()

    def step(self, label: str) -> None:
        self.done += 1
        if not self.show:
            return
        dt = time.perf_counter() - self.t0
        rate = self.done / dt if dt else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        sys.stderr.write(f"\r[{self.done}/{self.total}] {rate:.1f} docs/s, ETA {eta:.0f} s  {label[:40]:40}")
        if self.done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def run_batch(corpus: Path, out: Path, pipe: Pipeline, formats=("csv",), quiet: bool = False) -> Summary:
    corpus, out = Path(corpus), Path(out)
    t0 = time.perf_counter()
    files = find_inputs(corpus)
    progress = Progress(len(files), quiet)
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    summary = Summary()
    for path in files:
        res = process_file(pipe, path, corpus)
        for t in TABLES:
            rows[t].extend(res.rows[t])
        summary.documents += 1
        summary.failed += not res.ok
        progress.step(res.doc_id)
    for t in TABLES:
        write_table(frame(t, rows[t]), out, t, formats)
        summary.rows[t] = len(rows[t])
    summary.seconds = time.perf_counter() - t0
    return summary

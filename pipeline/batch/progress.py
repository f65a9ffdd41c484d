"""What a batch run reports: the Summary it returns and the Progress line it shows on a terminal."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field


@dataclass
class Summary:
    documents: int = 0          # documents in the tables now
    failed: int = 0             # of which in the errors table
    processed: int = 0          # processed by this run
    reused: int = 0             # taken from the cache
    removed: int = 0            # dropped since the last run (deleted files)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    up_to_date: bool = False    # nothing changed: outputs left untouched
    engine: str = "local"
    workers: int = 1
    generation: str = ""
    phases: dict[str, float] = field(default_factory=dict)   # seconds: scan, process, assemble, commit

    def lines(self) -> list[str]:
        rate = self.processed / self.seconds if self.seconds and self.processed else 0.0
        out = [f"{self.documents} documents ({self.failed} in errors): {self.processed} processed, "
               f"{self.reused} unchanged, {self.removed} removed, in {self.seconds:.1f} s"
               + (f", {rate:.1f} docs/s" if rate else "")
               + (f" [{self.engine}, {self.workers} workers]" if self.processed else "")]
        if self.up_to_date:
            out.append("  outputs already up to date; nothing rewritten")
        out += [f"  {t:10} {n:>8} rows" for t, n in self.rows.items()]
        return out


class Progress:
    """One status line on stderr when it is a terminal and not quiet."""

    def __init__(self, total: int, quiet: bool = False, stream=None):
        self.total, self.done, self.t0 = total, 0, time.perf_counter()
        self.stream = stream or sys.stderr
        self.show = not quiet and total > 0 and getattr(self.stream, "isatty", lambda: False)()
        self._last = 0.0

    def step(self, label: str) -> None:
        self.done += 1
        if not self.show:
            return
        now = time.perf_counter()
        if now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        dt = now - self.t0
        rate = self.done / dt if dt else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        width = 24
        bar = "#" * int(width * self.done / self.total)
        self.stream.write(f"\r[{bar:<{width}}] {self.done}/{self.total} {rate:.1f} docs/s ETA "
                          f"{_hms(eta)}  {label[-30:]:30}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def _hms(s: float) -> str:
    s = int(s)
    return f"{s // 3600}:{s // 60 % 60:02}:{s % 60:02}" if s >= 3600 else f"{s // 60}:{s % 60:02}"

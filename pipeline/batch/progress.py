"""What a batch run reports: the Summary it returns and the Progress line it shows on a terminal."""
from __future__ import annotations

import sys
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
    result_bytes: int = 0       # what the workers sent back to this process (results, cache entries)
    phases: dict[str, float] = field(default_factory=dict)   # seconds: scan, process, assemble, commit

    def lines(self) -> list[str]:
        rate = self.processed / self.seconds if self.seconds and self.processed else 0.0
        out = [f"{self.documents} documents ({self.failed} in errors): {self.processed} processed, "
               f"{self.reused} unchanged, {self.removed} removed, in {self.seconds:.1f} s"
               + (f", {rate:.1f} docs/s" if rate else "")
               + (f" [{self.engine}, {self.workers} workers]" if self.processed else "")]
        if self.up_to_date:
            out.append("  outputs already up to date; nothing rewritten" if not self.processed else
                       "  tables identical to the outputs already there; nothing rewritten")
        out += [f"  {t:12} {n:>8} rows" for t, n in self.rows.items()]
        return out


class Progress:
    """The progress bar of a run (tqdm): on stderr when it is a terminal, a widget in a notebook,
    nothing when quiet or redirected. `close()` ends its line, so that whatever is printed next
    (the summary, or the message of an interrupted run) starts on a line of its own."""

    def __init__(self, total: int, quiet: bool = False, stream=None):
        stream = stream or sys.stderr
        shown = not quiet and total > 0 and (getattr(stream, "isatty", lambda: False)() or _in_notebook())
        if _in_notebook() and stream is sys.stderr:
            from tqdm.auto import tqdm
        else:
            from tqdm import tqdm

        class Bar(tqdm):
            monitor_interval = 0    # no monitor thread: worker processes may then start by fork

        self.bar = Bar(total=total, file=stream, disable=not shown, unit="doc", dynamic_ncols=True,
                        mininterval=0.1, leave=True, bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} "
                        "[{elapsed}<{remaining}, {rate_fmt}]{postfix}")

    @property
    def show(self) -> bool:
        return not self.bar.disable

    def step(self, label: str) -> None:
        if self.show:
            self.bar.set_postfix_str(label[-30:], refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    ip = shell.get_ipython() if shell is not None and hasattr(shell, "get_ipython") else None
    return ip is not None and "IPKernelApp" in getattr(ip, "config", {})

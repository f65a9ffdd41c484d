"""The options of a batch run, as one frozen object from the CLI to the engines, and the fixed parts
of one run (`Job`) that the engines share."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .inputs import BatchUsageError

ENGINES = ("local", "dask")
FORMATS = ("csv", "parquet", "parquet-dataset")
LAYOUTS = ("auto", "links", "plain")


@dataclass(frozen=True)
class RunOptions:
    """How to run a batch (docs/batch.md). `formats` always includes csv; `doc_timeout` is seconds
    per document (None: no limit); `layout` is how OUT exposes a generation (auto, links, plain)."""
    formats: tuple[str, ...] = ("csv",)
    quiet: bool = False
    workers: int = 1
    force: bool = False
    csv_escape: bool = True
    engine: str = "local"
    scheduler: str | None = None
    doc_timeout: float | None = None
    layout: str = "auto"

    def checked(self) -> "RunOptions":
        """The options made whole (dask writes a Parquet dataset too), or BatchUsageError."""
        if self.engine not in ENGINES:
            raise BatchUsageError(f"unknown engine {self.engine!r} ({', '.join(ENGINES)})")
        formats = tuple(dict.fromkeys(self.formats))
        if self.engine == "dask" and "parquet-dataset" not in formats:
            formats += ("parquet-dataset",)
        bad = sorted(set(formats) - set(FORMATS))
        if bad or "csv" not in formats:
            raise BatchUsageError(f"formats must include csv, and be among {', '.join(FORMATS)}: {bad}")
        if self.layout not in LAYOUTS:
            raise BatchUsageError(f"unknown layout {self.layout!r} ({', '.join(LAYOUTS)})")
        if self.workers < 1:
            raise BatchUsageError("workers must be at least 1")
        return replace(self, formats=formats)


@dataclass
class Job:
    """One run's fixed parts, shared by the engines: the checked options, how a worker builds its
    Pipeline (`factory`), the Pipeline of this process (None when workers build their own), the
    fingerprint that keys the row caches, and the output store."""
    options: RunOptions
    factory: Any
    pipe: Any
    fingerprint: str
    store: Any
    versions: dict = field(default_factory=dict)

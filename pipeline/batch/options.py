"""The options of a batch run, as one frozen object from the CLI to the engines (the Job and the
tasks the engines get are in batch/task.py), and the names they take: batch engines, formats, layouts."""
from __future__ import annotations

from dataclasses import dataclass, replace

BATCH_ENGINES = ("local", "dask")      # where documents run (the NER engines: entities/stage.py)
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
        from .inputs import BatchUsageError    # (here: the CLI reads this module's names before pandas loads)
        if self.engine not in BATCH_ENGINES:
            raise BatchUsageError(f"unknown engine {self.engine!r} ({', '.join(BATCH_ENGINES)})")
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

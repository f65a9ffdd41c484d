"""Where things live. `../shared` (read-only data) can be overridden with HINDI_EXTRACT_SHARED."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPO_DIR = PACKAGE_DIR.parent
MODELS_DIR = Path(os.environ.get("HINDI_EXTRACT_MODELS", REPO_DIR / "models"))


def shared_dir() -> Path:
    """The read-only shared data folder (NER data, UD, peer suites, benchmarks)."""
    return Path(os.environ.get("HINDI_EXTRACT_SHARED", REPO_DIR.parent / "shared")).resolve()


class SharedDataMissing(FileNotFoundError):
    """A data set of the shared folder is not there (the command line reports it in one line)."""


def shared_path(*parts: str) -> Path:
    p = shared_dir().joinpath(*parts)
    if not p.exists():
        raise SharedDataMissing(f"{p} not found: set HINDI_EXTRACT_SHARED=/path/to/shared (the folder "
                                "holding data/ and benchmarks/; default: ../shared beside the repository)")
    return p

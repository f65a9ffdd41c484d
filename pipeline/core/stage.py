"""What a stage is, and the contract check over one explicit stage list.

A stage is a callable `stage(doc) -> None` that fills some fields of the Document.
It declares `requires` and `provides` (names of Document fields: text, norm, sentences,
tokens, entities, amounts, relations, triples) and takes one config dict.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, ClassVar

from .doc import Document


class ContractError(ValueError):
    """Raised once, listing every problem of a stage list."""


class Stage:
    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()
    defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, config: dict[str, Any] | None = None):
        config = dict(config or {})
        unknown = sorted(set(config) - set(self.defaults))
        if unknown:
            raise ContractError(f"stage {self.name!r}: unknown config keys {unknown}; "
                                f"known: {sorted(self.defaults)}")
        self.config = {**self.defaults, **config}

    def __call__(self, doc: Document) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def version(self) -> str:
        """Identifies rules/models that shape this stage's output (for incremental runs)."""
        return "1"


def files_version(paths, *seeds: str) -> str:
    """The version of a stage whose behaviour lives in files (its rules, word lists, a model's
    name): a hash of `seeds` and of each file's name and bytes, in the order given."""
    h = hashlib.sha256()
    for seed in seeds:
        h.update(seed.encode() + b"\0")
    for p in paths:
        h.update(Path(p).name.encode() + b"\0")
        h.update(Path(p).read_bytes())
    return h.hexdigest()[:16]


def check_contracts(stages: list[Stage], available: tuple[str, ...] = ("text",)) -> None:
    have = set(available)
    problems = []
    seen = set()
    for st in stages:
        if not st.name:
            problems.append(f"{type(st).__name__} has no name")
        if st.name in seen:
            problems.append(f"stage {st.name!r} appears twice")
        seen.add(st.name)
        missing = [r for r in st.requires if r not in have]
        if missing:
            problems.append(f"stage {st.name!r} requires {missing}, which no earlier stage provides")
        have.update(st.provides)
    if problems:
        raise ContractError("invalid stage list:\n  - " + "\n  - ".join(problems))

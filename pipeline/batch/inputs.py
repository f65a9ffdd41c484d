"""The inputs of a batch run: listing the corpus files (symbolic links, hidden files, the output
folder) and refusing output folders that could overwrite input or foreign files."""
from __future__ import annotations

import os
from pathlib import Path

from ..core.tables import ALL_TABLES
from .manifest_format import MANIFEST


class BatchUsageError(ValueError):
    """The run cannot start (paths, options); nothing was written."""


OUR_NAMES = {".current", ".cache", ".lock", MANIFEST, "parquet"} | {f"{t}.{x}" for t in ALL_TABLES
                                                                    for x in ("csv", "parquet")}


def check_paths(corpus: Path, out: Path) -> None:
    """Refuse an output folder that could overwrite input or foreign files."""
    c, o = corpus.resolve(), out.resolve()
    if not c.is_dir():
        raise BatchUsageError(f"{corpus} is not a folder")
    if o == c:
        raise BatchUsageError("the output folder must not be the corpus folder (outputs would be read as "
                              "input and could overwrite it); choose another --out")
    if o in c.parents:
        raise BatchUsageError(f"the corpus {corpus} lies inside the output folder {out}; choose an output "
                              "folder outside the corpus")
    if o.exists() and not o.is_dir():
        raise BatchUsageError(f"{out} exists and is not a folder")
    if o.is_dir():
        names = {p.name for p in o.iterdir()}
        if names and not (names & OUR_NAMES or any(n.startswith(".gen-") for n in names)):
            raise BatchUsageError(f"{out} is not empty and holds no earlier hindi-extract outputs; choose an "
                                  "empty or new folder")


def list_inputs(corpus: Path, out: Path | None = None) -> list[tuple[str, str, tuple[str, str] | None]]:
    """(doc_id, path, problem) for every file under corpus, sorted by doc_id (find_inputs, as rows)."""
    ids, problems = find_inputs(corpus, out)
    return [(d, str(Path(corpus) / d), problems.get(i)) for i, d in enumerate(ids)]


def find_inputs(corpus: Path, out: Path | None = None) -> tuple[list[str], dict[int, tuple[str, str]]]:
    """(sorted doc_ids of every file under corpus, {index: (kind, reason)} of those with a problem).
    A file's path is corpus/doc_id. Hidden files and folders and the output folder (when inside the
    corpus) are skipped. Symbolic links are followed only within the corpus; others get a problem
    and become error rows."""
    corpus = Path(corpus)
    root = corpus.resolve()
    skip = Path(out).resolve() if out is not None else None
    ids: list[str] = []
    problems: dict[str, tuple[str, str]] = {}

    def unreadable(err: OSError):   # a folder we cannot list must not vanish silently
        p = Path(err.filename)
        if p != corpus:
            doc_id = p.relative_to(corpus).as_posix()
            ids.append(doc_id)
            problems[doc_id] = ("io", f"cannot list folder: {err.strerror or err}")

    for dirpath, dirnames, filenames in os.walk(corpus, followlinks=False, onerror=unreadable):
        d = Path(dirpath)
        if skip is not None and d.resolve() == skip:
            dirnames[:] = []
            continue
        dirnames[:] = [n for n in dirnames if not n.startswith(".")]
        names = [n for n in filenames if not n.startswith(".")]
        names += [n for n in dirnames if (d / n).is_symlink()]  # os.walk does not descend into these
        for name in names:
            p = d / name
            problem = _link_problem(p, root, skip) if p.is_symlink() else None
            if problem == "dir":
                continue  # a folder inside the corpus: its files are listed where they are
            if problem is None and not p.is_file():
                problem = ("not_a_file", "not a regular file (device, pipe or socket)")
            doc_id = p.relative_to(corpus).as_posix()
            ids.append(doc_id)
            if problem is not None:
                problems[doc_id] = problem
    ids.sort()
    return ids, {i: problems[d] for i, d in enumerate(ids) if d in problems}


def _link_problem(p: Path, root: Path, skip: Path | None):
    """Why a symbolic link is refused, "dir" for a folder inside the corpus, None for a file in it."""
    try:
        target = p.resolve(strict=True)
    except (OSError, RuntimeError):
        return ("symlink", "broken symbolic link (its target does not exist)")
    if target != root and root not in target.parents:
        return ("symlink", f"symbolic link leading out of the corpus folder (to {target}): refused")
    if skip is not None and (target == skip or skip in target.parents):
        return ("symlink", "symbolic link into the output folder: refused")
    return "dir" if target.is_dir() else None

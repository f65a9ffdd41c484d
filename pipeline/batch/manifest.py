"""The output folder of a batch run: generations, the manifest, per-document row caches.

Layout of OUT (see docs/batch.md):

    OUT/documents.csv  -> .current/documents.csv     user-visible paths are symlinks...
    OUT/manifest.json  -> .current/manifest.json
    OUT/.current       -> .gen-<id>                  ...through ONE switch symlink
    OUT/.gen-<id>/     all tables + manifest.json of one complete generation
    OUT/.cache/rows/   one file per (document content, pipeline versions): its rows
    OUT/.lock          held (flock) by the run writing OUT

A run writes a whole new generation into .gen-<new>/ (every file fsynced, the manifest last),
then replaces the `.current` symlink with one rename: that rename is the commit. Before it,
every path under OUT shows the previous generation; after it, the new one; a SIGKILL at any
moment leaves one or the other, never a mix. Old generations and unreferenced cache files are
removed after the commit, and again by the next run if it was killed before.
"""
from __future__ import annotations

from pathlib import Path

from ..core.tables import TABLES
from .manifest_format import CURRENT, MANIFEST, PUBLISH, file_sha256
from .store import Store


def validate(out: Path, deep: bool = True) -> list[str]:
    """Problems with OUT as a reader sees it ([] when consistent): every output path resolves
    into the current generation, whose manifest lists each table's sha256 and row count."""
    out = Path(out)
    store = Store(out)
    problems = []
    if (out / PUBLISH).exists():
        return [f"{out} holds a partly published run ({PUBLISH}): the next run completes it"]
    gen = store.current_gen()
    plain = gen is None and (out / MANIFEST).is_file() and not (out / MANIFEST).is_symlink()
    if gen is None and not plain:
        return [f"{out}/{CURRENT} is missing or dangling"]
    m = store.manifest()
    if m is None:
        return [f"{gen or out}/{MANIFEST} is missing or unreadable"]
    for name, info in sorted(m.get("files", {}).items()):
        p = out / name
        if not p.exists():
            problems.append(f"{p} is missing")
            continue
        if not plain and p.resolve() != (gen / name).resolve():
            problems.append(f"{p} does not lead into the current generation {gen.name}")
        if deep and file_sha256(p)[0] != info["sha256"]:
            problems.append(f"{p}: sha256 differs from the manifest")
    for t in TABLES:
        if f"{t}.csv" not in m.get("files", {}):
            problems.append(f"table {t} missing from the manifest")
    return problems

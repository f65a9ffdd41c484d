"""The generation store of a batch run's output folder: the lock, generations and their atomic
publishing (the `.current` switch, or renames for the plain layout), cleanup, and the
per-document row cache. The layout and the commit protocol: see pipeline/batch/manifest.py."""
from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import shutil
import time
from pathlib import Path

from ..core.tables import atomic_write, fsync_dir
from .manifest_format import (
    CACHE,
    CURRENT,
    DOC_INDEX,
    FORMAT,
    GEN_PREFIX,
    MANIFEST,
    OUTPUT_NAMES,
    PUBLISH,
    doc_index_entries,
)


def crashpoint(name: str) -> None:
    """Fault injection for the crash and Ctrl-C tests, at a named point of a run (a no-op unless
    HINDI_EXTRACT_CRASHPOINT names it): `name` SIGKILLs this process; `name:int` sends it SIGINT,
    `name:int-group` sends SIGINT to its process group (a terminal's Ctrl-C)."""
    want = os.environ.get("HINDI_EXTRACT_CRASHPOINT", "")
    if want.split(":")[0] != name:
        return
    import signal
    how = want.partition(":")[2]
    if how == "int-group":
        os.killpg(os.getpgid(0), signal.SIGINT)
    else:
        os.kill(os.getpid(), signal.SIGINT if how == "int" else signal.SIGKILL)


class OutputBusy(RuntimeError):
    """Another run holds OUT/.lock."""


def _replace_symlink(target: str, link: Path) -> None:
    """Point `link` at `target` atomically (a new link renamed over the old path)."""
    tmp = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
    os.symlink(target, tmp)
    os.replace(tmp, link)


def symlinks_work(folder: Path) -> bool:
    probe = Path(folder) / f".symlink-probe.tmp-{os.getpid()}"
    try:
        os.symlink(CURRENT, probe)
    except (OSError, NotImplementedError, AttributeError):
        return False
    probe.unlink()
    return True


_HELD_LOCKS: set[int] = set()


def _drop_locks_in_child() -> None:
    """A forked worker must not hold OUT/.lock: a lock shared with a child outlives the run."""
    for fd in list(_HELD_LOCKS):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_locks_in_child)


class Store:
    def __init__(self, out: Path):
        self.out = Path(out)
        self.cache_dir = self.out / CACHE / "rows"
        self._lock_fd: int | None = None

    # ---- locking -----------------------------------------------------------------------
    def lock(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory lock, one run at a time please
            return
        fd = os.open(self.out / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            os.close(fd)
            if e.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise OutputBusy(f"{self.out} is being written by another run (it holds {self.out}/.lock)")
            raise
        self._lock_fd = fd
        _HELD_LOCKS.add(fd)

    def unlock(self) -> None:
        if self._lock_fd is not None:
            _HELD_LOCKS.discard(self._lock_fd)
            os.close(self._lock_fd)
            self._lock_fd = None

    def existing_layout(self) -> str | None:
        if (self.out / CURRENT).is_symlink():
            return "links"
        m = self.out / MANIFEST
        if (m.is_file() and not m.is_symlink()) or (self.out / PUBLISH).exists():
            return "plain"
        return None

    # ---- generations -------------------------------------------------------------------
    def current_gen(self) -> Path | None:
        link = self.out / CURRENT
        try:
            target = os.readlink(link)
        except OSError:
            return None
        gen = self.out / target
        return gen if gen.is_dir() else None

    def manifest(self) -> dict | None:
        gen = self.current_gen()
        path = gen / MANIFEST if gen is not None else self.out / MANIFEST   # plain layout
        if gen is None and (path.is_symlink() or (self.out / PUBLISH).exists()):
            return None
        try:
            m = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return m if m.get("format") == FORMAT else None

    def doc_index_path(self) -> Path:
        """The current generation's per-document index, docs.jsonl (batch/ledger.py OldIndex reads it)."""
        gen = self.current_gen()
        return (gen if gen is not None else self.out) / DOC_INDEX

    def doc_index(self) -> dict[str, tuple[str, bool, float | None]]:
        """doc_id -> (cache key, retry, timed_out) of the current generation ({} if none)."""
        try:
            return {d: (key, retry, timed_out) for d, key, retry, timed_out in doc_index_entries(self.doc_index_path())}
        except (OSError, ValueError, KeyError):
            return {}

    def new_gen(self) -> Path:
        gid = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{os.urandom(3).hex()}"
        gen = self.out / f"{GEN_PREFIX}{gid}"
        gen.mkdir(parents=True)
        return gen

    def commit(self, gen: Path, manifest: dict, names: list[str], layout: str = "links") -> None:
        """Write the manifest into `gen` (last), switch .current to it, then expose `names`.
        layout "plain": publish by renaming each file into OUT instead (see commit_plain)."""
        # the generation is named by its content: the same tables, whatever run made them, give the
        # same manifest.json (git status stays clean after a --parquet run and a plain one again)
        content = json.dumps({k: v for k, v in manifest.items() if k != "generation"}, sort_keys=True)
        manifest = dict(manifest, generation=hashlib.sha256(content.encode()).hexdigest()[:16])
        ignore = self.out / ".gitignore"
        if not ignore.exists():   # OUT committed to git: the links and the current generation only
            atomic_write(ignore, lambda tmp: Path(tmp).write_text(
                "# written by hindi-extract: caches and temporary files are not outputs\n"
                "/.cache/\n/.lock\n.*.tmp*\n", "utf-8"))
        atomic_write(gen / MANIFEST, lambda tmp: Path(tmp).write_text(
            json.dumps(manifest, ensure_ascii=False, sort_keys=True), "utf-8"))
        fsync_dir(gen)
        crashpoint("manifest")
        if layout == "plain":
            return self.commit_plain(gen, names)
        self._adopt_legacy(names + [MANIFEST])
        _replace_symlink(gen.name, self.out / CURRENT)   # <- the commit
        fsync_dir(self.out)
        crashpoint("switched")
        self.expose(names + [MANIFEST])

    def expose(self, names: list[str]) -> None:
        """Make OUT/<name> -> .current/<name> for every output name; drop links to outputs no
        longer written (e.g. parquet after a run without --parquet)."""
        gen = self.current_gen()
        crashpoint("expose")
        for name in names:
            link = self.out / name
            want = f"{CURRENT}/{name}"
            try:
                if os.readlink(link) == want:
                    continue
            except OSError:
                pass
            _replace_symlink(want, link)
        if gen is not None:
            for link in self.out.iterdir():
                try:
                    target = os.readlink(link)
                except OSError:
                    continue
                if target.startswith(CURRENT + "/") and not (gen / target[len(CURRENT) + 1:]).exists():
                    link.unlink()
        fsync_dir(self.out)

    # ---- plain layout (no symbolic links: Windows without developer mode, git-friendly) -----
    def commit_plain(self, gen: Path, names: list[str]) -> None:
        """Record the intent (OUT/.publish.json: the commit point), then rename every file of
        `gen` over OUT/<name>, the manifest last. A kill during the renames leaves a mix on disk
        that `validate` reports and the next run completes (recover) before anything else."""
        atomic_write(self.out / PUBLISH, lambda tmp: Path(tmp).write_text(
            json.dumps({"generation": gen.name, "names": names + [MANIFEST]}), "utf-8"))
        crashpoint("switched")
        self.recover()

    def recover(self) -> None:
        """Finish an interrupted plain-layout publish (a no-op when there is none)."""
        intent = self.out / PUBLISH
        try:
            info = json.loads(intent.read_text("utf-8"))
        except (OSError, ValueError):
            return
        gen = self.out / info["generation"]
        names = info["names"]
        for i, name in enumerate(names):
            src, dst = gen / name, self.out / name
            if not src.exists():
                continue          # moved before the interruption
            if dst.is_symlink() and src.is_dir():
                dst.unlink()      # a folder cannot be renamed over a link (links layout before)
            if dst.is_dir() and not dst.is_symlink():
                old = self.out / f".{name}.old.tmp"
                shutil.rmtree(old, ignore_errors=True)
                os.replace(dst, old)
                os.replace(src, dst)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(src, dst)
            if i == 0:
                crashpoint("expose")
        fsync_dir(self.out)
        # outputs of earlier runs no longer written (e.g. parquet), and the links layout's switch
        for p in self.out.iterdir():
            if p.name in OUTPUT_NAMES and p.name not in names or p.name == CURRENT:
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink()
        intent.unlink()
        fsync_dir(self.out)
        shutil.rmtree(gen, ignore_errors=True)

    def _adopt_legacy(self, names: list[str]) -> None:
        """Outputs of an older version are plain files at OUT/<name>: hard-link them into a
        generation, point .current at it, and only then turn each path into a link to the
        identical content, so switching layouts never shows a mix either."""
        legacy = [n for n in names if (self.out / n).exists() and not (self.out / n).is_symlink()]
        if not legacy:
            return
        if self.current_gen() is None:
            gen = self.new_gen()
            for n in legacy:
                src, dst = self.out / n, gen / n
                dst.parent.mkdir(parents=True, exist_ok=True)
                if src.is_dir():
                    shutil.copytree(src, dst)
                else:
                    try:
                        os.link(src, dst)
                    except OSError:
                        shutil.copy2(src, dst)
            fsync_dir(gen)
            _replace_symlink(gen.name, self.out / CURRENT)
        for n in legacy:
            p = self.out / n
            if p.is_dir():
                shutil.rmtree(p)
            _replace_symlink(f"{CURRENT}/{n}", p)

    def cleanup(self, keep_keys: set[str] | None = None) -> None:
        """Remove generations other than the current one, temporary files, and (when keep_keys
        is given) cache files no current document uses. Safe to call at any time under the lock."""
        self.recover()
        cur = self.current_gen()
        for p in self.out.iterdir():
            if p.name.startswith(GEN_PREFIX) and (cur is None or p.name != cur.name) and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            elif p.name.startswith(".") and ".tmp" in p.name:
                try:
                    p.unlink()
                except OSError:
                    shutil.rmtree(p, ignore_errors=True)
        if not self.cache_dir.is_dir():
            return
        for sub in self.cache_dir.iterdir():
            if not sub.is_dir():
                continue
            for f in sub.iterdir():
                if f.name.endswith(".tmp") or (keep_keys is not None and f.stem not in keep_keys):
                    try:
                        f.unlink()
                    except OSError:
                        pass

    # ---- per-document cache ------------------------------------------------------------
    def cache_path(self, key: str) -> Path:
        return self.cache_dir / key[:2] / f"{key}.pkl"

    def has(self, key: str) -> bool:
        return self.cache_path(key).is_file()

    def put(self, key: str, blob: bytes) -> None:
        """Atomic (temp file + rename), not fsynced: a lost entry is recomputed, a torn one
        cannot exist, and the generation that uses it is fsynced before its commit."""
        path = self.cache_path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{key}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            f.write(blob)
        os.replace(tmp, path)

    def get(self, key: str) -> dict | None:
        try:
            return pickle.loads(self.cache_path(key).read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, AttributeError, ImportError):
            return None

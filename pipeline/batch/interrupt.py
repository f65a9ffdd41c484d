"""Ctrl-C and the helper processes of a run.

A terminal's Ctrl-C sends SIGINT to every process of its group: the main process and the workers it
started (local worker processes, a local Dask cluster's). Only the main process should answer (one
line, exit 130, the lock released); a helper that is still starting up when the signal comes would
print a KeyboardInterrupt traceback of its own. So helpers are started with SIGINT *blocked*
(`sigint_blocked`): the mask is inherited by every thread and process started meanwhile (across exec
too), a local worker then ignores SIGINT for good, and in the main process a Ctrl-C that came while it
was blocked is not lost: it is delivered, as a KeyboardInterrupt, the moment the block ends. The
main process then stops its helpers by their PIDs (batch/pool.py, batch/dask_engine.py).
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


def _can_block() -> bool:
    return hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()


@contextmanager
def sigint_blocked(spawns: bool = False):
    """SIGINT held back in this thread (and whatever it starts) inside the block. `spawns`: processes
    will be spawned (not forked) inside: multiprocessing's resource tracker is started first, as the
    thread that starts it unblocks SIGINT afterwards (multiprocessing/resource_tracker.py)."""
    if not _can_block():
        yield
        return
    if spawns:
        from multiprocessing import resource_tracker
        resource_tracker.ensure_running()
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if signal.SIGINT not in old:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})   # a pending Ctrl-C fires now


def ignore_sigint() -> None:
    """In a helper process started under `sigint_blocked`: ignore SIGINT from now on, then unblock
    it (a Ctrl-C that came meanwhile is dropped: the main process answers it)."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:      # not the main thread
        return
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


_pending = threading.Event()
_seen = threading.Event()


def noting_sigint(signum, frame) -> None:
    """The command line's SIGINT handler: Python's own (KeyboardInterrupt), noted first, so that a Ctrl-C
    that breaks an import (numpy turns it into an ImportError) still ends the command as interrupted."""
    _seen.set()
    signal.default_int_handler(signum, frame)


def sigint_seen() -> bool:
    return _seen.is_set()


@contextmanager
def noted_sigint():
    """`noting_sigint` as the handler inside (main thread, default handler only), the old one after."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    _seen.clear()
    signal.signal(signal.SIGINT, noting_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _on_sigint(signum, frame) -> None:
    """SIGINT during a run: noted, then raised as KeyboardInterrupt, unless it came while a finalizer
    (`__del__`, run by the garbage collector at any moment) was running: Python prints and drops an
    exception raised there, and the run would go on. Then it is raised at the next check instead."""
    _pending.set()
    _seen.set()
    f = frame
    while f is not None:
        if f.f_code.co_name == "__del__":
            return
        f = f.f_back
    raise KeyboardInterrupt


@contextmanager
def sticky_sigint():
    """Inside: a Ctrl-C is never lost in a finalizer (`raise_if_interrupted` raises it later). Only in
    the main thread and where SIGINT has its default handler (a caller's own handler is left alone)."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() \
            or previous not in (signal.default_int_handler, noting_sigint):
        yield
        return
    _pending.clear()
    signal.signal(signal.SIGINT, _on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def raise_if_interrupted() -> None:
    """KeyboardInterrupt when a Ctrl-C came inside `sticky_sigint` (one a finalizer kept from raising)."""
    if _pending.is_set():
        raise KeyboardInterrupt

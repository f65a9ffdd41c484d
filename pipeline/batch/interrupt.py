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

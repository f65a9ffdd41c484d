"""A per-document time limit (`--doc-timeout`) that works in any thread.

On the main thread of a process (the local engine, in-process or in its worker processes) it is a
SIGALRM timer, as before: it also interrupts a blocking system call such as a sleep. Signals are
delivered to the main thread only, so on any other thread (a Dask worker's task thread, a thread
of the caller's own) a watchdog timer raises DocTimeout asynchronously in the thread that runs the
document (CPython's PyThreadState_SetAsyncExc). Both interrupt Python code between bytecodes,
neither one long C call: the stage running when the time is up raises DocTimeout at its next
Python instruction.
"""
from __future__ import annotations

import ctypes
import signal
import threading


class DocTimeout(Exception):
    pass


def _alarm(signum, frame):  # pragma: no cover - only under a timeout
    raise DocTimeout()


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Make `thread_id` raise `exc` at its next bytecode; None withdraws a pending one."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                              ctypes.py_object(exc) if exc is not None else None)


class Deadline:
    """`with Deadline(seconds):` raises DocTimeout inside the block once `seconds` have passed
    (None or 0: no limit). Nothing is raised after the block has been left."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds or None
        self._old_handler = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._over = False      # the block has been left (the watchdog must not fire any more)
        self._fired = False     # the watchdog has raised in the thread

    def __enter__(self) -> "Deadline":
        if self.seconds is None:
            return self
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            self._old_handler = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        else:
            self._thread_id = threading.get_ident()
            self._timer = threading.Timer(self.seconds, self._fire)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _fire(self) -> None:
        with self._lock:
            if not self._over:
                self._fired = True
                _raise_in(self._thread_id, DocTimeout)

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._old_handler is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old_handler)
            self._old_handler = None
        elif self._timer is not None:
            with self._lock:
                self._over = True
                self._timer.cancel()
                if self._fired and exc_type is None:
                    _raise_in(self._thread_id, None)    # finished just in time: withdraw the pending raise

"""A per-document time limit (`--doc-timeout`) that works in any thread.

On the main thread of a process (the local engine, in-process or in its worker processes) it is a
SIGALRM timer: it also interrupts a blocking system call such as a sleep. Signals are delivered to the
main thread only, so on any other thread (a Dask worker's task thread, a thread of the caller's own)
one watchdog thread per process raises DocTimeout asynchronously in the thread that runs the document
(CPython's PyThreadState_SetAsyncExc). Both interrupt Python code between bytecodes, neither one long
C call: the stage running when the time is up raises DocTimeout at its next Python instruction.
A group of documents arms one Deadline per document and stage (batch/process.py), so the watchdog is
one long-lived thread, not a timer thread per call.
"""
from __future__ import annotations

import ctypes
import heapq
import itertools
import signal
import threading
import time


class DocTimeout(Exception):
    pass


def _alarm(signum, frame):  # pragma: no cover - only under a timeout
    raise DocTimeout()


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Make `thread_id` raise `exc` at its next bytecode; None withdraws a pending one."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                              ctypes.py_object(exc) if exc is not None else None)


class _Watchdog(threading.Thread):
    """Fires the armed deadlines of other threads when their time is up (one per process)."""

    def __init__(self):
        super().__init__(name="hindi-extract-deadlines", daemon=True)
        self.cond = threading.Condition()
        self.heap: list[tuple[float, int, "Deadline"]] = []
        self.order = itertools.count()

    def arm(self, deadline: "Deadline", when: float) -> None:
        """Woken only when `when` comes before what it waits for (deadlines come in time order,
        so hardly ever: waking it each time cost the document's thread 5% in handing over the GIL)."""
        with self.cond:
            heap = self.heap
            while heap and heap[0][2].over:
                heapq.heappop(heap)             # left in time: forget it
            if not heap or when < heap[0][0]:
                self.cond.notify()
            heapq.heappush(heap, (when, next(self.order), deadline))

    def run(self) -> None:
        with self.cond:
            while True:
                while self.heap and self.heap[0][2].over:
                    heapq.heappop(self.heap)            # left in time: forget it
                if not self.heap:
                    self.cond.wait()
                    continue
                wait = self.heap[0][0] - time.monotonic()
                if wait > 0:
                    self.cond.wait(wait)
                    continue
                heapq.heappop(self.heap)[2].fire()


_WATCHDOG: _Watchdog | None = None
_START = threading.Lock()


def _watchdog() -> _Watchdog:
    global _WATCHDOG
    with _START:
        if _WATCHDOG is None or not _WATCHDOG.is_alive():   # (a forked child has no thread)
            _WATCHDOG = _Watchdog()
            _WATCHDOG.start()
        return _WATCHDOG


class Deadline:
    """`with Deadline(seconds):` raises DocTimeout inside the block once `seconds` have passed
    (None or 0: no limit). Nothing is raised after the block has been left."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds or None
        self._old_handler = None
        self._dog: _Watchdog | None = None
        self.over = False       # the block has been left (the watchdog must not fire any more)
        self._fired = False     # the watchdog has raised in the thread

    def __enter__(self) -> "Deadline":
        if self.seconds is None:
            return self
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            self._old_handler = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        else:
            self._thread_id = threading.get_ident()
            self._dog = _watchdog()
            self._dog.arm(self, time.monotonic() + self.seconds)
        return self

    def fire(self) -> None:
        """(the watchdog, holding its lock)"""
        if not self.over:
            self._fired = True
            _raise_in(self._thread_id, DocTimeout)

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._old_handler is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old_handler)
            self._old_handler = None
        elif self._dog is not None:
            with self._dog.cond:
                self.over = True
                if self._fired and exc_type is not DocTimeout:
                    _raise_in(self._thread_id, None)    # left just in time: withdraw the pending raise

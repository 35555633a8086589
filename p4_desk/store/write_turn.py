"""The writers of one SQLite file take turns in the order they came (``store.sqlite_lock``).

Before its ``BEGIN IMMEDIATE`` a write transaction takes an OS lock on ``<database>.write-lock``
(``p4_desk.file_lock``) and lets go of it when the transaction ends. A writer that finds the lock
taken waits in the kernel, which hands the lock over as soon as its holder lets go, to the writers
in about the order they started to wait. SQLite's write lock itself gives no such order: a
waiter can only try again after a sleep, so with 8 busy processes a writer sometimes lost many
rounds in a row to newcomers (p99 120–130 ms against a p50 of ~24 ms, docs/BENCHMARKS.md).

The kernel's wait has no timeout, and a writer must give up after its budget with the Indonesian
"terkunci terlalu lama" message (a process stopped in a debugger, a laptop put to sleep mid-write).
So a writer that has to wait hands the waiting to a daemon thread of its connection and waits for
that thread with the budget. A writer that gives up leaves the thread waiting; when the lock comes,
the thread lets go of it at once unless the connection wants it again by then.

Every connection of every process has its own open lock file (a lock belongs to the open file), so
threads of one process take turns as processes do. A process that dies loses its lock with it.
A writer that does not go through P4 Desk (a migration, an SQLite shell) still only meets SQLite's
own lock, which the caller waits for as before.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from p4_desk import file_lock

log = logging.getLogger(__name__)


def lock_path(database: str) -> Path:
    return Path(f"{database}.write-lock")


class WriteTurn:
    """One connection's place among a file's writers. ``acquire``/``release`` from one thread at a
    time (a connection serves one transaction at a time); the helper thread is its own."""

    def __init__(self, path: Path) -> None:
        self._fd = file_lock.open_lock_file(path)
        self._state = threading.Condition()
        self._held = False  # this connection's file holds the lock
        self._waiting = False  # the helper thread is waiting in the kernel for it
        self._wanted = False  # a writer waits for the helper thread
        self._closed = False
        self._thread: threading.Thread | None = None

    def acquire(self, timeout: float) -> bool:
        """True when this connection now holds the lock; False after ``timeout`` seconds."""
        with self._state:
            if self._held:
                return True
            if not self._waiting:
                if file_lock.try_lock(self._fd):
                    self._held = True
                    return True
                self._waiting = True
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._wait_for_lock, name="p4-write-turn", daemon=True
                    )
                    self._thread.start()
                self._state.notify_all()
            self._wanted = True
            try:
                return self._state.wait_for(lambda: self._held, timeout)
            finally:
                self._wanted = False

    def release(self) -> None:
        with self._state:
            if self._held:
                self._held = False
                file_lock.unlock(self._fd)

    def close(self) -> None:
        with self._state:
            self.release()
            self._closed = True
            self._state.notify_all()
            if not self._waiting:
                os.close(self._fd)  # else the helper thread closes it when its wait ends

    def _wait_for_lock(self) -> None:
        while True:
            with self._state:
                self._state.wait_for(lambda: self._waiting or self._closed)
                if self._closed and not self._waiting:
                    return
            try:
                file_lock.lock(self._fd)
            except OSError as exc:  # the writer's wait runs out; the next wait starts a new thread
                log.warning("write turn: waiting for the lock failed: %s", exc)
                with self._state:
                    self._waiting, self._thread = False, None
                    if self._closed:
                        os.close(self._fd)
                return
            with self._state:
                self._waiting = False
                if self._wanted and not self._closed:
                    self._held = True
                    self._state.notify_all()
                    continue
                file_lock.unlock(self._fd)  # the writer gave up meanwhile: pass the turn on
                if self._closed:
                    os.close(self._fd)
                    return

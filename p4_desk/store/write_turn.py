"""The writers of one SQLite file take turns in the order they came (``store.sqlite_lock``).

Before its ``BEGIN IMMEDIATE`` a write transaction takes its turn through ``<database>.write-lock``
and gives it back when the transaction ends. SQLite's write lock itself gives no order: a waiter
can only try again after a sleep, so with 8 busy processes a writer sometimes lost many rounds in a
row to newcomers (p99 120–130 ms against a p50 of ~24 ms, docs/BENCHMARKS.md). A whole-file OS
lock was not enough either: on its release the kernel wakes every waiter and the first to run
takes it, so a writer was overtaken by 1 later one at the median and 10–13 at p99
(``bench/bench_write_turns.py``).

So the turns are a queue of tickets, as at the hall's own kiosk (the "ticket lock"; ``file_lock``'s
byte locks, which belong to the open file, as in Linux's and Windows' byte-range locking):

- **Taking a number**: under the lock of byte 0 (held for a read and a write of 8 bytes) the
  writer reads the next number ``n`` (8 bytes at ``NEXT_AT``), writes ``n + 1`` and locks its
  own slot, byte ``1 + n % SLOTS``.
- **Waiting**: it waits for the slot of number ``n - 1``, which its holder keeps until its
  transaction ends; once it has it, it lets it go at once. Only one writer waits on each slot, so
  the turn goes to exactly the next number, with one wake-up.
- **Giving back**: unlocking its own slot lets number ``n + 1`` go on.

The kernel's wait has no timeout, and a writer must give up after its budget with the Indonesian
"terkunci terlalu lama" message (a process stopped in a debugger, a laptop put to sleep mid-write).
So a writer that has to wait hands the waiting to a daemon thread of its connection and waits for
that thread with the budget. A writer that gives up keeps its number (those behind it keep their
place): the thread goes on waiting, and when the turn comes it gives it back at once unless the
connection wants it again by then.

Every connection of every process has its own open lock file (a lock belongs to the open file), so
threads of one process take turns as processes do. A process that dies loses its locks with it:
the number after its own goes on. Where the OS has no byte locks (``file_lock.BYTE_LOCKS``) there
are no turns and writers meet only SQLite's lock, as does a writer that does not go through
P4 Desk (a migration, an SQLite shell): the turns order P4 Desk's writers, SQLite's lock is what
keeps two writes apart.
"""

from __future__ import annotations

import contextlib
import logging
import os
import struct
import threading
from pathlib import Path

from p4_desk import file_lock

log = logging.getLogger(__name__)


#: slots of the queue: numbers that far apart share one (never that many writers at once)
SLOTS = 4096
_NEXT = struct.Struct("<Q")  # the next number
#: where the next number is kept: past the locked bytes (Windows' byte locks also bar reading
#: and writing the bytes another handle has locked)
NEXT_AT = 8192


def lock_path(database: str) -> Path:
    return Path(f"{database}.write-lock")


def _slot(number: int) -> int:
    return 1 + number % SLOTS


def _next_number(fd: int) -> int:
    """The number the next writer will take (0 in a new file); read under the lock of byte 0."""
    os.lseek(fd, NEXT_AT, os.SEEK_SET)
    stored = os.read(fd, _NEXT.size)
    return int(_NEXT.unpack(stored)[0]) if len(stored) == _NEXT.size else 0


def someone_has_the_turn(path: Path) -> bool:
    """True while a writer holds or waits for a turn of the file (the last number's slot is
    locked: each number keeps its slot until after the one before it let go)."""
    fd = file_lock.open_lock_file(path)
    try:
        file_lock.lock_byte(fd, 0, wait=True)
        try:
            last = _slot(_next_number(fd) - 1)
            if file_lock.lock_byte(fd, last, wait=False):
                file_lock.unlock_byte(fd, last)
                return False
            return True
        finally:
            file_lock.unlock_byte(fd, 0)
    finally:
        os.close(fd)


class WriteTurn:
    """One connection's place among a file's writers. ``acquire``/``release`` from one thread at a
    time (a connection serves one transaction at a time); the helper thread is its own."""

    available = file_lock.BYTE_LOCKS

    def __init__(self, path: Path) -> None:
        self._fd = file_lock.open_lock_file(path)
        self._state = threading.Condition()
        self._held = False  # this connection's file holds the lock
        self._waiting = False  # the helper thread is waiting in the kernel for it
        self._wanted = False  # a writer waits for the helper thread
        self._closed = False
        self._thread: threading.Thread | None = None
        self._number = 0  # this connection's last number in the queue

    def acquire(self, timeout: float) -> bool:
        """True when this connection now holds the turn; False after ``timeout`` seconds."""
        with self._state:
            if self._held:
                return True
            if not self._waiting:
                try:
                    self._take_number()
                    turn_is_free = file_lock.lock_byte(self._fd, _slot(self._number - 1), wait=False)
                except OSError as exc:  # (e.g. a full disk): this write meets only SQLite's lock
                    log.warning("write turn: taking a number failed, writing without a turn: %s", exc)
                    with contextlib.suppress(OSError):
                        file_lock.unlock_byte(self._fd, _slot(self._number))
                    return False
                if turn_is_free:
                    file_lock.unlock_byte(self._fd, _slot(self._number - 1))
                    self._held = True
                    return True
                self._waiting = True
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._wait_for_turn, name="p4-write-turn", daemon=True
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
                file_lock.unlock_byte(self._fd, _slot(self._number))

    def close(self) -> None:
        with self._state:
            self.release()
            self._closed = True
            self._state.notify_all()
            if not self._waiting:
                os.close(self._fd)  # else the helper thread closes it when its wait ends

    def _take_number(self) -> None:
        """This connection's number in the queue, its own slot locked (module docstring)."""
        file_lock.lock_byte(self._fd, 0, wait=True)
        try:
            number = _next_number(self._fd)
            os.lseek(self._fd, NEXT_AT, os.SEEK_SET)
            os.write(self._fd, _NEXT.pack((number + 1) % 2**63))
            # free: its last holder was SLOTS numbers ago (or the next writer is looking at it)
            file_lock.lock_byte(self._fd, _slot(number), wait=True)
            self._number = number
        finally:
            file_lock.unlock_byte(self._fd, 0)

    def _wait_for_turn(self) -> None:
        while True:
            with self._state:
                self._state.wait_for(lambda: self._waiting or self._closed)
                if self._closed and not self._waiting:
                    return
                before = _slot(self._number - 1)
            try:  # the writer before holds its slot until its transaction ends
                file_lock.lock_byte(self._fd, before, wait=True)
                file_lock.unlock_byte(self._fd, before)
            except OSError as exc:  # the writer's wait runs out; the next wait starts a new thread
                log.warning("write turn: waiting for the turn failed: %s", exc)
                with self._state:
                    file_lock.unlock_byte(self._fd, _slot(self._number))  # (those behind go on)
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
                file_lock.unlock_byte(self._fd, _slot(self._number))  # gave up meanwhile: pass it on
                if self._closed:
                    os.close(self._fd)
                    return

"""One sender per site at a time (DESIGN §5).

- PostgreSQL (many PCs on one site database): a session-level ``pg_try_advisory_lock`` on a
  dedicated connection, thrown away afterwards so the lock can never leak back into the pool.
  If the PC holding it dies, the server ends the session and the lock goes with it.
- SQLite (one PC, possibly several processes): an OS lock on ``<database>.sync-lock`` next to
  the database file (``flock`` / ``msvcrt.locking``). The OS drops it when the process dies, so
  no lease or heartbeat is needed; SQLite is never shared across PCs (DESIGN §2).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy import text

from p4_desk.store.db import Database

# Any constant works: one site database holds one site. "P4DS" in ASCII.
ADVISORY_LOCK_KEY = 0x50344453


@contextmanager
def sender_lock(db: Database) -> Iterator[bool]:
    """Yields True when this process is now the site's only sender, False when another is."""
    if db.is_sqlite:
        path = db.url.database
        if not path or path == ":memory:":
            yield True  # an in-memory database belongs to this process alone
            return
        with _file_lock(Path(f"{path}.sync-lock")) as held:
            yield held
        return
    with _advisory_lock(db) as held:
        yield held


@contextmanager
def _advisory_lock(db: Database) -> Iterator[bool]:
    conn = db.engine.connect()
    try:
        held = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_LOCK_KEY}).scalar())
        conn.commit()
        yield held
    finally:
        # Closing the DBAPI connection ends the session and with it any advisory lock.
        conn.invalidate()
        conn.close()


@contextmanager
def _file_lock(path: Path) -> Iterator[bool]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+b")
    held = False
    try:
        held = _try_lock(handle)
        yield held
    finally:
        if held:
            _unlock(handle)
        handle.close()


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

"""One sender per site at a time (DESIGN §5).

- PostgreSQL (many PCs on one site database): a session-level ``pg_try_advisory_lock`` on a
  dedicated connection, thrown away afterwards so the lock can never leak back into the pool.
  If the PC holding it dies, the server ends the session and the lock goes with it.
- SQLite (one PC, possibly several processes): an OS lock on ``<database>.sync-lock`` next to
  the database file (``p4_desk.file_lock``: ``flock`` / ``LockFileEx``). The OS drops it when
  the process dies, so no lease or heartbeat is needed; SQLite is never shared across PCs
  (DESIGN §2).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from p4_desk import file_lock
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
    fd = file_lock.open_lock_file(path)
    held = False
    try:
        held = file_lock.try_lock(fd)
        yield held
    finally:
        if held:
            file_lock.unlock(fd)
        os.close(fd)

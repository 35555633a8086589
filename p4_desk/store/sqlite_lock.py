"""Connection setup of a SQLite site file and how a write transaction waits for the write lock.

Every write transaction starts with ``BEGIN IMMEDIATE`` (``Database.write``), so the only place a
writer waits for another process is that statement. SQLite's own busy handler
(``PRAGMA busy_timeout``) waits there in fixed steps of 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50
and then 100 ms: a writer that missed the lock a few times sleeps 50–100 ms at a stretch while
the other process held the lock for ~2 ms, so with 8 writer processes p99 was ~535 ms against a
p50 of ~4 ms (docs/BENCHMARKS.md).

Here the wait is ours instead: ``BEGIN IMMEDIATE`` is tried with the busy timeout off, and on
"database is locked" retried after a short jittered sleep (0.25–1.25 ms) until the same overall
budget (10 s) is spent; then the last attempt's error reaches ``translate_db_error`` ("Basis data
sedang dipakai proses lain..."). This is the approach of the Ruby SQLite driver's
``busy_handler_timeout`` (a fixed ~1 ms sleep with a deadline, the default of Rails 8), done in
Python because the standard ``sqlite3`` module has no ``sqlite3_busy_handler``. The jitter keeps
waiting processes from retrying in lock-step. Every other statement keeps the ordinary busy
timeout (a reader in WAL mode waits only in rare cases, e.g. WAL recovery; a migration's
deferred transaction waits as before).
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from p4_desk import owner_only

# the sleep between two attempts at the write lock, seconds (uniform, see the module docstring)
RETRY_SLEEP = (0.00025, 0.00125)


def install_sqlite_hooks(engine: Engine, busy_timeout_ms: int, database: str | None = None) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        if database and database != ":memory:":  # every NIK is in it: owner-only (UU 27/2022)
            owner_only.protect_once(Path(database))
        # Let SQLAlchemy's "begin" event decide how a transaction starts (DEFERRED/IMMEDIATE).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        if not conn.get_execution_options().get("p4_write"):
            conn.exec_driver_sql("BEGIN DEFERRED")
            return
        if not begin_immediate(conn.connection.dbapi_connection, busy_timeout_ms):
            # budget spent (or another error): this last attempt's error goes through
            # SQLAlchemy's error wrapping to translate_db_error (the busy timeout is still off)
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                conn.connection.dbapi_connection.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")


def begin_immediate(dbapi_connection: sqlite3.Connection, budget_ms: int) -> bool:
    """``BEGIN IMMEDIATE`` with short jittered retries while the database is locked.

    True: the transaction is open and the busy timeout restored. False: the budget ran out or
    another error came; the busy timeout is left off so the caller's last attempt fails at once
    with the driver's error."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 0")
        deadline = time.monotonic() + budget_ms / 1000
        while True:
            try:
                cursor.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() >= deadline:
                    return False
                time.sleep(random.uniform(*RETRY_SLEEP))
                continue
            cursor.execute(f"PRAGMA busy_timeout = {budget_ms}")
            return True
    finally:
        cursor.close()


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(exc).lower()
    return "locked" in text or "busy" in text

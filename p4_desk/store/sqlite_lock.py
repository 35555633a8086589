"""Connection setup of a SQLite site file, how a write transaction waits for the write lock, and
where the WAL's checkpoints run.

Every write transaction starts with ``BEGIN IMMEDIATE`` (``Database.write``), so the only place a
writer waits for another process is that statement. SQLite's own busy handler
(``PRAGMA busy_timeout``) waits there in fixed steps of 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50
and then 100 ms: a writer that missed the lock a few times sleeps 50–100 ms at a stretch while
the other process held the lock for ~2 ms, so with 8 writer processes p99 was ~535 ms against a
p50 of ~4 ms (docs/BENCHMARKS.md).

Writers of P4 Desk first take their turn (``store.write_turn``: a queue of numbers kept with the
OS's byte locks, served in arrival order). SQLite's own lock is then waited for here: ``BEGIN
IMMEDIATE`` is tried with the busy timeout off, and on "database is locked" retried after a short
jittered sleep (0.25–1.25 ms) until the same overall budget (10 s) is spent; then the last
attempt's error reaches ``translate_db_error`` ("Basis data sedang dipakai proses lain..."). This
is the approach of the Ruby SQLite driver's ``busy_handler_timeout`` (a fixed ~1 ms sleep with a
deadline, the default of Rails 8), done in Python because the standard ``sqlite3`` module has no
``sqlite3_busy_handler``. The jitter keeps waiting processes from retrying in lock-step. Every
other statement keeps the ordinary busy timeout (a reader in WAL mode waits only in rare cases,
e.g. WAL recovery; a migration's deferred transaction waits as before).

Checkpoints (``WalCheckpointer``): SQLite's automatic checkpoint runs inside the commit that takes
the WAL past 1,000 pages, so about one write in a hundred also copied ~4 MB into the database file
and synced it while its caller waited: that commit was a one-process issue's p99. Here each
connection has the automatic checkpoint off and a daemon thread of the process runs a PASSIVE
checkpoint (it never waits for a reader or a writer) a second after this process last wrote.
Several processes' threads take turns (SQLite allows one checkpointer at a time; a busy one gives
up until its next turn). A closing process checkpoints as before (SQLite does it on the last
connection's close).
"""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import threading
import time
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from p4_desk import owner_only
from p4_desk.store.write_turn import WriteTurn, lock_path

log = logging.getLogger(__name__)

# the sleep between two attempts at the write lock, seconds (uniform, see the module docstring)
RETRY_SLEEP = (0.00025, 0.00125)
#: seconds between this process's last write and its checkpoint of the WAL
CHECKPOINT_DELAY = 1.0


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
        cursor.execute("PRAGMA wal_autocheckpoint = 0")  # WalCheckpointer's thread does it
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    turns = bool(database and database != ":memory:" and WriteTurn.available)

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        if not conn.get_execution_options().get("p4_write"):
            conn.exec_driver_sql("BEGIN DEFERRED")
            return
        budget_ms = busy_timeout_ms
        if turns:
            assert database is not None
            started = time.monotonic()
            turn = conn.connection.info.get(_TURN)
            if turn is None:
                turn = conn.connection.info[_TURN] = WriteTurn(lock_path(database))
            # after the budget the transaction still tries SQLite's own lock below (at once)
            turn.acquire(busy_timeout_ms / 1000)
            budget_ms = max(0, busy_timeout_ms - int((time.monotonic() - started) * 1000))
        if not begin_immediate(conn.connection.dbapi_connection, budget_ms, busy_timeout_ms):
            _release_turn(conn.connection.info)
            # budget spent (or another error): this last attempt's error goes through
            # SQLAlchemy's error wrapping to translate_db_error (the busy timeout is still off)
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                conn.connection.dbapi_connection.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")

    if not turns:
        return

    # The turn passes on when the connection goes back to the pool, i.e. after the commit (the
    # "commit" event comes before it: the next writer would only find SQLite's lock still taken).
    @event.listens_for(engine, "checkin")
    def on_checkin(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:  # (a connection that was not kept: nothing to release)
            _release_turn(record.info)

    @event.listens_for(engine, "close")
    def on_close(_dbapi_connection: Any, record: Any) -> None:
        turn = record.info.pop(_TURN, None)
        if turn is not None:
            turn.close()


_TURN = "p4_write_turn"


def _release_turn(info: dict[str, Any]) -> None:
    turn = info.get(_TURN)
    if turn is not None:
        turn.release()


class WalCheckpointer:
    """Checkpoints of the site files' WALs on one daemon thread of the process, a moment after a
    write (module docstring). Engines are held weakly: one that is dropped is forgotten."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._changed = threading.Condition()
        self._due: weakref.WeakSet[Engine] = weakref.WeakSet()
        self._busy: Engine | None = None  # the engine being checkpointed now
        self._thread: threading.Thread | None = None

    def watch(self, engine: Engine) -> None:
        """Checkpoint ``engine``'s file after its write transactions."""

        watched = weakref.ref(engine)  # the base engine (a write's connection may come from an option engine)

        @event.listens_for(engine, "commit")
        def on_commit(conn: Any) -> None:
            if conn.get_execution_options().get("p4_write") and (base := watched()) is not None:
                self._wrote(base)

    def _wrote(self, engine: Engine) -> None:
        with self._changed:
            self._due.add(engine)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="p4-wal-checkpoint", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def forget(self, engine: Engine) -> None:
        """No more checkpoints of ``engine`` (it is being disposed): waits for one under way."""
        with self._changed:
            self._due.discard(engine)
            while self._busy is engine:
                self._changed.wait()

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._due:
                    self._changed.wait()
            time.sleep(CHECKPOINT_DELAY)  # writes come in bursts: one checkpoint after them
            while True:
                with self._changed:
                    try:  # (an engine dropped by the collector leaves the set at any moment)
                        engine: Engine | None = self._due.pop()
                    except KeyError:
                        engine = None
                    self._busy = engine
                if engine is None:
                    break
                try:
                    with engine.connect() as conn:
                        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
                except Exception as exc:  # busy, or the file went away: the next write tries again
                    log.debug("WAL checkpoint skipped: %s", exc)
                finally:
                    with self._changed:
                        self._busy = None
                        self._changed.notify_all()
                del engine

    def _after_fork(self) -> None:
        """In a forked child: the parent's thread is not there; the child starts its own."""
        self._reset()


#: the process's one checkpointer
CHECKPOINTS = WalCheckpointer()
if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=CHECKPOINTS._after_fork)


def begin_immediate(dbapi_connection: sqlite3.Connection, budget_ms: int, busy_timeout_ms: int) -> bool:
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
            cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
            return True
    finally:
        cursor.close()


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(exc).lower()
    return "locked" in text or "busy" in text

"""Opening a site database: engine, connection pragmas, sessions, error translation.

``Database.read()`` gives a session for queries; ``Database.write()`` gives a session whose
transaction is committed at the end of the block (or rolled back on any exception). On SQLite
write transactions start with ``BEGIN IMMEDIATE`` so two processes never both read-then-write
the same rows; PostgreSQL uses row locks (``FOR UPDATE [SKIP LOCKED]``) inside the services.

Blocks nest: a ``read()`` opened inside another ``read()`` or ``write()`` of the same thread (or
task) joins that session, and a ``write()`` inside a ``write()`` joins its transaction. So a use
case or a screen's read model composes public service calls into one transaction: the outermost
block commits (or rolls back everything). A ``write()`` inside a ``read()`` is its own
transaction. ``read(snapshot=True)`` reads from one snapshot on PostgreSQL too (REPEATABLE READ;
SQLite's deferred transaction in WAL mode is one snapshot already).
"""

from __future__ import annotations

import logging
import socket
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from p4_desk.errors import DatabaseCorrupt, DatabaseUnavailable, P4Error
from p4_desk.store.models import Site
from p4_desk.store.types import utcnow

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000


def normalize_url(url: str) -> URL:
    parsed = make_url(url)
    # "postgresql://" alone would pick psycopg2, which we do not ship.
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def create_site_engine(url: str, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
            poolclass=NullPool if parsed.database in (None, "", ":memory:") else None,
        )
        _install_sqlite_hooks(engine, busy_timeout_ms)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(
            parsed,
            pool_pre_ping=True,
            pool_size=2,
            max_overflow=4,
            connect_args={"connect_timeout": 5, "application_name": "p4-desk"},
        )
    raise DatabaseUnavailable(
        f"Jenis basis data '{parsed.get_backend_name()}' tidak didukung. Gunakan SQLite atau PostgreSQL."
    )


def _install_sqlite_hooks(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
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
        mode = "IMMEDIATE" if conn.get_execution_options().get("p4_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def translate_db_error(exc: BaseException, url: URL) -> P4Error:
    """Turn a driver error into the Indonesian message an officer or site IT can act on."""
    text = str(getattr(exc, "orig", exc)).lower()
    if url.get_backend_name() == "sqlite":
        if "database is locked" in text or "busy" in text:
            return DatabaseUnavailable(
                "Basis data sedang dipakai proses lain dan terkunci terlalu lama. Coba lagi sebentar lagi."
            )
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return DatabaseCorrupt(
                f"Berkas basis data {url.database} rusak atau bukan basis data P4 Desk. "
                "Pulihkan dari cadangan (p4-desk restore)."
            )
        if "unable to open" in text or "readonly" in text or "read-only" in text:
            return DatabaseUnavailable(
                f"Berkas basis data {url.database} tidak dapat dibuka atau ditulisi. Periksa izin folder."
            )
        return DatabaseUnavailable(f"Basis data tidak dapat dipakai: {text}")
    return DatabaseUnavailable(
        f"Server basis data {url.host or 'lokal'}:{url.port or 5432} tidak dapat dihubungi. "
        "Periksa jaringan dan server PostgreSQL, lalu coba lagi."
    )


def workstation_name() -> str:
    return socket.gethostname() or "workstation"


class Database:
    """One site database, opened by one process. Cheap to share between threads."""

    def __init__(
        self,
        url: str,
        *,
        clock: Callable[[], datetime] = utcnow,
        workstation: str | None = None,
        busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS,
    ) -> None:
        self.url = normalize_url(url)
        self.engine = create_site_engine(url, busy_timeout_ms=busy_timeout_ms)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(p4_write=True), expire_on_commit=False)
        self.clock = clock
        self.workstation = workstation or workstation_name()
        self._timezone: ZoneInfo | None = None
        # the session of the outermost open block in this thread / task, and whether it writes
        self._open: ContextVar[tuple[Session, bool] | None] = ContextVar(
            f"p4-session-{id(self)}", default=None
        )

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def now(self) -> datetime:
        return self.clock()

    @property
    def timezone(self) -> ZoneInfo:
        if self._timezone is None:
            with self.read() as s:
                tz = s.scalar(select(Site.timezone).where(Site.id == 1))
            self._timezone = ZoneInfo(tz or "Asia/Jakarta")
        return self._timezone

    def forget_site_cache(self) -> None:
        self._timezone = None

    @contextmanager
    def read(self, *, snapshot: bool = False) -> Iterator[Session]:
        """A session for queries; inside an open block of this thread it is that block's session."""
        joined = self._open.get()
        if joined is not None:
            yield joined[0]
            return
        try:
            with self._read() as session:
                if snapshot and not self.is_sqlite:
                    session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
                token = self._open.set((session, False))
                try:
                    yield session
                finally:
                    self._open.reset(token)
        except P4Error:
            raise
        except (OperationalError, DBAPIError) as exc:
            raise translate_db_error(exc, self.url) from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the outermost write block ends, rolled back on any exception."""
        joined = self._open.get()
        if joined is not None and joined[1]:
            yield joined[0]
            return
        try:
            with self._write() as session, session.begin():
                token = self._open.set((session, True))
                try:
                    yield session
                finally:
                    self._open.reset(token)
        except P4Error:
            raise
        except (OperationalError, DBAPIError) as exc:
            raise translate_db_error(exc, self.url) from exc

    def check_connection(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except SQLAlchemyError as exc:
            raise translate_db_error(exc, self.url) from exc

    def dispose(self) -> None:
        self.engine.dispose()

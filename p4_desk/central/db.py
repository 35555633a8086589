"""Engine and sessions of the central database: SQLite by default, PostgreSQL in production."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from p4_desk.central import migrate as schema

#: environment variable that overrides the default database URL
DB_ENV = "P4_CENTRAL_DB"


def default_db_url() -> str:
    """``$P4_CENTRAL_DB``, else a SQLite file in the user data dir of ``p4-desk-central``."""
    url = os.environ.get(DB_ENV)
    if url:
        return url
    data_dir = Path(platformdirs.user_data_dir("p4-desk-central"))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'central.sqlite3'}"


def open_engine(db_url: str, *, migrate: bool = True) -> Engine:
    """Create the engine and bring the schema to the newest revision (``central.migrate``)."""
    if db_url.startswith("sqlite"):
        engine = create_engine(db_url, connect_args={"timeout": 30, "check_same_thread": False})
        _serialise_sqlite_writers(engine)
    else:
        engine = create_engine(db_url, pool_pre_ping=True)
    if migrate:
        try:
            schema.upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
    return engine



def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def _serialise_sqlite_writers(engine: Engine) -> None:
    """WAL + ``BEGIN IMMEDIATE``: concurrent writers queue instead of failing with 'locked'.

    pysqlite's own transaction handling begins lazily and would let two connections
    both read and then deadlock on the upgrade to a write lock.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

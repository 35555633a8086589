"""Schema migrations, applied whenever a database is opened.

On SQLite the file is copied to ``<name>.pre-<revision>.bak`` (online backup API, consistent
even while other workstations write) before any migration runs.
"""

from __future__ import annotations

import logging
import sqlite3
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from p4_desk.errors import PermissionDenied
from p4_desk.store.db import Database, translate_db_error

log = logging.getLogger(__name__)


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "p4_desk.store:migrations")
    return cfg


@cache  # the scripts ship with the program: read them once per process
def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


# Revision ids before the files were renumbered in chain order (0001 -> 0201 -> 0301 -> 0101 -> 0501).
# A database stamped with one of them is restamped with its new id before upgrading.
LEGACY_REVISIONS = {"0201": "0002", "0301": "0003", "0101": "0004", "0501": "0005"}


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError as exc:
        raise translate_db_error(exc, db.url) from exc
    return LEGACY_REVISIONS.get(revision, revision) if revision else None


def _restamp_legacy(conn: Connection) -> None:
    stamped = MigrationContext.configure(conn).get_current_revision()
    if stamped in LEGACY_REVISIONS:
        conn.execute(
            text("UPDATE alembic_version SET version_num = :new WHERE version_num = :old"),
            {"new": LEGACY_REVISIONS[stamped], "old": stamped},
        )


def backup_sqlite_file(db: Database, suffix: str) -> Path | None:
    path = db.url.database
    if not db.is_sqlite or not path or path == ":memory:" or not Path(path).exists():
        return None
    target = Path(f"{path}.{suffix}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def upgrade(db: Database, revision: str = "head") -> bool:
    """Bring the schema to ``revision``; returns True when anything was applied."""
    current = current_revision(db)
    if current == head_revision() and revision == "head":
        return False
    if current is not None:
        saved = backup_sqlite_file(db, f"pre-{head_revision()}")
        if saved:
            log.info("database backed up to %s before migrating", saved)
    cfg = _config()
    try:
        with db.engine.execution_options(p4_write=True).connect() as conn:
            cfg.attributes["connection"] = conn
            _restamp_legacy(conn)
            command.upgrade(cfg, revision)
            conn.commit()
    except SQLAlchemyError as exc:
        raise translate_db_error(exc, db.url) from exc
    db.forget_site_cache()
    return True


def downgrade(db: Database, revision: str) -> None:
    cfg = _config()
    with db.engine.execution_options(p4_write=True).connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        conn.commit()


def open_database(url: str, *, owner_url: str | None = None, **kwargs: object) -> Database:
    """Open (creating if needed) and migrate a site database.

    With ``owner_url`` (PostgreSQL least-privilege setup, README) the schema is migrated over
    the owner's connection and the workstation keeps its own, which cannot alter the schema.
    """
    db = Database(url, **kwargs)  # type: ignore[arg-type]
    if owner_url and current_revision(db) != head_revision():
        owner = Database(owner_url, workstation=db.workstation)
        try:
            upgrade(owner)
        finally:
            owner.dispose()
        db.forget_site_cache()
        return db
    try:
        upgrade(db)
    except PermissionDenied:
        db.dispose()
        raise PermissionDenied(
            f"Skema basis data perlu diperbarui ke revisi {head_revision()}, tetapi akun basis data "
            "workstation ini tidak berhak mengubah skema. Jalankan sekali dengan akun pemilik: "
            "p4-desk db upgrade --db URL_PEMILIK (atau isi pengaturan database.owner_url)."
        ) from None
    return db

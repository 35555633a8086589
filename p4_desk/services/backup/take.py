"""Taking a backup: the SQLite online backup API or ``pg_dump``, and the automatic daily backup.

Every backup is encrypted (``sealed``) with the site's key from the keyring (``keys``): the plain
copy exists only as an owner-only ``.partial`` file in the (owner-only) target folder while it is
sealed, and is deleted whatever happens. Without a usable keyring no backup is written (an
Indonesian message says why); a backup in clear is never made silently.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL

from p4_desk import owner_only
from p4_desk.config import Settings, data_dir
from p4_desk.errors import DatabaseUnavailable, P4Error, ValidationError, os_reason
from p4_desk.services.backup import keys, sealed
from p4_desk.services.backup.model import (
    AUTO_PREFIX,
    PG_SUFFIX,
    SEALED_SUFFIX,
    SQLITE_SUFFIX,
    BackupError,
    BackupInfo,
)
from p4_desk.services.backup.pg_tools import pg_dump
from p4_desk.store.db import Database

log = logging.getLogger(__name__)


# --- backup ---------------------------------------------------------------------------------


def backup(db: Database, target: Path) -> BackupInfo:
    """Write an encrypted, consistent copy of ``db`` to ``target`` (a new file; its folder is created)."""
    target = Path(target)
    try:
        if not target.parent.exists():
            owner_only.private_dir(target.parent)
    except OSError as exc:
        raise BackupError(f"Folder cadangan {target.parent} tidak dapat dibuat: {os_reason(exc)}") from exc
    site = site_code(db)
    key = keys.site_key(site, create=True)
    assert key is not None
    plain = target.with_name(target.name + ".plain")
    try:
        plain_copy(db, plain)
        sealed.seal(plain, target, site, key)
    finally:
        plain.unlink(missing_ok=True)
    return BackupInfo(str(target), target.stat().st_size, db.dialect, db.now())


def plain_copy(db: Database, target: Path) -> None:
    """An unencrypted copy, owner-only (a pre-restore copy, or what ``backup`` seals)."""
    if db.is_sqlite:
        sqlite_copy(sqlite_path(db.url), target)
    else:
        pg_dump(db.url, target)


def site_code(db: Database) -> str:
    """The site's code, read as the database is (a backup does not migrate it); "" when none."""
    try:
        with db.read() as s:
            return str(s.execute(text("SELECT code FROM site")).scalar() or "")
    except P4Error:
        return ""


def sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise ValidationError("Basis data di memori tidak dapat dicadangkan.")
    path = Path(url.database)
    if not path.is_file():
        raise DatabaseUnavailable(f"Berkas basis data {path} tidak ditemukan.")
    return path


def sqlite_copy(source: Path, target: Path) -> None:
    """Online backup into a temporary file, renamed when complete (never a half file)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        owner_only.touch_private(partial)  # SQLite fills the empty owner-only file
        src = sqlite3.connect(source, timeout=30)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # The copy is a standalone file: no -wal/-shm companions needed to read it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Pencadangan basis data gagal: {exc}") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Berkas cadangan {target} tidak dapat ditulis: {os_reason(exc)}") from exc


# --- automatic daily backup -----------------------------------------------------------------


def backup_dir() -> Path:
    """The backups folder in the data dir, owner-only (created when missing)."""
    return owner_only.private_dir(data_dir() / "backups")


def auto_backup_if_due(
    db: Database, settings: Settings | None = None, folder: Path | None = None
) -> Path | None:
    """Take today's automatic backup unless one exists; keep the newest ``backup.keep``.

    The app calls this at start and once a day. "Today" is the site's local date. Returns the
    new file, or None when disabled, already done today, or failed (logged as a warning). On
    PostgreSQL every workstation that calls it writes its own dump: call it on one PC only
    (the admin or supervisor PC), or rely on the server's own backups.
    """
    settings = settings or Settings.load()
    if not settings.get("backup.daily"):
        return None
    folder = folder or backup_dir()
    suffix = SQLITE_SUFFIX if db.is_sqlite else PG_SUFFIX
    today = db.now().astimezone(db.timezone).strftime("%Y%m%d")
    existing = _automatic(folder, suffix)
    if any(p.name.startswith(f"{AUTO_PREFIX}{today}") for p in existing):
        return None
    stamp = db.now().astimezone(db.timezone).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{AUTO_PREFIX}{stamp}{suffix}{SEALED_SUFFIX}"
    try:
        backup(db, target)
    except P4Error as exc:
        # A background job must not stop the workstation; the failure goes to the log file and
        # is retried at the next call (the app calls this at start and daily).
        log.warning("automatic backup failed: %s", exc.message)
        return None
    log.info("automatic backup written to %s", target)
    keep = max(1, int(settings.get("backup.keep")))
    for old in _automatic(folder, suffix)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _automatic(folder: Path, suffix: str) -> list[Path]:
    """The automatic backups in ``folder``, oldest first: encrypted ones and older plain ones."""
    names = (suffix, suffix + SEALED_SUFFIX)
    return sorted(p for p in folder.glob(f"{AUTO_PREFIX}*") if p.name.endswith(names))

"""Restoring a backup over the live database, after checking it and copying aside what it replaces."""

from __future__ import annotations

import hashlib
import logging
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from p4_desk import owner_only
from p4_desk.errors import DatabaseUnavailable, P4Error, ValidationError, os_reason
from p4_desk.services.backup import keys, sealed
from p4_desk.services.backup.model import (
    PG_SUFFIX,
    SQLITE_SUFFIX,
    WORKSTATION_APPLICATION_NAME,
    BackupError,
    BackupUnverified,
    RestoreInfo,
    WorkstationsConnected,
)
from p4_desk.services.backup.pg_tools import pg_dump, require_pg_tool, run_pg_tool
from p4_desk.services.backup.take import backup_dir, sqlite_copy, sqlite_path
from p4_desk.services.backup.verify import check_sqlite_backup, verify_backup
from p4_desk.store.db import normalize_url
from p4_desk.store.journal import Actor, record

log = logging.getLogger(__name__)


# --- who is connected -----------------------------------------------------------------------


def connected_workstations(url: str) -> list[str]:
    """Other processes that have the database open (description of each; empty when none)."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_connections(sqlite_path(parsed))
    return _pg_connections(parsed)


def _sqlite_connections(path: Path) -> list[str]:
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        mode = probe.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            return []
        try:
            probe.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.OperationalError:
            return [f"proses lain sedang membuka {path.name}"]
        probe.execute("PRAGMA journal_mode=WAL")  # leave it as the workstations expect it
        return []
    finally:
        probe.close()


def _pg_connections(url: URL) -> list[str]:
    engine = create_engine(url, connect_args={"connect_timeout": 5, "application_name": "p4-desk-admin"})
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT coalesce(client_addr::text, 'lokal'), backend_start FROM pg_stat_activity "
                    "WHERE datname = current_database() AND application_name = :app "
                    "AND pid <> pg_backend_pid()"
                ),
                {"app": WORKSTATION_APPLICATION_NAME},
            ).all()
    except SQLAlchemyError as exc:
        raise DatabaseUnavailable(f"Server basis data tidak dapat dihubungi: {exc.__cause__ or exc}") from exc
    finally:
        engine.dispose()
    return [f"koneksi dari {addr} sejak {start:%H:%M}" for addr, start in rows]


# --- restore --------------------------------------------------------------------------------


def restore(
    url: str,
    source: Path,
    *,
    force: bool = False,
    force_unverified: bool = False,
    keep_dir: Path | None = None,
    key: bytes | None = None,
) -> RestoreInfo:
    """Replace the database at ``url`` with the backup ``source``.

    An encrypted backup is opened with ``key`` (a recovery key file) or the site's key in the
    keyring, into an owner-only scratch file that is deleted afterwards; a wrong key or a changed
    file stops here, before anything is touched. An older unencrypted backup is read as it is.
    Refuses a backup whose audit trail fails ``verify_backup`` unless ``force_unverified``, and
    refuses while workstations are connected unless ``force``. What is replaced is first copied
    (owner-only) into ``keep_dir`` (default: the ``backups`` folder of the data dir). The caller
    records the restore in the restored database (``record_restore``).
    """
    source = Path(source)
    if not source.is_file():
        raise ValidationError(f"Berkas cadangan {source} tidak ditemukan.", field="path")
    folder = owner_only.private_dir(keep_dir) if keep_dir else backup_dir()
    with opened(source, key=key, folder=folder) as plain:
        try:
            info = _restore_plain(url, plain, force=force, force_unverified=force_unverified, folder=folder)
        except P4Error as exc:
            exc.message = exc.message.replace(str(plain), str(source))
            raise
    return replace(info, path=str(source), sha256=_sha256(source))


@contextmanager
def opened(source: Path, *, key: bytes | None, folder: Path) -> Iterator[Path]:
    """The backup ``source`` as a plain file: itself when unencrypted, else a scratch copy."""
    if not sealed.is_sealed(source):
        yield source
        return
    site = sealed.sealed_site(source)
    key = key or keys.site_key(site, create=False)
    if key is None:
        raise keys.BackupKeyMissing(
            f"Cadangan {source.name} terenkripsi dengan kunci situs {site or '-'}, yang tidak ada di "
            "keyring komputer ini. Pulihkan dengan berkas kunci pemulihan situs itu: "
            f"p4-desk restore {source.name} --key-file BERKAS. Tidak ada yang diubah."
        )
    plain = folder / f".p4desk-opening-{secrets.token_hex(6)}{''.join(source.suffixes[:-1])}"
    try:
        try:
            sealed.unseal(source, plain, key)
        except OSError as exc:
            raise BackupError(f"Cadangan {source.name} tidak dapat dibuka: {os_reason(exc)}") from exc
        yield plain
    finally:
        plain.unlink(missing_ok=True)


def _restore_plain(
    url: str, source: Path, *, force: bool, force_unverified: bool, folder: Path
) -> RestoreInfo:
    parsed = normalize_url(url)
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite:
        check_sqlite_backup(source)
    check = verify_backup(source, parsed.get_backend_name())
    if not check.verified and not force_unverified:
        raise BackupUnverified(
            f"Cadangan {source} ditolak: jejak auditnya tidak dapat dipercaya ("
            + "; ".join(check.problems)
            + "). Bila tetap harus dipulihkan, admin dapat memakai --force-unverified "
            "(tercatat di log audit basis data yang dipulihkan)."
        )
    digest = _sha256(source)
    if not force:
        others = connected_workstations(url) if not sqlite or Path(parsed.database or "").is_file() else []
        if others:
            raise WorkstationsConnected(
                "Pemulihan ditolak: masih ada workstation yang terhubung ke basis data ("
                + "; ".join(others)
                + "). Tutup P4 Desk di semua workstation, lalu ulangi; atau pakai --force."
            )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if sqlite:
        target = Path(parsed.database or "")
        kept: Path | None = None
        if target.is_file():
            kept = folder / f"p4desk-pre-restore-{stamp}{SQLITE_SUFFIX}"
            sqlite_copy(target, kept)
        _sqlite_restore(source, target)
        return RestoreInfo(str(source), "sqlite", str(kept) if kept else None, check, digest)
    kept = folder / f"p4desk-pre-restore-{stamp}{PG_SUFFIX}"
    pg_dump(parsed, kept)
    tool = require_pg_tool("pg_restore")
    options = ["--clean", "--if-exists", "--single-transaction", "--no-owner"]
    run_pg_tool([str(tool), *options, f"--dbname={parsed.database}", str(source)], parsed, "pg_restore")
    return RestoreInfo(str(source), "postgresql", str(kept), check, digest)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_restore(url: str, info: RestoreInfo, actor: Actor, *, owner_url: str | None = None) -> None:
    """Write the restore into the restored database's own audit log (after migrating it)."""
    from p4_desk.store.migrate import open_database

    db = open_database(url, owner_url=owner_url)
    try:
        with db.write() as s:
            record(
                s,
                db,
                actor,
                "database.restore",
                "database",
                None,
                details={
                    "source": Path(info.path).name,
                    "sha256": info.sha256,
                    "verified": not info.forced_unverified,
                    "problems": list(info.check.problems) if info.check else [],
                    "previous_copy": info.previous_copy,
                },
            )
    finally:
        db.dispose()


def _sqlite_restore(source: Path, target: Path) -> None:
    """Write the backup's pages into the live file through SQLite (its locks and WAL apply)."""
    if not target.parent.exists():
        owner_only.private_dir(target.parent)
    owner_only.touch_private(target)
    try:
        src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target, timeout=30)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise BackupError(f"Pemulihan basis data gagal: {exc}") from exc

"""Backup and restore of a site database, and the automatic daily backup.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies a consistent snapshot
while other workstations keep writing; a restore is written back through the same API, so
SQLite's own locks protect it, and the file it replaces is first copied aside.

PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists
--single-transaction``. The tools are looked up on PATH and in the usual install folders;
without them the site IT gets an Indonesian message saying what to install. The password
goes through the ``PGPASSWORD`` environment variable, never the command line.

Before anything is replaced the backup is verified (``verify_backup``): its audit log must carry
the append-only triggers and an unbroken hash chain (``store/journal.py``), and a site's log may
not be empty. A backup that fails is refused unless the admin passes ``force_unverified``; the
restore is recorded in the restored database either way (``record_restore``), with what was
found, so a forced restore stays visible.

"Connected" means: another process has the database open.
- SQLite: the workstations open it in WAL mode and keep their connections; leaving WAL mode
  needs the database to ourselves, so ``PRAGMA journal_mode=DELETE`` without waiting
  fails exactly when another connection (any process) is open.
- PostgreSQL: ``pg_stat_activity`` rows of the same database whose ``application_name`` is
  ``p4-desk`` (every workstation sets it), other than our own session.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from glob import glob
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from p4_desk.config import Settings, data_dir
from p4_desk.errors import DatabaseUnavailable, P4Error, ValidationError, os_reason
from p4_desk.store.db import Database, normalize_url
from p4_desk.store.journal import Actor, record, verify_rows

log = logging.getLogger(__name__)

WORKSTATION_APPLICATION_NAME = "p4-desk"
AUTO_PREFIX = "p4desk-auto-"
SQLITE_SUFFIX = ".sqlite3"
PG_SUFFIX = ".dump"


class BackupError(P4Error):
    code = "backup_failed"


class WorkstationsConnected(P4Error):
    code = "workstations_connected"


class BackupUnverified(P4Error):
    code = "backup_unverified"


@dataclass(frozen=True)
class BackupInfo:
    path: str
    size_bytes: int
    dialect: str
    taken_at: datetime


@dataclass(frozen=True)
class BackupCheck:
    """What ``verify_backup`` found: no problems means the audit trail is intact."""

    audit_rows: int
    problems: tuple[str, ...]  # Indonesian

    @property
    def verified(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class RestoreInfo:
    path: str
    dialect: str
    previous_copy: str | None  # what the restore replaced, kept aside
    check: BackupCheck | None = None
    sha256: str = ""

    @property
    def forced_unverified(self) -> bool:
        return self.check is not None and not self.check.verified


# --- backup ---------------------------------------------------------------------------------


def backup(db: Database, target: Path) -> BackupInfo:
    """Write a consistent copy of ``db`` to ``target`` (a new file; its folder is created)."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Folder cadangan {target.parent} tidak dapat dibuat: {os_reason(exc)}") from exc
    if db.is_sqlite:
        _sqlite_copy(_sqlite_path(db.url), target)
    else:
        _pg_dump(db.url, target)
    return BackupInfo(str(target), target.stat().st_size, db.dialect, db.now())


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise ValidationError("Basis data di memori tidak dapat dicadangkan.")
    path = Path(url.database)
    if not path.is_file():
        raise DatabaseUnavailable(f"Berkas basis data {path} tidak ditemukan.")
    return path


def _sqlite_copy(source: Path, target: Path) -> None:
    """Online backup into a temporary file, renamed when complete (never a half file)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
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


# --- PostgreSQL tools -----------------------------------------------------------------------


def find_pg_tool(name: str) -> Path | None:
    """``pg_dump`` / ``pg_restore`` on PATH or in the usual install folders (newest first)."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    found = shutil.which(exe)
    if found:
        return Path(found)
    if sys.platform == "win32":
        roots = [os.environ.get("PROGRAMFILES", r"C:\Program Files"), os.environ.get("PROGRAMW6432", "")]
        patterns = [os.path.join(r, "PostgreSQL", "*", "bin", exe) for r in roots if r]
    else:
        patterns = [f"/usr/lib/postgresql/*/bin/{exe}", f"/usr/pgsql-*/bin/{exe}", f"/opt/homebrew/bin/{exe}"]
    candidates = [Path(p) for pattern in patterns for p in glob(pattern)]
    candidates.sort(key=_version_key, reverse=True)
    return candidates[0] if candidates else None


def _version_key(path: Path) -> tuple[int, ...]:
    digits = [part for part in path.parts if part.replace(".", "").isdigit() or part.startswith("pgsql-")]
    for part in digits:
        number = part.removeprefix("pgsql-")
        try:
            return tuple(int(x) for x in number.split("."))
        except ValueError:
            continue
    return (0,)


def _require_pg_tool(name: str) -> Path:
    tool = find_pg_tool(name)
    if tool is None:
        raise BackupError(
            f"Program {name} tidak ditemukan. Pasang PostgreSQL client tools (versi yang sama atau "
            "lebih baru dari server) lalu tambahkan folder bin-nya ke PATH, atau jalankan pencadangan "
            "di server basis data."
        )
    return tool


def _pg_env(url: URL) -> dict[str, str]:
    env = dict(os.environ)
    for var, value in (
        ("PGHOST", url.host),
        ("PGPORT", url.port),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGDATABASE", url.database),
    ):
        if value is not None:
            env[var] = str(value)
    return env


def _run_pg_tool(args: list[str], url: URL, what: str) -> None:
    try:
        result = subprocess.run(args, env=_pg_env(url), capture_output=True, text=True, timeout=3600)
    except OSError as exc:
        raise BackupError(f"{what} gagal dijalankan: {exc}") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(f"{what} gagal: {detail[-1] if detail else f'kode keluar {result.returncode}'}")


def _pg_dump(url: URL, target: Path) -> None:
    tool = _require_pg_tool("pg_dump")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _run_pg_tool([str(tool), "--format=custom", "--no-owner", f"--file={partial}"], url, "pg_dump")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


# --- who is connected -----------------------------------------------------------------------


def connected_workstations(url: str) -> list[str]:
    """Other processes that have the database open (description of each; empty when none)."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_connections(_sqlite_path(parsed))
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
) -> RestoreInfo:
    """Replace the database at ``url`` with the backup ``source``.

    Refuses a backup whose audit trail fails ``verify_backup`` unless ``force_unverified``, and
    refuses while workstations are connected unless ``force``. What is replaced is first backed
    up into ``keep_dir`` (default: the ``backups`` folder of the data dir). The caller records the
    restore in the restored database (``record_restore``).
    """
    source = Path(source)
    if not source.is_file():
        raise ValidationError(f"Berkas cadangan {source} tidak ditemukan.", field="path")
    parsed = normalize_url(url)
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite:
        _check_sqlite_backup(source)
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
    folder = keep_dir or backup_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Folder cadangan {folder} tidak dapat dibuat: {os_reason(exc)}") from exc
    if sqlite:
        target = Path(parsed.database or "")
        kept: Path | None = None
        if target.is_file():
            kept = folder / f"p4desk-pre-restore-{stamp}{SQLITE_SUFFIX}"
            _sqlite_copy(target, kept)
        _sqlite_restore(source, target)
        return RestoreInfo(str(source), "sqlite", str(kept) if kept else None, check, digest)
    kept = folder / f"p4desk-pre-restore-{stamp}{PG_SUFFIX}"
    _pg_dump(parsed, kept)
    tool = _require_pg_tool("pg_restore")
    options = ["--clean", "--if-exists", "--single-transaction", "--no-owner"]
    _run_pg_tool([str(tool), *options, f"--dbname={parsed.database}", str(source)], parsed, "pg_restore")
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


# --- verifying a backup's audit trail -------------------------------------------------------

SQLITE_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete")


def verify_backup(source: Path, dialect: str) -> BackupCheck:
    """Check the audit log of a backup file without restoring it: triggers, chain, not empty."""
    if dialect == "sqlite":
        return _verify_sqlite_backup(source)
    return _verify_pg_backup(source)


def _verify_sqlite_backup(source: Path) -> BackupCheck:
    problems: list[str] = []
    conn = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        triggers = dict(
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
            )
        )
        for name in SQLITE_TRIGGERS:
            if "RAISE(ABORT" not in (triggers.get(name) or "").upper().replace(" ", ""):
                problems.append(f"pemicu {name} yang menjaga log audit hilang")
        columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_log)")}
        has_site = conn.execute("SELECT count(*) FROM site").fetchone()[0] > 0
        if not {"prev_hash", "row_hash"} <= columns:
            problems.append(
                "cadangan dibuat sebelum log audit berantai hash (revisi 0008); tidak dapat diperiksa"
            )
            rows = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        else:
            cursor = conn.execute(
                "SELECT id, at, user_id, username, workstation, action, entity, entity_id, details, "
                "prev_hash, row_hash FROM audit_log ORDER BY id"
            )
            report = verify_rows(cursor)
            rows = report.rows
            if report.problem:
                problems.append(report.problem)
    except sqlite3.DatabaseError as exc:
        return BackupCheck(0, (f"log audit tidak dapat dibaca: {exc}",))
    finally:
        conn.close()
    if has_site and rows == 0:
        problems.append("log audit kosong padahal situs sudah disiapkan")
    return BackupCheck(rows, tuple(problems))


def _verify_pg_backup(source: Path) -> BackupCheck:
    tool = _require_pg_tool("pg_restore")
    problems: list[str] = []
    schema = _pg_restore_text(tool, source, "--schema-only")
    if not re.search(
        r"CREATE TRIGGER audit_log_append_only BEFORE DELETE OR UPDATE ON public\.audit_log", schema
    ):
        problems.append("pemicu audit_log_append_only yang menjaga log audit hilang")
    if "CREATE TRIGGER audit_log_no_truncate" not in schema:
        problems.append("pemicu audit_log_no_truncate yang menjaga log audit hilang")
    if re.search(r"DISABLE TRIGGER (audit_log_append_only|audit_log_no_truncate|ALL)", schema):
        problems.append("pemicu log audit dimatikan")
    if "RAISE EXCEPTION 'audit log is append-only'" not in schema:
        problems.append("fungsi pemicu audit_log_append_only diubah atau hilang")
    data = _pg_restore_text(tool, source, "--data-only", "--table=audit_log")
    columns, rows = _copy_rows(data, "audit_log")
    wanted = ("id", "at", "user_id", "username", "workstation", "action", "entity", "entity_id",
              "details", "prev_hash", "row_hash")  # fmt: skip
    if not set(wanted) <= set(columns):
        problems.append(
            "cadangan dibuat sebelum log audit berantai hash (revisi 0008); tidak dapat diperiksa"
        )
        count = len(rows)
    else:
        at = [columns.index(name) for name in wanted]

        def typed(raw: list[str | None]) -> tuple[Any, ...]:
            values: list[Any] = [raw[i] for i in at]
            values[0] = int(values[0] or 0)
            values[2] = None if values[2] is None else int(values[2])
            return tuple(values)

        report = verify_rows(sorted((typed(r) for r in rows), key=lambda r: r[0]))  # type: ignore[arg-type]
        count = report.rows
        if report.problem:
            problems.append(report.problem)
    site_columns, site_rows = _copy_rows(
        _pg_restore_text(tool, source, "--data-only", "--table=site"), "site"
    )
    if site_rows and count == 0:
        problems.append("log audit kosong padahal situs sudah disiapkan")
    return BackupCheck(count, tuple(problems))


def _pg_restore_text(tool: Path, source: Path, *options: str) -> str:
    try:
        result = subprocess.run(
            [str(tool), *options, "--file=-", str(source)], capture_output=True, text=True, timeout=3600
        )
    except OSError as exc:
        raise BackupError(f"pg_restore gagal dijalankan: {exc}") from exc
    if result.returncode != 0:
        raise ValidationError(
            f"Berkas {source} bukan cadangan PostgreSQL P4 Desk yang dapat dibaca.", field="path"
        )
    return result.stdout


_COPY_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\"}


def _copy_rows(dump: str, table: str) -> tuple[list[str], list[list[str | None]]]:
    """Columns and rows of ``COPY public.<table> (...) FROM stdin;`` in pg_restore's SQL output."""
    head = re.search(rf"^COPY public\.{table} \(([^)]*)\) FROM stdin;$", dump, re.M)
    if head is None:
        return [], []
    columns = [c.strip().strip('"') for c in head.group(1).split(",")]
    rows: list[list[str | None]] = []
    for line in dump[head.end() + 1 :].split("\n"):
        if line == "\\.":
            break
        rows.append([None if field == "\\N" else _unescape(field) for field in line.split("\t")])
    return columns, rows


def _unescape(field: str) -> str:
    return re.sub(
        r"\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)",
        lambda m: (
            chr(int(m.group(1)[1:], 16)) if m.group(1).startswith("x")
            else chr(int(m.group(1), 8)) if m.group(1)[0] in "01234567"
            else _COPY_ESCAPES.get(m.group(1), m.group(1))
        ),
        field,
    )  # fmt: skip


def _check_sqlite_backup(source: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            has_site = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='site'"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        ok, has_site = False, 0
    if not ok or not has_site:
        raise ValidationError(f"Berkas {source} bukan cadangan basis data P4 Desk yang utuh.", field="path")


def _sqlite_restore(source: Path, target: Path) -> None:
    """Write the backup's pages into the live file through SQLite (its locks and WAL apply)."""
    target.parent.mkdir(parents=True, exist_ok=True)
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


# --- automatic daily backup -----------------------------------------------------------------


def backup_dir() -> Path:
    return data_dir() / "backups"


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
    existing = sorted(folder.glob(f"{AUTO_PREFIX}*{suffix}"))
    if any(p.name.startswith(f"{AUTO_PREFIX}{today}") for p in existing):
        return None
    stamp = db.now().astimezone(db.timezone).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{AUTO_PREFIX}{stamp}{suffix}"
    try:
        backup(db, target)
    except P4Error as exc:
        # A background job must not stop the workstation; the failure goes to the log file and
        # is retried at the next call (the app calls this at start and daily).
        log.warning("automatic backup failed: %s", exc.message)
        return None
    log.info("automatic backup written to %s", target)
    keep = max(1, int(settings.get("backup.keep")))
    for old in sorted(folder.glob(f"{AUTO_PREFIX}*{suffix}"))[:-keep]:
        old.unlink(missing_ok=True)
    return target

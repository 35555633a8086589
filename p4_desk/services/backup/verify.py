"""Verifying a backup's audit trail without restoring it (triggers, hash chain, not empty)."""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path
from typing import Any

from p4_desk.errors import ValidationError
from p4_desk.services.backup.model import BackupCheck
from p4_desk.services.backup.pg_tools import pg_restore_text, require_pg_tool
from p4_desk.store.journal import verify_rows

log = logging.getLogger(__name__)


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
    tool = require_pg_tool("pg_restore")
    problems: list[str] = []
    schema = pg_restore_text(tool, source, "--schema-only")
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
    data = pg_restore_text(tool, source, "--data-only", "--table=audit_log")
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
    site_columns, site_rows = _copy_rows(pg_restore_text(tool, source, "--data-only", "--table=site"), "site")
    if site_rows and count == 0:
        problems.append("log audit kosong padahal situs sudah disiapkan")
    return BackupCheck(count, tuple(problems))


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


def check_sqlite_backup(source: Path) -> None:
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

"""The audit log's hash chain (issue 14, finding 3): tampering is evident, concurrent writers on
several processes keep one chain, the self-test and the restore check it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import DBAPIError

from p4_desk.config import Settings
from p4_desk.services import queue
from p4_desk.services.selftest import Probes, run_selftest
from p4_desk.store.db import Database
from p4_desk.store.journal import GENESIS, guard_problems, verify_chain
from p4_desk.store.models import AuditEntry
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]


def worked_site(url: str) -> Database:
    db = make_site(url)
    queue.set_counter_state(db, "L1", "open")
    for _ in range(5):
        queue.issue_ticket(db, "KTP")
    ticket = queue.call_next(db, "L1")
    assert ticket is not None
    queue.start(db, str(ticket.id))
    queue.finish(db, str(ticket.id))
    return db


def raw(url: str, *statements: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def audit_check(url: str) -> tuple[bool, str]:
    report = run_selftest(Settings.load(), url=url, probes=Probes(os_printer=lambda _name: None))
    check = next(c for c in report.checks if c.name == "audit_trail")
    return check.ok, check.detail


def test_every_row_is_chained_to_the_one_before(db_url: str) -> None:
    db = worked_site(db_url)
    with db.read() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert rows[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.row_hash for a, b in zip(rows, rows[1:], strict=False))
    assert len({r.row_hash for r in rows}) == len(rows)
    report = verify_chain(db)
    assert report.intact and report.rows == len(rows) and report.head == rows[-1].row_hash
    assert guard_problems(db) == []
    assert audit_check(db_url) == (True, f"{len(rows)} entri berantai utuh, pemicu terpasang")


def test_the_triggers_still_refuse_changes_and_postgresql_refuses_truncate(db_url: str) -> None:
    db = worked_site(db_url)
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            raw(db_url, statement)
    if not db.is_sqlite:
        with pytest.raises(DBAPIError, match="append-only"):
            raw(db_url, "TRUNCATE audit_log")
    assert verify_chain(db).intact


def test_a_row_deleted_behind_the_triggers_breaks_the_chain(db_url: str) -> None:
    db = worked_site(db_url)
    with db.read() as s:
        victim = s.scalars(select(AuditEntry.id).order_by(AuditEntry.id).offset(3).limit(1)).one()
    if db.is_sqlite:
        raw(db_url, "DROP TRIGGER audit_log_no_delete", f"DELETE FROM audit_log WHERE id = {victim}")
    else:
        raw(db_url, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
            f"DELETE FROM audit_log WHERE id = {victim}")  # fmt: skip
    report = verify_chain(db)
    assert not report.intact and report.first_bad_id == victim + 1
    assert "ada baris yang dihapus atau disisipkan" in (report.problem or "")
    ok, detail = audit_check(db_url)
    assert not ok and "log audit telah diutak-atik" in detail
    assert (
        "pemicu audit_log_no_delete hilang" if db.is_sqlite else "pemicu audit_log_append_only dimatikan"
    ) in detail


def test_a_row_changed_behind_the_triggers_is_found(db_url: str) -> None:
    db = worked_site(db_url)
    with db.read() as s:
        victim = s.scalars(select(AuditEntry.id).where(AuditEntry.action == "ticket.finish")).one()
    lift, restore = (
        ("DROP TRIGGER audit_log_no_update",
         "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
         "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END")
        if db.is_sqlite
        else ("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
              "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
    )  # fmt: skip
    raw(db_url, lift, f"UPDATE audit_log SET username = 'orang-lain' WHERE id = {victim}", restore)
    assert guard_problems(db) == []  # the triggers were put back: only the chain tells
    report = verify_chain(db)
    assert report.first_bad_id == victim and "diubah sesudah dicatat" in (report.problem or "")
    assert audit_check(db_url)[0] is False


def test_an_emptied_audit_log_fails_the_self_test(sqlite_url: str) -> None:
    worked_site(sqlite_url).dispose()
    raw(sqlite_url, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log")
    ok, detail = audit_check(sqlite_url)
    assert not ok and "log audit kosong" in detail


def _worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.queue_worker", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_processes_writing_at_once_keep_one_chain(db_url: str, tmp_path: Path) -> None:
    """Four issuing and two calling processes on one database: every row chained, none lost."""
    db = make_site(db_url)
    for counter in ("L1", "L2"):
        queue.set_counter_state(db, counter, "open")
    with db.read() as s:
        before = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    stop = tmp_path / "stop"
    issuers = [_worker("issue", db_url, "KTP", "25") for _ in range(4)]
    callers = [_worker("call", db_url, counter, str(stop)) for counter in ("L1", "L2")]
    issued = []
    for process in issuers:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        issued += out.split("\n")
    stop.touch()
    served = []
    for process in callers:
        out, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
        served += [line for line in out.split("\n") if line.strip()]
    assert len([line for line in issued if line.strip()]) == 100
    # issue + call + start + finish per ticket served, issue alone for the rest
    with db.read() as s:
        after = int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)
    assert after - before == 100 + 3 * len(served)
    report = verify_chain(db)
    assert report.intact, report.problem
    assert report.rows == after

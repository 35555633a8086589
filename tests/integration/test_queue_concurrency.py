"""Real processes against one database: exactly-once calls, unique gap-free numbers, crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter as Tally
from pathlib import Path

import pytest
from sqlalchemy import select, text

from p4_desk.services import catalog, queue, site
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from p4_desk.store.models import Ticket

ROOT = Path(__file__).resolve().parents[2]
COUNTERS = [f"C{i}" for i in range(1, 9)]


def _site(url: str) -> Database:
    db = open_database(url)
    site.init_site(db, "MPP-CONC", "MPP Konkuren")
    catalog.add_agency(db, "DUKCAPIL", "Dukcapil")
    catalog.add_service(db, "KTP", "KTP-el", "DUKCAPIL", "A")
    catalog.add_service(db, "KK", "Kartu Keluarga", "DUKCAPIL", "B")
    for code in COUNTERS:
        catalog.add_counter(db, code, f"Loket {code}", ["KTP", "KK"])
        queue.set_counter_state(db, code, "open")
    return db


def _worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.queue_worker", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_eight_counters_call_while_tickets_are_issued(db_url: str, tmp_path: Path) -> None:
    db = _site(db_url)
    stop = tmp_path / "issuers-done"
    callers = [_worker("call", db_url, code, str(stop)) for code in COUNTERS]
    issuers = [_worker("issue", db_url, service, "60") for service in ("KTP", "KTP", "KK")]
    issued: list[str] = []
    for p in issuers:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        issued += out.split("\n")
    stop.touch()
    called: list[str] = []
    for p in callers:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        called += [line.split()[0] for line in out.splitlines()]

    issued_ids = [line.split()[0] for line in issued if line.strip()]
    assert len(issued_ids) == 180
    dupes = [i for i, n in Tally(called).items() if n > 1]
    assert dupes == [], f"tickets called more than once: {dupes}"
    assert sorted(called, key=int) == sorted(issued_ids, key=int), "every ticket called exactly once"
    with db.read() as s:
        rows = s.execute(select(Ticket.issued_service_id, Ticket.service_day, Ticket.seq, Ticket.state)).all()
    by_day: dict[tuple[int, object], list[int]] = {}
    for service_id, day, seq, state in rows:
        assert state == "done"
        by_day.setdefault((service_id, day), []).append(seq)
    for seqs in by_day.values():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), "numbers unique and gap-free"
    db.dispose()


@pytest.mark.slow
def test_sigkill_while_issuing_loses_and_duplicates_nothing(db_url: str) -> None:
    db = _site(db_url)
    p = _worker("issue", db_url, "KTP", "100000")
    assert p.stdout is not None
    committed: list[tuple[str, str]] = []
    while len(committed) < 40:
        line = p.stdout.readline()
        assert line, p.stderr.read() if p.stderr else ""
        committed.append(tuple(line.split()))  # type: ignore[arg-type]
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)

    reopened = open_database(db_url)
    if reopened.is_sqlite:
        with reopened.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    with reopened.read() as s:
        rows = {(str(i), n) for i, n in s.execute(select(Ticket.id, Ticket.number))}
        seqs = sorted(s.scalars(select(Ticket.seq)))
    assert set(committed) <= rows, "a ticket reported as committed is missing"
    assert seqs == list(range(1, len(seqs) + 1)), "no duplicate or skipped number after the crash"
    # The queue keeps working after the crash: the next number follows on.
    assert queue.issue_ticket(reopened, "KTP").number == f"A{len(seqs) + 1:03d}"
    reopened.dispose()
    db.dispose()

"""Migration 0010 on a database with applications in it: every one gets its clock's start, the
decided ones their end, and they read, print and count as before."""

from __future__ import annotations

import io
from datetime import date

import pypdf
from sqlalchemy import select, text

from p4_desk.domain.registration import format_registration_number
from p4_desk.services import applications as apps
from p4_desk.services.stats import Period, compute_statistics
from p4_desk.store import migrate
from p4_desk.store.db import Database
from p4_desk.store.models import ApplicationClockEvent

FIRST = format_registration_number("MPPLAM", 2026, 3, 1)
SECOND = format_registration_number("MPPLAM", 2026, 3, 2)
INSERT_APPLICATION = (
    "INSERT INTO application (id, registration_number, permit_type_id, state, nik, name, name_key, phone, "
    "address, fee, incomplete, received_at, due_date, receipt_prints, updated_at) VALUES "
    "(:id, :number, 1, :state, '1871015708900003', 'Siti', 'siti', '+6281277889900', 'Kedaton', 0, FALSE, "
    ":received, :due, 1, :received)"
)


def test_applications_taken_before_the_clock_get_its_history(db_url: str) -> None:
    url = db_url
    old = Database(url)
    migrate.upgrade(old, "0007")
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO site (id, code, name, timezone, created_at) "
                "VALUES (1, 'MPP-LAMA', 'MPP Lama', 'Asia/Jayapura', '2026-03-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO permit_type (id, code, name, agency, working_days, fee, legal_basis, product, "
                "retired, updated_at) VALUES (1, 'REKLAME', 'Izin Reklame', 'DPMPTSP', 5, 0, '', '', FALSE, "
                "'2026-03-01 00:00:00')"
            )
        )
        # received 4 March 07.30 WIT (3 March 22.30 UTC), still being processed
        conn.execute(
            text(INSERT_APPLICATION),
            {"id": 1, "number": FIRST, "state": "processing",
             "received": "2026-03-03 22:30:00", "due": "2026-03-11"},
        )  # fmt: skip
        # received 2 March, approved on 6 March 08.00 WIT, handed over on 9 March
        conn.execute(
            text(INSERT_APPLICATION),
            {"id": 2, "number": SECOND, "state": "handed_over",
             "received": "2026-03-02 01:00:00", "due": "2026-03-09"},
        )  # fmt: skip
        for state, at in (("received", "2026-03-02 01:00:00"), ("approved", "2026-03-05 23:00:00"),
                          ("handed_over", "2026-03-09 02:00:00")):  # fmt: skip
            conn.execute(
                text(
                    "INSERT INTO application_status_history (application_id, state, at, note) "
                    "VALUES (2, :state, :at, '')"
                ),
                {"state": state, "at": at},
            )
    old.dispose()

    db = migrate.open_database(url)
    with db.read() as s:
        E = ApplicationClockEvent
        rows = s.execute(
            select(E.application_id, E.action, E.day, E.used_days, E.due_date).order_by(E.id)
        ).all()
        columns = s.execute(
            text("SELECT id, clock_state, clock_days, receipt_clock_events FROM application")
        ).all()
    # the days are the site's local days (WIT): 4 March, and the decision on 6 March
    assert [tuple(r) for r in rows] == [
        (1, "start", date(2026, 3, 4), 0, date(2026, 3, 11)),
        (2, "start", date(2026, 3, 2), 0, date(2026, 3, 9)),
        (2, "end", date(2026, 3, 6), None, date(2026, 3, 9)),
    ]
    assert sorted(tuple(c) for c in columns) == [(1, "running", 5, 1), (2, "ended", 5, 1)]
    # They read as before: the open one runs on, the decided one ended on its decision day
    running = apps.get_application(db, FIRST)
    assert (running.clock.state, running.clock.due_date, running.receipt_outdated) == (
        "running", date(2026, 3, 11), False,
    )  # fmt: skip
    ended = apps.get_application(db, SECOND)
    assert (ended.clock.state, ended.clock.since) == ("ended", date(2026, 3, 6))
    # a reprint of a receipt printed before the upgrade is a copy, not a changed receipt
    reader = pypdf.PdfReader(io.BytesIO(apps.receipt_pdf(db, FIRST)))
    receipt = " ".join(page.extract_text() for page in reader.pages)
    assert "SALINAN" in receipt and "PERUBAHAN" not in receipt
    # the backfilled decision, counted by nobody, is not in the on-time figures
    stats = compute_statistics(db, Period.month(date(2026, 3, 1)))
    assert stats.permits is not None and stats.permits.decided == 0
    db.dispose()

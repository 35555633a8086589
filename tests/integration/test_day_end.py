"""The end of the service day (issue 19, item 6): tickets left waiting or called are closed as
"Tidak terlayani" by the housekeeping job at the site's local midnight, counted in the
statistics and shown in the day's report. SQLite and PostgreSQL, in WIB, WITA and WIT."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pypdf
import pytest
from sqlalchemy import select

from p4_desk.config import Settings
from p4_desk.errors import InvalidTransition
from p4_desk.services import catalog, queue, reports, site, users
from p4_desk.services.housekeeping import run_housekeeping
from p4_desk.services.queue import day_end
from p4_desk.services.stats import Period, compute_statistics
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from p4_desk.store.models import AuditEntry, OutboxEvent, Ticket, TicketLeg
from tests.support.sites import Clock

DAY = date(2026, 3, 4)  # a Wednesday


def local(zone: str, day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone)).astimezone(UTC)


@pytest.fixture(params=["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"], ids=["WIB", "WITA", "WIT"])
def zone(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def hall(db_url: str, zone: str):
    """A site in ``zone`` where, at 15.00 local time, four tickets are left in four states."""
    clock = Clock(local(zone, DAY, 8))
    db = open_database(db_url, clock=clock)
    site.init_site(db, "MPP-UJI", "MPP Uji", zone)
    catalog.add_agency(db, "DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil")
    catalog.add_service(db, "KTP", "KTP-el", "DUKCAPIL", "A")
    catalog.add_counter(db, "L1", "Loket 1", ["KTP"])
    catalog.add_counter(db, "L2", "Loket 2", ["KTP"])
    users.add_user(db, "petugas1", "Petugas Satu", "operator", "rahasia123")
    officer = users.get_user(db, "petugas1").actor
    for counter in ("L1", "L2"):
        queue.set_counter_state(db, counter, "open", officer)
    numbers = [queue.issue_ticket(db, "KTP").number for _ in range(5)]
    clock.now = local(zone, DAY, 15)
    served = queue.call_next(db, "L1", officer)  # A001 served and done
    assert served is not None
    queue.start(db, served.id, officer)
    queue.finish(db, served.id, officer)
    serving = queue.call_next(db, "L1", officer)  # A002 still in service at the end of the day
    assert serving is not None
    queue.start(db, serving.id, officer)
    called = queue.call_next(db, "L2", officer)  # A003 called, never came
    assert called is not None
    # A004 and A005 still waiting
    yield db, clock, numbers
    db.dispose()


def states(db: Database, day: date) -> dict[str, str]:
    with db.read() as s:
        return dict(s.execute(select(Ticket.number, Ticket.state).where(Ticket.service_day == day)).all())


def test_tickets_left_open_are_closed_at_the_local_midnight(hall, zone: str) -> None:
    db, clock, _numbers = hall
    settings = Settings.load()
    # Given one minute before the local midnight, nothing is closed yet
    clock.now = local(zone, DAY, 23, 59)
    assert run_housekeeping(db, settings, "counter")["tickets_unserved"] == 0
    assert states(db, DAY) == {"A001": "done", "A002": "serving", "A003": "called", "A004": "waiting",
                               "A005": "waiting"}  # fmt: skip
    # When the housekeeping runs one minute after the local midnight (the next service day)
    clock.now = local(zone, DAY + timedelta(days=1), 0, 1)
    assert run_housekeeping(db, settings, "counter")["tickets_unserved"] == 3
    # Then the called and the waiting tickets are unserved; the one in service is left to its officer
    assert states(db, DAY) == {"A001": "done", "A002": "serving", "A003": "unserved", "A004": "unserved",
                               "A005": "unserved"}  # fmt: skip
    assert queue.get_ticket(db, _id(db, "A003")).counter == "L2"  # where it had been called
    midnight = local(zone, DAY + timedelta(days=1), 0)
    with db.read() as s:
        legs = s.execute(
            select(TicketLeg.outcome, TicketLeg.ended_at).where(TicketLeg.outcome == "unserved")
        ).all()
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "ticket.unserved")).all()
        sent = s.scalars(select(OutboxEvent).where(OutboxEvent.type == "ticket.unserved")).all()
    assert [ended for _, ended in legs] == [midnight] * 3  # stamped with the end of the day
    assert len(audit) == 3 and {a.details["reason"] for a in audit} == {"hari layanan berakhir"}
    assert sorted(a.details["was"] for a in audit) == ["called", "waiting", "waiting"]
    assert {e.payload["state"] for e in sent} == {"unserved"} and len(sent) == 3
    assert {e.payload["finished_at"] for e in sent} == {midnight.isoformat()}
    # L2 is free again: its called ticket no longer holds it
    assert queue.current_ticket(db, "L2") is None
    # Running again (another PC, the next hour) closes nothing more
    clock.now = local(zone, DAY + timedelta(days=1), 1, 5)
    assert run_housekeeping(db, settings, "counter")["tickets_unserved"] == 0
    # and an unserved ticket is final
    with pytest.raises(InvalidTransition, match="statusnya tidak terlayani"):
        queue.cancel(db, _id(db, "A004"), "terlambat")


def test_a_long_day_left_open_is_closed_in_several_transactions(
    hall, zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the write lock is held for at most two tickets at a time
    monkeypatch.setattr(day_end, "BATCH", 2)
    db, clock, _numbers = hall
    clock.now = local(zone, DAY + timedelta(days=1), 7)
    # When the first PC switched on the next morning closes the day: all three, in two batches
    assert queue.close_ended_days(db) == 3
    assert sorted(states(db, DAY).values()) == ["done", "serving", "unserved", "unserved", "unserved"]
    assert queue.close_ended_days(db) == 0


def _id(db: Database, number: str) -> int:
    with db.read() as s:
        found = s.scalar(select(Ticket.id).where(Ticket.number == number, Ticket.service_day == DAY))
        assert found is not None
        return int(found)


def test_the_days_figures_and_report_show_the_unserved_tickets(hall, zone: str) -> None:
    db, clock, _numbers = hall
    clock.now = local(zone, DAY + timedelta(days=1), 0, 30)
    run_housekeeping(db, Settings.load(), "counter")
    stats = compute_statistics(db, Period.day(DAY))
    t = stats.totals
    assert (t.issued, t.served, t.unserved, t.waiting_at_end, t.no_show, t.cancelled) == (5, 1, 3, 0, 0, 0)
    [ktp] = stats.services
    assert ktp.unserved == 3 and ktp.waiting_at_end == 0
    assert [(d.day, d.unserved) for d in stats.days] == [(DAY, 3)]
    # the unserved legs add no time to the officer's busy hours (nobody was served): only A002,
    # in service from 15.00 to the end of the day, counts
    [officer] = stats.officers
    assert officer.busy_seconds == 9 * 3600
    # The day's report says so, in words and in the files
    content = reports.report_content(stats, reports.report_signatory(db))
    assert ("Tidak terlayani (hari layanan berakhir)", "3") in content.summary.rows
    assert content.services.header[7] == "Tidak terlayani" and content.services.rows[0][7] == "3"
    pdf = pypdf.PdfReader(io.BytesIO(reports.render_content(content, "pdf")))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "LAPORAN HARIAN PELAYANAN ANTRIAN" in text
    assert "Tidak terlayani (hari layanan berakhir) 3" in text
    csv = reports.render_content(content, "csv").decode("utf-8-sig")
    assert "ringkasan,total,unserved,3" in csv and "harian,2026-03-04,unserved,3" in csv


def test_a_report_made_before_midnight_still_shows_them_waiting(hall, zone: str) -> None:
    db, clock, _numbers = hall
    clock.now = local(zone, DAY, 16)
    t = compute_statistics(db, Period.day(DAY)).totals
    assert (t.unserved, t.waiting_at_end) == (0, 2)

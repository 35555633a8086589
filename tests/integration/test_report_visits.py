"""The supervisor's report files carry the day's appointments and multi-service visits (issue 17):
bookings made, checked in on time, late (served as walk-ins), no-show; visits of several services
and those that went through every service. Built on a real SQLite site; the PDF, XLSX and CSV
read back, and the figures recounted from the stored rows."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from p4_desk.domain.booking_rules import BookingRule
from p4_desk.domain.visits import StepStatus
from p4_desk.services import booking, queue, reports, users
from p4_desk.services.stats import Period, StatsFilter, compute_statistics
from p4_desk.store.db import Database
from p4_desk.store.models import Booking, VisitStep
from tests.support.sites import Clock, make_site

WIB = ZoneInfo("Asia/Jakarta")
DAY = date(2026, 3, 4)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, 4, hour, minute, tzinfo=WIB)


def a_day_of_bookings_and_visits(sqlite_url: str) -> tuple[Database, Clock]:
    clock = Clock(at(8).astimezone(UTC))
    db = make_site(sqlite_url, clock)
    booking.set_rule(db, "KTP", BookingRule(hours={"wed": [["08:00", "12:00"]]}, capacity=4))
    on_time = booking.add_booking(db, "KTP", at(9), "Budi", "081234567801")
    late = booking.add_booking(db, "KTP", at(9), "Siti", "081234567802")
    booking.add_booking(db, "KTP", at(9, 30), "Ani", "081234567803")  # never comes
    gone = booking.add_booking(db, "KTP", at(10, 30), "Dedi", "081234567804")
    booking.add_booking(db, "KTP", at(11, 30), "Eka", "081234567805")  # still to come
    booking.cancel_booking(db, gone.code)
    clock.now = at(8, 50).astimezone(UTC)
    booking.check_in(db, on_time.code)
    clock.now = at(9, 20).astimezone(UTC)
    booking.check_in(db, late.code)  # after 09.10: a walk-in
    full = queue.issue_ticket(db, "KTP", then=["PKB"])
    half = queue.issue_ticket(db, "KTP", then=["KK"])

    officer = users.get_user(db, "petugas1").actor
    for counter in ("L1", "L3"):
        queue.set_counter_state(db, counter, "open", officer)
    for _ in range(4):  # the KTP queue: both bookings, then both visits' first legs
        clock.advance(minutes=3)
        called = queue.call_next(db, "L1", officer)
        assert called is not None and called.service == "KTP"
        queue.start(db, called.id, officer)
        queue.finish(db, called.id, officer)
    called = queue.call_next(db, "L3", officer)  # the vehicle tax of the first visit
    assert called is not None and called.number == full.number
    queue.start(db, called.id, officer)
    queue.finish(db, called.id, officer)
    queue.cancel(db, half.id, "Pemohon pulang")  # the second visit never gets its family card
    clock.now = at(10, 30).astimezone(UTC)
    return db, clock


def test_the_report_files_count_bookings_and_visits_as_the_rows_say(sqlite_url: str) -> None:
    db, _clock = a_day_of_bookings_and_visits(sqlite_url)
    stats = compute_statistics(db, Period.day(DAY))

    # The PDF: four booked (the cancelled one apart), one on time, one late, one no-show;
    # two visits of several services, one of them through every service
    pdf = reports.report_file(db, stats, "pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Janji temu dipesan 4" in text
    assert "Janji temu check-in tepat waktu 1" in text
    assert "Janji temu terlambat (dilayani sebagai pengunjung langsung) 1" in text
    assert "Janji temu tidak hadir 1" in text
    assert "Kunjungan beberapa layanan 2" in text
    assert "Kunjungan beberapa layanan selesai semua layanannya 1" in text

    # The XLSX summary sheet and the CSV records carry the same numbers
    sheet = load_workbook(io.BytesIO(reports.report_file(db, stats, "xlsx")))["Ringkasan"]
    summary = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert summary["Janji temu dipesan"] == 4 and summary["Janji temu tidak hadir"] == 1
    assert summary["Kunjungan beberapa layanan selesai semua layanannya"] == 1
    rows = csv.DictReader(io.StringIO(reports.report_file(db, stats, "csv").decode("utf-8-sig")))
    value = {r["kolom"]: int(r["nilai"]) for r in rows if r["tabel"] == "janji_temu"}

    # Recounted from the stored rows: bookings by state, visits by their steps
    closes = timedelta(minutes=10)
    with db.read() as s:
        kept = list(s.scalars(select(Booking).where(Booking.state != "cancelled")))
        steps = s.execute(select(VisitStep.ticket_id, VisitStep.status)).all()
        assert s.scalar(select(func.count()).select_from(Booking)) == 5
    no_show = sum(b.state == "booked" and b.slot_start.astimezone(WIB) + closes < at(10, 30) for b in kept)
    plans: dict[int, list[str]] = {}
    for ticket_id, status in steps:
        plans.setdefault(ticket_id, []).append(status)
    completed = sum(
        all(st in (StepStatus.DONE, StepStatus.SKIPPED) for st in plan) for plan in plans.values()
    )
    assert value == {
        "bookings": len(kept),
        "bookings_checked_in": sum(b.state == "checked_in" for b in kept),
        "bookings_late": sum(b.state == "late" for b in kept),
        "bookings_no_show": no_show,
        "visits": len(plans),
        "visits_completed": completed,
    } == {"bookings": 4, "bookings_checked_in": 1, "bookings_late": 1, "bookings_no_show": 1,
          "visits": 2, "visits_completed": 1}  # fmt: skip

    # A report of one service has that service's bookings and no visits; of a counter, neither
    ktp = compute_statistics(db, Period.day(DAY), StatsFilter(service="KTP"))
    pkb = compute_statistics(db, Period.day(DAY), StatsFilter(service="PKB"))
    l1 = compute_statistics(db, Period.day(DAY), StatsFilter(counter="L1"))
    assert [key for key, _label, _n in reports.appointment_rows(db, ktp)] == [
        "bookings", "bookings_checked_in", "bookings_late", "bookings_no_show"
    ]  # fmt: skip
    assert [n for _key, _label, n in reports.appointment_rows(db, pkb)] == [0, 0, 0, 0]
    assert reports.appointment_rows(db, l1) == ()
    db.dispose()

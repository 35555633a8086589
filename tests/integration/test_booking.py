"""Appointments at the hall on SQLite and PostgreSQL: rules, bookings by phone, check-in, figures."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from p4_desk.domain.booking_rules import BookingRule
from p4_desk.errors import P4Error, QuotaExhausted, ValidationError
from p4_desk.printing import render_ticket_pdf
from p4_desk.services import booking, catalog, queue, ticketing
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

WIB = ZoneInfo("Asia/Jakarta")
HOURS = {"wed": [["08:00", "12:00"]], "thu": [["08:00", "12:00"]]}


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 4, 10, 0, tzinfo=WIB).astimezone(UTC))  # Wednesday 10.00 WIB


@pytest.fixture
def db(db_url: str, clock: Clock) -> Iterator[Database]:
    database = make_site(db_url, clock)
    booking.set_rule(database, "KTP", BookingRule(hours=HOURS, slot_minutes=30, capacity=2, policy="slot",
                                                  head_start_minutes=10))  # fmt: skip
    yield database
    database.dispose()


def at(hour: int, minute: int, day: int = 4) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=WIB)


def test_phone_bookings_fill_a_slot_and_then_are_refused(db: Database) -> None:
    first = booking.add_booking(db, "KTP", at(10, 30), "Budi Santoso", "0812-3456-7890")
    booking.add_booking(db, "KTP", at(10, 30), "Siti Aminah", "081298765432")
    assert first.code.startswith("9") and len(first.code) == 8
    with pytest.raises(QuotaExhausted) as full:
        booking.add_booking(db, "KTP", at(10, 30), "Andi", "081211112222")
    assert "sudah penuh" in full.value.message
    slots = {s.start.strftime("%H.%M"): s.free for s in booking.slots_for(db, "KTP", at(0, 0).date())}
    assert slots["10.30"] == 0 and slots["11.00"] == 2
    with pytest.raises(ValidationError) as closed:
        booking.add_booking(db, "KTP", at(13, 0), "Andi", "081211112222")
    assert "di luar jam janji temu" in closed.value.message
    with pytest.raises(ValidationError) as no_rule:
        booking.add_booking(db, "KK", at(10, 30), "Andi", "081211112222")
    assert "tidak menerima janji temu" in no_rule.value.message
    assert [b.name for b in booking.list_bookings(db, at(0, 0).date(), "KTP")] == [
        "Budi Santoso",
        "Siti Aminah",
    ]


def test_walk_in_share_of_the_daily_quota_caps_the_days_appointments(db: Database) -> None:
    catalog.update_service(db, "KTP", daily_quota=4)
    booking.set_rule(db, "KTP", BookingRule(hours=HOURS, capacity=2, walkin_share_percent=50))
    booking.add_booking(db, "KTP", at(10, 30), "Satu", "081211110001")
    booking.add_booking(db, "KTP", at(11, 0), "Dua", "081211110002")
    with pytest.raises(QuotaExhausted) as err:  # 2 of 4 are kept for walk-ins
        booking.add_booking(db, "KTP", at(11, 30), "Tiga", "081211110003")
    assert "sisanya untuk yang datang langsung" in err.value.message


def test_check_in_on_time_goes_ahead_by_the_head_start_and_prints_the_appointment(
    db: Database, clock: Clock
) -> None:
    b = booking.add_booking(db, "KTP", at(10, 30), "Budi Santoso", "081234567890")
    walk_ins = [queue.issue_ticket(db, "KTP") for _ in range(2)]  # at 10.00
    clock.now = at(10, 25).astimezone(UTC)
    late_walk_in = queue.issue_ticket(db, "KTP")  # 10.25
    clock.now = at(10, 28).astimezone(UTC)
    result = booking.check_in(db, b.code)
    assert not result.late and not result.repeated
    # queued as if arrived at 10.20 (slot − 10 min): after the 10.00 walk-ins, before the 10.25 one
    assert result.ticket.people_ahead == 2
    queue.set_counter_state(db, "L2", "open")
    order = []
    for _ in range(4):
        called = queue.call_next(db, "L2")
        assert called is not None
        order.append(called.number)
        queue.start(db, called.id)
        queue.finish(db, called.id)
    assert order == [walk_ins[0].number, walk_ins[1].number, result.ticket.number, late_walk_in.number]

    again = booking.check_in(db, b.code)  # the same code again: the same ticket
    assert again.repeated and again.ticket.id == result.ticket.id
    pdf = render_ticket_pdf(ticketing.print_data_for(db, result.ticket), 58)
    assert "Janji temu 10.30 WIB" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_wrong_day_early_cancelled_and_another_service_are_refused_in_indonesian(
    db: Database, clock: Clock
) -> None:
    tomorrow = booking.add_booking(db, "KTP", at(9, 0, day=5), "Besok", "081211110001")
    with pytest.raises(ValidationError) as err:
        booking.check_in(db, tomorrow.code)
    assert "untuk Kamis, 5 Maret 2026 pukul 09.00 WIB, bukan hari ini" in err.value.message
    later = booking.add_booking(db, "KTP", at(11, 30), "Nanti", "081211110002")
    with pytest.raises(ValidationError) as err:
        booking.check_in(db, later.code)
    assert err.value.message == "Janji temu Anda pukul 11.30 WIB. Check-in dibuka pukul 11.00 WIB."
    with pytest.raises(ValidationError) as err:
        booking.check_in(db, later.code, service_code="PKB")
    assert "untuk layanan KTP-el, bukan layanan yang dipilih" in err.value.message
    booking.cancel_booking(db, later.code)
    with pytest.raises(ValidationError) as err:
        booking.check_in(db, later.code)
    assert "sudah dibatalkan" in err.value.message
    with pytest.raises(P4Error) as err:
        booking.check_in(db, "12345678")
    assert "Kode janji temu 12345678 tidak ditemukan" in err.value.message
    assert all(b.ticket_number is None for b in booking.list_bookings(db, at(0, 0).date()))


def test_late_arrival_is_a_walk_in_and_the_day_figures_count_everything(db: Database, clock: Clock) -> None:
    late = booking.add_booking(db, "KTP", at(10, 30), "Terlambat", "081211110001")
    gone = booking.add_booking(db, "KTP", at(10, 30), "Tidak datang", "081211110002")
    on_time = booking.add_booking(db, "KTP", at(11, 0), "Tepat", "081211110003")
    booking.add_booking(db, "KTP", at(11, 30), "Nanti", "081211110004")
    cancelled = booking.add_booking(db, "KTP", at(11, 30), "Batal", "081211110005")
    booking.cancel_booking(db, cancelled.code)
    clock.now = at(10, 55).astimezone(UTC)
    result = booking.check_in(db, late.code)  # 25 min after 10.30: past the 10-minute window
    assert result.late
    assert booking.check_in(db, on_time.code).ticket.number == "A002"
    figures = booking.today_per_service(db)
    assert (figures.booked, figures.checked_in, figures.late, figures.no_show, figures.expected) == (
        4,
        1,
        1,
        1,
        1,
    )
    assert figures.cancelled == 1 and figures.served_within_slot == 0
    assert [r.service for r in figures.per_service] == ["KTP"]
    assert gone.state == "booked"

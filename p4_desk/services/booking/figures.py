"""Appointment figures: booked, checked in, late, no-show, served within the slot (issue 17.5).

For bookings whose slot lies in the period (site-local days), cancelled ones left out:
- *checked in*: on time, queued by the check-in policy; *late*: checked in after the window,
  served as a walk-in; *no-show*: never checked in and the window has closed; *expected*: not
  checked in yet, the window still open or to come.
- *served within the slot*: checked in on time and called before the slot ended (the first call
  of the ticket, at any counter).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from p4_desk.services.booking.rules import checkin_window
from p4_desk.store.db import Database
from p4_desk.store.models import Booking, Ticket


@dataclass
class ServiceBookings:
    service: str
    service_name: str
    booked: int = 0
    checked_in: int = 0
    late: int = 0
    no_show: int = 0
    expected: int = 0
    served_within_slot: int = 0


@dataclass(frozen=True)
class BookingFigures:
    first: date
    last: date
    booked: int
    checked_in: int
    late: int
    no_show: int
    expected: int
    served_within_slot: int
    cancelled: int
    per_service: list[ServiceBookings] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["first"], out["last"] = self.first.isoformat(), self.last.isoformat()
        return out


def booking_figures(db: Database, first: date, last: date) -> BookingFigures:
    tz, now = db.timezone, db.now()
    window = checkin_window(db)
    start = datetime.combine(first, time.min, tz)
    end = datetime.combine(last + timedelta(days=1), time.min, tz)
    rows: dict[str, ServiceBookings] = {}
    cancelled = 0
    with db.read(snapshot=True) as s:
        bookings = s.scalars(
            select(Booking)
            .where(Booking.slot_start >= start, Booking.slot_start < end)
            .options(joinedload(Booking.service))
            .order_by(Booking.service_id, Booking.slot_start)
        ).all()
        ticket_ids = [b.ticket_id for b in bookings if b.ticket_id is not None]
        called = dict(
            s.execute(select(Ticket.id, Ticket.called_at).where(Ticket.id.in_(ticket_ids))).all()
        ) if ticket_ids else {}  # fmt: skip
    for b in bookings:
        if b.state == "cancelled":
            cancelled += 1
            continue
        row = rows.setdefault(b.service.code, ServiceBookings(b.service.code, b.service.name))
        row.booked += 1
        if b.state == "checked_in":
            row.checked_in += 1
            called_at = called.get(b.ticket_id) if b.ticket_id else None
            if called_at is not None and called_at <= b.slot_start + timedelta(minutes=b.slot_minutes):
                row.served_within_slot += 1
        elif b.state == "late":
            row.late += 1
        elif now > window.closes(b.slot_start):
            row.no_show += 1
        else:
            row.expected += 1
    per = sorted(rows.values(), key=lambda r: r.service)
    return BookingFigures(
        first=first,
        last=last,
        booked=sum(r.booked for r in per),
        checked_in=sum(r.checked_in for r in per),
        late=sum(r.late for r in per),
        no_show=sum(r.no_show for r in per),
        expected=sum(r.expected for r in per),
        served_within_slot=sum(r.served_within_slot for r in per),
        cancelled=cancelled,
        per_service=per,
    )


def today_per_service(db: Database) -> BookingFigures:
    """Today's bookings per service (the supervisor's view)."""
    day = db.now().astimezone(db.timezone).date()
    return booking_figures(db, day, day)

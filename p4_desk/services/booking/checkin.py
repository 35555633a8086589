"""Check-in: a booking code (kiosk keypad, QR scanner, ``p4-desk booking checkin``) becomes a ticket.

- On time (from ``booking.checkin_before_minutes`` before the slot to
  ``booking.checkin_after_minutes`` after it): a ticket queued by the service's check-in policy
  (``domain.booking_rules.booked_queue_key``), outside the daily quota (the booking was counted
  within it).
- Late: a walk-in ticket (arrival order, the quota applies); the booking is marked ``late``.
- Early, another day, another service, cancelled: refused with an Indonesian message; nothing
  is written.
- The same code again: the same ticket, no second one (the booking row is locked on PostgreSQL,
  SQLite's write lock serialises; ``booking.ticket_id`` is unique as well).
- ``then``: the services the same visit goes on to after the booked one (``domain.visits``, at
  most three in all): the ticket carries the plan ("lanjut ke: …") as a kiosk visit ticket does.
  ``check_checkin`` answers the same refusals without writing, so the kiosk can let the citizen
  add services before the ticket is issued.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from p4_desk.domain.booking_rules import (
    LATE,
    ON_TIME,
    BookingRule,
    CheckinWindow,
    booked_queue_key,
    classify_checkin,
)
from p4_desk.domain.queue_rules import service_day
from p4_desk.domain.wording import format_datetime, format_time
from p4_desk.errors import ValidationError
from p4_desk.services.booking.bookings import BookingInfo, booking_info, booking_payload, find_booking
from p4_desk.services.booking.rules import checkin_window
from p4_desk.services.queue.issuing import issue_ticket
from p4_desk.services.queue.tickets import TicketInfo, get_ticket
from p4_desk.services.queue.visits import with_plan
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Booking, BookingRuleRow


@dataclass(frozen=True)
class CheckinResult:
    ticket: TicketInfo
    booking: BookingInfo
    late: bool  # checked in after the window: served as a walk-in
    repeated: bool  # the code was checked in before: the same ticket

    def to_json(self) -> dict[str, Any]:
        return {
            "ticket": self.ticket.to_json(),
            "booking": self.booking.to_json(),
            "late": self.late,
            "repeated": self.repeated,
        }


def _kind(
    booking: Booking, now: datetime, tz: ZoneInfo, window: CheckinWindow, service_code: str | None
) -> str:
    """ON_TIME or LATE for a booking not yet checked in; an Indonesian refusal otherwise."""
    slot = booking.slot_start.astimezone(tz)
    when = format_datetime(slot, tz)
    if booking.state == "cancelled":
        raise ValidationError(f"Janji temu {booking.code} sudah dibatalkan.", field="code")
    if service_code is not None and service_code.upper() != booking.service.code:
        raise ValidationError(
            f"Kode {booking.code} untuk layanan {booking.service.name}, bukan layanan yang dipilih.",
            field="code",
        )
    if service_day(slot, tz) != service_day(now, tz):
        raise ValidationError(f"Janji temu {booking.code} untuk {when}, bukan hari ini.", field="code")
    kind = classify_checkin(slot, now, window)
    if kind not in (ON_TIME, LATE):
        opens = format_time(window.opens(slot), tz)
        raise ValidationError(
            f"Janji temu Anda pukul {format_time(slot, tz)}. Check-in dibuka pukul {opens}.", field="code"
        )
    return kind


def check_checkin(db: Database, code: str) -> BookingInfo:
    """The booking behind ``code`` when it can be checked in now (or was already: its
    ``ticket_number`` is set); the refusal ``check_in`` would give otherwise. Writes nothing."""
    with db.read() as s:
        booking = find_booking(s, code)
        if booking.ticket_id is None:
            _kind(booking, db.now(), db.timezone, checkin_window(db), None)
        return booking_info(booking, db)


def check_in(
    db: Database,
    code: str,
    actor: Actor = SYSTEM,
    *,
    service_code: str | None = None,
    print_state: str = "none",
    then: Sequence[str] = (),
) -> CheckinResult:
    now, tz = db.now(), db.timezone
    window = checkin_window(db)
    with db.write() as s:
        booking = find_booking(s, code)
        if not db.is_sqlite:
            s.scalar(select(Booking.id).where(Booking.id == booking.id).with_for_update())
            s.refresh(booking)
        if booking.ticket_id is not None:
            ticket = with_plan(db, get_ticket(db, booking.ticket_id))
            return CheckinResult(ticket, booking_info(booking, db), booking.state == "late", True)
        kind = _kind(booking, now, tz, window, service_code)
        slot = booking.slot_start.astimezone(tz)
        place = None
        if kind == ON_TIME:
            row = s.get(BookingRuleRow, booking.service_id)
            rule = BookingRule.from_json(row.rule) if row else BookingRule()
            place = booked_queue_key(now, slot, rule.policy, rule.head_start_minutes)
        ticket = issue_ticket(
            db, booking.service.code, None, actor, print_state=print_state, place=place, then=then
        )
        booking.ticket_id, booking.checked_in_at = ticket.id, now
        booking.state = "checked_in" if kind == ON_TIME else "late"
        event = "booking.checked_in" if kind == ON_TIME else "booking.late"
        record(s, db, actor, event, "booking", booking.id,
               details={"code": booking.code, "ticket": ticket.number},
               event_type=event, payload={**booking_payload(booking), "ticket_uid": ticket.uid})  # fmt: skip
        return CheckinResult(ticket, booking_info(booking, db), kind == LATE, False)

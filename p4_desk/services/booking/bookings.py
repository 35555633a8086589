"""Bookings: taken at the hall by phone, pulled from the central server, listed, cancelled.

A hall booking is checked against the seats left in its slot and day (the service's rule),
under the rule row's lock on PostgreSQL (SQLite's write lock serialises it), so two officers
never give away the last seat twice. A booking the central server confirmed is taken in as it
is: the citizen holds its code, so the hall honours it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from p4_desk.domain.booking_rules import (
    BookingRule,
    appointment_seats,
    new_code,
    normalise_code,
    slot_is_offered,
    slots_of_day,
)
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.text import clean_text
from p4_desk.domain.wording import format_datetime
from p4_desk.errors import NotFound, QuotaExhausted, ValidationError
from p4_desk.services.booking.rules import booked_in_slot, booked_on_day
from p4_desk.services.catalog import find_service
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Booking, BookingRuleRow, Service, Ticket
from p4_desk.sync.state import state_row

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BookingInfo:
    code: str
    service: str
    service_name: str
    slot_start: datetime  # aware, site zone
    slot_minutes: int
    name: str
    phone: str
    origin: str  # web | hall
    state: str  # booked | checked_in | late | cancelled
    ticket_number: str | None
    checked_in_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "service": self.service,
            "service_name": self.service_name,
            "slot_start": self.slot_start.isoformat(),
            "slot_minutes": self.slot_minutes,
            "name": self.name,
            "phone": self.phone,
            "origin": self.origin,
            "state": self.state,
            "ticket_number": self.ticket_number,
            "checked_in_at": self.checked_in_at.isoformat() if self.checked_in_at else None,
        }


def booking_info(b: Booking, db: Database) -> BookingInfo:
    s = Session.object_session(b)
    ticket = s.get(Ticket, b.ticket_id) if s is not None and b.ticket_id else None
    return BookingInfo(
        code=b.code,
        service=b.service.code,
        service_name=b.service.name,
        slot_start=b.slot_start.astimezone(db.timezone),
        slot_minutes=b.slot_minutes,
        name=b.name,
        phone=b.phone,
        origin=b.origin,
        state=b.state,
        ticket_number=ticket.number if ticket else None,
        checked_in_at=b.checked_in_at,
    )


def booking_payload(b: Booking) -> dict[str, Any]:
    """Outbox payload: no name, no phone (the central server counts seats, it does not need them)."""
    return {
        "code": b.code,
        "service": b.service.code,
        "slot_start": b.slot_start.isoformat(),
        "slot_minutes": b.slot_minutes,
        "origin": b.origin,
        "state": b.state,
    }


def find_booking(s: Session, code: str) -> Booking:
    clean = normalise_code(code)
    booking = s.scalar(select(Booking).where(Booking.code == clean).options(joinedload(Booking.service)))
    if booking is None:
        raise NotFound(f"Kode janji temu {clean or code} tidak ditemukan.", field="code")
    return booking


def _locked_rule(s: Session, db: Database, service: Service) -> BookingRule:
    q = select(BookingRuleRow).where(BookingRuleRow.service_id == service.id)
    if not db.is_sqlite:
        q = q.with_for_update()
    row = s.scalar(q)
    if row is None or not row.enabled:
        raise ValidationError(f"Layanan {service.name} tidak menerima janji temu.", field="service")
    return BookingRule.from_json(row.rule)


#: (code, service code, slot start) → holds the seat at the central server, or raises
Confirm = Callable[[str, str, datetime], None]


def _checked_slot(s: Session, db: Database, service_code: str, slot: datetime) -> tuple[Service, BookingRule]:
    """The service and its rule when ``slot`` can still take a booking here; refusals in Indonesian."""
    tz, now = db.timezone, db.now()
    service = find_service(s, service_code, with_agency=True)
    rule = _locked_rule(s, db, service)
    if not slot_is_offered(rule, slot, now, tz):
        raise ValidationError(
            f"Tidak ada slot janji temu {service.name} pada {format_datetime(slot, tz)} "
            "(di luar jam janji temu, sudah lewat, atau terlalu jauh ke depan).",
            field="slot",
        )
    start = slot.astimezone(tz)
    if booked_in_slot(s, service.id, start) >= rule.capacity:
        raise QuotaExhausted(f"Slot {format_datetime(start, tz)} sudah penuh.", field="slot")
    day_slots = slots_of_day(rule, start.date(), tz)
    if booked_on_day(s, service.id, day_slots) >= appointment_seats(
        rule, service.daily_quota, len(day_slots)
    ):
        raise QuotaExhausted(
            f"Kuota janji temu {service.name} pada hari itu sudah habis "
            "(sisanya untuk yang datang langsung).",
            field="slot",
        )
    return service, rule


def add_booking(
    db: Database,
    service_code: str,
    slot: datetime,
    name: str,
    phone: str,
    actor: Actor = SYSTEM,
    *,
    confirm: Confirm | None = None,
    release: Callable[[str], None] | None = None,
) -> BookingInfo:
    """A booking taken at the hall (by phone): checked against the rule and the seats left.

    ``confirm`` (an enrolled hall): the seat is first held at the central server, which also
    sells the slot on the web, so the two never both take the last seat; its refusal ("sudah
    penuh") is the hall's. Checked here before (nothing is held for a booking the hall would
    refuse) and again when written; a seat held for a booking not written is given back
    (``release``)."""
    if slot.tzinfo is None:
        slot = slot.replace(tzinfo=db.timezone)  # a local time typed at the hall
    clean_name = clean_text(name, "Nama", max_length=200, field="name")
    clean_phone = normalize_phone(phone)
    tz, now = db.timezone, db.now()
    code = None
    if confirm is not None:
        with db.read() as s:
            service, _rule = _checked_slot(s, db, service_code, slot)
            code = _free_code(s)
        confirm(code, service.code, slot.astimezone(tz))  # no database lock held over the network
    try:
        with db.write() as s:
            service, rule = _checked_slot(s, db, service_code, slot)
            booking = Booking(
                code=code or _free_code(s),
                service=service,
                slot_start=slot.astimezone(tz),
                slot_minutes=rule.slot_minutes,
                name=clean_name,
                phone=clean_phone,
                origin="hall",
                state="booked",
                created_at=now,
            )
            s.add(booking)
            s.flush()
            record(s, db, actor, "booking.add", "booking", booking.id,
                   details={"code": booking.code, "service": service.code,
                            "slot": booking.slot_start.isoformat(), "phone_end": clean_phone[-4:]},
                   event_type="booking.created", payload=booking_payload(booking))  # fmt: skip
            return booking_info(booking, db)
    except Exception:
        if code is not None and release is not None:
            release(code)
        raise


def _free_code(s: Session) -> str:
    while True:
        code = new_code(at_hall=True)
        if s.scalar(select(Booking.id).where(Booking.code == code)) is None:
            return code


def cancel_booking(db: Database, code: str, actor: Actor = SYSTEM) -> BookingInfo:
    with db.write() as s:
        booking = find_booking(s, code)
        if booking.state != "booked":
            raise ValidationError(
                f"Janji temu {booking.code} tidak dapat dibatalkan: sudah {_state_word(booking.state)}.",
                field="code",
            )
        booking.state, booking.cancelled_at = "cancelled", db.now()
        record(s, db, actor, "booking.cancel", "booking", booking.id, details={"code": booking.code},
               event_type="booking.cancelled", payload=booking_payload(booking))  # fmt: skip
        return booking_info(booking, db)


def _state_word(state: str) -> str:
    return {"checked_in": "check-in", "late": "check-in (terlambat)", "cancelled": "dibatalkan"}.get(
        state, state
    )


def list_bookings(db: Database, day: date, service_code: str | None = None) -> list[BookingInfo]:
    tz = db.timezone
    first = datetime.combine(day, time.min, tz)
    with db.read() as s:
        q = (
            select(Booking)
            .where(Booking.slot_start >= first, Booking.slot_start < first + timedelta(days=1))
            .options(joinedload(Booking.service))
            .order_by(Booking.slot_start, Booking.id)
        )
        if service_code:
            q = q.where(Booking.service_id == find_service(s, service_code).id)
        return [booking_info(b, db) for b in s.scalars(q)]


def take_in_web_bookings(
    db: Database, documents: list[dict[str, Any]], next_cursor: int | None = None
) -> int:
    """Keep the bookings (and cancellations) pulled from the central server, then move the cursor;
    returns how many changed. A document the hall cannot take (a service it no longer has) is
    logged and skipped, so it never blocks the ones after it."""
    changed = 0
    for doc in documents:
        try:
            with db.write() as s:
                changed += _take_in(s, db, doc)
        except (KeyError, TypeError, ValueError, NotFound, ValidationError, IntegrityError) as exc:
            log.warning("web booking %s not taken in: %s", doc.get("code"), exc)
    if next_cursor is not None:
        with db.write() as s:
            state_row(s).booking_cursor = next_cursor
    return changed


def _take_in(s: Session, db: Database, doc: dict[str, Any]) -> int:
    code = str(doc["code"])
    booking = s.scalar(select(Booking).where(Booking.code == code))
    if doc.get("state") == "cancelled":
        if booking is not None and booking.state == "booked":
            booking.state, booking.cancelled_at = "cancelled", db.now()
            record(s, db, SYSTEM, "booking.web_cancel", "booking", booking.id, details={"code": code})
            return 1
        return 0
    if booking is not None:
        return 0
    service = find_service(s, str(doc["service"]))
    booking = Booking(
        code=code,
        service=service,
        slot_start=datetime.fromisoformat(str(doc["slot_start"])),
        slot_minutes=int(doc["slot_minutes"]),
        name=clean_text(doc.get("name"), "Nama", max_length=200),
        phone=str(doc.get("phone") or "")[:32],
        origin="web",
        state="booked",
        created_at=db.now(),
    )
    s.add(booking)
    s.flush()
    details = {"code": code, "service": service.code, "slot": booking.slot_start.isoformat()}
    record(s, db, SYSTEM, "booking.web", "booking", booking.id, details=details)
    return 1

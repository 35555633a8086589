"""Appointments on the central server: the slots it offers, bookings, cancellations, the halls' feed.

**What is offered** (the central server only offers what it can confirm): a service's slots come
from the hall's own rules (``site.booking_rules``, computed with ``domain.booking_rules``), and
only while the hall was in contact within ``CONFIRM_WITHIN`` (10 minutes: the desk pulls every
30 s); a hall silent longer gets "Pemesanan online sementara tidak tersedia" and no slot, since a
booking the hall may not see in time cannot be promised. Slots already begun, beyond the rule's
days ahead, full, or on a day whose appointment share (the daily quota less the walk-in share)
is used up are not offered either.

**Seats**: ``booking_seats`` (per slot) and ``booking_days`` (per local day) count web and hall
bookings. A web booking takes one seat of each by a conditional ``UPDATE ... SET booked =
booked + 1 WHERE booked < cap`` in one transaction (the transaction starts with its writes, so
on SQLite it waits for the write lock rather than failing on a stale snapshot; on PostgreSQL the
row lock makes a second request re-check the condition): concurrent requests, in any number of
server processes, never exceed the capacity. Hall bookings (``booking.created``) are counted as
they arrive; a cancellation frees its seat.

**The hall**: it pulls web bookings and cancellations from ``booking_feed`` and keeps them, so
an offline hall checks them in from its own database; check-ins come back as events
(``public.booking_feed``; the tables' helpers in ``public.booking_store``; split, issue 21).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.central.booking_models import BookingDay, BookingFeed, BookingSeat, CentralBooking
from p4_desk.central.models import Site
from p4_desk.central.public.booking_feed import (  # re-exported: intake and the live pages call them here
    BOOKING_TYPES,
    RULES_TYPE,
    after_events,
    check_payload,
    feed,
)
from p4_desk.central.public.booking_store import free_seat, now_utc, rules_of, take_seat, zone_of
from p4_desk.domain.booking_rules import (
    BookingRule,
    appointment_seats,
    is_bookable_day,
    looks_like_code,
    new_code,
    normalise_code,
    slot_is_offered,
    slots_of_day,
)
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.text import clean_text
from p4_desk.domain.wording import format_datetime
from p4_desk.errors import NotFound, QuotaExhausted, ValidationError

CONFIRM_WITHIN = timedelta(minutes=10)
UNAVAILABLE = "Pemesanan online sementara tidak tersedia: data dari MPP belum diperbarui. Coba lagi nanti."


class SlotUnavailable(QuotaExhausted):
    """The slot cannot be confirmed (full, or the hall out of contact): 409."""

    code = "slot_unavailable"


@dataclass(frozen=True)
class Offer:
    """One service of one hall as the central server can offer it now."""

    rule: BookingRule
    service: dict[str, Any]
    zone: ZoneInfo
    daily_quota: int | None


def offer(session: Session, site: str, service: str, now: datetime) -> Offer:
    """The service's rule if the central server may offer its slots now, else ``SlotUnavailable``."""
    hall = session.get(Site, site)
    if hall is None or hall.revoked_at is not None:
        raise NotFound(f"MPP '{site}' tidak ditemukan.", field="site")
    rules = rules_of(session, site)
    found = next((s for s in (rules or {}).get("services", []) if s.get("service") == service), None)
    if rules is None or found is None:
        raise NotFound(f"Layanan '{service}' tidak menerima janji temu online di MPP ini.", field="service")
    if hall.last_contact_at is None or now - hall.last_contact_at > CONFIRM_WITHIN:
        raise SlotUnavailable(UNAVAILABLE)
    return Offer(
        BookingRule.from_json(found["rule"]), found, ZoneInfo(rules["timezone"]), found.get("daily_quota")
    )


def bookable_services(session: Session, site: str) -> list[dict[str, Any]]:
    rules = rules_of(session, site) or {}
    return [
        {
            "service": s["service"],
            "service_name": s.get("service_name", s["service"]),
            "agency_name": s.get("agency_name", ""),
            "days_ahead": int(s["rule"].get("days_ahead", 0)),
        }
        for s in rules.get("services", [])
    ]


def slots(session: Session, site: str, service: str, day: date, now: datetime) -> dict[str, Any]:
    """The JSON of ``GET /api/v1/public/sites/{site}/slots``: free slots, or why there are none."""
    base: dict[str, Any] = {"site": site, "service": service, "date": day.isoformat(), "slots": []}
    try:
        o = offer(session, site, service, now)
    except SlotUnavailable as exc:
        return {**base, "available": False, "reason": exc.message}
    base["service_name"] = o.service.get("service_name", service)
    if not is_bookable_day(o.rule, day, now.astimezone(o.zone).date()):
        return {**base, "available": False, "reason": "Tanggal ini tidak dapat dipesan."}
    starts = slots_of_day(o.rule, day, o.zone)
    seats = {
        r.slot_start: r.booked
        for r in session.scalars(
            select(BookingSeat).where(BookingSeat.site == site, BookingSeat.service == service)
        )
        if starts and starts[0] <= r.slot_start <= starts[-1]
    }
    day_row = session.get(BookingDay, (site, service, day))
    if (day_row.booked if day_row else 0) >= appointment_seats(o.rule, o.daily_quota, len(starts)):
        return {**base, "available": False, "reason": "Kuota janji temu hari ini sudah habis."}
    free = []
    for start in starts:
        left = o.rule.capacity - seats.get(start.astimezone(UTC), 0)
        if start > now and left > 0:
            free.append({"start": start.isoformat(), "free": left})
    reason = None if free else "Semua slot hari ini sudah penuh atau sudah lewat."
    return {**base, "slots": free, "available": bool(free), "reason": reason}


def book(sessions: Any, site: str, service: str, slot_text: str, name: str, phone: str) -> dict[str, Any]:
    """A web booking: checked, a seat taken, the code and its QR answered."""
    clean_name = clean_text(name, "Nama", max_length=200, field="name")
    clean_phone = normalize_phone(phone)
    try:
        slot = datetime.fromisoformat(slot_text)
        if slot.tzinfo is None:
            raise ValueError
    except ValueError:
        raise ValidationError("Jam janji tidak valid.", field="slot") from None
    now = now_utc()
    with sessions.begin() as session:  # read first, in its own transaction
        o = offer(session, site, service, now)
    if not slot_is_offered(o.rule, slot, now, o.zone):
        raise ValidationError(
            f"Slot {format_datetime(slot, o.zone)} tidak tersedia untuk dipesan.", field="slot"
        )
    local = slot.astimezone(o.zone)
    day_cap = appointment_seats(o.rule, o.daily_quota, len(slots_of_day(o.rule, local.date(), o.zone)))
    with sessions.begin() as session:  # writes first: the seat is taken or refused atomically
        if not take_seat(
            session,
            BookingSeat,
            {"site": site, "service": service, "slot_start": slot.astimezone(UTC)},
            o.rule.capacity,
        ):
            raise SlotUnavailable(
                f"Slot {format_datetime(slot, o.zone)} sudah penuh. Pilih jam lain.", field="slot"
            )
        if not take_seat(
            session, BookingDay, {"site": site, "service": service, "day": local.date()}, day_cap
        ):
            raise SlotUnavailable("Kuota janji temu hari itu sudah habis.", field="slot")
        code = _free_code(session, site)
        row = CentralBooking(
            site=site,
            code=code,
            service=service,
            service_name=str(o.service.get("service_name", service)),
            slot_start=slot.astimezone(UTC),
            slot_minutes=o.rule.slot_minutes,
            name=clean_name,
            phone=clean_phone,
            origin="web",
            state="booked",
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        session.flush()
        session.add(BookingFeed(site=site, booking_id=row.id, state="booked"))
        return booking_json(row, o.zone)


def hold_for_hall(sessions: Any, site: str, code: str, service: str, slot_text: str) -> dict[str, Any]:
    """A booking the hall takes by phone, confirmed here first: one seat of the slot and of the
    day taken by the same conditional updates as a web booking, so a web booking and a hall's
    phone booking can never both have the last seat. The hall's ``booking.created`` event later
    finds the row by its code and counts nothing twice. The same code again: the same answer."""
    if not looks_like_code(code):
        raise ValidationError("Kode janji temu tidak sah.", field="code")
    try:
        slot = datetime.fromisoformat(slot_text).astimezone(UTC)
    except ValueError:
        raise ValidationError("Jam janji tidak valid.", field="slot") from None
    now = now_utc()
    with sessions.begin() as session:
        known = session.scalar(
            select(CentralBooking).where(CentralBooking.site == site, CentralBooking.code == code)
        )
        if known is not None:
            return {"code": code, "held": True}
        rules = rules_of(session, site) or {}
        found = next((x for x in rules.get("services", []) if x.get("service") == service), None)
        if found is None:  # not offered online here: nothing a web booking could take
            return {"code": code, "held": False}
        zone = ZoneInfo(str(rules.get("timezone") or "Asia/Jakarta"))
        rule = BookingRule.from_json(found["rule"])
        local = slot.astimezone(zone)
        day_cap = appointment_seats(
            rule, found.get("daily_quota"), len(slots_of_day(rule, local.date(), zone))
        )
        if not take_seat(
            session, BookingSeat, {"site": site, "service": service, "slot_start": slot}, rule.capacity
        ):
            raise SlotUnavailable(f"Slot {format_datetime(slot, zone)} sudah penuh.", field="slot")
        if not take_seat(
            session, BookingDay, {"site": site, "service": service, "day": local.date()}, day_cap
        ):
            raise SlotUnavailable("Kuota janji temu hari itu sudah habis.", field="slot")
        session.add(
            CentralBooking(
                site=site, code=code, service=service, service_name=str(found.get("service_name", service)),
                slot_start=slot, slot_minutes=rule.slot_minutes, origin="hall", state="booked",
                created_at=now, updated_at=now,
            )
        )  # fmt: skip
        return {"code": code, "held": True}


def release_for_hall(sessions: Any, site: str, code: str) -> None:
    """The hall could not keep a phone booking it had held here: its seat is free again."""
    with sessions.begin() as session:
        row = session.scalar(
            select(CentralBooking).where(
                CentralBooking.site == site, CentralBooking.code == normalise_code(code),
                CentralBooking.origin == "hall", CentralBooking.state == "booked",
            )
        )  # fmt: skip
        if row is None:
            return
        zone = zone_of(session, site)
        free_seat(session, site, row.service, row.slot_start, row.slot_start.astimezone(zone).date())
        row.state, row.updated_at = "cancelled", now_utc()


def _free_code(session: Session, site: str) -> str:
    while True:
        code = new_code(at_hall=False)
        if session.scalar(select(CentralBooking.id).where(CentralBooking.code == code)) is None:
            return code


def qr_svg(value: str) -> str:
    """The booking code as a QR code (SVG), for the page and the JSON answer."""
    from reportlab.graphics import renderSVG
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing

    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(200, 200, transform=[200 / (x1 - x0), 0, 0, 200 / (y1 - y0), 0, 0])
    drawing.add(widget)
    return str(renderSVG.drawToString(drawing))


def booking_json(row: CentralBooking, zone: ZoneInfo | None = None) -> dict[str, Any]:
    zone = zone or ZoneInfo("Asia/Jakarta")
    svg = qr_svg(row.code)
    return {
        "code": row.code,
        "site": row.site,
        "service": row.service,
        "service_name": row.service_name,
        "slot_start": row.slot_start.astimezone(zone).isoformat(),
        "slot_text": format_datetime(row.slot_start, zone),
        "state": row.state,
        "qr_svg": svg,
        "qr_data_uri": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
    }


def find_web_booking(session: Session, code: str) -> CentralBooking:
    clean = normalise_code(code)
    row = (
        session.scalar(
            select(CentralBooking).where(CentralBooking.code == clean, CentralBooking.origin == "web")
        )
        if looks_like_code(clean)
        else None
    )
    if row is None:
        raise NotFound("Kode janji temu tidak ditemukan.", field="code")
    return row


def cancel(sessions: Any, code: str) -> dict[str, Any]:
    """The citizen cancels with the code (web bookings only: a hall's booking is cancelled there)."""
    with sessions.begin() as session:
        row = find_web_booking(session, code)
        rules = rules_of(session, row.site) or {}
        zone = ZoneInfo(str(rules.get("timezone") or "Asia/Jakarta"))
        if row.state != "booked":
            word = {"cancelled": "sudah dibatalkan", "checked_in": "sudah check-in", "late": "sudah check-in"}
            raise ValidationError(f"Janji temu ini {word.get(row.state, row.state)}.", field="code")
        if row.slot_start <= now_utc():
            raise ValidationError(
                "Jam janji sudah lewat; janji temu tidak dapat dibatalkan lagi.", field="code"
            )
        row.state, row.updated_at = "cancelled", now_utc()
        free_seat(session, row.site, row.service, row.slot_start, row.slot_start.astimezone(zone).date())
        session.add(BookingFeed(site=row.site, booking_id=row.id, state="cancelled"))
        return booking_json(row, zone)


__all__ = [
    "BOOKING_TYPES",
    "RULES_TYPE",
    "after_events",
    "book",
    "cancel",
    "check_payload",
    "feed",
    "hold_for_hall",
    "offer",
    "release_for_hall",
    "slots",
    "zone_of",
]

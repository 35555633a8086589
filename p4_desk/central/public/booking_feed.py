"""The halls' side of the central bookings: the booking events they send (their rules, their
phone bookings, check-ins, cancellations) and the feed they pull web bookings from. Split from
``booking`` (issue 21).

**Retention** (UU 27/2022): a web booking's name and phone are needed only until the hall has
them and the day is over. Each pull of the feed first empties the name and phone of this hall's
bookings whose slot is older than the hall's own retention period for a visit's personal data
(``retention_days`` in its rules event: the desk's ``privacy.tickets_keep_days``; 30 days from a
hall that does not send it). The code, service, slot and state stay for the figures. A partial
index on the bookings still holding a phone keeps it one short indexed update.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from p4_desk.central.booking_models import BookingDay, BookingFeed, BookingRules, BookingSeat, CentralBooking
from p4_desk.central.envelopes import Event
from p4_desk.central.public.booking_store import free_seat, now_utc, rules_of, upsert_zero
from p4_desk.domain.booking_rules import BookingRule, looks_like_code

RULES_TYPE = "site.booking_rules"
BOOKING_TYPES = frozenset({"booking.created", "booking.cancelled", "booking.checked_in", "booking.late"})
STATE_OF = {
    "booking.created": "booked",
    "booking.cancelled": "cancelled",
    "booking.checked_in": "checked_in",
    "booking.late": "late",
}
DEFAULT_KEEP_DAYS = 30  # the desk's default of ``privacy.tickets_keep_days``


def check_payload(type_: str, payload: dict[str, Any]) -> None:
    """Refuse a malformed booking event at intake (``envelopes``); raises ``ValueError``."""
    if type_ == RULES_TYPE:
        ZoneInfo(str(payload["timezone"]))
        keep = payload.get("retention_days")
        if keep is not None and (
            isinstance(keep, bool) or not isinstance(keep, int) or not 1 <= keep <= 36500
        ):
            raise ValueError("retention_days")
        for service in payload["services"]:
            str(service["service"])
            BookingRule.from_json(service["rule"])
        return
    if not looks_like_code(str(payload["code"])):
        raise ValueError("code")
    datetime.fromisoformat(str(payload["slot_start"])).astimezone(UTC)
    int(payload["slot_minutes"]), str(payload["service"])


def purge_past(session: Session, site: str, now: datetime) -> int:
    """Empty the name and phone of ``site``'s bookings past their slot + retention; how many."""
    keep = (rules_of(session, site) or {}).get("retention_days") or DEFAULT_KEEP_DAYS
    done = session.execute(
        update(CentralBooking)
        .where(
            CentralBooking.site == site,
            CentralBooking.phone.is_not(None),
            CentralBooking.slot_start < now - timedelta(days=int(keep)),
        )
        .values(name=None, phone=None)
        .execution_options(synchronize_session=False)
    )
    return int(done.rowcount)  # type: ignore[attr-defined]


def feed(session: Session, site: str, cursor: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    purge_past(session, site, now_utc())
    rows = session.execute(
        select(BookingFeed.id, BookingFeed.state, CentralBooking)
        .join(CentralBooking, CentralBooking.id == BookingFeed.booking_id)
        .where(BookingFeed.site == site, BookingFeed.id > cursor)
        .order_by(BookingFeed.id)
        .limit(limit)
    ).all()
    out: list[dict[str, Any]] = [
        {
            "id": feed_id,
            "code": b.code,
            "service": b.service,
            "slot_start": b.slot_start.isoformat(),
            "slot_minutes": b.slot_minutes,
            "name": b.name,
            "phone": b.phone,
            "state": state,
        }
        for feed_id, state, b in rows
    ]
    return out, (int(out[-1]["id"]) if out else cursor)


def after_events(session: Session, site: str, events: list[Event]) -> None:
    """The hall's rules and its bookings' steps (``central.live.after_events`` calls this)."""
    for event in sorted(events, key=lambda e: (e.occurred_at, e.event_id)):
        if event.type == RULES_TYPE:
            row = session.get(BookingRules, site)
            if row is None:
                session.add(
                    BookingRules(
                        site=site, rules=event.payload, occurred_at=event.occurred_at, event_id=event.event_id
                    )
                )
            elif row.occurred_at <= event.occurred_at:
                row.rules, row.occurred_at, row.event_id = event.payload, event.occurred_at, event.event_id
            session.flush()
        elif event.type in BOOKING_TYPES:
            _hall_step(session, site, event)


def _hall_step(session: Session, site: str, event: Event) -> None:
    p = event.payload
    zone = ZoneInfo(str((rules_of(session, site) or {}).get("timezone") or "Asia/Jakarta"))
    slot = datetime.fromisoformat(str(p["slot_start"])).astimezone(UTC)
    row = session.scalar(
        select(CentralBooking).where(CentralBooking.site == site, CentralBooking.code == p["code"])
    )
    state = STATE_OF[event.type]
    if row is None:
        row = CentralBooking(
            site=site,
            code=str(p["code"]),
            service=str(p["service"]),
            service_name=str(p["service"]),
            slot_start=slot,
            slot_minutes=int(p["slot_minutes"]),
            origin=str(p.get("origin") or "hall"),
            state="booked",
            created_at=event.occurred_at,
            updated_at=event.occurred_at,
        )
        session.add(row)
        for model, keys in (
            (BookingSeat, {"slot_start": slot}),
            (BookingDay, {"day": slot.astimezone(zone).date()}),
        ):
            upsert_zero(session, model, {"site": site, "service": row.service, **keys})
            where = [model.site == site, model.service == row.service] + [
                getattr(model, k) == v for k, v in keys.items()
            ]
            session.execute(
                update(model)
                .where(*where)
                .values(booked=model.booked + 1)
                .execution_options(synchronize_session=False)
            )
    if state == "cancelled" and row.state == "booked":
        free_seat(session, site, row.service, row.slot_start, row.slot_start.astimezone(zone).date())
    if state != "booked":
        row.state = state
    row.updated_at = now_utc()
    session.flush()

"""A service's booking rule, the slots it opens and the ``site.booking_rules`` event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from p4_desk.domain.booking_rules import BookingRule, CheckinWindow, appointment_seats, slots_of_day
from p4_desk.domain.queue_rules import service_day
from p4_desk.errors import ValidationError
from p4_desk.services.catalog import find_service
from p4_desk.services.site import get_setting
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Booking, BookingRuleRow, OutboxEvent, Service

RULES_EVENT = "site.booking_rules"
LIVE_STATES = ("booked", "checked_in", "late")  # a cancelled booking frees its seat


@dataclass(frozen=True)
class ServiceRule:
    service: str
    service_name: str
    agency: str
    agency_name: str
    daily_quota: int | None
    enabled: bool
    rule: BookingRule | None  # None: the service never had one

    def to_json(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "service_name": self.service_name,
            "agency": self.agency,
            "agency_name": self.agency_name,
            "daily_quota": self.daily_quota,
            "enabled": self.enabled,
            "rule": self.rule.to_json() if self.rule else None,
        }


@dataclass(frozen=True)
class SlotInfo:
    start: datetime  # aware, site zone
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "capacity": self.capacity, "booked": self.booked,
                "free": self.free}  # fmt: skip


def checkin_window(db: Database) -> CheckinWindow:
    return CheckinWindow(
        int(get_setting(db, "booking.checkin_before_minutes")),
        int(get_setting(db, "booking.checkin_after_minutes")),
    )


def _service_rule(service: Service, row: BookingRuleRow | None) -> ServiceRule:
    return ServiceRule(
        service=service.code,
        service_name=service.name,
        agency=service.agency.code,
        agency_name=service.agency.name,
        daily_quota=service.daily_quota,
        enabled=bool(row and row.enabled),
        rule=BookingRule.from_json(row.rule) if row else None,
    )


def list_rules(db: Database) -> list[ServiceRule]:
    """Every active service with its rule (or none), by agency and service code."""
    with db.read() as s:
        rows = {r.service_id: r for r in s.scalars(select(BookingRuleRow))}
        services = s.scalars(
            select(Service)
            .where(Service.active.is_(True))
            .options(joinedload(Service.agency))
            .order_by(Service.code)
        )
        return [_service_rule(svc, rows.get(svc.id)) for svc in services]


def get_rule(db: Database, service_code: str) -> ServiceRule:
    with db.read() as s:
        service = find_service(s, service_code, with_agency=True)
        return _service_rule(service, s.get(BookingRuleRow, service.id))


def set_rule(
    db: Database, service_code: str, rule: BookingRule | None, actor: Actor = SYSTEM, *, enabled: bool = True
) -> ServiceRule:
    """Save a service's rule (checked first); ``enabled=False`` stops new bookings, keeping the rule.

    Bookings already made stay valid whatever the new rule says."""
    with db.write() as s:
        service = find_service(s, service_code, with_agency=True)
        row = s.get(BookingRuleRow, service.id)
        if rule is None:
            if row is None:
                raise ValidationError(
                    f"Layanan {service.name} belum punya aturan janji temu.", field="service"
                )
            rule = BookingRule.from_json(row.rule)
        if enabled:
            rule = rule.check()
        if row is None:
            row = BookingRuleRow(service_id=service.id)
            s.add(row)
        row.enabled, row.rule, row.updated_at = enabled, rule.to_json(), db.now()
        s.flush()
        record(s, db, actor, "booking.rule", "service", service.id,
               details={"service": service.code, "enabled": enabled, **rule.to_json()})  # fmt: skip
        return _service_rule(service, row)


def booked_in_slot(s: Session, service_id: int, start: datetime) -> int:
    return int(
        s.scalar(
            select(func.count()).where(
                Booking.service_id == service_id, Booking.slot_start == start, Booking.state.in_(LIVE_STATES)
            )
        )
        or 0
    )


def booked_on_day(s: Session, service_id: int, slots: list[datetime]) -> int:
    if not slots:
        return 0
    return int(
        s.scalar(
            select(func.count()).where(
                Booking.service_id == service_id,
                Booking.slot_start >= slots[0],
                Booking.slot_start <= slots[-1],
                Booking.state.in_(LIVE_STATES),
            )
        )
        or 0
    )


def slots_for(db: Database, service_code: str, day: date) -> list[SlotInfo]:
    """The day's slots of a service with how many are booked (empty when it takes no bookings).

    A day whose appointments reached the walk-in share's limit shows no free seat anywhere."""
    tz = db.timezone
    with db.read() as s:
        service = find_service(s, service_code)
        row = s.get(BookingRuleRow, service.id)
        if row is None or not row.enabled:
            return []
        rule = BookingRule.from_json(row.rule)
        starts = slots_of_day(rule, day, tz)
        seats = appointment_seats(rule, service.daily_quota, len(starts))
        full_day = booked_on_day(s, service.id, starts) >= seats
        out = []
        for start in starts:
            booked = booked_in_slot(s, service.id, start)
            out.append(SlotInfo(start, booked if full_day else rule.capacity, booked))
        return out


def rules_payload(db: Database) -> dict[str, Any]:
    """What the central server needs to offer slots: the enabled rules, zone and check-in window."""
    window = checkin_window(db)
    return {
        "timezone": db.timezone.key,
        "checkin_before_minutes": window.before_minutes,
        "checkin_after_minutes": window.after_minutes,
        # how long the central server keeps a web booking's name and phone after its slot
        "retention_days": int(get_setting(db, "privacy.tickets_keep_days")),
        "services": [r.to_json() for r in list_rules(db) if r.enabled and r.rule is not None],
    }


def publish_booking_rules(db: Database, actor: Actor = SYSTEM) -> bool:
    """Write a ``site.booking_rules`` event when the rules changed since the last one."""
    payload = rules_payload(db)
    with db.write() as s:
        last = s.scalar(
            select(OutboxEvent.payload)
            .where(OutboxEvent.type == RULES_EVENT)
            .order_by(OutboxEvent.seq.desc())
            .limit(1)
        )
        if last == payload or (last is None and not payload["services"]):
            return False
        details = {"services": len(payload["services"])}
        record(s, db, actor, "site.booking_rules", "site", None, details=details, event_type=RULES_EVENT,
               payload=payload)  # fmt: skip
    return True


def today(db: Database) -> date:
    return service_day(db.now(), db.timezone)

"""Appointments: a service's booking rules, its slots and the check-in policy. Pure functions.

A service takes appointments on the days and hours of its rule (the opening-hours format,
``{"mon": [["08:00", "12:00"]], ...}``), in slots of ``slot_minutes`` with ``capacity`` seats
each, up to ``days_ahead`` days ahead. ``walkin_share_percent`` of the service's daily quota is
kept for walk-ins: the appointments of one day never take more than the rest
(:func:`appointment_seats`).

Check-in is allowed from ``before`` minutes before the slot to ``after`` minutes after it (site
settings ``booking.checkin_before_minutes`` / ``booking.checkin_after_minutes``); a citizen who
comes later is served as a walk-in (:func:`classify_checkin`).

Check-in policy (:func:`booked_queue_key`), the place a checked-in citizen takes in the queue:

* ``arrival``: the arrival order, as a walk-in arriving at the check-in moment.
* ``slot``: queued as if arrived ``head_start`` minutes before the slot time — but never later
  than the check-in itself, so a booking is never worse than walking in.

**The bound** (no starvation of walk-ins): a booked key lies in ``[t − (after + head_start), t]``
for a check-in at ``t``, because an on-time check-in is at most ``after`` minutes after the slot.
So no ticket is ever called after a booked ticket that checked in more than
``after + head_start`` minutes later than it (:func:`overtaking_bound_minutes`), however many
bookings there are; with ``head_start = 0`` and ``after = 0`` nobody is overtaken at all. The
same holds between bookings and priority tickets, whose keys are likewise at most their own
head start earlier than their arrival (``domain.queue_rules``).
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from p4_desk.domain import opening_hours
from p4_desk.errors import ValidationError

POLICIES: dict[str, str] = {
    "arrival": "Urutan kedatangan",
    "slot": "Dipanggil pada jam janji",
}
MAX_HEAD_START_MINUTES = 60
MAX_DAYS_AHEAD = 60
MAX_CAPACITY = 200
SLOT_MINUTES_RANGE = (5, 240)

#: codes made at the hall (bookings by phone) start with this digit; the central server's never do,
#: so the two never collide
HALL_CODE_PREFIX = "9"
CODE_LENGTH = 8


@dataclass(frozen=True)
class BookingRule:
    """One service's appointment rule (stored in ``booking_rule``, sent to the central server)."""

    hours: Mapping[str, Any] = field(default_factory=dict)
    slot_minutes: int = 30
    capacity: int = 2
    days_ahead: int = 7
    walkin_share_percent: int = 50
    policy: str = "slot"
    head_start_minutes: int = 10

    def check(self) -> BookingRule:
        """The rule normalised; raises ``ValidationError`` (Indonesian, by field) when it is wrong."""
        hours = opening_hours.validate(dict(self.hours))
        if not hours:
            raise ValidationError("Pilih paling sedikit satu hari dan jam janji temu.", field="hours")
        _bounded(self.slot_minutes, *SLOT_MINUTES_RANGE, "slot_minutes", "Lama satu slot (menit)")
        _bounded(self.capacity, 1, MAX_CAPACITY, "capacity", "Kapasitas per slot")
        _bounded(self.days_ahead, 0, MAX_DAYS_AHEAD, "days_ahead", "Hari pemesanan ke depan")
        _bounded(self.walkin_share_percent, 0, 100, "walkin_share_percent", "Bagian kuota untuk walk-in (%)")
        _bounded(self.head_start_minutes, 0, MAX_HEAD_START_MINUTES, "head_start_minutes",
                 "Keunggulan waktu janji temu (menit)")  # fmt: skip
        if self.policy not in POLICIES:
            raise ValidationError(
                f"Kebijakan check-in '{self.policy}' tidak dikenal. Pilihan: arrival, slot.", field="policy"
            )
        return BookingRule(hours, self.slot_minutes, self.capacity, self.days_ahead,
                           self.walkin_share_percent, self.policy, self.head_start_minutes)  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {
            "hours": {day: [list(p) for p in periods] for day, periods in self.hours.items()},
            "slot_minutes": self.slot_minutes,
            "capacity": self.capacity,
            "days_ahead": self.days_ahead,
            "walkin_share_percent": self.walkin_share_percent,
            "policy": self.policy,
            "head_start_minutes": self.head_start_minutes,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BookingRule:
        return cls(
            hours=dict(data.get("hours") or {}),
            slot_minutes=int(data.get("slot_minutes", 30)),
            capacity=int(data.get("capacity", 2)),
            days_ahead=int(data.get("days_ahead", 7)),
            walkin_share_percent=int(data.get("walkin_share_percent", 50)),
            policy=str(data.get("policy", "slot")),
            head_start_minutes=int(data.get("head_start_minutes", 10)),
        )


def _bounded(value: int, low: int, high: int, name: str, title: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"{title} harus bilangan bulat {low}–{high}.", field=name)


def slots_of_day(rule: BookingRule, day: date, tz: ZoneInfo) -> list[datetime]:
    """Start times (aware, site zone) of the day's slots; a slot ends inside its period."""
    periods = rule.hours.get(opening_hours.WEEKDAYS[day.weekday()]) or []
    step = timedelta(minutes=rule.slot_minutes)
    out: list[datetime] = []
    for start_text, end_text in periods:
        start = datetime.combine(day, time.fromisoformat(start_text), tz)
        if end_text == "24:00":
            end = datetime.combine(day + timedelta(days=1), time.min, tz)
        else:
            end = datetime.combine(day, time.fromisoformat(end_text), tz)
        moment = start
        while moment + step <= end:
            out.append(moment)
            moment += step
    return out


def appointment_seats(rule: BookingRule, daily_quota: int | None, slot_count: int) -> int:
    """How many appointments one day may hold: the slots' seats, and never more than the share of
    the daily quota that is not kept for walk-ins (rounded down)."""
    seats = slot_count * rule.capacity
    if daily_quota is None:
        return seats
    return min(seats, math.floor(daily_quota * (100 - rule.walkin_share_percent) / 100))


def is_bookable_day(rule: BookingRule, day: date, today: date) -> bool:
    return today <= day <= today + timedelta(days=rule.days_ahead)


def slot_is_offered(rule: BookingRule, slot: datetime, now: datetime, tz: ZoneInfo) -> bool:
    """A slot of the rule, on a bookable day, not begun yet."""
    local = slot.astimezone(tz)
    if not is_bookable_day(rule, local.date(), now.astimezone(tz).date()) or slot <= now:
        return False
    return local in slots_of_day(rule, local.date(), tz)


# --- check-in -------------------------------------------------------------------------------

EARLY, ON_TIME, LATE = "early", "on_time", "late"


@dataclass(frozen=True)
class CheckinWindow:
    before_minutes: int = 30
    after_minutes: int = 10

    def opens(self, slot: datetime) -> datetime:
        return slot - timedelta(minutes=self.before_minutes)

    def closes(self, slot: datetime) -> datetime:
        return slot + timedelta(minutes=self.after_minutes)


def classify_checkin(slot: datetime, now: datetime, window: CheckinWindow) -> str:
    """``early`` (before the window opens: refused), ``on_time`` or ``late`` (served as a walk-in)."""
    if now < window.opens(slot):
        return EARLY
    if now > window.closes(slot):
        return LATE
    return ON_TIME


def booked_queue_key(checkin: datetime, slot: datetime, policy: str, head_start_minutes: int) -> float:
    """The queue key of a citizen checked in on time (smaller is called first)."""
    if policy == "arrival":
        return checkin.timestamp()
    return min(checkin.timestamp(), slot.timestamp() - head_start_minutes * 60)


def overtaking_bound_minutes(window: CheckinWindow, rule: BookingRule) -> int:
    """No ticket is called after a booked ticket that checked in more than this much later."""
    return window.after_minutes + (rule.head_start_minutes if rule.policy == "slot" else 0)


# --- codes ----------------------------------------------------------------------------------


def new_code(*, at_hall: bool) -> str:
    """An 8-digit booking code (digits only: typed on the kiosk's keypad, scanned from the QR)."""
    rest = "".join(secrets.choice("0123456789") for _ in range(CODE_LENGTH - 1))
    first = HALL_CODE_PREFIX if at_hall else secrets.choice("12345678")
    return first + rest


def normalise_code(text: str) -> str:
    """What a citizen typed or a scanner sent, spaces and dashes dropped."""
    return "".join(ch for ch in text if not ch.isspace() and ch != "-")


def looks_like_code(text: str) -> bool:
    return len(text) == CODE_LENGTH and text.isascii() and text.isdigit()

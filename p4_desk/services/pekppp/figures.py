"""The figures of the PEKPPP evidence pack, each read from the hall's own records in one read.

Plain values here; ``evidence`` words them and names their sources.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from p4_desk.domain.opening_hours import WEEKDAYS
from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.services.stats.sessions import counter_open_spans
from p4_desk.store.db import Database
from p4_desk.store.models import Complaint, Counter, Service, Ticket, TicketLeg, User

#: which date shows each complaint deadline was met
DEADLINE_STEPS = {
    "verify_forward": "forwarded_on",
    "follow_up_plan": "answered_on",
    "answer": "answered_on",
    "resolution": "closed_on",
}


@dataclass(frozen=True)
class DeadlineTally:
    name: str
    on_time: int
    late: int  # met after the due date
    overdue_open: int  # not met, due date passed
    pending: int  # not met, still in time


@dataclass(frozen=True)
class HoursFigures:
    service: str
    service_name: str
    standard_hours: float | None  # None: the service has no standard hours (open 24 h)
    open_hours: float  # within the standard hours, any of its counters open
    days_standard: int


@dataclass(frozen=True)
class OfficerFigures:
    name: str
    served: int
    median_service_minutes: float | None


@dataclass(frozen=True)
class WaitWindow:
    legs: int
    median_minutes: float | None


def year_bounds(year: int, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(date(year, 1, 1), time.min, tz).astimezone(UTC)
    end = datetime.combine(date(year + 1, 1, 1), time.min, tz).astimezone(UTC)
    return start, end


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def complaint_deadlines(
    db: Database, year: int, today: date
) -> tuple[int, dict[str, int], list[DeadlineTally]]:
    """Complaints received in ``year``: count, count per kind, and each deadline's tally."""
    tz = db.timezone
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    kinds: dict[str, int] = defaultdict(int)
    count = 0
    with db.read() as s:
        rows = s.execute(
            select(
                Complaint.kind,
                Complaint.deadlines,
                Complaint.forwarded_on,
                Complaint.answered_on,
                Complaint.closed_at,
            ).where(Complaint.received_on.between(date(year, 1, 1), date(year, 12, 31)))
        ).all()
    for kind, deadlines, forwarded_on, answered_on, closed_at in rows:
        count += 1
        kinds[kind] += 1
        done = {
            "forwarded_on": forwarded_on,
            "answered_on": answered_on,
            "closed_on": _aware(closed_at).astimezone(tz).date() if closed_at else None,
        }
        for name, step in DEADLINE_STEPS.items():
            due_text = (deadlines or {}).get(name)
            if not due_text:
                continue
            due = date.fromisoformat(due_text)
            met = done[step]
            slot = (0 if met <= due else 1) if met is not None else (2 if today > due else 3)
            tallies[name][slot] += 1
    out = [DeadlineTally(name, *tallies[name]) for name in DEADLINE_STEPS if name in tallies]
    return count, dict(kinds), out


def _counter_open_spans(
    db: Database, start: datetime, end: datetime, now: datetime
) -> dict[str, list[tuple[datetime, datetime]]]:
    """Per counter code, the spans it was open, clipped to the period (the statistics' rule,
    ``stats.sessions.counter_open_spans``)."""
    spans: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    with db.read() as s:
        for span in counter_open_spans(s, start, end, now):
            if span.until > span.since:
                spans[span.counter].append((span.since, span.until))
    return spans


def _merge(spans: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def opening_hours_kept(db: Database, year: int, calendar: HolidayCalendar) -> list[HoursFigures]:
    """Per active service: its standard hours in ``year`` (working days up to today) and how
    many of those hours at least one counter serving it was open (counters as assigned now)."""
    tz = db.timezone
    now = db.now()
    today = now.astimezone(tz).date()
    start, end = year_bounds(year, tz)
    spans = _counter_open_spans(db, start, end, now)
    with db.read() as s:
        services = list(s.scalars(select(Service).where(Service.active.is_(True)).order_by(Service.code)))
        counters = {c.code: [sv.code for sv in c.services] for c in s.scalars(select(Counter))}
        hours_of = {sv.code: sv.opening_hours for sv in services}
        names = {sv.code: sv.name for sv in services}
    by_service: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for code, served in counters.items():
        for service in served:
            by_service[service].extend(spans.get(code, ()))
    last = min(date(year, 12, 31), today)
    out: list[HoursFigures] = []
    for code, hours in hours_of.items():
        if hours is None:
            out.append(HoursFigures(code, names[code], None, 0.0, 0))
            continue
        merged = _merge(by_service.get(code, ()))
        standard = kept = 0.0
        days = 0
        day = date(year, 1, 1)
        while day <= last:
            sessions = hours.get(WEEKDAYS[day.weekday()], ())
            if sessions and calendar.is_working_day(day):
                days += 1
                for first, until in sessions:
                    lo = datetime.combine(day, time.fromisoformat(first), tz).astimezone(UTC)
                    hi = (
                        datetime.combine(day + timedelta(days=1), time.min, tz)
                        if until == "24:00"
                        else datetime.combine(day, time.fromisoformat(until), tz)
                    ).astimezone(UTC)
                    hi = min(hi, now)
                    if hi <= lo:
                        continue
                    standard += (hi - lo).total_seconds()
                    for a, b in merged:
                        overlap = (min(b, hi) - max(a, lo)).total_seconds()
                        if overlap > 0:
                            kept += overlap
            day += timedelta(days=1)
        out.append(HoursFigures(code, names[code], standard / 3600, kept / 3600, days))
    return out


def officers_served(db: Database, year: int) -> list[OfficerFigures]:
    """Legs each officer completed in ``year`` and their median service time."""
    with db.read() as s:
        rows = s.execute(
            select(User.full_name, TicketLeg.started_at, TicketLeg.ended_at)
            .join(Ticket, Ticket.id == TicketLeg.ticket_id)
            .join(User, User.id == TicketLeg.officer_id)
            .where(
                TicketLeg.outcome == "done",
                Ticket.service_day.between(date(year, 1, 1), date(year, 12, 31)),
            )
        ).all()
    minutes: dict[str, list[float]] = defaultdict(list)
    for name, started, ended in rows:
        if started is not None and ended is not None:
            minutes[name].append((_aware(ended) - _aware(started)).total_seconds() / 60)
        else:
            minutes[name]
    return [
        OfficerFigures(name, len(values), statistics.median(values) if values else None)
        for name, values in sorted(minutes.items())
    ]


def waits_between(db: Database, service: str, first: date, last: date) -> WaitWindow:
    """Legs of ``service`` queued on service days ``first..last`` that were called, and their
    median wait in minutes (called − queued, DESIGN §4)."""
    with db.read() as s:
        rows = s.execute(
            select(TicketLeg.queued_at, TicketLeg.called_at)
            .join(Ticket, Ticket.id == TicketLeg.ticket_id)
            .join(Service, Service.id == TicketLeg.service_id)
            .where(
                Service.code == service,
                Ticket.service_day.between(first, last),
                TicketLeg.called_at.is_not(None),
            )
        ).all()
    waits = [(_aware(called) - _aware(queued)).total_seconds() / 60 for queued, called in rows if called]
    return WaitWindow(len(waits), statistics.median(waits) if waits else None)


def counts(db: Database, year: int) -> Mapping[str, int]:
    """Plain counts of the year: counters, officers, priority tickets served, tickets served."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    with db.read() as s:
        served = s.scalar(
            select(func.count(Ticket.id)).where(
                Ticket.state == "done", Ticket.service_day.between(first, last)
            )
        )
        priority = s.scalar(
            select(func.count(Ticket.id)).where(
                Ticket.state == "done", Ticket.priority.is_not(None), Ticket.service_day.between(first, last)
            )
        )
        counters = s.scalar(select(func.count(Counter.id)).where(Counter.active.is_(True)))
        officers = s.scalar(select(func.count(User.id)).where(User.active.is_(True), User.role == "operator"))
    return {
        "served": int(served or 0),
        "priority_served": int(priority or 0),
        "counters": int(counters or 0),
        "officers": int(officers or 0),
    }

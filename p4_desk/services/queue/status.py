"""The queue at a glance: per service how many wait and for how long, and every counter."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from p4_desk.domain import opening_hours
from p4_desk.domain.ticket_lifecycle import (
    TicketState,
)
from p4_desk.services.queue.counters import CounterStatus, counter_statuses
from p4_desk.store.db import Database
from p4_desk.store.models import Counter, Service, ServiceDaySequence, Ticket


@dataclass(frozen=True)
class ServiceStatus:
    code: str
    name: str
    agency: str
    agency_name: str
    prefix: str
    waiting: int
    longest_wait_minutes: int
    target_wait_minutes: int
    issued_today: int
    daily_quota: int | None
    open_now: bool
    hours_today: str
    open_counters: int


@dataclass(frozen=True)
class QueueStatus:
    services: tuple[ServiceStatus, ...]
    counters: tuple[CounterStatus, ...]

    def to_json(self) -> dict[str, Any]:
        def conv(obj: Any) -> dict[str, Any]:
            d = asdict(obj)
            for key, value in d.items():
                if isinstance(value, datetime):
                    d[key] = value.isoformat()
                elif isinstance(value, tuple):
                    d[key] = list(value)
            return d

        return {"services": [conv(s) for s in self.services], "counters": [conv(c) for c in self.counters]}


def queue_status(db: Database) -> QueueStatus:
    now = db.now()
    tz = db.timezone
    local = now.astimezone(tz)
    today = local.date()
    with db.read() as s:
        services = list(
            s.scalars(
                select(Service)
                .options(selectinload(Service.agency))
                .where(Service.active.is_(True))
                .order_by(Service.code)
            )
        )
        waiting = {
            sid: (count, oldest)
            for sid, count, oldest in s.execute(
                select(Ticket.service_id, func.count(), func.min(Ticket.arrival_at))
                .where(Ticket.state == TicketState.WAITING, Ticket.service_day == today)
                .group_by(Ticket.service_id)
            )
        }
        issued = dict(
            s.execute(
                select(ServiceDaySequence.service_id, ServiceDaySequence.last_number).where(
                    ServiceDaySequence.service_day == today
                )
            ).all()
        )
        open_counts = dict(
            s.execute(
                select(Service.id, func.count(Counter.id))
                .join(Counter.services)
                .where(Counter.state == "open")
                .group_by(Service.id)
            ).all()
        )
        statuses = []
        for sv in services:
            count, oldest = waiting.get(sv.id, (0, None))
            longest = 0
            if oldest is not None:
                # func.min() bypasses the column type, so the value comes back naive UTC
                oldest_utc = oldest if oldest.tzinfo else oldest.replace(tzinfo=now.tzinfo)
                longest = max(0, int((now - oldest_utc).total_seconds() // 60))
            statuses.append(
                ServiceStatus(
                    code=sv.code,
                    name=sv.name,
                    agency=sv.agency.code,
                    agency_name=sv.agency.name,
                    prefix=sv.prefix,
                    waiting=count,
                    longest_wait_minutes=longest,
                    target_wait_minutes=sv.target_wait_minutes,
                    issued_today=issued.get(sv.id, 0),
                    daily_quota=sv.daily_quota,
                    open_now=opening_hours.is_open(sv.opening_hours, local),
                    hours_today=opening_hours.describe_day(sv.opening_hours, local.weekday()),
                    open_counters=open_counts.get(sv.id, 0),
                )
            )
    return QueueStatus(tuple(statuses), tuple(counter_statuses(db)))

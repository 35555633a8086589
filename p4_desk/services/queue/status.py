"""The queue at a glance: per service how many wait and for how long, and every counter.

"How long" is the queue's longest wait now as ``domain.waiting`` defines it, read through
``waiting.waiting_by_service`` like the supervisor's live monitor, so both show the same number.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from p4_desk.domain import opening_hours
from p4_desk.domain.waiting import over_target
from p4_desk.services.queue.counters import CounterStatus, counter_statuses
from p4_desk.services.queue.waiting import NOBODY, waiting_by_service
from p4_desk.store.db import Database
from p4_desk.store.models import Counter, Service, ServiceDaySequence


@dataclass(frozen=True)
class ServiceStatus:
    code: str
    name: str
    agency: str
    agency_name: str
    prefix: str
    waiting: int
    longest_wait_minutes: int | None  # None: nobody waits (domain.waiting)
    target_wait_minutes: int
    over_target: bool
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
        waiting = waiting_by_service(s, today)
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
            queue = waiting.get(sv.id, NOBODY)
            longest = queue.longest_wait_minutes(now)
            statuses.append(
                ServiceStatus(
                    code=sv.code,
                    name=sv.name,
                    agency=sv.agency.code,
                    agency_name=sv.agency.name,
                    prefix=sv.prefix,
                    waiting=queue.waiting,
                    longest_wait_minutes=longest,
                    target_wait_minutes=sv.target_wait_minutes,
                    over_target=over_target(longest, sv.target_wait_minutes),
                    issued_today=issued.get(sv.id, 0),
                    daily_quota=sv.daily_quota,
                    open_now=opening_hours.is_open(sv.opening_hours, local),
                    hours_today=opening_hours.describe_day(sv.opening_hours, local.weekday()),
                    open_counters=open_counts.get(sv.id, 0),
                )
            )
    return QueueStatus(tuple(statuses), tuple(counter_statuses(db)))

"""The live monitor: what is happening now in the hall."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from p4_desk.domain.waiting import over_target
from p4_desk.services.queue.waiting import NOBODY, waiting_by_service
from p4_desk.services.stats.model import _jsonable
from p4_desk.services.stats.scope import _seconds
from p4_desk.services.stats.sessions import _aware
from p4_desk.store.db import Database
from p4_desk.store.models import (
    Counter,
    Service,
    Ticket,
    TicketLeg,
    User,
)

LIVE_WAIT_WINDOW = timedelta(hours=1)

# --- live monitor ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceLive:
    code: str
    name: str
    waiting: int
    longest_wait_minutes: int | None  # domain.waiting: the same figure as the kiosk and the CLI
    wait_avg_last_hour: float | None  # seconds, tickets called in the last hour
    target_wait_minutes: int
    alert: bool  # the longest current wait passed the target


@dataclass(frozen=True)
class CounterLive:
    code: str
    name: str
    state: str  # open | paused | closed
    officer: str | None  # full name
    officer_username: str | None
    current_ticket: str | None
    current_ticket_state: str | None
    idle_seconds: float | None  # open with no ticket: since the last ticket ended or it opened


@dataclass(frozen=True)
class LiveMonitor:
    at: datetime
    services: tuple[ServiceLive, ...]
    counters: tuple[CounterLive, ...]

    @property
    def alerts(self) -> tuple[ServiceLive, ...]:
        return tuple(sv for sv in self.services if sv.alert)

    def to_json(self) -> dict[str, Any]:
        out = _jsonable(asdict(self))
        out["alerts"] = [sv.code for sv in self.alerts]
        return dict(out)


def live_monitor(db: Database) -> LiveMonitor:
    """What is happening now: queues per service and the state of every counter."""
    now = db.now()
    tz = db.timezone
    today = now.astimezone(tz).date()
    day_start = datetime.combine(today, time(0), tzinfo=tz).astimezone(UTC)
    L, T = TicketLeg, Ticket
    with db.read() as s:
        waiting = waiting_by_service(s, today)
        recent: dict[int, Any] = dict(
            s.execute(
                select(L.service_id, func.avg(_seconds(db, L.called_at, L.queued_at)))
                .where(L.called_at >= now - LIVE_WAIT_WINDOW, L.called_at <= now)
                .group_by(L.service_id)
            ).all()
        )
        services = []
        for sid, code, name, target in s.execute(
            select(Service.id, Service.code, Service.name, Service.target_wait_minutes)
            .where(Service.active.is_(True))
            .order_by(Service.code)
        ):
            queue = waiting.get(sid, NOBODY)
            longest = queue.longest_wait_minutes(now)
            avg = recent.get(sid)
            services.append(
                ServiceLive(
                    code=code,
                    name=name,
                    waiting=queue.waiting,
                    longest_wait_minutes=longest,
                    wait_avg_last_hour=float(avg) if avg is not None else None,
                    target_wait_minutes=target,
                    alert=over_target(longest, target),
                )
            )
        # Tickets at a counter now = open legs already called. Read through the legs' ended_at
        # index (few NULLs): after ANALYZE, SQLite judges ticket.state unselective (almost
        # every ticket is done) and would scan a year of tickets every refresh.
        current = {
            cid: (number, state)
            for cid, number, state in s.execute(
                select(L.counter_id, T.number, T.state)
                .join(T, T.id == L.ticket_id)
                .where(L.ended_at.is_(None), L.called_at.is_not(None), T.state.in_(("called", "serving")))
            )
        }
        last_end = {
            cid: _aware(at)
            for cid, at in s.execute(
                select(L.counter_id, func.max(L.ended_at))
                .where(L.ended_at >= day_start, L.counter_id.is_not(None))
                .group_by(L.counter_id)
            )
            if at is not None
        }
        users = {uid: (u, n) for uid, u, n in s.execute(select(User.id, User.username, User.full_name))}
        counters = []
        for c in s.scalars(select(Counter).where(Counter.active.is_(True)).order_by(Counter.code)):
            number, state = current.get(c.id, (None, None))
            idle = None
            if c.state == "open" and number is None:
                since = max(
                    [t for t in (c.state_changed_at, last_end.get(c.id)) if t is not None],
                    default=None,
                )
                idle = max(0.0, (now - since).total_seconds()) if since is not None else None
            officer = users.get(c.officer_id) if c.officer_id else None
            counters.append(
                CounterLive(
                    code=c.code,
                    name=c.name,
                    state=c.state,
                    officer=officer[1] if officer else None,
                    officer_username=officer[0] if officer else None,
                    current_ticket=number,
                    current_ticket_state=state,
                    idle_seconds=idle,
                )
            )
    return LiveMonitor(at=now, services=tuple(services), counters=tuple(counters))

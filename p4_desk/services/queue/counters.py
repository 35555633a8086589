"""Counters: open, break, close; their status and the officer's tally of the day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from p4_desk.domain.queue_rules import service_day
from p4_desk.domain.ticket_lifecycle import AT_COUNTER
from p4_desk.errors import CounterNotOpen, InvalidTransition, ValidationError
from p4_desk.services.catalog import find_counter
from p4_desk.services.queue.tickets import ticket_at_counter
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Counter, Ticket, TicketLeg, User

COUNTER_STATE_LABELS = {"open": "Buka", "paused": "Istirahat", "closed": "Tutup"}


@dataclass(frozen=True)
class CounterStatus:
    code: str
    name: str
    state: str
    services: tuple[str, ...]
    officer: str | None
    current_ticket: str | None
    current_ticket_state: str | None
    state_changed_at: datetime | None


# --- counters -------------------------------------------------------------------------------

_COUNTER_EVENTS = {"open": "counter.opened", "paused": "counter.paused", "closed": "counter.closed"}


def set_counter_state(db: Database, counter_code: str, state: str, actor: Actor = SYSTEM) -> CounterStatus:
    if state not in _COUNTER_EVENTS:
        raise ValidationError(f"Status loket '{state}' tidak dikenal.", field="state")
    with db.write() as s:
        counter = find_counter(s, counter_code)
        if not counter.active:
            raise CounterNotOpen(f"{counter.name} tidak aktif.")
        if state == "closed":
            busy = ticket_at_counter(s, counter)
            if busy is not None:
                raise InvalidTransition(
                    f"{counter.name} masih menangani tiket {busy.number}. Selesaikan dulu sebelum menutup."
                )
        now = db.now()
        counter.state, counter.state_changed_at = state, now
        if state == "open" and actor.user_id is not None:
            counter.officer_id = actor.user_id
        if state == "closed":
            counter.officer_id = None
        record(
            s,
            db,
            actor,
            f"counter.{state}",
            "counter",
            counter.code,
            details={"state": state},
            event_type=_COUNTER_EVENTS[state],
            payload={"counter": counter.code, "officer": actor.username},
            at=now,
        )
    return counter_statuses(db, [counter_code.upper()])[0]


def counter_statuses(db: Database, codes: list[str] | None = None) -> list[CounterStatus]:
    with db.read() as s:
        q = (
            select(Counter)
            .options(selectinload(Counter.services))
            .where(Counter.active.is_(True))
            .order_by(Counter.code)
        )
        if codes:
            q = q.where(Counter.code.in_(codes))
        counters = list(s.scalars(q))
        names = dict(s.execute(select(User.id, User.username)).all())
        current = {
            cid: (number, state)
            for cid, number, state in s.execute(
                select(Ticket.counter_id, Ticket.number, Ticket.state).where(Ticket.state.in_(AT_COUNTER))
            )
        }
        return [
            CounterStatus(
                code=c.code,
                name=c.name,
                state=c.state,
                services=tuple(sv.code for sv in c.services),
                officer=names.get(c.officer_id) if c.officer_id else None,
                current_ticket=current.get(c.id, (None, None))[0],
                current_ticket_state=current.get(c.id, (None, None))[1],
                state_changed_at=c.state_changed_at,
            )
            for c in counters
        ]


def counter_tally(db: Database, counter_code: str, officer_id: int | None) -> dict[str, Any]:
    """Today's figures for the officer at a counter: served, no-shows, average service time."""
    now = db.now()
    today = service_day(now, db.timezone)
    with db.read() as s:
        counter = find_counter(s, counter_code)
        q = (
            select(TicketLeg.outcome, TicketLeg.started_at, TicketLeg.ended_at)
            .join(Ticket, Ticket.id == TicketLeg.ticket_id)
            .where(
                Ticket.service_day == today,
                TicketLeg.counter_id == counter.id,
                TicketLeg.outcome.in_(("done", "no_show")),
            )
        )
        if officer_id is not None:
            q = q.where(TicketLeg.officer_id == officer_id)
        rows = s.execute(q).all()
    done = [(e - st).total_seconds() for o, st, e in rows if o == "done" and st and e]
    return {
        "served": sum(1 for r in rows if r[0] == "done"),
        "no_show": sum(1 for r in rows if r[0] == "no_show"),
        "average_service_minutes": round(sum(done) / len(done) / 60, 1) if done else None,
    }

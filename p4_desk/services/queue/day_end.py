"""The end of the service day: tickets still waiting or called are closed as unserved.

A ticket belongs to one service day (the site's local date, WIB/WITA/WIT). One left waiting or
called when that day ended can no longer be served: it is never called on a later day, and a
called one would keep its counter busy. The hourly housekeeping closes each such ticket as
``unserved`` ("Tidak terlayani", ``domain.ticket_lifecycle``), its leg too, both stamped with the
local midnight that ended the day (so the result does not depend on when the job ran), with an
audit row and a ``ticket.unserved`` event per ticket. Tickets in service are left to the officer
(they are being served); done, no-show and cancelled tickets are final for the day anyway.

Idempotent and safe on several PCs at once: on SQLite one writer at a time; on PostgreSQL the
rows are locked with ``SKIP LOCKED``, so two workstations never close the same ticket twice.
The tickets are closed in transactions of at most ``BATCH`` (a hall switched on in the morning
after a busy day left open must not hold the database's write lock while its kiosk issues
tickets).
"""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import select

from p4_desk.domain.queue_rules import service_day
from p4_desk.domain.ticket_lifecycle import (
    OPEN_AT_DAY_END,
    TICKETS,
    TicketState,
    closed_at_day_end,
    day_end_midnight,
)
from p4_desk.services.queue.calling import _journal
from p4_desk.services.queue.tickets import ticket_loads
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor
from p4_desk.store.models import Ticket, TicketLeg

DAY_END_REASON = "hari layanan berakhir"
BATCH = 200


def close_ended_days(db: Database, actor: Actor = SYSTEM) -> int:
    """Close every ticket left waiting or called on a service day that has ended; how many."""
    closed = 0
    while True:
        done, more = _close_batch(db, actor)
        closed += done
        if not more:
            return closed


def _close_batch(db: Database, actor: Actor) -> tuple[int, bool]:
    """Close up to ``BATCH`` tickets in one transaction; whether there may be more."""
    now = db.now()
    zone = db.timezone
    today = service_day(now, zone)
    query = (
        select(Ticket)
        .where(Ticket.state.in_(OPEN_AT_DAY_END), Ticket.service_day < today)
        .options(*ticket_loads())
        .order_by(Ticket.id)
        .limit(BATCH)
    )
    if not db.is_sqlite:
        query = query.with_for_update(skip_locked=True, of=Ticket)
    closed = 0
    with db.write() as s:
        tickets = list(s.scalars(query))
        # each ticket's latest leg, read at once for the batch (not one query per ticket)
        legs: dict[int, TicketLeg] = {}
        if tickets:
            for leg in s.scalars(
                select(TicketLeg)
                .where(TicketLeg.ticket_id.in_([t.id for t in tickets]))
                .order_by(TicketLeg.id)
            ):
                legs[leg.ticket_id] = leg
        for t in tickets:
            if not closed_at_day_end(t.state, t.service_day, today):
                continue
            before = TicketState(t.state)
            TICKETS.check_transition(before, TicketState.UNSERVED)
            midnight = day_end_midnight(t.service_day, zone).astimezone(UTC)
            t.state, t.finished_at, t.updated_at = TicketState.UNSERVED, midnight, now
            leg = legs[t.id]
            leg.ended_at, leg.outcome = midnight, "unserved"
            _journal(
                s, db, actor, t, "ticket.unserved", "ticket.unserved", now,
                reason=DAY_END_REASON, was=before.value, service_day=t.service_day.isoformat(),
            )  # fmt: skip
            closed += 1
    return closed, len(tickets) == BATCH and closed > 0

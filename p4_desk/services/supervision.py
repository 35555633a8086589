"""Supervisor interventions: reprint a ticket, cancel a ticket, close a counter left open.

Every intervention is audited (``journal.record``) in the same transaction as its change.

Closing a counter that still has a ticket (the officer went home without finishing) follows
one policy, chosen so that no citizen loses their turn and no service is invented:

- a ticket only *called* there goes back to *waiting* in its own queue at its old position
  (its ``queue_key`` is kept); its service leg is un-called, so its waiting time keeps running
  from when it queued — the citizen is still waiting;
- a ticket being *served* there is finished (*done*) at the moment of closing: the service did
  happen, only the finish press was forgotten (a multi-service visit then goes on to the
  queue of its next service, ``queue.visits``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from p4_desk.errors import ValidationError
from p4_desk.printing.ticket import TicketPrintData, render_ticket_pdf
from p4_desk.services import queue, ticketing
from p4_desk.services.catalog import find_counter
from p4_desk.services.queue.visits import continue_visit
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Ticket, TicketLeg

# --- reprint --------------------------------------------------------------------------------


def reprint_data(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketPrintData:
    """The ticket's print data marked as a copy ("SALINAN"); the reprint is audited."""
    ticket = queue.get_ticket(db, ref)
    data = ticketing.print_data_for(db, ticket, copy=True)
    with db.write() as s:
        record(
            s,
            db,
            actor,
            "ticket.reprint",
            "ticket",
            ticket.id,
            details={"number": ticket.number, "state": ticket.state},
        )
    return data


def reprint_pdf(db: Database, ref: str | int, actor: Actor = SYSTEM, paper_mm: int = 80) -> bytes:
    """The reprinted ticket as a roll-sized PDF (preview, OS printer or file)."""
    return render_ticket_pdf(reprint_data(db, ref, actor), paper_mm)


# --- cancel ---------------------------------------------------------------------------------


def cancel_ticket(db: Database, ref: str | int, reason: str, actor: Actor = SYSTEM) -> queue.TicketInfo:
    """Cancel a waiting ticket (e.g. its print failed and the citizen left); reason required."""
    return queue.cancel(db, ref, reason, actor)


# --- close a counter ------------------------------------------------------------------------


@dataclass(frozen=True)
class CounterClosed:
    counter: str
    ticket: str | None  # the ticket that was at the counter, if any
    ticket_outcome: str | None  # "waiting" (returned to its queue) or "done"


def close_counter(db: Database, counter_code: str, reason: str, actor: Actor = SYSTEM) -> CounterClosed:
    """Close a counter even with a ticket at it (policy in the module docstring)."""
    if not reason or not reason.strip():
        raise ValidationError("Alasan penutupan loket wajib diisi.", field="reason")
    reason = reason.strip()
    with db.write() as s:
        counter = find_counter(s, counter_code)
        now = db.now()
        q = select(Ticket).where(Ticket.counter_id == counter.id, Ticket.state.in_(("called", "serving")))
        if not db.is_sqlite:
            q = q.with_for_update()
        number = outcome = None
        for t in s.scalars(q):
            leg = s.scalar(
                select(TicketLeg).where(TicketLeg.ticket_id == t.id).order_by(TicketLeg.id.desc()).limit(1)
            )
            assert leg is not None
            number = t.number
            if t.state == "serving":
                leg.ended_at, leg.outcome = now, "done"
                if continue_visit(s, db, t, now, actor) is not None:  # on to its visit's next service
                    number, outcome = t.number, "waiting"
                    continue
                t.state, t.finished_at, t.updated_at = "done", now, now
                outcome, action, event = "done", "ticket.finish", "ticket.finished"
            else:
                t.state, t.updated_at = "waiting", now
                t.called_at = t.started_at = None
                t.counter = None
                leg.called_at, leg.counter_id, leg.officer_id = None, None, None
                outcome, action, event = "waiting", "ticket.return_to_queue", "ticket.reactivated"
            s.flush()
            record(
                s,
                db,
                actor,
                action,
                "ticket",
                t.id,
                details={"number": t.number, "counter": counter.code, "reason": reason, "forced": True},
                event_type=event,
                payload=queue.ticket_payload(t),
                at=now,
            )
        counter.state, counter.state_changed_at, counter.officer_id = "closed", now, None
        record(
            s,
            db,
            actor,
            "counter.closed",
            "counter",
            counter.code,
            details={"state": "closed", "forced": True, "reason": reason, "ticket": number},
            event_type="counter.closed",
            payload={"counter": counter.code, "officer": actor.username},
            at=now,
        )
        return CounterClosed(counter.code, number, outcome)

"""Calling and serving: call next or a chosen ticket, recall, start, finish, no-show, reactivate,
cancel, transfer. Which action a ticket's state allows is ``domain.ticket_lifecycle``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from p4_desk.domain.queue_rules import PriorityPolicy, queue_key, service_day
from p4_desk.domain.ticket_lifecycle import (
    AT_COUNTER,
    TICKETS,
    TicketAction,
    TicketState,
    check_action,
    check_no_show,
)
from p4_desk.errors import CounterNotOpen, InvalidTransition, NotFound, ServiceClosed, ValidationError
from p4_desk.services import site as site_service
from p4_desk.services.catalog import find_counter, find_service
from p4_desk.services.queue.counters import COUNTER_STATE_LABELS
from p4_desk.services.queue.tickets import (
    ELIGIBLE,
    HAS_NEXT_STEP,
    TicketInfo,
    eligible_params,
    find_ticket,
    latest_leg,
    note_next_step,
    position,
    ticket_at_counter,
    ticket_info,
    ticket_payload,
)
from p4_desk.services.queue.visits import continue_visit, place_key
from p4_desk.store.db import Database, field_label, value_problem
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Counter, Service, Ticket, TicketLeg, User


def _journal(
    s: Session,
    db: Database,
    actor: Actor,
    t: Ticket,
    action: str,
    event_type: str,
    at: datetime,
    **details: Any,
) -> None:
    """The audit row and outbox event of a ticket's change: its number in the details, its snapshot sent."""
    record(
        s, db, actor, action, "ticket", t.id, details={"number": t.number, **details},
        event_type=event_type, payload=ticket_payload(t), at=at,
    )  # fmt: skip


def _open_counter(s: Session, code: str) -> Counter:
    counter = find_counter(s, code)
    if counter.state != "open":
        label = COUNTER_STATE_LABELS[counter.state].lower()
        raise CounterNotOpen(f"{counter.name} sedang {label}. Buka loket terlebih dahulu.")
    return counter


def _ensure_counter_free(s: Session, counter: Counter) -> None:
    busy = ticket_at_counter(s, counter)
    if busy is not None:
        raise InvalidTransition(
            f"{counter.name} masih menangani tiket {busy.number}. "
            "Selesaikan, alihkan, atau tandai tidak hadir terlebih dahulu."
        )


def _mark_called(
    s: Session, db: Database, t: Ticket, counter: Counter, actor: Actor, action: str
) -> TicketInfo:
    now = db.now()
    t.state, t.called_at, t.counter, t.updated_at = TicketState.CALLED, now, counter, now
    t.started_at = t.finished_at = None
    t.officer = s.get(User, actor.user_id) if actor.user_id is not None else None
    t.target_counter = None
    queued_at = _stamp_leg(s, t.id, called_at=now, counter_id=counter.id, officer_id=actor.user_id)
    _journal(s, db, actor, t, action, "ticket.called", now, counter=counter.code)
    return ticket_info(t, queued_at)


_LEG = cast(Table, TicketLeg.__table__)
_TICKET = cast(Table, Ticket.__table__)


@functools.cache
def _stamp_ticket_statement(columns: tuple[str, ...]) -> Any:
    return (
        update(_TICKET)
        .where(_TICKET.c.id == bindparam("stamped_ticket"))
        .values({column: bindparam(f"new_{column}") for column in columns})
    )


def _stamp_ticket(s: Session, t: Ticket, **values: Any) -> None:
    """The ticket's row gets ``values`` in one Core ``UPDATE`` and the loaded ``t`` the same values
    as committed ones, so the flush has nothing left to write (issue 20.2: the unit of work's
    flush of one changed ticket cost several times its statement). The values are checked as a
    flush checks them (``store.db``)."""
    for key, value in values.items():
        if value is not None and (problem := value_problem(_TICKET.c[key].type, value)):
            raise ValidationError(f"{field_label(key)} {problem}.", field=key)
    params = {"stamped_ticket": t.id, **{f"new_{k}": v for k, v in values.items()}}
    s.connection().execute(_stamp_ticket_statement(tuple(sorted(values))), params)
    for key, value in values.items():
        set_committed_value(t, key, value)


@functools.cache
def _stamp_leg_statement(columns: tuple[str, ...]) -> Any:
    """Built once per set of columns (issue 20.2: building a statement cost more CPU than its work)."""
    latest = select(func.max(_LEG.c.id)).where(_LEG.c.ticket_id == bindparam("leg_ticket"))
    return (
        update(_LEG)
        .where(_LEG.c.id == latest.scalar_subquery())
        .values({column: bindparam(f"new_{column}") for column in columns})
        .returning(_LEG.c.queued_at)
    )


def _stamp_leg(s: Session, ticket_id: int, **values: Any) -> datetime:
    """The ticket's current (latest) leg gets ``values`` in one Core ``UPDATE … RETURNING``
    instead of being loaded and flushed; its queue time. (Core: no ORM object of the leg is in
    the session; the transaction's other changes are flushed later, in any order.)"""
    params = {"leg_ticket": ticket_id, **{f"new_{k}": v for k, v in values.items()}}
    queued_at: datetime = (
        s.connection().execute(_stamp_leg_statement(tuple(sorted(values))), params).scalar_one()
    )
    return queued_at


_BUSY_NUMBER = (
    select(Ticket.number)
    .where(Ticket.counter_id == Counter.id, Ticket.state.in_(AT_COUNTER))
    .order_by(Ticket.called_at.desc())
    .limit(1)
    .correlate(Counter)
    .scalar_subquery()
)
_COUNTER_TO_CALL = (
    select(Counter, _BUSY_NUMBER)
    .where(Counter.code == bindparam("code"))
    .options(joinedload(Counter.services).joinedload(Service.agency))
)


def _counter_to_call(s: Session, code: str) -> Counter:
    """The open, free counter with its services and their agencies, read in one query."""
    row = s.execute(_COUNTER_TO_CALL, {"code": code.upper()}).unique().first()
    if row is None:
        raise NotFound(f"Loket '{code}' tidak ditemukan.", field="counter")
    counter, busy_number = row
    if counter.state != "open":
        label = COUNTER_STATE_LABELS[counter.state].lower()
        raise CounterNotOpen(f"{counter.name} sedang {label}. Buka loket terlebih dahulu.")
    if busy_number is not None:
        raise InvalidTransition(
            f"{counter.name} masih menangani tiket {busy_number}. "
            "Selesaikan, alihkan, atau tandai tidak hadir terlebih dahulu."
        )
    return counter


@functools.cache
def _call_next_statement(sqlite: bool) -> Any:
    """Pick the next waiting ticket the counter may call (``tickets.ELIGIBLE``) and call it, in one
    ``UPDATE … RETURNING``; on PostgreSQL the pick skips rows another counter holds. Built once."""
    pick = select(Ticket.id).where(ELIGIBLE).order_by(Ticket.queue_key, Ticket.id).limit(1)
    if not sqlite:
        pick = pick.with_for_update(skip_locked=True)
    core = (
        update(_TICKET)
        .where(_TICKET.c.id == pick.scalar_subquery())
        .values(
            state=TicketState.CALLED,
            called_at=bindparam("at"),
            counter_id=bindparam("by_counter"),
            updated_at=bindparam("at"),
            started_at=None,
            finished_at=None,
            officer_id=bindparam("by_officer"),
            target_counter_id=None,
        )
        .returning(*_TICKET.c, HAS_NEXT_STEP)
    )
    # a Core UPDATE whose row the ORM loads: the ORM-enabled UPDATE (its bulk path, a cache key
    # made on every call) cost more CPU than the statement (issue 20.2)
    return select(Ticket, HAS_NEXT_STEP).from_statement(core)


def call_next(db: Database, counter_code: str, actor: Actor = SYSTEM) -> TicketInfo | None:
    """Call the next waiting ticket for a counter; None when nobody waits.

    Four statements besides the journal's (DESIGN §4): the counter (its services, agencies and
    whether it is busy), the ticket picked and called in one ``UPDATE … RETURNING`` (on
    PostgreSQL the pick skips rows another counter holds), its leg, the officer if any."""
    with db.write() as s:
        counter = _counter_to_call(s, counter_code)
        now = db.now()
        params = eligible_params(counter, service_day(now, db.timezone)) | {
            "by_officer": actor.user_id,
            "at": now,
        }
        options = {"populate_existing": True}
        row = s.execute(_call_next_statement(db.is_sqlite), params, execution_options=options).first()
        if row is None:
            return None
        ticket, has_next_step = row
        note_next_step(s, ticket.id, has_next_step)
        queued_at = _stamp_leg(s, ticket.id, called_at=now, counter_id=counter.id, officer_id=actor.user_id)
        _journal(s, db, actor, ticket, "ticket.call_next", "ticket.called", now, counter=counter.code)
        return ticket_info(ticket, queued_at)


def call_ticket(db: Database, ref: str | int, counter_code: str, actor: Actor = SYSTEM) -> TicketInfo:
    """Call one specific waiting ticket (e.g. an elderly citizen standing at the counter)."""
    with db.write() as s:
        counter = _open_counter(s, counter_code)
        _ensure_counter_free(s, counter)
        ticket = find_ticket(s, db, ref, lock=True)
        if ticket.state != TicketState.WAITING or ticket.service_day != service_day(db.now(), db.timezone):
            raise InvalidTransition(
                f"Tiket {ticket.number} tidak sedang menunggu (status: {TICKETS.label(ticket.state)})."
            )
        served = {sv.id for sv in counter.services}
        if ticket.target_counter_id not in (None, counter.id) or (
            ticket.target_counter_id is None and ticket.service_id not in served
        ):
            raise InvalidTransition(f"Tiket {ticket.number} tidak dilayani di {counter.name}.")
        return _mark_called(s, db, ticket, counter, actor, "ticket.call")


@contextmanager
def _transition(db: Database, ref: str | int, action: TicketAction) -> Iterator[tuple[Session, Ticket]]:
    """One write transaction on one ticket whose state allows ``action`` (the ticket lifecycle)."""
    with db.write() as s:
        t = find_ticket(s, db, ref, lock=True)
        check_action(action, t.state, t.number)
        yield s, t


def recall(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    with _transition(db, ref, TicketAction.RECALL) as (s, t):
        now = db.now()
        _stamp_ticket(s, t, recall_count=t.recall_count + 1, called_at=now, updated_at=now)
        _journal(s, db, actor, t, "ticket.recall", "ticket.recalled", now, recall_count=t.recall_count)
        return ticket_info(t, latest_leg(s, t).queued_at)


def start(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    with _transition(db, ref, TicketAction.START) as (s, t):
        now = db.now()
        officer_id = actor.user_id if actor.user_id is not None else t.officer_id
        _stamp_ticket(s, t, state=TicketState.SERVING, started_at=now, updated_at=now, officer_id=officer_id)
        if actor.user_id is not None:
            set_committed_value(t, "officer", s.get(User, actor.user_id))
        queued_at = _stamp_leg(s, t.id, started_at=now, officer_id=officer_id)
        _journal(s, db, actor, t, "ticket.start", "ticket.started", now)
        return ticket_info(t, queued_at)


def finish(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    with _transition(db, ref, TicketAction.FINISH) as (s, t):
        now = db.now()
        queued_at = _stamp_leg(s, t.id, ended_at=now, outcome="done")
        following = continue_visit(s, db, t, now, actor)  # the next service of its visit, if any
        if following is not None:
            return following
        _stamp_ticket(s, t, state=TicketState.DONE, finished_at=now, updated_at=now)
        _journal(s, db, actor, t, "ticket.finish", "ticket.finished", now)
        return ticket_info(t, queued_at)


def no_show(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    required = int(site_service.get_setting(db, "queue.recalls_before_no_show"))
    with _transition(db, ref, TicketAction.NO_SHOW) as (s, t):
        check_no_show(t.number, t.recall_count, required)
        now = db.now()
        _stamp_ticket(s, t, state=TicketState.NO_SHOW, finished_at=now, updated_at=now)
        queued_at = _stamp_leg(s, t.id, ended_at=now, outcome="no_show")
        _journal(s, db, actor, t, "ticket.no_show", "ticket.no_show", now)
        return ticket_info(t, queued_at)


def reactivate(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    """A no-show who turns up later the same day queues again, at the back (keeps the number)."""
    with _transition(db, ref, TicketAction.REACTIVATE) as (s, t):
        now = db.now()
        if t.service_day != service_day(now, db.timezone):
            raise InvalidTransition(f"Tiket {t.number} dari hari lain tidak dapat diaktifkan kembali.")
        policy = PriorityPolicy(t.service.priority_head_start_minutes)
        t.state, t.updated_at = TicketState.WAITING, now
        t.called_at = t.started_at = t.finished_at = None
        t.counter = None
        t.queue_key = queue_key(now, t.priority, policy)
        s.add(TicketLeg(ticket_id=t.id, service_id=t.service_id, queued_at=now, outcome="open"))
        s.flush()
        ahead, estimate = position(s, t)
        _journal(s, db, actor, t, "ticket.reactivate", "ticket.reactivated", now)
        return ticket_info(t, now, ahead, estimate)


def cancel(db: Database, ref: str | int, reason: str, actor: Actor = SYSTEM) -> TicketInfo:
    if not reason or not reason.strip():
        raise ValidationError("Alasan pembatalan wajib diisi.", field="reason")
    with _transition(db, ref, TicketAction.CANCEL) as (s, t):
        now = db.now()
        t.state, t.cancel_reason, t.finished_at, t.updated_at = (
            TicketState.CANCELLED,
            reason.strip(),
            now,
            now,
        )
        queued_at = _stamp_leg(s, t.id, ended_at=now, outcome="cancelled")
        _journal(s, db, actor, t, "ticket.cancel", "ticket.cancelled", now, reason=reason.strip())
        return ticket_info(t, queued_at)


def transfer(
    db: Database,
    ref: str | int,
    *,
    to_service: str | None = None,
    to_counter: str | None = None,
    actor: Actor = SYSTEM,
) -> TicketInfo:
    """Move a called or serving ticket to another service's or counter's queue.

    The ticket keeps its number and its original arrival time, so it is not sent to the back.
    """
    if (to_service is None) == (to_counter is None):
        raise ValidationError("Pilih salah satu: layanan tujuan atau loket tujuan.", field="target")
    with _transition(db, ref, TicketAction.TRANSFER) as (s, t):
        now = db.now()
        from_service = t.service
        if to_service is not None:
            target = find_service(s, to_service)
            if not target.active:
                raise ServiceClosed(f"Layanan {target.name} tidak aktif.")
            t.service, t.target_counter = target, None
            where = target.code
        else:
            assert to_counter is not None
            counter = find_counter(s, to_counter)
            if counter.id == t.counter_id:
                raise InvalidTransition("Loket tujuan sama dengan loket saat ini.")
            t.target_counter = counter
            where = counter.code
        _stamp_leg(s, t.id, ended_at=now, outcome="transferred")
        t.transferred_from_service_id = from_service.id
        t.state, t.updated_at = TicketState.WAITING, now
        t.counter = None
        t.called_at = t.started_at = None
        t.queue_key = place_key(s, db, t)  # the arrival; a continuing visit's bounded place
        s.add(TicketLeg(ticket_id=t.id, service_id=t.service.id, queued_at=now, outcome="open"))
        s.flush()
        moved: dict[str, Any] = {"from": from_service.code, "to": where}
        _journal(s, db, actor, t, "ticket.transfer", "ticket.transferred", now, **moved)
        return ticket_info(t, now)


def set_print_state(db: Database, ref: str | int, state: str, actor: Actor = SYSTEM) -> TicketInfo:
    if state not in ("pending", "printed", "failed"):
        raise ValueError(state)
    with db.write() as s:
        t = find_ticket(s, db, ref, lock=True)
        t.print_state, t.updated_at = state, db.now()
        record(s, db, actor, f"ticket.print_{state}", "ticket", t.id, details={"number": t.number})
        return ticket_info(t, latest_leg(s, t).queued_at)

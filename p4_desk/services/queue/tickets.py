"""The ticket read model: what a ticket looks like to screens and commands, and finding one.

Also the shared pieces of the queue's use cases: the ticket's latest service leg, which waiting
tickets a counter may call, and the position/estimate of a waiting ticket.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, and_, bindparam, exists, or_, select, text
from sqlalchemy.orm import Session, joinedload, selectinload

from p4_desk.domain.queue_rules import estimate_wait_minutes, service_day
from p4_desk.domain.ticket_lifecycle import AT_COUNTER, TicketState
from p4_desk.domain.visits import PlanStep, next_step
from p4_desk.errors import NotFound
from p4_desk.services.catalog import find_counter
from p4_desk.services.queue.waiting import joined_queue_at
from p4_desk.store.db import Database
from p4_desk.store.models import Counter, Service, Ticket, TicketLeg, VisitStep
from p4_desk.store.types import UTCDateTime

RECENT_SERVICES_FOR_ESTIMATE = 20


@dataclass(frozen=True)
class TicketInfo:
    id: int
    uid: str
    number: str
    service: str
    service_name: str
    agency: str
    agency_name: str
    state: str
    priority: str | None
    service_day: date
    issued_at: datetime
    arrival_at: datetime  # in the hall since (kept through transfers; decides the place in line)
    queued_at: datetime  # joined the queue it is in now: its wait starts here (domain.waiting)
    called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    counter: str | None
    counter_name: str | None
    target_counter: str | None
    officer: str | None
    recall_count: int
    cancel_reason: str | None
    transferred_from: str | None
    print_state: str
    people_ahead: int | None = None
    estimated_wait_minutes: int | None = None
    public_token: str | None = None  # key of the citizen's ticket page (None before migration 0009)
    plan: tuple[PlanStep, ...] = ()  # the services of a multi-service visit (domain.visits), if read

    @property
    def next_step(self) -> PlanStep | None:
        """The service this ticket goes to after the current one ("lanjut ke: …")."""
        return next_step(self.plan)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, datetime | date):
                out[key] = value.isoformat()
        return out


# --- reading --------------------------------------------------------------------------------


def ticket_info(
    t: Ticket, queued_at: datetime, people_ahead: int | None = None, estimate: int | None = None
) -> TicketInfo:
    """The read model of a ticket whose current service leg was queued at ``queued_at``."""
    return TicketInfo(
        id=t.id,
        uid=t.uid,
        number=t.number,
        service=t.service.code,
        service_name=t.service.name,
        agency=t.service.agency.code,
        agency_name=t.service.agency.name,
        state=t.state,
        priority=t.priority,
        service_day=t.service_day,
        issued_at=t.issued_at,
        arrival_at=t.arrival_at,
        queued_at=queued_at,
        called_at=t.called_at,
        started_at=t.started_at,
        finished_at=t.finished_at,
        counter=t.counter.code if t.counter else None,
        counter_name=t.counter.name if t.counter else None,
        target_counter=t.target_counter.code if t.target_counter else None,
        officer=t.officer.username if t.officer else None,
        recall_count=t.recall_count,
        cancel_reason=t.cancel_reason,
        transferred_from=_service_code(t, t.transferred_from_service_id),
        print_state=t.print_state,
        people_ahead=people_ahead,
        estimated_wait_minutes=estimate,
        public_token=t.public_token,
    )


def _service_code(t: Ticket, service_id: int | None) -> str | None:
    if service_id is None:
        return None
    if service_id == t.issued_service_id:
        return t.issued_service.code
    s = Session.object_session(t)
    assert s is not None
    svc = s.get(Service, service_id)
    return svc.code if svc else None


def ticket_payload(t: Ticket, visit_next: list[str] | None = None) -> dict[str, Any]:
    """Outbox payload: the ticket snapshot (docs/DEVELOPING.md).

    Besides the ticket, what the citizens' pages of the central server need and nothing
    personal: the page's token, the place in line (``queue_key``) and the names a citizen reads.
    The officer's user name is for the province's statistics; the public pages never show it.
    ``visit_next``: the services still to come in its visit when the caller knows them (read
    otherwise).
    """

    def moment(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "ticket_uid": t.uid,
        "number": t.number,
        "service": t.service.code,
        "agency": t.service.agency.code,
        "state": str(t.state),
        "priority": t.priority,
        "service_day": t.service_day.isoformat(),
        "issued_at": t.issued_at.isoformat(),
        "called_at": moment(t.called_at),
        "started_at": moment(t.started_at),
        "finished_at": moment(t.finished_at),
        "counter": t.counter.code if t.counter else None,
        "officer": t.officer.username if t.officer else None,
        "recall_count": t.recall_count,
        "cancel_reason": t.cancel_reason,
        "transferred_from": _service_code(t, t.transferred_from_service_id),
        "public_token": t.public_token,
        "queue_key": t.queue_key,
        "service_name": t.service.name,
        "agency_name": t.service.agency.name,
        "counter_name": t.counter.name if t.counter else None,
        "target_wait_minutes": t.service.target_wait_minutes,  # the province's ranking
        # the ticket's page: "lanjut ke" (service names only)
        "visit_next": visit_next_names(t) if visit_next is None else visit_next,
    }


#: whether a ticket's visit has a service still to come; in the same statement as the ticket
#: (call next's ``RETURNING``, ``find_ticket(lock=True)``), it spares most tickets the query of
#: ``visit_next_names``
HAS_NEXT_STEP = (
    exists().where(VisitStep.ticket_id == Ticket.id, VisitStep.status == "pending").label("has_next_step")
)


#: ``Session.info`` key: ids of tickets read with ``HAS_NEXT_STEP`` false in this transaction
_NO_NEXT_STEP = "p4_no_next_step"


def note_next_step(s: Session, ticket_id: int, has_next_step: bool) -> None:
    """Remember what ``HAS_NEXT_STEP`` said of a ticket read in this transaction. A visit's
    pending steps are only written when its ticket is issued (``visits.add_plan``) and only
    leave "pending" afterwards, so "none" stays true until the transaction ends."""
    if not has_next_step:
        s.info.setdefault(_NO_NEXT_STEP, set()).add(ticket_id)


def known_without_next_step(s: Session, ticket_id: int) -> bool:
    """True when this transaction read the ticket with ``HAS_NEXT_STEP`` false."""
    return ticket_id in s.info.get(_NO_NEXT_STEP, ())


def visit_next_names(t: Ticket) -> list[str]:
    """The names of the services still to come in the ticket's visit, in order (``domain.visits``;
    empty for a one-service ticket and after the last step). No query for a ticket this
    transaction read with ``HAS_NEXT_STEP`` false (``note_next_step``)."""
    s = Session.object_session(t)
    if s is None or t.id is None or known_without_next_step(s, t.id):
        return []
    return list(s.scalars(_VISIT_NEXT, {"ticket_id": t.id}))


_VISIT_NEXT = (  # built once: every ticket event reads it
    select(Service.name)
    .join(VisitStep, VisitStep.service_id == Service.id)
    .where(VisitStep.ticket_id == bindparam("ticket_id"), VisitStep.status == "pending")
    .order_by(VisitStep.position)
)


def find_ticket(s: Session, db: Database, ref: str | int, *, lock: bool = False) -> Ticket:
    """A ticket by id (``17``) or by today's number (``A017``)."""
    text = str(ref).strip().upper()
    by_id = text.isdigit()
    q = _find_ticket_query(by_id, lock, db.is_sqlite)
    if by_id:
        params: dict[str, Any] = {"id": int(text)}
    else:
        params = {"number": text, "day": service_day(db.now(), db.timezone)}
    if not lock:
        ticket = s.scalar(q, params)
    elif (row := s.execute(q, params).first()) is not None:
        ticket, has_next_step = row
        note_next_step(s, ticket.id, has_next_step)
    else:
        ticket = None
    if ticket is None:
        raise NotFound(f"Tiket '{ref}' tidak ditemukan.", field="ticket")
    return ticket


@functools.cache
def _find_ticket_query(by_id: bool, lock: bool, sqlite: bool) -> Any:
    """``find_ticket``'s statement, built once per shape (issue 20.2: every change runs it). With
    ``lock`` (a change follows) it also says whether the visit has a service still to come."""
    q = select(Ticket, HAS_NEXT_STEP) if lock else select(Ticket)
    if by_id:
        q = q.where(Ticket.id == bindparam("id"))
    else:
        q = q.where(
            Ticket.number == bindparam("number"), Ticket.service_day == bindparam("day", type_=Date())
        )
    if lock:
        # what every change then reads (the event payload), in the same round trip (issue 20.3)
        q = q.options(joinedload(Ticket.service).joinedload(Service.agency), joinedload(Ticket.counter))
        if not sqlite:
            q = q.with_for_update(of=Ticket)
    return q


def get_ticket(db: Database, ref: str | int) -> TicketInfo:
    with db.read() as s:
        t = find_ticket(s, db, ref)
        queued_at = latest_leg(s, t).queued_at
        if t.state == TicketState.WAITING:
            ahead, estimate = position(s, t)
            return ticket_info(t, queued_at, ahead, estimate)
        return ticket_info(t, queued_at)


#: Today's waiting tickets a counter may call: its services, or transferred to it by name.
#: Tickets left waiting from an earlier service day are never called (the citizen has gone home).
#: Bound parameters (``eligible_params``), so a statement using it is built once (issue 20.2).
ELIGIBLE = and_(
    Ticket.state == TicketState.WAITING,
    Ticket.service_day == bindparam("for_day", type_=Date()),
    or_(
        and_(
            Ticket.service_id.in_(bindparam("for_services", expanding=True)),
            Ticket.target_counter_id.is_(None),
        ),
        Ticket.target_counter_id == bindparam("by_counter"),
    ),
)


def eligible_params(counter: Counter, today: date) -> dict[str, Any]:
    """The values of ``ELIGIBLE``'s parameters for ``counter`` on service day ``today``."""
    return {"for_day": today, "for_services": [sv.id for sv in counter.services], "by_counter": counter.id}


def waiting_list(db: Database, counter_code: str | None = None, limit: int = 200) -> list[TicketInfo]:
    """Waiting tickets in calling order (for one counter, or for the whole site)."""
    with db.read() as s:
        q = select(Ticket, joined_queue_at()).options(*ticket_loads())
        today = service_day(db.now(), db.timezone)
        params: dict[str, Any] = {}
        if counter_code:
            params = eligible_params(find_counter(s, counter_code), today)
            q = q.where(ELIGIBLE)
        else:
            q = q.where(Ticket.state == TicketState.WAITING, Ticket.service_day == today)
        q = q.order_by(Ticket.queue_key, Ticket.id).limit(limit)
        rows = s.execute(q, params).all()
        return [ticket_info(t, queued_at, people_ahead=i) for i, (t, queued_at) in enumerate(rows)]


def no_shows_today(db: Database, counter_code: str, limit: int = 50) -> list[TicketInfo]:
    """Today's no-show tickets this counter may queue again (its services, or marked no-show at
    it), the latest first: the citizens who may come back to the desk (``calling.reactivate``)."""
    with db.read() as s:
        counter = find_counter(s, counter_code)
        service_ids = [sv.id for sv in counter.services]
        q = (
            select(Ticket, joined_queue_at())
            .options(*ticket_loads())
            .where(
                Ticket.state == TicketState.NO_SHOW,
                Ticket.service_day == service_day(db.now(), db.timezone),
                or_(Ticket.service_id.in_(service_ids), Ticket.counter_id == counter.id),
            )
            .order_by(Ticket.finished_at.desc(), Ticket.id.desc())
            .limit(limit)
        )
        return [ticket_info(t, queued_at) for t, queued_at in s.execute(q).all()]


def ticket_loads() -> list[Any]:
    return [
        selectinload(Ticket.service).selectinload(Service.agency),
        selectinload(Ticket.issued_service),
        selectinload(Ticket.counter),
        selectinload(Ticket.target_counter),
        selectinload(Ticket.officer),
    ]


def current_ticket(db: Database, counter_code: str) -> TicketInfo | None:
    """The ticket called to or being served at a counter, if any."""
    with db.read() as s:
        counter = find_counter(s, counter_code)
        t = ticket_at_counter(s, counter)
        return ticket_info(t, latest_leg(s, t).queued_at) if t else None


def ticket_at_counter(s: Session, counter: Counter) -> Ticket | None:
    return s.scalar(
        select(Ticket)
        .where(Ticket.counter_id == counter.id, Ticket.state.in_(AT_COUNTER))
        .order_by(Ticket.called_at.desc())
        .limit(1)
    )


_RECENT_CALLS = (  # built once: every board polls it every second
    select(Ticket, joined_queue_at())
    .options(*ticket_loads())
    .where(
        Ticket.service_day == bindparam("day", type_=Date()),
        Ticket.called_at.is_not(None),
        Ticket.state.in_(sorted(AT_COUNTER | {TicketState.DONE, TicketState.NO_SHOW})),
    )
    .order_by(Ticket.called_at.desc(), Ticket.id.desc())
    .limit(bindparam("limit"))
)


def recent_calls(db: Database, limit: int = 8) -> list[TicketInfo]:
    """Latest calls today (display board), newest first; a recall moves a ticket to the top."""
    today = service_day(db.now(), db.timezone)
    with db.read() as s:
        rows = s.execute(_RECENT_CALLS, {"day": today, "limit": limit}).all()
        return [ticket_info(t, queued_at) for t, queued_at in rows]


def position(s: Session, t: Ticket) -> tuple[int, int | None]:
    return position_of(s, t.id, t.service_day, t.queue_key, t.service_id, t.service.default_service_minutes)


# The wait estimate runs after every issue: plain SQL, built once (statement construction in the
# ORM cost more than the queries themselves here).
_POSITION_SQL = text(
    "SELECT"
    " (SELECT count(*) FROM ticket WHERE state = 'waiting' AND service_id = :service_id"
    "  AND service_day = :day AND (queue_key < :key OR (queue_key = :key AND id < :ticket_id))),"
    " (SELECT count(*) FROM counter JOIN counter_service ON counter_service.counter_id = counter.id"
    "  WHERE counter_service.service_id = :service_id AND counter.state = 'open')"
).bindparams(bindparam("day", type_=Date()))
_RECENT_SERVICE_SQL = text(
    "SELECT started_at, ended_at FROM ticket_leg"
    " WHERE service_id = :service_id AND outcome = 'done' AND started_at IS NOT NULL"
    " ORDER BY id DESC LIMIT :limit"
).columns(started_at=UTCDateTime(), ended_at=UTCDateTime())


def position_of(
    s: Session, ticket_id: int, day: date, key: float, service_id: int, default_minutes: int
) -> tuple[int, int | None]:
    """People ahead of a waiting ticket in its service, and the estimated wait in minutes
    (None while no counter serving it is open: "± 0 menit" would promise what nobody keeps)."""
    ahead, open_counters = s.execute(
        _POSITION_SQL, {"service_id": service_id, "day": day, "key": key, "ticket_id": ticket_id}
    ).one()
    recent = s.execute(
        _RECENT_SERVICE_SQL, {"service_id": service_id, "limit": RECENT_SERVICES_FOR_ESTIMATE}
    ).all()
    minutes = [(end - start).total_seconds() / 60 for start, end in recent if start and end]
    average = sum(minutes) / len(minutes) if minutes else float(default_minutes)
    if not open_counters:
        return int(ahead or 0), None
    return int(ahead or 0), estimate_wait_minutes(int(ahead or 0), int(open_counters), average)


_LATEST_LEG = (
    select(TicketLeg)
    .where(TicketLeg.ticket_id == bindparam("ticket_id"))
    .order_by(TicketLeg.id.desc())
    .limit(1)
)


def latest_leg(s: Session, t: Ticket) -> TicketLeg:
    leg = s.scalar(_LATEST_LEG, {"ticket_id": t.id})
    assert leg is not None
    return leg

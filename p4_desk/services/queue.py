"""The queue engine: tickets from issue to done, counters open/paused/closed.

Every public function is one transaction: the ticket row, its service leg, an audit row and an
outbox event are committed together or not at all. Concurrency (DESIGN §4): on SQLite every
write transaction starts with ``BEGIN IMMEDIATE`` (one writer at a time across processes); on
PostgreSQL numbers come from an atomic upsert and call-next locks its row with
``FOR UPDATE SKIP LOCKED``, so two counters never get the same ticket.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, and_, bindparam, func, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from p4_desk.domain import opening_hours
from p4_desk.domain.queue_rules import (
    PRIORITY_GROUPS,
    PriorityPolicy,
    estimate_wait_minutes,
    format_ticket_number,
    queue_key,
    service_day,
)
from p4_desk.errors import (
    CounterNotOpen,
    InvalidTransition,
    NotFound,
    QuotaExhausted,
    ServiceClosed,
    ValidationError,
)
from p4_desk.services import site as site_service
from p4_desk.services.catalog import find_counter, find_service
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Counter, Service, ServiceDaySequence, Ticket, TicketLeg, User
from p4_desk.store.types import UTCDateTime

STATE_LABELS = {
    "waiting": "Menunggu",
    "called": "Dipanggil",
    "serving": "Dilayani",
    "done": "Selesai",
    "no_show": "Tidak hadir",
    "cancelled": "Dibatalkan",
}
COUNTER_STATE_LABELS = {"open": "Buka", "paused": "Istirahat", "closed": "Tutup"}
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
    arrival_at: datetime
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

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, datetime | date):
                out[key] = value.isoformat()
        return out


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
class CounterStatus:
    code: str
    name: str
    state: str
    services: tuple[str, ...]
    officer: str | None
    current_ticket: str | None
    current_ticket_state: str | None
    state_changed_at: datetime | None


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


# --- reading --------------------------------------------------------------------------------


def _info(t: Ticket, people_ahead: int | None = None, estimate: int | None = None) -> TicketInfo:
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


def ticket_payload(t: Ticket) -> dict[str, Any]:
    """Outbox payload: the ticket snapshot (docs/DEVELOPING.md)."""
    info = _info(t)
    return {
        "ticket_uid": info.uid,
        "number": info.number,
        "service": info.service,
        "agency": info.agency,
        "state": info.state,
        "priority": info.priority,
        "service_day": info.service_day.isoformat(),
        "issued_at": info.issued_at.isoformat(),
        "called_at": info.called_at.isoformat() if info.called_at else None,
        "started_at": info.started_at.isoformat() if info.started_at else None,
        "finished_at": info.finished_at.isoformat() if info.finished_at else None,
        "counter": info.counter,
        "officer": info.officer,
        "recall_count": info.recall_count,
        "cancel_reason": info.cancel_reason,
        "transferred_from": info.transferred_from,
    }


def _find_ticket(s: Session, db: Database, ref: str | int, *, lock: bool = False) -> Ticket:
    """A ticket by id (``17``) or by today's number (``A017``)."""
    q = select(Ticket)
    text = str(ref).strip().upper()
    if text.isdigit():
        q = q.where(Ticket.id == int(text))
    else:
        q = q.where(Ticket.number == text, Ticket.service_day == service_day(db.now(), db.timezone))
    if lock and not db.is_sqlite:
        q = q.with_for_update()
    ticket = s.scalar(q)
    if ticket is None:
        raise NotFound(f"Tiket '{ref}' tidak ditemukan.", field="ticket")
    return ticket


def get_ticket(db: Database, ref: str | int) -> TicketInfo:
    with db.read() as s:
        t = _find_ticket(s, db, ref)
        if t.state == "waiting":
            ahead, estimate = _position(s, t)
            return _info(t, ahead, estimate)
        return _info(t)


def _eligible(counter: Counter, today: date) -> Any:
    """Today's waiting tickets this counter may call: its services, or transferred to it by name.

    Tickets left waiting from an earlier service day are never called (the citizen has gone home).
    """
    service_ids = [sv.id for sv in counter.services]
    return and_(
        Ticket.state == "waiting",
        Ticket.service_day == today,
        or_(
            and_(Ticket.service_id.in_(service_ids), Ticket.target_counter_id.is_(None)),
            Ticket.target_counter_id == counter.id,
        ),
    )


def waiting_list(db: Database, counter_code: str | None = None, limit: int = 200) -> list[TicketInfo]:
    """Waiting tickets in calling order (for one counter, or for the whole site)."""
    with db.read() as s:
        q = select(Ticket).options(*_ticket_loads())
        if counter_code:
            counter = find_counter(s, counter_code)
            q = q.where(_eligible(counter, service_day(db.now(), db.timezone)))
        else:
            q = q.where(Ticket.state == "waiting", Ticket.service_day == service_day(db.now(), db.timezone))
        q = q.order_by(Ticket.queue_key, Ticket.id).limit(limit)
        return [_info(t, people_ahead=i) for i, t in enumerate(s.scalars(q))]


def _ticket_loads() -> list[Any]:
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
        t = _current(s, counter)
        return _info(t) if t else None


def _current(s: Session, counter: Counter) -> Ticket | None:
    return s.scalar(
        select(Ticket)
        .where(Ticket.counter_id == counter.id, Ticket.state.in_(("called", "serving")))
        .order_by(Ticket.called_at.desc())
        .limit(1)
    )


def recent_calls(db: Database, limit: int = 8) -> list[TicketInfo]:
    """Latest calls today (display board), newest first; a recall moves a ticket to the top."""
    today = service_day(db.now(), db.timezone)
    with db.read() as s:
        q = (
            select(Ticket)
            .options(*_ticket_loads())
            .where(
                Ticket.service_day == today,
                Ticket.called_at.is_not(None),
                Ticket.state.in_(("called", "serving", "done", "no_show")),
            )
            .order_by(Ticket.called_at.desc(), Ticket.id.desc())
            .limit(limit)
        )
        return [_info(t) for t in s.scalars(q)]


def _position(s: Session, t: Ticket) -> tuple[int, int]:
    return _position_of(s, t.id, t.service_day, t.queue_key, t.service_id, t.service.default_service_minutes)


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


def _position_of(
    s: Session, ticket_id: int, day: date, key: float, service_id: int, default_minutes: int
) -> tuple[int, int]:
    """People ahead of a waiting ticket in its service, and the estimated wait in minutes."""
    ahead, open_counters = s.execute(
        _POSITION_SQL, {"service_id": service_id, "day": day, "key": key, "ticket_id": ticket_id}
    ).one()
    recent = s.execute(
        _RECENT_SERVICE_SQL, {"service_id": service_id, "limit": RECENT_SERVICES_FOR_ESTIMATE}
    ).all()
    minutes = [(end - start).total_seconds() / 60 for start, end in recent if start and end]
    average = sum(minutes) / len(minutes) if minutes else float(default_minutes)
    return int(ahead or 0), estimate_wait_minutes(int(ahead or 0), int(open_counters or 0), average)


# --- issuing --------------------------------------------------------------------------------


def _next_number(s: Session, db: Database, service: Service, day: date) -> int:
    ins = (sqlite.insert if db.is_sqlite else postgresql.insert)(ServiceDaySequence)
    stmt = (
        ins.values(service_id=service.id, service_day=day, last_number=1)
        .on_conflict_do_update(
            index_elements=["service_id", "service_day"],
            set_={"last_number": ServiceDaySequence.last_number + 1},
        )
        .returning(ServiceDaySequence.last_number)
    )
    return int(s.execute(stmt).scalar_one())


def issue_ticket(
    db: Database,
    service_code: str,
    priority: str | None = None,
    actor: Actor = SYSTEM,
    *,
    print_state: str = "none",
) -> TicketInfo:
    if priority is not None and priority not in PRIORITY_GROUPS:
        raise ValidationError(
            f"Kelompok prioritas '{priority}' tidak dikenal. Pilihan: {', '.join(PRIORITY_GROUPS)}.",
            field="priority",
        )
    now = db.now()
    tz = db.timezone
    day = service_day(now, tz)
    with db.write() as s:
        service = find_service(s, service_code, with_agency=True)
        if not service.active:
            raise ServiceClosed(f"Layanan {service.name} tidak aktif.")
        if not opening_hours.is_open(service.opening_hours, now.astimezone(tz)):
            hours = opening_hours.describe_day(service.opening_hours, now.astimezone(tz).weekday())
            raise ServiceClosed(f"Layanan {service.name} sedang tutup. Jam layanan hari ini: {hours}.")
        seq = _next_number(s, db, service, day)
        if service.daily_quota is not None and seq > service.daily_quota:
            raise QuotaExhausted(
                f"Kuota harian layanan {service.name} ({service.daily_quota} tiket) sudah habis. "
                "Silakan datang kembali pada hari kerja berikutnya."
            )
        policy = PriorityPolicy(service.priority_head_start_minutes)
        ticket = Ticket(
            uid=str(uuid.uuid4()),
            service=service,
            issued_service=service,
            service_day=day,
            seq=seq,
            number=format_ticket_number(service.prefix, seq),
            priority=priority,
            state="waiting",
            issued_at=now,
            arrival_at=now,
            queue_key=queue_key(now, priority, policy),
            recall_count=0,
            print_state=print_state,
            updated_at=now,
        )
        s.add(ticket)
        s.flush()
        s.add(TicketLeg(ticket_id=ticket.id, service_id=service.id, queued_at=now, outcome="open"))
        record(
            s,
            db,
            actor,
            "ticket.issue",
            "ticket",
            ticket.id,
            details={"number": ticket.number, "service": service.code, "priority": priority},
            event_type="ticket.issued",
            payload=ticket_payload(ticket),
            at=now,
        )
        info = _info(ticket)
        where = (ticket.id, day, ticket.queue_key, service.id, service.default_service_minutes)
    # The estimate is read after the commit: the write lock is held as briefly as possible.
    with db.read() as s:
        ahead, estimate = _position_of(s, *where)
    return replace(info, people_ahead=ahead, estimated_wait_minutes=estimate)


# --- calling and serving --------------------------------------------------------------------


def _open_counter(s: Session, code: str) -> Counter:
    counter = find_counter(s, code)
    if counter.state != "open":
        label = COUNTER_STATE_LABELS[counter.state].lower()
        raise CounterNotOpen(f"{counter.name} sedang {label}. Buka loket terlebih dahulu.")
    return counter


def _leg(s: Session, t: Ticket) -> TicketLeg:
    leg = s.scalar(
        select(TicketLeg).where(TicketLeg.ticket_id == t.id).order_by(TicketLeg.id.desc()).limit(1)
    )
    assert leg is not None
    return leg


def _ensure_counter_free(s: Session, counter: Counter) -> None:
    busy = _current(s, counter)
    if busy is not None:
        raise InvalidTransition(
            f"{counter.name} masih menangani tiket {busy.number}. "
            "Selesaikan, alihkan, atau tandai tidak hadir terlebih dahulu."
        )


def _mark_called(
    s: Session, db: Database, t: Ticket, counter: Counter, actor: Actor, action: str
) -> TicketInfo:
    now = db.now()
    t.state, t.called_at, t.counter, t.updated_at = "called", now, counter, now
    t.started_at = t.finished_at = None
    t.officer = s.get(User, actor.user_id) if actor.user_id is not None else None
    t.target_counter = None
    leg = _leg(s, t)
    leg.called_at, leg.counter_id, leg.officer_id = now, counter.id, actor.user_id
    s.flush()
    record(
        s,
        db,
        actor,
        action,
        "ticket",
        t.id,
        details={"number": t.number, "counter": counter.code},
        event_type="ticket.called",
        payload=ticket_payload(t),
        at=now,
    )
    return _info(t)


def call_next(db: Database, counter_code: str, actor: Actor = SYSTEM) -> TicketInfo | None:
    """Call the next waiting ticket for a counter; None when nobody waits."""
    with db.write() as s:
        counter = _open_counter(s, counter_code)
        _ensure_counter_free(s, counter)
        q = (
            select(Ticket)
            .where(_eligible(counter, service_day(db.now(), db.timezone)))
            .order_by(Ticket.queue_key, Ticket.id)
            .limit(1)
        )
        if not db.is_sqlite:
            q = q.with_for_update(skip_locked=True)
        ticket = s.scalar(q)
        if ticket is None:
            return None
        return _mark_called(s, db, ticket, counter, actor, "ticket.call_next")


def call_ticket(db: Database, ref: str | int, counter_code: str, actor: Actor = SYSTEM) -> TicketInfo:
    """Call one specific waiting ticket (e.g. an elderly citizen standing at the counter)."""
    with db.write() as s:
        counter = _open_counter(s, counter_code)
        _ensure_counter_free(s, counter)
        ticket = _find_ticket(s, db, ref, lock=True)
        if ticket.state != "waiting" or ticket.service_day != service_day(db.now(), db.timezone):
            raise InvalidTransition(
                f"Tiket {ticket.number} tidak sedang menunggu (status: {STATE_LABELS[ticket.state]})."
            )
        served = {sv.id for sv in counter.services}
        if ticket.target_counter_id not in (None, counter.id) or (
            ticket.target_counter_id is None and ticket.service_id not in served
        ):
            raise InvalidTransition(f"Tiket {ticket.number} tidak dilayani di {counter.name}.")
        return _mark_called(s, db, ticket, counter, actor, "ticket.call")


@contextmanager
def _transition(
    db: Database, ref: str | int, allowed_from: tuple[str, ...], verb: str
) -> Iterator[tuple[Session, Ticket]]:
    """One write transaction on one ticket whose current state must be in ``allowed_from``."""
    with db.write() as s:
        t = _find_ticket(s, db, ref, lock=True)
        if t.state not in allowed_from:
            raise InvalidTransition(
                f"Tiket {t.number} tidak dapat {verb}: statusnya {STATE_LABELS[t.state].lower()}."
            )
        yield s, t


def recall(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    with _transition(db, ref, ("called",), "dipanggil ulang") as (s, t):
        now = db.now()
        t.recall_count += 1
        t.called_at = t.updated_at = now
        record(
            s,
            db,
            actor,
            "ticket.recall",
            "ticket",
            t.id,
            details={"number": t.number, "recall_count": t.recall_count},
            event_type="ticket.recalled",
            payload=ticket_payload(t),
            at=now,
        )
        return _info(t)


def start(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    with _transition(db, ref, ("called",), "mulai dilayani") as (s, t):
        now = db.now()
        t.state, t.started_at, t.updated_at = "serving", now, now
        if actor.user_id is not None:
            t.officer = s.get(User, actor.user_id)
        leg = _leg(s, t)
        leg.started_at, leg.officer_id = now, t.officer.id if t.officer else None
        record(
            s,
            db,
            actor,
            "ticket.start",
            "ticket",
            t.id,
            details={"number": t.number},
            event_type="ticket.started",
            payload=ticket_payload(t),
            at=now,
        )
        return _info(t)


def finish(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    with _transition(db, ref, ("serving",), "diselesaikan") as (s, t):
        now = db.now()
        t.state, t.finished_at, t.updated_at = "done", now, now
        leg = _leg(s, t)
        leg.ended_at, leg.outcome = now, "done"
        record(
            s,
            db,
            actor,
            "ticket.finish",
            "ticket",
            t.id,
            details={"number": t.number},
            event_type="ticket.finished",
            payload=ticket_payload(t),
            at=now,
        )
        return _info(t)


def no_show(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    required = int(site_service.get_setting(db, "queue.recalls_before_no_show"))
    with _transition(db, ref, ("called",), "ditandai tidak hadir") as (s, t):
        if t.recall_count < required:
            raise InvalidTransition(
                f"Panggil ulang tiket {t.number} minimal {required} kali sebelum menandai tidak hadir."
            )
        now = db.now()
        t.state, t.finished_at, t.updated_at = "no_show", now, now
        leg = _leg(s, t)
        leg.ended_at, leg.outcome = now, "no_show"
        record(
            s,
            db,
            actor,
            "ticket.no_show",
            "ticket",
            t.id,
            details={"number": t.number},
            event_type="ticket.no_show",
            payload=ticket_payload(t),
            at=now,
        )
        return _info(t)


def reactivate(db: Database, ref: str | int, actor: Actor = SYSTEM) -> TicketInfo:
    """A no-show who turns up later the same day queues again, at the back (keeps the number)."""
    with _transition(db, ref, ("no_show",), "diaktifkan kembali") as (s, t):
        now = db.now()
        if t.service_day != service_day(now, db.timezone):
            raise InvalidTransition(f"Tiket {t.number} dari hari lain tidak dapat diaktifkan kembali.")
        policy = PriorityPolicy(t.service.priority_head_start_minutes)
        t.state, t.updated_at = "waiting", now
        t.called_at = t.started_at = t.finished_at = None
        t.counter = None
        t.queue_key = queue_key(now, t.priority, policy)
        s.add(TicketLeg(ticket_id=t.id, service_id=t.service_id, queued_at=now, outcome="open"))
        s.flush()
        ahead, estimate = _position(s, t)
        record(
            s,
            db,
            actor,
            "ticket.reactivate",
            "ticket",
            t.id,
            details={"number": t.number},
            event_type="ticket.reactivated",
            payload=ticket_payload(t),
            at=now,
        )
        return _info(t, ahead, estimate)


def cancel(db: Database, ref: str | int, reason: str, actor: Actor = SYSTEM) -> TicketInfo:
    if not reason or not reason.strip():
        raise ValidationError("Alasan pembatalan wajib diisi.", field="reason")
    with _transition(db, ref, ("waiting",), "dibatalkan") as (s, t):
        now = db.now()
        t.state, t.cancel_reason, t.finished_at, t.updated_at = "cancelled", reason.strip(), now, now
        leg = _leg(s, t)
        leg.ended_at, leg.outcome = now, "cancelled"
        record(
            s,
            db,
            actor,
            "ticket.cancel",
            "ticket",
            t.id,
            details={"number": t.number, "reason": reason.strip()},
            event_type="ticket.cancelled",
            payload=ticket_payload(t),
            at=now,
        )
        return _info(t)


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
    with _transition(db, ref, ("called", "serving"), "dialihkan") as (s, t):
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
        leg = _leg(s, t)
        leg.ended_at, leg.outcome = now, "transferred"
        t.transferred_from_service_id = from_service.id
        t.state, t.updated_at = "waiting", now
        t.counter = None
        t.called_at = t.started_at = None
        t.queue_key = queue_key(
            t.arrival_at, t.priority, PriorityPolicy(t.service.priority_head_start_minutes)
        )
        s.add(TicketLeg(ticket_id=t.id, service_id=t.service.id, queued_at=now, outcome="open"))
        s.flush()
        record(
            s,
            db,
            actor,
            "ticket.transfer",
            "ticket",
            t.id,
            details={"number": t.number, "from": from_service.code, "to": where},
            event_type="ticket.transferred",
            payload=ticket_payload(t),
            at=now,
        )
        return _info(t)


def set_print_state(db: Database, ref: str | int, state: str, actor: Actor = SYSTEM) -> TicketInfo:
    if state not in ("pending", "printed", "failed"):
        raise ValueError(state)
    with db.write() as s:
        t = _find_ticket(s, db, ref, lock=True)
        t.print_state, t.updated_at = state, db.now()
        record(s, db, actor, f"ticket.print_{state}", "ticket", t.id, details={"number": t.number})
        return _info(t)


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
            busy = _current(s, counter)
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
    return _counter_statuses(db, [counter_code.upper()])[0]


def _counter_statuses(db: Database, codes: list[str] | None = None) -> list[CounterStatus]:
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
                select(Ticket.counter_id, Ticket.number, Ticket.state).where(
                    Ticket.state.in_(("called", "serving"))
                )
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
                .where(Ticket.state == "waiting", Ticket.service_day == today)
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
    return QueueStatus(tuple(statuses), tuple(_counter_statuses(db)))


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

"""Issuing a ticket: the number (atomic per service and service day), its place, its estimate."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any, cast

from sqlalchemy import Date, Table, bindparam, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from p4_desk.domain import opening_hours
from p4_desk.domain.queue_rules import (
    PRIORITY_GROUPS,
    PriorityPolicy,
    format_ticket_number,
    queue_key,
    service_day,
)
from p4_desk.domain.ticket_lifecycle import TicketState
from p4_desk.domain.visits import check_plan
from p4_desk.errors import QuotaExhausted, ServiceClosed, ValidationError
from p4_desk.services.catalog import find_service
from p4_desk.services.citizen_links import new_ticket_token
from p4_desk.services.queue.tickets import TicketInfo, position_of, ticket_info, ticket_payload
from p4_desk.services.queue.visits import add_plan, check_later_services
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Service, ServiceDaySequence, Ticket, TicketLeg

_TICKET = cast(Table, Ticket.__table__)
_LEG = cast(Table, TicketLeg.__table__)
# Built once (issue 20.2): constructing and cache-keying these on every issue cost more CPU than
# running them; values come as bound parameters.
_INSERT_TICKET = insert(_TICKET).returning(_TICKET.c.id)
_INSERT_LEG = insert(_LEG)


_SEQUENCE = cast(Table, ServiceDaySequence.__table__)


def _number_upsert(dialect: Any) -> Any:
    # on the table, not the ORM entity: an ORM-enabled insert is cache-keyed and run through the
    # ORM's bulk insert on every call, which cost more CPU than the statement (issue 20.2)
    return (
        dialect.insert(_SEQUENCE)
        .values(
            service_id=bindparam("for_service"), service_day=bindparam("for_day", type_=Date()), last_number=1
        )
        .on_conflict_do_update(
            index_elements=["service_id", "service_day"],
            set_={"last_number": _SEQUENCE.c.last_number + 1},
        )
        .returning(_SEQUENCE.c.last_number)
    )


_NEXT_NUMBER = {"sqlite": _number_upsert(sqlite), "postgresql": _number_upsert(postgresql)}


def _next_number(s: Session, db: Database, service: Service, day: date) -> int:
    stmt = _NEXT_NUMBER[db.dialect]
    return int(s.connection().execute(stmt, {"for_service": service.id, "for_day": day}).scalar_one())


def issue_ticket(
    db: Database,
    service_code: str,
    priority: str | None = None,
    actor: Actor = SYSTEM,
    *,
    print_state: str = "none",
    then: Sequence[str] = (),
    place: float | None = None,
) -> TicketInfo:
    """A ticket for ``service_code``; ``then``: the services the same visit goes on to, in order
    (``domain.visits``: one number for up to three services); ``place`` is the queue key a
    booking's check-in gives (``services.booking``), and such a ticket is not refused by the daily
    quota: the booking was confirmed within it."""
    later_codes = check_plan((service_code, *then))[1:] if then else ()
    if print_state not in ("none", "pending", "printed", "failed"):
        raise ValueError(print_state)  # the caller's mistake, never an officer's input
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
        later = check_later_services(s, db, later_codes, now)
        seq = _next_number(s, db, service, day)
        if place is None and service.daily_quota is not None and seq > service.daily_quota:
            raise QuotaExhausted(
                f"Kuota harian layanan {service.name} ({service.daily_quota} tiket) sudah habis. "
                "Silakan datang kembali pada hari kerja berikutnya."
            )
        policy = PriorityPolicy(service.priority_head_start_minutes)
        values = {
            "uid": str(uuid.uuid4()),
            "public_token": new_ticket_token(),
            "service_id": service.id,
            "issued_service_id": service.id,
            "service_day": day,
            "seq": seq,
            "number": format_ticket_number(service.prefix, seq),
            "priority": priority,
            "state": TicketState.WAITING,
            "issued_at": now,
            "arrival_at": now,
            "queue_key": queue_key(now, priority, policy) if place is None else place,
            "recall_count": 0,
            "print_state": print_state,
            "updated_at": now,
        }
        # Core inserts (issue 20.2): the ORM's unit of work cost more than the statements here.
        # The Ticket object below is a transient copy for the read models, not in the session.
        connection = s.connection()
        ticket_id = connection.execute(_INSERT_TICKET, values).scalar_one()
        connection.execute(
            _INSERT_LEG,
            {"ticket_id": ticket_id, "service_id": service.id, "queued_at": now, "outcome": "open"},
        )
        ticket = Ticket(id=ticket_id, **values)
        ticket.service = ticket.issued_service = service
        plan = add_plan(s, ticket, later, now) if later else ()  # before the event: it names the plan
        record(
            s,
            db,
            actor,
            "ticket.issue",
            "ticket",
            ticket.id,
            details={"number": ticket.number, "service": service.code, "priority": priority}
            | ({"then": [sv.code for sv in later]} if later else {}),
            event_type="ticket.issued",
            # the transient ticket has no session to read its plan from: the plan just stored
            payload=ticket_payload(ticket, [st.service_name for st in plan[1:]]),
            at=now,
        )
        info = replace(ticket_info(ticket, now), plan=plan)
        where = (ticket.id, day, ticket.queue_key, service.id, service.default_service_minutes)
    # The estimate is read after the commit: the write lock is held as briefly as possible.
    with db.read() as s:
        ahead, estimate = position_of(s, *where)
    return replace(info, people_ahead=ahead, estimated_wait_minutes=estimate)

"""One visit, several services (``domain.visits``): the plan stored with a ticket, reading it, and
moving the ticket to the next service when a leg is done.

Only multi-service tickets have plan rows (``visit_step``). A finish whose ticket was read with no
step pending (``tickets.HAS_NEXT_STEP``: every one-service ticket, and a visit's last step) only
ends the current step, if there is one, in one ``UPDATE``; the plan is read for the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session, selectinload

from p4_desk.domain import opening_hours
from p4_desk.domain.queue_rules import PriorityPolicy, queue_key
from p4_desk.domain.ticket_lifecycle import TicketState
from p4_desk.domain.visits import PlanStep, StepStatus, advance, continuation_key
from p4_desk.errors import QuotaExhausted, ServiceClosed
from p4_desk.services import site as site_service
from p4_desk.services.catalog import find_service
from p4_desk.services.queue.tickets import (
    TicketInfo,
    known_without_next_step,
    position,
    ticket_info,
    ticket_payload,
)
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor, record
from p4_desk.store.models import Service, ServiceDaySequence, Ticket, TicketLeg, VisitStep

VISIT_HEAD_START = "queue.visit_head_start_minutes"


def check_later_services(s: Session, db: Database, codes: Sequence[str], now: datetime) -> list[Service]:
    """The services after the first of a visit: each active, open now and with quota left."""
    local = now.astimezone(db.timezone)
    services = []
    for code in codes:
        service = find_service(s, code, with_agency=True)
        if not service.active:
            raise ServiceClosed(f"Layanan {service.name} tidak aktif.")
        if not opening_hours.is_open(service.opening_hours, local):
            hours = opening_hours.describe_day(service.opening_hours, local.weekday())
            raise ServiceClosed(f"Layanan {service.name} sedang tutup. Jam layanan hari ini: {hours}.")
        if service.daily_quota is not None:
            issued = s.scalar(
                select(ServiceDaySequence.last_number).where(
                    ServiceDaySequence.service_id == service.id,
                    ServiceDaySequence.service_day == local.date(),
                )
            )
            if (issued or 0) >= service.daily_quota:
                raise QuotaExhausted(
                    f"Kuota harian layanan {service.name} ({service.daily_quota} tiket) sudah habis. "
                    "Pilih layanan lain atau datang kembali pada hari kerja berikutnya."
                )
        services.append(service)
    return services


def add_plan(s: Session, ticket: Ticket, later: Sequence[Service], now: datetime) -> tuple[PlanStep, ...]:
    """Store the plan of a ticket just issued into its first service, followed by ``later``."""
    s.add(
        VisitStep(
            ticket_id=ticket.id, position=1, service_id=ticket.service_id,
            status=StepStatus.CURRENT, joined_at=now,
        )
    )  # fmt: skip
    for position_, service in enumerate(later, start=2):
        s.add(
            VisitStep(
                ticket_id=ticket.id, position=position_, service_id=service.id, status=StepStatus.PENDING
            )
        )
    s.flush()
    return plan_of(s, ticket.id)


def _steps(s: Session, ticket_id: int) -> list[VisitStep]:
    return list(
        s.scalars(
            select(VisitStep)
            .options(selectinload(VisitStep.service).selectinload(Service.agency))
            .where(VisitStep.ticket_id == ticket_id)
            .order_by(VisitStep.position)
        )
    )


def _as_plan(steps: Sequence[VisitStep]) -> tuple[PlanStep, ...]:
    return tuple(
        PlanStep(st.position, st.service.code, st.service.name, st.service.agency.name, st.status)
        for st in steps
    )


def plan_of(s: Session, ticket_id: int) -> tuple[PlanStep, ...]:
    return _as_plan(_steps(s, ticket_id))


def with_plan(db: Database, info: TicketInfo) -> TicketInfo:
    """``info`` with its visit plan filled in (unchanged for a one-service ticket)."""
    with db.read() as s:
        plan = plan_of(s, info.id)
    return replace(info, plan=plan) if plan else info


def visit_head_start(db: Database) -> int:
    return int(site_service.get_setting(db, VISIT_HEAD_START))


def place_key(s: Session, db: Database, t: Ticket) -> float:
    """The queue key of ``t`` joining a queue for its current step now (a transfer): a
    continuation keeps its bounded place from the moment the step began; otherwise the arrival."""
    policy = PriorityPolicy(t.service.priority_head_start_minutes)
    step = s.scalar(
        select(VisitStep).where(VisitStep.ticket_id == t.id, VisitStep.status == StepStatus.CURRENT)
    )
    if step is None or step.position == 1 or step.joined_at is None:
        return queue_key(t.arrival_at, t.priority, policy)
    return continuation_key(
        t.arrival_at, step.joined_at, t.priority, policy.head_start_minutes, visit_head_start(db)
    )


_STEP = cast(Table, VisitStep.__table__)
_END_CURRENT_STEP = (  # Core: the plan's rows are not in the session on this path
    update(_STEP)
    .where(_STEP.c.ticket_id == bindparam("ticket"), _STEP.c.status == StepStatus.CURRENT)
    .values(status=StepStatus.DONE, ended_at=bindparam("at"))
)


def continue_visit(s: Session, db: Database, t: Ticket, now: datetime, actor: Actor) -> TicketInfo | None:
    """After the current leg of ``t`` ended done (already stamped): move it to the next step of
    its plan, waiting in that service's queue under the continuation rule. None when there is
    no next step (a one-service ticket, or the last step): the caller finishes the ticket."""
    if known_without_next_step(s, t.id):  # no pending step: at most the current one ends
        s.connection().execute(_END_CURRENT_STEP, {"ticket": t.id, "at": now})
        return None
    steps = _steps(s, t.id)
    if not steps:
        return None
    current = next((st for st in steps if st.status == StepStatus.CURRENT), None)
    if current is not None:
        current.status, current.ended_at = StepStatus.DONE, now
    s.flush()
    served = set(
        s.scalars(
            select(Service.code)
            .join(TicketLeg, TicketLeg.service_id == Service.id)
            .where(TicketLeg.ticket_id == t.id, TicketLeg.outcome == "done")
        )
    )
    move = advance([(st.position, st.service.code, st.status) for st in steps], served)
    by_position = {st.position: st for st in steps}
    for skipped in move.skipped:
        by_position[skipped].status, by_position[skipped].ended_at = StepStatus.SKIPPED, now
    if move.next_position is None:
        s.flush()
        return None
    step = by_position[move.next_position]
    step.status, step.joined_at = StepStatus.CURRENT, now
    from_service = t.service
    t.service, t.target_counter, t.counter = step.service, None, None
    t.state, t.updated_at = TicketState.WAITING, now
    t.called_at = t.started_at = t.finished_at = None
    t.recall_count = 0  # called afresh at the next counter: the no-show rule starts again
    t.queue_key = continuation_key(
        t.arrival_at, now, t.priority, step.service.priority_head_start_minutes, visit_head_start(db)
    )
    s.add(TicketLeg(ticket_id=t.id, service_id=step.service_id, queued_at=now, outcome="open"))
    s.flush()
    # the central server reads it as any move into another queue (no new event type)
    details = {
        "number": t.number,
        "from": from_service.code,
        "next": step.service.code,
        "step": step.position,
    }
    record(
        s, db, actor, "ticket.finish", "ticket", t.id, details=details,
        event_type="ticket.transferred", payload=ticket_payload(t), at=now,
    )  # fmt: skip
    ahead, estimate = position(s, t)
    return replace(ticket_info(t, now, ahead, estimate), plan=_as_plan(steps))

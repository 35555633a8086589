"""Statistics of multi-service visits (issue 17.4): each leg counted, per step of a visit and per
service. The period's queue figures (``services.stats``) already count every leg once per service
it was served in; these add what only the plan tells: how many visits chose several services,
how many went through all of them, the steps never reached, and the waits of the continuations.

A step's *legs* are the ticket's service legs from the one that began it to the one that ended
it done (a transfer or a returning no-show adds a leg to the same step); a leg's wait is
called − queued (DESIGN §4). A step is *not reached* when it is still pending on a ticket that
ended without finishing it (a no-show, cancelled, unserved). Visits belong to the period of their
service day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from p4_desk.domain.ticket_lifecycle import TicketState
from p4_desk.domain.visits import MAX_SERVICES, StepStatus
from p4_desk.services.stats import Period
from p4_desk.store.db import Database
from p4_desk.store.models import Service, Ticket, TicketLeg, VisitStep

ENDED_UNFINISHED = frozenset({TicketState.NO_SHOW, TicketState.CANCELLED, TicketState.UNSERVED})


@dataclass(frozen=True)
class StepFigures:
    position: int  # 1: the first service of the visits, 2: the second, ...
    legs: int
    served: int  # legs done
    wait_avg_seconds: float | None  # over the legs called


@dataclass(frozen=True)
class ServiceVisitFigures:
    code: str
    name: str
    continued: int  # legs of the visits' second or later steps in this service
    served: int  # of which done
    wait_avg_seconds: float | None  # of those legs, called − queued


@dataclass(frozen=True)
class VisitFigures:
    visits: int  # tickets issued for two or more services
    completed: int  # every step done (or skipped: served earlier in the visit)
    not_reached: int  # steps pending on a ticket that ended without them
    steps: tuple[StepFigures, ...]
    services: tuple[ServiceVisitFigures, ...]
    continued_wait_avg_seconds: float | None  # the legs of every second or later step

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _average(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def visit_figures(db: Database, period: Period) -> VisitFigures:
    with db.read(snapshot=True) as s:
        in_period = Ticket.service_day.between(period.first, period.last)
        steps = s.execute(
            select(
                VisitStep.ticket_id, VisitStep.position, VisitStep.status, VisitStep.joined_at, Ticket.state
            )
            .join(Ticket, Ticket.id == VisitStep.ticket_id)
            .where(in_period)
            .order_by(VisitStep.ticket_id, VisitStep.position)
        ).all()
        legs = s.execute(
            select(TicketLeg.ticket_id, TicketLeg.service_id, TicketLeg.queued_at, TicketLeg.called_at,
                   TicketLeg.outcome)
            .join(VisitStep, (VisitStep.ticket_id == TicketLeg.ticket_id) & (VisitStep.position == 1))
            .join(Ticket, Ticket.id == TicketLeg.ticket_id)
            .where(in_period)
            .order_by(TicketLeg.ticket_id, TicketLeg.id)
        ).all()  # fmt: skip
        names = dict(s.execute(select(Service.id, Service.code)).all())
        titles = dict(s.execute(select(Service.code, Service.name)).all())

    plans: dict[int, list[tuple[int, str, datetime | None]]] = defaultdict(list)
    state_of: dict[int, str] = {}
    for ticket_id, position, status, joined_at, state in steps:
        plans[ticket_id].append((position, status, joined_at))
        state_of[ticket_id] = state
    completed = sum(
        all(status in (StepStatus.DONE, StepStatus.SKIPPED) for _, status, _ in plan)
        for plan in plans.values()
    )
    not_reached = sum(
        sum(status == StepStatus.PENDING for _, status, _ in plan)
        for ticket_id, plan in plans.items()
        if state_of[ticket_id] in ENDED_UNFINISHED
    )

    by_step: dict[int, list[tuple[str, float | None]]] = defaultdict(list)
    by_service: dict[str, list[tuple[str, float | None]]] = defaultdict(list)
    done_before: dict[int, int] = defaultdict(int)
    for ticket_id, service_id, queued_at, called_at, outcome in legs:
        # every done leg ends the step it served; the next visited step (never a skipped one) follows
        visited = [p for p, status, _ in plans[ticket_id] if status in (StepStatus.DONE, StepStatus.CURRENT)]
        position = visited[min(done_before[ticket_id], len(visited) - 1)] if visited else 1
        if outcome == "done":
            done_before[ticket_id] += 1
        wait = (called_at - queued_at).total_seconds() if called_at is not None else None
        by_step[position].append((outcome, wait))
        if position > 1:
            by_service[names[service_id]].append((outcome, wait))

    def figures(rows: list[tuple[str, float | None]]) -> tuple[int, int, float | None]:
        waits = [wait for _, wait in rows if wait is not None]
        return len(rows), sum(outcome == "done" for outcome, _ in rows), _average(waits)

    step_figures = tuple(StepFigures(p, *figures(by_step[p])) for p in range(1, MAX_SERVICES + 1))
    service_figures = tuple(
        ServiceVisitFigures(code, titles[code], *figures(by_service[code])) for code in sorted(by_service)
    )
    later = [wait for p, rows in by_step.items() if p > 1 for _, wait in rows if wait is not None]
    return VisitFigures(len(plans), completed, not_reached, step_figures, service_figures, _average(later))

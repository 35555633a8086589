"""Permit decisions of the period against the deadline clock that ran."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from p4_desk.services.stats.model import Period, PermitFigures, StatsFilter
from p4_desk.store.models import (
    Application,
    ApplicationClockEvent,
    PermitType,
)


def _permit_figures(s: Session, period: Period, filters: StatsFilter) -> PermitFigures | None:
    """Decisions of the period against the clock that ran (see the module docstring)."""
    if filters.service or filters.counter or filters.officer:
        return None
    E, A, P = ApplicationClockEvent, Application, PermitType
    stop = aliased(ApplicationClockEvent)
    # one set of the applications that ever stopped, not a correlated lookup per decision (SQLite
    # would answer that through the (action, day) index and read every stop each time)
    waited = E.application_id.in_(select(stop.application_id).where(stop.action == "stop"))
    query = (
        select(
            func.count(),
            func.count(case((E.used_days <= A.clock_days, 1))),
            func.avg(E.used_days),
            func.count(case((waited, 1))),
        )
        .select_from(E)
        .join(A, A.id == E.application_id)
        .where(E.action == "end", E.used_days.is_not(None), E.day >= period.first, E.day <= period.last)
    )
    if filters.agency:
        query = query.join(P, P.id == A.permit_type_id).where(P.agency == filters.agency.strip().upper())
    decided, on_time, used_avg, stopped = s.execute(query).one()
    return PermitFigures(
        decided=int(decided),
        on_time=int(on_time),
        late=int(decided) - int(on_time),
        used_avg=float(used_avg) if used_avg is not None else None,
        waited=int(stopped),
    )

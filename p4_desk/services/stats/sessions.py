"""Seconds each officer's counter was open, from the counter audit rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from p4_desk.services.stats.scope import _Scope
from p4_desk.store.models import (
    AuditEntry,
    Counter,
)
from p4_desk.store.types import UTCDateTime

COUNTER_STATE_ACTIONS = ("counter.open", "counter.paused", "counter.closed")
# A counter session that began this long before the period and never changed state since is
# not counted (a counter is opened, paused or closed every working day).
SESSION_LOOKBACK = timedelta(days=7)


def _open_seconds(s: Session, scope: _Scope, now: datetime) -> dict[int, float]:
    """Seconds each officer's counter was open within the period, from counter audit rows.

    ``LEAD`` pairs each state change of a counter with the next one; only "open" spans count,
    clipped to ``[start, min(end, now)]`` in Python (a few rows per counter per day).
    """
    A = AuditEntry
    nxt = func.lead(A.at, type_=UTCDateTime()).over(partition_by=A.entity_id, order_by=(A.at, A.id))
    changes = (
        select(A.entity_id, A.action, A.user_id, A.at, nxt.label("until"))
        .where(
            A.entity == "counter",
            A.action.in_(COUNTER_STATE_ACTIONS),
            A.at >= scope.start - SESSION_LOOKBACK,
            A.at < scope.end,
        )
        .subquery()
    )
    q = select(changes.c.entity_id, changes.c.user_id, changes.c.at, changes.c.until).where(
        changes.c.action == "counter.open",
        changes.c.user_id.is_not(None),
        or_(changes.c.until.is_(None), changes.c.until > scope.start),
    )
    if scope.officer_id is not None:
        q = q.where(changes.c.user_id == scope.officer_id)
    if scope.counter_id is not None:
        code = s.scalar(select(Counter.code).where(Counter.id == scope.counter_id))
        q = q.where(changes.c.entity_id == code)
    stop = min(now, scope.end)
    out: dict[int, float] = {}
    for _counter, uid, at, until in s.execute(q):
        lo = max(_aware(at), scope.start)
        hi = min(_aware(until) if until is not None else stop, stop)
        if hi > lo:
            out[uid] = out.get(uid, 0.0) + (hi - lo).total_seconds()
        else:
            out.setdefault(uid, 0.0)
    return out


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)

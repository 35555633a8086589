"""Seconds each officer's counter was open, from the counter audit rows."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class OpenSpan:
    """A span a counter was open: from a ``counter.open`` audit row to the counter's next state
    change (or ``now``), clipped to the period asked; ``user_id``: who opened it (None: the
    system). Empty (``until <= since``) when the clipping leaves nothing."""

    counter: str
    user_id: int | None
    since: datetime
    until: datetime


def counter_open_spans(
    s: Session,
    start: datetime,
    end: datetime,
    now: datetime,
    *,
    counter_code: str | None = None,
    officer_id: int | None = None,
) -> list[OpenSpan]:
    """The spans counters were open within ``[start, min(end, now)]``, from their audit rows: the
    one rule for the officers' idle time (``_open_seconds``) and the PEKPPP opening hours kept
    (``services.pekppp.figures``).

    ``LEAD`` pairs each state change of a counter with the next one; only "open" spans count,
    clipped in Python (a few rows per counter per day). A span that began more than
    ``SESSION_LOOKBACK`` before ``start`` without a change since is not counted.
    """
    A = AuditEntry
    nxt = func.lead(A.at, type_=UTCDateTime()).over(partition_by=A.entity_id, order_by=(A.at, A.id))
    changes = (
        select(A.entity_id, A.action, A.user_id, A.at, nxt.label("until"))
        .where(
            A.entity == "counter",
            A.action.in_(COUNTER_STATE_ACTIONS),
            A.at >= start - SESSION_LOOKBACK,
            A.at < end,
        )
        .subquery()
    )
    q = select(changes.c.entity_id, changes.c.user_id, changes.c.at, changes.c.until).where(
        changes.c.action == "counter.open",
        changes.c.entity_id.is_not(None),
        or_(changes.c.until.is_(None), changes.c.until > start),
    )
    if officer_id is not None:
        q = q.where(changes.c.user_id == officer_id)
    if counter_code is not None:
        q = q.where(changes.c.entity_id == counter_code)
    stop = min(now, end)
    out: list[OpenSpan] = []
    for code, uid, at, until in s.execute(q):
        lo = max(_aware(at), start)
        hi = min(_aware(until) if until is not None else stop, stop)
        out.append(OpenSpan(code, uid, lo, hi))
    return out


def _open_seconds(s: Session, scope: _Scope, now: datetime) -> dict[int, float]:
    """Seconds each officer's counter was open within the period (``counter_open_spans``)."""
    code = None
    if scope.counter_id is not None:
        code = s.scalar(select(Counter.code).where(Counter.id == scope.counter_id))
        if code is None:
            return {}
    out: dict[int, float] = {}
    for span in counter_open_spans(
        s, scope.start, scope.end, now, counter_code=code, officer_id=scope.officer_id
    ):
        if span.user_id is None:
            continue
        seconds = max(0.0, (span.until - span.since).total_seconds())
        out[span.user_id] = out.get(span.user_id, 0.0) + seconds
    return out


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)

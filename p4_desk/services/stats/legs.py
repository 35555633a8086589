"""The one grouped pass over the period's legs, tickets issued, and the percentiles."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from p4_desk.services.stats.model import Period
from p4_desk.services.stats.scope import _hour_bucket, _Scope, _seconds, _utc_param
from p4_desk.store.db import Database
from p4_desk.store.models import (
    Service,
    Ticket,
    TicketLeg,
)
from p4_desk.store.types import UTCDateTime


class _Group(NamedTuple):
    """Sums over the legs of one service, one officer and one UTC hour (the single SQL pass)."""

    service_id: int
    officer_id: int | None
    bucket: str
    legs: int
    done: int
    no_show: int
    cancelled: int
    transferred: int
    waiting_at_end: int
    wait_sum: float
    wait_n: int
    service_sum: float
    service_n: int
    within: int
    busy: float
    unserved: int


def _leg_groups(
    s: Session, db: Database, scope: _Scope, now: datetime
) -> tuple[list[_Group], tuple[list[float], list[float]] | None]:
    """One pass over the period's legs, grouped by service x officer x UTC hour.

    Every other figure (per service, per officer, per day, totals) is a sum of these groups, so
    the legs are read and their timestamps parsed once; no join with ``ticket`` is needed. On
    SQLite the same pass also returns the sorted waiting and service durations (percentiles).
    """
    L, S = TicketLeg, Service
    end = _utc_param(scope.end)
    done_timed = and_(L.outcome == "done", L.started_at.is_not(None), L.ended_at.is_not(None))
    # the target of each service as a constant CASE: no per-row lookup of the service table
    targets = dict(s.execute(select(S.id, S.target_wait_minutes)).all())
    target: Any = (
        case({sid: minutes * 60.0 for sid, minutes in targets.items()}, value=L.service_id, else_=0.0)
        if targets
        else literal(0.0)
    )
    # Durations are computed once per leg in a subquery; OFFSET 0 keeps SQLite from flattening
    # it into the outer query (which would parse each timestamp again for every use).
    legs = (
        select(
            L.service_id,
            L.officer_id,
            L.outcome,
            _hour_bucket(db, L.queued_at).label("bucket"),
            case((L.called_at.is_not(None), _seconds(db, L.called_at, L.queued_at))).label("wait"),
            case((done_timed, _seconds(db, L.ended_at, L.started_at))).label("service"),
            case(
                (L.outcome == "unserved", 0.0),
                else_=_seconds(db, func.coalesce(L.ended_at, _utc_param(min(now, scope.end))), L.called_at),
            ).label("busy"),
            # not called and not ended before the end (called <= ended, so one comparison);
            # a leg closed when its service day ended is unserved, not still waiting
            and_(
                L.outcome != "unserved",
                or_(
                    func.coalesce(L.called_at, L.ended_at).is_(None),
                    func.coalesce(L.called_at, L.ended_at, type_=UTCDateTime()) >= end,
                ),
            ).label("waiting_at_end"),
            target.label("target"),
        )
        .where(*scope.legs())
        .offset(0)
        .subquery()
    )
    c = legs.c

    def count_if(cond: ColumnElement[bool]) -> Any:
        return func.count(case((cond, 1)))

    columns = [
        c.service_id,
        c.officer_id,
        c.bucket,
        func.count(),
        count_if(c.outcome == "done"),
        count_if(c.outcome == "no_show"),
        count_if(c.outcome == "cancelled"),
        count_if(c.outcome == "transferred"),
        count_if(c.waiting_at_end == True),  # noqa: E712  (a boolean column on both dialects)
        func.sum(c.wait),
        func.count(c.wait),
        func.sum(c.service),
        func.count(c.service),
        count_if(and_(c.outcome == "done", c.wait <= c.target)),
        func.sum(c.busy),
        count_if(c.outcome == "unserved"),
    ]
    sqlite = db.is_sqlite
    if sqlite:  # the durations for the percentiles ride along (see _percentiles)
        columns += [func.group_concat(c.wait), func.group_concat(c.service)]
    groups, waits, services = [], [], []
    for row in s.connection().execute(select(*columns).group_by(c.service_id, c.officer_id, c.bucket)):
        sid, oid, b, n, done, ns, cn, tr, we, ws, wn, ss, sn, within, bz, un = row[:16]
        groups.append(
            _Group(int(sid), oid, str(b), int(n), int(done), int(ns), int(cn), int(tr), int(we),
                   float(ws or 0), int(wn), float(ss or 0), int(sn), int(within), float(bz or 0), int(un))
        )  # fmt: skip
        if sqlite:
            if row[16]:
                waits.append(row[16])
            if row[17]:
                services.append(row[17])
    if not sqlite:
        return groups, None
    return groups, (_durations(waits), _durations(services))


def _durations(texts: list[str]) -> list[float]:
    """Sorted floats from comma-separated group_concat texts."""
    return sorted(map(float, ",".join(texts).split(","))) if texts else []


def _issued(s: Session, db: Database, scope: _Scope, period: Period) -> list[tuple[int, str, int]]:
    """Tickets issued (issue legs) per issuing service and UTC hour.

    Without a counter or officer filter this reads the ticket table by service day (the local
    date of issue, so exactly the period); with one, the issue legs at that counter / officer.
    """
    T, L = Ticket, TicketLeg
    if scope.counter_id is None and scope.officer_id is None:
        bucket = _hour_bucket(db, T.issued_at)
        q = select(T.issued_service_id, bucket, func.count()).where(
            T.service_day >= period.first, T.service_day <= period.last
        )
        if scope.service_ids is not None:
            q = q.where(T.issued_service_id.in_(scope.service_ids))
        q = q.group_by(T.issued_service_id, bucket)
    else:
        bucket = _hour_bucket(db, L.queued_at)
        q = (
            select(L.service_id, bucket, func.count())
            .join(T, T.id == L.ticket_id)
            .where(*scope.legs(), L.queued_at == T.issued_at, L.service_id == T.issued_service_id)
            .group_by(L.service_id, bucket)
        )
    return [(int(sid), str(b), int(n)) for sid, b, n in s.connection().execute(q)]


PERCENTILES = (0.5, 0.9)
_Pair = tuple[float | None, float | None]


def _percentiles(s: Session, db: Database, scope: _Scope) -> tuple[_Pair, _Pair]:
    """Median and 90th percentile of waiting and service time on PostgreSQL, which computes
    them itself (``percentile_cont ... WITHIN GROUP``, linear interpolation between ranks).

    SQLite has no percentile aggregate. A portable ``ROW_NUMBER() OVER (ORDER BY ...)`` query
    was measured first: its window sorts cost more than all other figures together. So on
    SQLite the grouped pass returns the two duration columns as ``group_concat`` text (one
    value per leg, no extra pass, no per-row result objects), Python sorts them (a month is
    ~45,000 floats, milliseconds) and ``_interpolate`` applies the same definition.
    """
    L = TicketLeg
    done_timed = and_(L.outcome == "done", L.started_at.is_not(None), L.ended_at.is_not(None))
    wait = _seconds(db, L.called_at, L.queued_at)
    service = case((done_timed, _seconds(db, L.ended_at, L.started_at)))
    q = select(
        *(func.percentile_cont(p).within_group(wait) for p in PERCENTILES),
        *(func.percentile_cont(p).within_group(service) for p in PERCENTILES),
    ).where(*scope.legs(), L.called_at.is_not(None))
    w50, w90, v50, v90 = (None if x is None else float(x) for x in s.execute(q).one())
    return (w50, w90), (v50, v90)


def _interpolate(values: list[float]) -> _Pair:
    """Percentiles of sorted ``values``: rank ``p * (n - 1)``, interpolated between neighbours."""
    n = len(values)
    if n == 0:
        return None, None
    result = []
    for p in PERCENTILES:
        pos = p * (n - 1)
        lo = int(pos)
        hi = min(lo + 1, n - 1)
        result.append(values[lo] + (values[hi] - values[lo]) * (pos - lo))
    return result[0], result[1]

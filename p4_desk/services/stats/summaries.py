"""Summaries of finished service days: the statistics of a month or a year without a recount.

A finished local day is summarised once its legs are *settled*: every leg queued that day has
ended, and none was still waiting (not yet called) when the day ended, unserved legs excepted
(the day-end housekeeping closes those at midnight). For a settled day nothing in the grouped
pass of ``legs._leg_groups`` depends on the period it is counted in: its legs are never
*waiting at end* of any period that contains the day, and their busy time runs to their
``ended_at``. So the day's groups (summed per service x officer: ``_per_day``), the tickets
issued and each service's durations (for the percentiles, as sorted float64 arrays: ``ranks``)
are stored (``store.models.stats_summary``) and added to a recount of the days not summarised:
the figures are those of a recount
(tests/integration/test_stats_summaries.py proves it on SQLite and PostgreSQL).

The summaries are written by the hourly housekeeping (``summarise_finished_days``), one day per
short transaction, newest day first. Triggers (migration 0014) drop a day's summary when any
change touches it (a late sync, a correction, a transfer that crossed midnight, a new waiting
target, a new time zone); the day is then recounted until the housekeeping summarises it again.
On SQLite a summary is written inside ``BEGIN IMMEDIATE``: no other writer runs meanwhile. On
PostgreSQL it holds an exclusive advisory lock on every UTC hour of the day, which the triggers
take shared for the hours they touch: a change either commits before the summary reads the legs
or drops the summary after it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Text, and_, case, cast, delete, func, insert, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from p4_desk.services.stats.legs import _Group, _issued, _leg_groups
from p4_desk.services.stats.model import Period
from p4_desk.services.stats.ranks import Runs, pack
from p4_desk.services.stats.scope import _Scope, _seconds
from p4_desk.store.db import Database
from p4_desk.store.models import Ticket, TicketLeg
from p4_desk.store.models.stats_summary import StatsDay, StatsDayDurations, StatsIssued, StatsLegGroup

# the advisory lock space of migration 0014's triggers (the second key is the UTC hour)
LOCK_SPACE = 4715
# days summarised by one housekeeping run at most (a year and a month; later runs go on)
MAX_DAYS_PER_RUN = 400
_LOCK = text("SELECT pg_advisory_xact_lock(:space, :hour)")


def summarise_finished_days(db: Database, *, limit: int = MAX_DAYS_PER_RUN) -> int:
    """Summarise the finished days that have tickets and no summary yet; the number written."""
    tz = db.timezone
    today = db.now().astimezone(tz).date()
    with db.read() as s:
        first = s.scalar(select(func.min(Ticket.service_day)))
        done = set(s.scalars(select(StatsDay.day).where(StatsDay.day < today)))
    if first is None:
        return 0
    days = [first + timedelta(days=i) for i in range((today - first).days)]
    todo = [d for d in reversed(days) if d not in done][:limit]
    return sum(1 for d in todo if summarise_day(db, d))


def summarise_day(db: Database, day: date) -> bool:
    """Write the summary of one finished, settled day; False if it is not (yet) one to write."""
    start, end = Period.day(day).bounds(db.timezone)
    now = db.now()
    if end > now:
        return False
    with db.write() as s:
        if not db.is_sqlite:
            for hour in range(int(start.timestamp()) // 3600, -(-int(end.timestamp()) // 3600)):
                s.execute(
                    text("SELECT pg_advisory_xact_lock(:space, :hour)"), {"space": LOCK_SPACE, "hour": hour}
                )
        if s.scalar(select(StatsDay.day).where(StatsDay.day == day)) is not None:
            return False
        if not _settled(s, start, end):
            return False
        scope = _Scope(start, end, None, None, None)
        groups, _durations = _leg_groups(s, db, scope, now)
        issued = _issued(s, db, scope, Period.day(day))
        values = _values_by_service(s, db, scope)
        for table in (StatsLegGroup, StatsIssued, StatsDayDurations):  # rows a trigger left behind
            s.execute(delete(table).where(table.day == day))
        s.execute(insert(StatsDay).values(day=day, start_at=start, end_at=end, computed_at=now))
        if groups:
            s.execute(insert(StatsLegGroup), [{"day": day, **row} for row in _per_day(groups)])
        if issued:
            s.execute(
                insert(StatsIssued),
                [{"day": day, "service_id": sid, "bucket": b, "n": n} for sid, b, n in issued],
            )
        if values:
            s.execute(
                insert(StatsDayDurations),
                [
                    {"day": day, "service_id": sid, "waits": pack(w), "services": pack(v)}
                    for sid, (w, v) in values.items()
                ],
            )
    return True


def _per_day(groups: list[_Group]) -> list[dict[str, Any]]:
    """The day's groups summed per service x officer, with the day's first UTC hour as bucket.

    The figures need a group's hour only for its local day (the heatmap reads the tickets
    issued), so one row per service and officer stands for the day: a year is ~12,000 rows to
    read instead of ~100,000 (one per UTC hour)."""
    sums: dict[tuple[int, int | None], dict[str, Any]] = {}
    for g in sorted(groups, key=lambda g: g.bucket):
        row = g._asdict()
        del row["waiting_at_end"]  # never counted for a settled day (see the module docstring)
        acc = sums.get((g.service_id, g.officer_id))
        if acc is None:
            sums[(g.service_id, g.officer_id)] = row
            continue
        for name in _SUMMED:
            acc[name] += row[name]
    return list(sums.values())


_SUMMED = ("legs", "done", "no_show", "cancelled", "transferred", "wait_sum", "wait_n", "service_sum",
           "service_n", "within", "busy", "unserved")  # fmt: skip


def _settled(s: Session, start: datetime, end: datetime) -> bool:
    L = TicketLeg
    open_or_crossing = or_(
        L.ended_at.is_(None),
        and_(L.outcome != "unserved", func.coalesce(L.called_at, L.ended_at) >= end),
    )
    pending = s.scalar(select(func.count()).where(L.queued_at >= start, L.queued_at < end, open_or_crossing))
    return not pending


def _values_by_service(s: Session, db: Database, scope: _Scope) -> dict[int, tuple[list[float], list[float]]]:
    """Each service's waiting and service durations of the scope's legs (in no order).

    On SQLite they are read as ``group_concat`` text of the very expressions the recount
    concatenates (so the floats parsed are the recount's); PostgreSQL prints a float8 exactly."""
    L = TicketLeg
    done_timed = and_(L.outcome == "done", L.started_at.is_not(None), L.ended_at.is_not(None))
    legs = (
        select(
            L.service_id,
            case((L.called_at.is_not(None), _seconds(db, L.called_at, L.queued_at))).label("wait"),
            case((done_timed, _seconds(db, L.ended_at, L.started_at))).label("service"),
        )
        .where(*scope.legs())
        .offset(0)
        .subquery()
    )
    c = legs.c

    def concat(column: Any) -> ColumnElement[str]:
        if db.is_sqlite:
            return func.group_concat(column)
        return func.string_agg(cast(column, Text), ",")

    rows = s.execute(select(c.service_id, concat(c.wait), concat(c.service)).group_by(c.service_id))
    return {int(sid): (_floats(w), _floats(v)) for sid, w, v in rows}


def _floats(text: str | None) -> list[float]:
    return [float(x) for x in text.split(",")] if text else []


@dataclass(frozen=True)
class SummaryPart:
    """The summarised days of a period, ready to be added to a recount of the others."""

    days: frozenset[date]
    groups: list[_Group]
    issued: list[tuple[int, str, int]]
    waits: Runs  # one sorted run per day and service
    services: Runs


def summary_part(s: Session, period: Period, service_ids: tuple[int, ...] | None) -> SummaryPart:
    days = frozenset(
        s.scalars(select(StatsDay.day).where(StatsDay.day >= period.first, StatsDay.day <= period.last))
    )
    if not days:
        return SummaryPart(days, [], [], Runs(), Runs())
    G, Iss, V = StatsLegGroup, StatsIssued, StatsDayDurations
    in_period = [StatsDay.day >= period.first, StatsDay.day <= period.last]

    def scoped(q: Any, table: Any) -> Any:
        q = q.join(StatsDay, StatsDay.day == table.day).where(*in_period)
        if service_ids is not None:
            q = q.where(table.service_id.in_(service_ids))
        return q

    # one row per service x officer x day (``_per_day``), read as they are
    columns = (G.service_id, G.officer_id, G.bucket, G.legs, G.done, G.no_show, G.cancelled,
               G.transferred, G.wait_sum, G.wait_n, G.service_sum, G.service_n, G.within, G.busy,
               G.unserved)  # fmt: skip
    groups = [
        _Group(int(sid), oid, str(b), int(n), int(done), int(ns), int(cn), int(tr), 0, float(ws), int(wn),
               float(ss), int(sn), int(within), float(busy), int(un))
        for sid, oid, b, n, done, ns, cn, tr, ws, wn, ss, sn, within, busy, un
        in s.connection().execute(scoped(select(*columns), G)).all()
    ]  # fmt: skip
    issued = [
        (sid, b, n)
        for sid, b, n in s.connection().execute(scoped(select(Iss.service_id, Iss.bucket, Iss.n), Iss)).all()
    ]
    waits, services = Runs(), Runs()
    for w, v in s.connection().execute(scoped(select(V.waits, V.services), V)).all():
        waits.add_packed(w)
        services.add_packed(v)
    return SummaryPart(days, groups, issued, waits, services)


def recount_scopes(
    scope: _Scope, period: Period, summarised: frozenset[date], tz: Any
) -> list[tuple[_Scope, Period]]:
    """The runs of consecutive days of ``period`` without a summary, each as a scope and period."""
    runs: list[tuple[_Scope, Period]] = []
    run: list[date] = []
    for d in [*period.days(), None]:
        if d is not None and d not in summarised:
            run.append(d)
            continue
        if run:
            part = Period(run[0], run[-1])
            runs.append((replace(scope, queued=part.bounds(tz)), part))
            run = []
    return runs

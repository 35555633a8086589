"""Queue statistics and the live monitor: one computation for the window, the CLI and reports.

Definitions (the supervisor's numbers must mean the same everywhere):

- The unit is the *service leg* (``TicketLeg``): one visit of a ticket to one service queue. A
  transferred ticket therefore counts once per service it queued in; a reactivated no-show opens
  a new leg too.
- A leg belongs to the period in which it was *queued* (``queued_at``). The period is a range of
  local dates (the site's time zone), converted to UTC bounds ``[start, end)``.
- *issued*: legs opened by issuing a ticket (queued at the ticket's issue time, in its issuing
  service); *served*, *no-show*, *cancelled*, *transferred*, *unserved*: legs by outcome (a leg
  is *unserved* when its service day ended while it was waiting or called: the housekeeping
  closes it at that local midnight, ``services.queue.day_end``); *waiting at end*: legs not yet
  called and not yet ended when the period ended, unserved legs excepted (they are counted as
  unserved, not as still waiting).
- *waiting time* of a leg = ``called_at - queued_at`` (legs that were called);
  *service time* = ``ended_at - started_at`` (legs with outcome ``done``).
- *within target*: served legs whose waiting time is at most the service's target, over all
  served legs.
- *idle time* of an officer: time the officer's counter was open (from the ``counter.open``
  audit row to the next state change of that counter — pause and close end it; a pause is a
  break, not idleness), clipped to the period and to now, minus the time the officer was busy
  with the period's legs (``called_at`` to ``ended_at``, or to now for a ticket still at the
  counter), never negative; an unserved leg adds no busy time (nobody was served). Officers
  without recorded open sessions (e.g. imported history) have no idle time.
- *permits* (``PermitFigures``): applications whose deadline clock ended (the decision) on a
  local date of the period; *on time* when the clock had run at most the working days promised
  (``domain.permit_clock``: the days the office waited for the applicant do not count). Only
  the agency filter narrows them (permits have no service, counter or queue officer); with
  another filter they are left out (``None``). Decisions taken before the clock was recorded
  (backfilled by migration 0010 without a count) are not in them.

Everything is aggregated in SQL that runs unchanged on SQLite and PostgreSQL, with one
exception per expression where the dialects differ (seconds between two timestamps, an hour
bucket as text). One ``GROUP BY`` pass over the period's legs (service x officer x UTC hour)
feeds the per-service, per-officer, per-day figures and the totals; tickets issued come from
the ticket table by service day; percentiles from the two duration columns (see
``_percentiles``). Each UTC hour is converted to local time in Python with ``zoneinfo`` (exact
for whole-hour zones such as WIB/WITA/WIT, and it needs no time zone support in SQLite).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import Float, and_, case, cast, extract, func, literal, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement

from p4_desk.domain.waiting import over_target
from p4_desk.errors import NotFound, ValidationError
from p4_desk.services.catalog import find_counter, find_service
from p4_desk.services.queue.waiting import NOBODY, waiting_by_service
from p4_desk.store.db import Database
from p4_desk.store.models import (
    Agency,
    Application,
    ApplicationClockEvent,
    AuditEntry,
    Counter,
    PermitType,
    Service,
    Site,
    Ticket,
    TicketLeg,
    User,
)
from p4_desk.store.types import UTCDateTime

LIVE_WAIT_WINDOW = timedelta(hours=1)
MAX_PERIOD_DAYS = 366 * 2


# --- inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Local dates ``first`` to ``last`` inclusive, in the site's time zone."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError("Tanggal akhir periode sebelum tanggal awal.", field="to")
        if (self.last - self.first).days >= MAX_PERIOD_DAYS:
            raise ValidationError("Periode statistik paling lama dua tahun.", field="to")

    @classmethod
    def day(cls, d: date) -> Period:
        return cls(d, d)

    @classmethod
    def month(cls, d: date) -> Period:
        first = d.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return cls(first, nxt - timedelta(days=1))

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """UTC ``[start, end)``: local midnight of ``first`` to local midnight after ``last``."""
        start = datetime.combine(self.first, time(0), tzinfo=tz).astimezone(UTC)
        end = datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
        return start, end

    @classmethod
    def of_report(cls, kind: str, d: date) -> Period:
        """The period of a ``daily`` or ``monthly`` report that contains ``d``."""
        if kind == "daily":
            return cls.day(d)
        if kind == "monthly":
            return cls.month(d)
        raise ValidationError("Jenis laporan harus harian (daily) atau bulanan (monthly).", field="period")

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]


@dataclass(frozen=True)
class StatsFilter:
    """Codes as the user types them; empty means all."""

    agency: str | None = None
    service: str | None = None
    counter: str | None = None
    officer: str | None = None  # username

    def to_json(self) -> dict[str, str | None]:
        return asdict(self)


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    issued: int
    legs: int
    served: int
    no_show: int
    cancelled: int
    transferred: int
    waiting_at_end: int
    wait_avg: float | None  # seconds
    wait_median: float | None
    wait_p90: float | None
    service_avg: float | None
    service_median: float | None
    service_p90: float | None
    within_target: float | None  # share 0..1 of served legs
    unserved: int = 0  # closed at the end of their service day


@dataclass(frozen=True)
class ServiceFigures:
    code: str
    name: str
    agency: str
    target_wait_minutes: int
    issued: int
    legs: int
    served: int
    no_show: int
    cancelled: int
    transferred: int
    waiting_at_end: int
    wait_avg: float | None
    service_avg: float | None
    within_target: float | None
    unserved: int = 0


@dataclass(frozen=True)
class OfficerFigures:
    username: str
    full_name: str
    served: int
    service_avg: float | None
    busy_seconds: float
    open_seconds: float | None  # None: no counter sessions recorded
    idle_seconds: float | None


@dataclass(frozen=True)
class DayFigures:
    day: date
    issued: int
    served: int
    no_show: int
    wait_avg: float | None
    unserved: int = 0


@dataclass(frozen=True)
class PermitFigures:
    """Permit applications decided in the period, measured against the clock that ran."""

    decided: int  # deadline clocks that ended (the decision) in the period
    on_time: int  # ... having run at most the working days promised
    late: int
    used_avg: float | None  # working days the clock ran, on average
    waited: int  # ... of which the clock had stopped at least once for the applicant

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.decided if self.decided else None


@dataclass(frozen=True)
class Statistics:
    site_code: str
    site_name: str
    timezone: str
    period: Period
    filters: StatsFilter
    generated_at: datetime
    totals: Totals
    services: tuple[ServiceFigures, ...]
    officers: tuple[OfficerFigures, ...]
    days: tuple[DayFigures, ...]
    # arrivals (issued tickets) by local weekday (Monday first) x hour of day
    heatmap: tuple[tuple[int, ...], ...] = field(default=())
    permits: PermitFigures | None = None  # None: a filter that permits do not have

    def to_json(self) -> dict[str, Any]:
        out = _jsonable(asdict(self))
        if self.permits is not None:
            out["permits"]["on_time_share"] = _jsonable(self.permits.on_time_share)
        return dict(out)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 3)
    return value


# --- SQL building blocks --------------------------------------------------------------------


def _seconds(db: Database, later: Any, earlier: Any) -> ColumnElement[float]:
    """Seconds from ``earlier`` to ``later`` (both UTC timestamps) in the database's dialect."""
    if db.is_sqlite:
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return cast(extract("epoch", later - earlier), Float)


def _hour_bucket(db: Database, column: Any) -> ColumnElement[str]:
    """``'YYYY-MM-DD HH'`` of a UTC timestamp, the same text on both dialects.

    SQLite stores timestamps as ISO text (``YYYY-MM-DD HH:MM:SS.ffffff``): the first 13
    characters are the hour, several times cheaper than ``strftime`` parsing every row."""
    if db.is_sqlite:
        return func.substr(column, 1, 13)
    return func.to_char(column, "YYYY-MM-DD HH24")


def _utc_param(moment: datetime) -> ColumnElement[datetime]:
    return literal(moment, UTCDateTime())


@dataclass(frozen=True)
class _Scope:
    start: datetime
    end: datetime
    service_ids: tuple[int, ...] | None
    counter_id: int | None
    officer_id: int | None

    def legs(self) -> list[ColumnElement[bool]]:
        L = TicketLeg
        where: list[ColumnElement[bool]] = [L.queued_at >= self.start, L.queued_at < self.end]
        if self.service_ids is not None:
            where.append(L.service_id.in_(self.service_ids))
        if self.counter_id is not None:
            where.append(L.counter_id == self.counter_id)
        if self.officer_id is not None:
            where.append(L.officer_id == self.officer_id)
        return where


def _resolve(s: Session, db: Database, period: Period, filters: StatsFilter) -> _Scope:
    start, end = period.bounds(db.timezone)
    service_ids: tuple[int, ...] | None = None
    if filters.agency:
        agency = s.scalar(select(Agency).where(Agency.code == filters.agency.strip().upper()))
        if agency is None:
            raise NotFound(f"Instansi '{filters.agency}' tidak ditemukan.", field="agency")
        service_ids = tuple(s.scalars(select(Service.id).where(Service.agency_id == agency.id)))
    if filters.service:
        sid = find_service(s, filters.service.strip()).id
        service_ids = tuple(i for i in service_ids if i == sid) if service_ids is not None else (sid,)
    counter_id = find_counter(s, filters.counter.strip()).id if filters.counter else None
    officer_id = None
    if filters.officer:
        officer_id = s.scalar(select(User.id).where(User.username == filters.officer.strip().lower()))
        if officer_id is None:
            raise NotFound(f"Petugas '{filters.officer}' tidak ditemukan.", field="officer")
    return _Scope(start, end, service_ids, counter_id, officer_id)


# --- the computation ------------------------------------------------------------------------


def compute_statistics(db: Database, period: Period, filters: StatsFilter | None = None) -> Statistics:
    """All figures of one period, filtered by agency / service / counter / officer."""
    filters = filters or StatsFilter()
    tz = db.timezone
    now = db.now()
    with db.read() as s:
        site = s.get(Site, 1)
        if site is None:
            raise NotFound("Situs belum disiapkan. Jalankan: p4-desk init --site-code KODE --site-name NAMA")
        scope = _resolve(s, db, period, filters)
        groups, durations = _leg_groups(s, db, scope, now)
        issued = _issued(s, db, scope, period)
        if durations is None:
            wait_pct, service_pct = _percentiles(s, db, scope)
        else:
            wait_pct, service_pct = _interpolate(durations[0]), _interpolate(durations[1])
        sessions = _open_seconds(s, scope, now)
        permits = _permit_figures(s, period, filters)
        catalog = {
            sid: (code, name, agency, target)
            for sid, code, name, agency, target in s.execute(
                select(Service.id, Service.code, Service.name, Agency.code, Service.target_wait_minutes).join(
                    Agency, Agency.id == Service.agency_id
                )
            )
        }
        people = {uid: (u, n) for uid, u, n in s.execute(select(User.id, User.username, User.full_name))}
    hours = {
        bucket: _local_hour(bucket, tz) for bucket in {g.bucket for g in groups} | {b for _, b, _ in issued}
    }
    services = _service_figures(groups, issued, catalog)
    return Statistics(
        site_code=site.code,
        site_name=site.name,
        timezone=site.timezone,
        period=period,
        filters=filters,
        generated_at=now,
        totals=_totals(services, wait_pct, service_pct),
        services=tuple(f for f, _sums in services),
        officers=_officer_figures(groups, sessions, people),
        days=_days(groups, issued, hours, period),
        heatmap=_heatmap(issued, hours),
        permits=permits,
    )


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


def _local_hour(bucket: str, tz: ZoneInfo) -> datetime:
    return datetime.strptime(bucket, "%Y-%m-%d %H").replace(tzinfo=UTC).astimezone(tz)


@dataclass(frozen=True)
class _Sums:
    wait_sum: float
    wait_n: int
    service_sum: float
    service_n: int
    within: int


def _service_figures(
    groups: Sequence[_Group],
    issued: Sequence[tuple[int, str, int]],
    catalog: dict[int, tuple[str, str, str, int]],
) -> list[tuple[ServiceFigures, _Sums]]:
    per: dict[int, list[float]] = {}
    for g in groups:
        acc = per.setdefault(g.service_id, [0.0] * 12)
        for i, v in enumerate((g.legs, g.done, g.no_show, g.cancelled, g.transferred, g.waiting_at_end,
                               g.wait_sum, g.wait_n, g.service_sum, g.service_n, g.within,
                               g.unserved)):  # fmt: skip
            acc[i] += v
    issued_by: dict[int, int] = {}
    for sid, _bucket, n in issued:
        issued_by[sid] = issued_by.get(sid, 0) + n
    out = []
    for sid in sorted(set(per) | set(issued_by), key=lambda i: catalog[i][0]):
        legs, done, no_show, cancelled, transferred, waiting, wsum, wn, ssum, sn, within, unserved = per.get(
            sid, [0.0] * 12
        )
        code, name, agency, target = catalog[sid]
        sums = _Sums(wsum, int(wn), ssum, int(sn), int(within))
        out.append(
            (
                ServiceFigures(
                    code=code,
                    name=name,
                    agency=agency,
                    target_wait_minutes=target,
                    issued=issued_by.get(sid, 0),
                    legs=int(legs),
                    served=int(done),
                    no_show=int(no_show),
                    cancelled=int(cancelled),
                    transferred=int(transferred),
                    waiting_at_end=int(waiting),
                    wait_avg=wsum / wn if wn else None,
                    service_avg=ssum / sn if sn else None,
                    within_target=within / done if done else None,
                    unserved=int(unserved),
                ),
                sums,
            )
        )
    return out


def _totals(
    services: Sequence[tuple[ServiceFigures, _Sums]],
    wait_pct: tuple[float | None, float | None],
    service_pct: tuple[float | None, float | None],
) -> Totals:
    def total(name: str) -> int:
        return sum(int(getattr(f, name)) for f, _ in services)

    wsum = sum(x.wait_sum for _, x in services)
    wn = sum(x.wait_n for _, x in services)
    ssum = sum(x.service_sum for _, x in services)
    sn = sum(x.service_n for _, x in services)
    within = sum(x.within for _, x in services)
    served = total("served")
    return Totals(
        issued=total("issued"),
        legs=total("legs"),
        served=served,
        no_show=total("no_show"),
        cancelled=total("cancelled"),
        transferred=total("transferred"),
        waiting_at_end=total("waiting_at_end"),
        wait_avg=wsum / wn if wn else None,
        wait_median=wait_pct[0],
        wait_p90=wait_pct[1],
        service_avg=ssum / sn if sn else None,
        service_median=service_pct[0],
        service_p90=service_pct[1],
        within_target=within / served if served else None,
        unserved=total("unserved"),
    )


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


def _days(
    groups: Sequence[_Group],
    issued: Sequence[tuple[int, str, int]],
    hours: dict[str, datetime],
    period: Period,
) -> tuple[DayFigures, ...]:
    per_day: dict[date, list[float]] = {d: [0, 0, 0, 0.0, 0, 0] for d in period.days()}
    for g in groups:
        acc = per_day.setdefault(hours[g.bucket].date(), [0, 0, 0, 0.0, 0, 0])
        acc[1] += g.done
        acc[2] += g.no_show
        acc[3] += g.wait_sum
        acc[4] += g.wait_n
        acc[5] += g.unserved
    for _sid, bucket, n in issued:
        per_day.setdefault(hours[bucket].date(), [0, 0, 0, 0.0, 0, 0])[0] += n
    return tuple(
        DayFigures(d, int(a[0]), int(a[1]), int(a[2]), a[3] / a[4] if a[4] else None, int(a[5]))
        for d, a in sorted(per_day.items())
    )


def _heatmap(
    issued: Sequence[tuple[int, str, int]], hours: dict[str, datetime]
) -> tuple[tuple[int, ...], ...]:
    heat = [[0] * 24 for _ in range(7)]
    for _sid, bucket, n in issued:
        local = hours[bucket]
        heat[local.weekday()][local.hour] += n
    return tuple(tuple(row) for row in heat)


def _officer_figures(
    groups: Sequence[_Group], sessions: dict[int, float], people: dict[int, tuple[str, str]]
) -> tuple[OfficerFigures, ...]:
    per: dict[int, list[float]] = {}
    for g in groups:
        if g.officer_id is None:
            continue
        acc = per.setdefault(g.officer_id, [0, 0.0, 0, 0.0])
        acc[0] += g.done
        acc[1] += g.service_sum
        acc[2] += g.service_n
        acc[3] += g.busy
    out = []
    for oid in sorted(set(per) | set(sessions), key=lambda i: people.get(i, ("", ""))[0]):
        if oid not in people:
            continue
        done, ssum, sn, busy = per.get(oid, [0, 0.0, 0, 0.0])
        open_s = sessions.get(oid)
        out.append(
            OfficerFigures(
                username=people[oid][0],
                full_name=people[oid][1],
                served=int(done),
                service_avg=ssum / sn if sn else None,
                busy_seconds=busy,
                open_seconds=open_s,
                idle_seconds=max(0.0, open_s - busy) if open_s is not None else None,
            )
        )
    return tuple(out)


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


# --- live monitor ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceLive:
    code: str
    name: str
    waiting: int
    longest_wait_minutes: int | None  # domain.waiting: the same figure as the kiosk and the CLI
    wait_avg_last_hour: float | None  # seconds, tickets called in the last hour
    target_wait_minutes: int
    alert: bool  # the longest current wait passed the target


@dataclass(frozen=True)
class CounterLive:
    code: str
    name: str
    state: str  # open | paused | closed
    officer: str | None  # full name
    officer_username: str | None
    current_ticket: str | None
    current_ticket_state: str | None
    idle_seconds: float | None  # open with no ticket: since the last ticket ended or it opened


@dataclass(frozen=True)
class LiveMonitor:
    at: datetime
    services: tuple[ServiceLive, ...]
    counters: tuple[CounterLive, ...]

    @property
    def alerts(self) -> tuple[ServiceLive, ...]:
        return tuple(sv for sv in self.services if sv.alert)

    def to_json(self) -> dict[str, Any]:
        out = _jsonable(asdict(self))
        out["alerts"] = [sv.code for sv in self.alerts]
        return dict(out)


def live_monitor(db: Database) -> LiveMonitor:
    """What is happening now: queues per service and the state of every counter."""
    now = db.now()
    tz = db.timezone
    today = now.astimezone(tz).date()
    day_start = datetime.combine(today, time(0), tzinfo=tz).astimezone(UTC)
    L, T = TicketLeg, Ticket
    with db.read() as s:
        waiting = waiting_by_service(s, today)
        recent: dict[int, Any] = dict(
            s.execute(
                select(L.service_id, func.avg(_seconds(db, L.called_at, L.queued_at)))
                .where(L.called_at >= now - LIVE_WAIT_WINDOW, L.called_at <= now)
                .group_by(L.service_id)
            ).all()
        )
        services = []
        for sid, code, name, target in s.execute(
            select(Service.id, Service.code, Service.name, Service.target_wait_minutes)
            .where(Service.active.is_(True))
            .order_by(Service.code)
        ):
            queue = waiting.get(sid, NOBODY)
            longest = queue.longest_wait_minutes(now)
            avg = recent.get(sid)
            services.append(
                ServiceLive(
                    code=code,
                    name=name,
                    waiting=queue.waiting,
                    longest_wait_minutes=longest,
                    wait_avg_last_hour=float(avg) if avg is not None else None,
                    target_wait_minutes=target,
                    alert=over_target(longest, target),
                )
            )
        # Tickets at a counter now = open legs already called. Read through the legs' ended_at
        # index (few NULLs): after ANALYZE, SQLite judges ticket.state unselective (almost
        # every ticket is done) and would scan a year of tickets every refresh.
        current = {
            cid: (number, state)
            for cid, number, state in s.execute(
                select(L.counter_id, T.number, T.state)
                .join(T, T.id == L.ticket_id)
                .where(L.ended_at.is_(None), L.called_at.is_not(None), T.state.in_(("called", "serving")))
            )
        }
        last_end = {
            cid: _aware(at)
            for cid, at in s.execute(
                select(L.counter_id, func.max(L.ended_at))
                .where(L.ended_at >= day_start, L.counter_id.is_not(None))
                .group_by(L.counter_id)
            )
            if at is not None
        }
        users = {uid: (u, n) for uid, u, n in s.execute(select(User.id, User.username, User.full_name))}
        counters = []
        for c in s.scalars(select(Counter).where(Counter.active.is_(True)).order_by(Counter.code)):
            number, state = current.get(c.id, (None, None))
            idle = None
            if c.state == "open" and number is None:
                since = max(
                    [t for t in (c.state_changed_at, last_end.get(c.id)) if t is not None],
                    default=None,
                )
                idle = max(0.0, (now - since).total_seconds()) if since is not None else None
            officer = users.get(c.officer_id) if c.officer_id else None
            counters.append(
                CounterLive(
                    code=c.code,
                    name=c.name,
                    state=c.state,
                    officer=officer[1] if officer else None,
                    officer_username=officer[0] if officer else None,
                    current_ticket=number,
                    current_ticket_state=state,
                    idle_seconds=idle,
                )
            )
    return LiveMonitor(at=now, services=tuple(services), counters=tuple(counters))

"""Queue statistics against a brute-force computation, on SQLite and PostgreSQL.

The queue is driven through the real queue services with a settable clock. The test keeps its
own plain-Python record of every service leg (when it was queued, called, started and ended,
at which counter, by whom) from what the services answered, and recomputes every figure from
that record; the SQL aggregation in ``p4_desk.services.stats`` must agree.
"""

from __future__ import annotations

import statistics as pystats
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from p4_desk.errors import NotFound, ValidationError
from p4_desk.services import queue, users
from p4_desk.services.stats import Period, StatsFilter, compute_statistics, live_monitor
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

WIB = ZoneInfo("Asia/Jakarta")
SERVICES = ("KTP", "KK", "PKB")
COUNTERS = ("L1", "L2", "L3")
OFFICERS = ("petugas1", "petugas2")
TARGET = 15 * 60  # make_site keeps the default target waiting time


def local(d: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(d, time(hh, mm), tzinfo=WIB).astimezone(UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(local(date(2026, 3, 4), 8))


@pytest.fixture
def site(db_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(db_url, clock)
    yield db
    db.dispose()


# --- the independent record -----------------------------------------------------------------


@dataclass
class Leg:
    ticket: int
    service: str
    queued: datetime
    issue: bool
    called: datetime | None = None
    started: datetime | None = None
    ended: datetime | None = None
    counter: str | None = None
    officer: str | None = None
    outcome: str = "open"


@dataclass
class Record:
    legs: list[Leg] = field(default_factory=list)
    open_spans: list[tuple[str, datetime, datetime | None]] = field(default_factory=list)  # officer

    def current(self, ticket: int) -> Leg:
        return [leg for leg in self.legs if leg.ticket == ticket][-1]


def in_period(rec: Record, start: datetime, end: datetime, **flt: str) -> list[Leg]:
    out = [leg for leg in rec.legs if start <= leg.queued < end]
    if "service" in flt:
        out = [leg for leg in out if leg.service == flt["service"]]
    if "agency" in flt:
        members = {"DUKCAPIL": ("KTP", "KK"), "SAMSAT": ("PKB",)}[flt["agency"]]
        out = [leg for leg in out if leg.service in members]
    if "counter" in flt:
        out = [leg for leg in out if leg.counter == flt["counter"]]
    if "officer" in flt:
        out = [leg for leg in out if leg.officer == flt["officer"]]
    return out


def percentile(values: list[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (the 'inclusive' method)."""
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    if p == 0.5:
        return pystats.median(values)
    return pystats.quantiles(values, n=10, method="inclusive")[8]


def approx(value: float | None) -> object:
    return None if value is None else pytest.approx(value, rel=1e-6, abs=1e-3)


def mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def check(db: Database, rec: Record, first: date, last: date, now: datetime, **flt: str) -> None:
    start = datetime.combine(first, time(0), tzinfo=WIB).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=WIB).astimezone(UTC)
    got = compute_statistics(db, Period(first, last), StatsFilter(**flt))
    legs = in_period(rec, start, end, **flt)
    waits = [(x.called - x.queued).total_seconds() for x in legs if x.called]
    done = [x for x in legs if x.outcome == "done"]
    times = [(x.ended - x.started).total_seconds() for x in done if x.started and x.ended]
    t = got.totals
    assert t.issued == sum(x.issue for x in legs)
    assert t.legs == len(legs)
    assert t.served == len(done)
    assert t.no_show == sum(x.outcome == "no_show" for x in legs)
    assert t.cancelled == sum(x.outcome == "cancelled" for x in legs)
    assert t.transferred == sum(x.outcome == "transferred" for x in legs)
    assert t.waiting_at_end == sum(
        (x.called is None or x.called >= end) and (x.ended is None or x.ended >= end) for x in legs
    )
    assert t.wait_avg == approx(mean(waits))
    assert t.wait_median == approx(percentile(sorted(waits), 0.5))
    assert t.wait_p90 == approx(percentile(sorted(waits), 0.9))
    assert t.service_avg == approx(mean(times))
    assert t.service_median == approx(percentile(sorted(times), 0.5))
    assert t.service_p90 == approx(percentile(sorted(times), 0.9))
    within = [x for x in done if x.called and (x.called - x.queued).total_seconds() <= TARGET]
    assert t.within_target == approx(len(within) / len(done) if done else None)

    # per service: the table rows add up to the same legs
    for sv in got.services:
        mine = [x for x in legs if x.service == sv.code]
        assert (sv.legs, sv.served) == (len(mine), sum(x.outcome == "done" for x in mine))
    assert {sv.code for sv in got.services} == {x.service for x in legs}

    # daily trend and heat map in local time
    by_day = {d.day: d for d in got.days}
    assert sorted(by_day) == [first + timedelta(days=i) for i in range((last - first).days + 1)]
    for d, row in by_day.items():
        mine = [x for x in legs if x.queued.astimezone(WIB).date() == d]
        assert (row.issued, row.served, row.no_show) == (
            sum(x.issue for x in mine),
            sum(x.outcome == "done" for x in mine),
            sum(x.outcome == "no_show" for x in mine),
        )
    heat = [[0] * 24 for _ in range(7)]
    for x in legs:
        if x.issue:
            q = x.queued.astimezone(WIB)
            heat[q.weekday()][q.hour] += 1
    assert [list(r) for r in got.heatmap] == heat

    # officers: served, average service time, busy, open and idle time
    stop = min(now, end)
    for off in got.officers:
        mine = [x for x in legs if x.officer == off.username]
        served = [x for x in mine if x.outcome == "done"]
        assert off.served == len(served)
        assert off.service_avg == approx(mean([(x.ended - x.started).total_seconds() for x in served]))
        busy = sum(((x.ended or stop) - x.called).total_seconds() for x in mine if x.called)
        assert off.busy_seconds == approx(busy)
        spans = [
            (max(a, start), min(b or stop, stop))
            for who, a, b in rec.open_spans
            if who == off.username and (b is None or b > start) and a < end
        ]
        if "counter" in flt or "service" in flt or "agency" in flt:
            continue  # open time belongs to a counter session, not to a service
        if spans:
            opened = sum(max(0.0, (b - a).total_seconds()) for a, b in spans)
            assert off.open_seconds == approx(opened)
            assert off.idle_seconds == approx(max(0.0, opened - busy))
        else:
            assert off.open_seconds is None
    if not flt:
        expected_officers = {x.officer for x in legs if x.officer} | {
            who for who, a, b in rec.open_spans if (b is None or b > start) and a < end
        }
        assert {o.username for o in got.officers} == expected_officers


# --- the queue driver -----------------------------------------------------------------------


class Hall:
    """Runs steps against the real services and writes down what happened."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock, self.rec = db, clock, Record()
        self.actors = {u: users.get_user(db, u).actor for u in OFFICERS}
        self.officer_at: dict[str, str] = {}  # counter -> officer of its open session
        self.at_counter: dict[str, int] = {}  # counter -> ticket id called/serving there
        self.spans: dict[str, int] = {}  # counter -> index in rec.open_spans

    def step(self, kind: str, a: int, b: int) -> None:
        now = self.clock.now
        # Counter steps pick among open counters, "open" among the others: few steps are no-ops.
        pool = (
            sorted(self.officer_at) if kind != "open" else [c for c in COUNTERS if c not in self.officer_at]
        )
        counter = pool[a % len(pool)] if pool else COUNTERS[0]
        officer = self.officer_at.get(counter)
        current = self.at_counter.get(counter)
        if kind == "issue":
            t = queue.issue_ticket(self.db, SERVICES[a % 3])
            self.rec.legs.append(Leg(t.id, t.service, now, issue=True))
        elif kind == "open" and counter not in self.officer_at:
            who = OFFICERS[b % 2]
            queue.set_counter_state(self.db, counter, "open", self.actors[who])
            self.officer_at[counter] = who
            self.spans[counter] = len(self.rec.open_spans)
            self.rec.open_spans.append((who, now, None))
        elif kind in ("pause", "close") and officer and current is None:
            queue.set_counter_state(self.db, counter, "paused" if kind == "pause" else "closed")
            index = self.spans.pop(counter)
            who, since, _ = self.rec.open_spans[index]
            self.rec.open_spans[index] = (who, since, now)
            del self.officer_at[counter]
        elif kind == "call" and officer and current is None:
            t = queue.call_next(self.db, counter, self.actors[officer])
            if t is not None:
                leg = self.rec.current(t.id)
                leg.called, leg.counter, leg.officer = now, counter, officer
                self.at_counter[counter] = t.id
        elif kind == "start" and current is not None and self.rec.current(current).started is None:
            queue.start(self.db, current, self.actors[officer or OFFICERS[0]])
            self.rec.current(current).started = now
        elif kind == "finish" and current is not None and self.rec.current(current).started:
            queue.finish(self.db, current)
            self._end(counter, current, "done")
        elif kind == "no_show" and current is not None and self.rec.current(current).started is None:
            queue.recall(self.db, current)
            queue.no_show(self.db, current)
            self._end(counter, current, "no_show")
        elif kind == "transfer" and current is not None:
            to = SERVICES[b % 3]
            t = queue.transfer(self.db, current, to_service=to)
            self._end(counter, current, "transferred")
            self.rec.legs.append(Leg(t.id, to, now, issue=False))
        elif kind == "cancel":
            waiting = [x for x in self.rec.legs if x.outcome == "open" and x.called is None]
            today = now.astimezone(WIB).date()
            waiting = [x for x in waiting if self._day_of(x.ticket) == today]
            if waiting:
                leg = waiting[b % len(waiting)]
                queue.cancel(self.db, leg.ticket, "Pemohon pulang")
                leg.ended, leg.outcome = now, "cancelled"

    def _day_of(self, ticket: int) -> date:
        first = next(x for x in self.rec.legs if x.ticket == ticket)
        return first.queued.astimezone(WIB).date()

    def _end(self, counter: str, ticket: int, outcome: str) -> None:
        leg = self.rec.current(ticket)
        leg.ended, leg.outcome = self.clock.now, outcome
        del self.at_counter[counter]

    def clear(self) -> None:
        """Leave every counter free and closed for the next example."""
        for counter, ticket in list(self.at_counter.items()):
            if self.rec.current(ticket).started:
                queue.finish(self.db, ticket)
            else:
                queue.recall(self.db, ticket)
                queue.no_show(self.db, ticket)
            del self.at_counter[counter]
        for counter in list(self.officer_at):
            queue.set_counter_state(self.db, counter, "closed")
            del self.officer_at[counter]


STEP = st.tuples(
    st.sampled_from(
        ["issue", "issue", "open", "call", "call", "call", "start", "start", "finish", "finish",
         "no_show", "transfer", "cancel", "pause", "close"]
    ),
    st.integers(0, 2),
    st.integers(0, 5),
    st.integers(1, 900),  # seconds until the next step
)  # fmt: skip


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    arrivals=st.lists(st.integers(0, 2), min_size=2, max_size=10),
    opening=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1)), min_size=1, max_size=3),
    steps=st.lists(STEP, min_size=8, max_size=30),
    start_hour=st.sampled_from([8, 13, 22, 23]),
    flt=st.sampled_from(
        [{}, {}, {"service": "KTP"}, {"agency": "DUKCAPIL"}, {"counter": "L1"}, {"officer": "petugas2"}]
    ),
)
@example(  # a busy morning, always run: every counter serves several citizens
    arrivals=[0, 0, 1, 2, 0, 1, 0, 2, 2, 0],
    opening=[(0, 0), (0, 1), (0, 0)],
    steps=[
        ("call", 0, 0, 40), ("call", 1, 0, 75), ("call", 2, 0, 20), ("start", 0, 0, 300),
        ("start", 1, 0, 200), ("finish", 0, 0, 10), ("call", 0, 0, 60), ("no_show", 2, 0, 30),
        ("finish", 1, 0, 5), ("call", 1, 0, 90), ("transfer", 0, 1, 45), ("call", 2, 0, 400),
        ("start", 1, 0, 120), ("finish", 1, 0, 33), ("call", 0, 0, 61), ("start", 0, 0, 500),
        ("finish", 0, 0, 7), ("call", 1, 0, 1000), ("cancel", 0, 3, 20), ("start", 1, 0, 250),
        ("finish", 1, 0, 15), ("pause", 2, 0, 600), ("call", 0, 0, 80), ("start", 0, 0, 90),
    ],
    start_hour=8,
    flt={},
)  # fmt: skip
def test_statistics_equal_brute_force(
    site: Database,
    clock: Clock,
    arrivals: list[int],
    opening: list[tuple[int, int]],
    steps: list[tuple[str, int, int, int]],
    start_hour: int,
    flt: dict[str, str],
) -> None:
    # Given a fresh local day (three days after the previous example's) starting at start_hour
    day = clock.now.astimezone(WIB).date() + timedelta(days=3)
    clock.now = local(day, start_hour)
    hall = Hall(site, clock)
    try:
        # When citizens arrive, counters open, and the hall runs the generated steps
        # (late starts run past local midnight)
        for service in arrivals:
            hall.step("issue", service, 0)
            clock.advance(seconds=30)
        for counter, officer in opening:
            hall.step("open", counter, officer)
        for kind, a, b, gap in steps:
            hall.step(kind, a, b)
            clock.advance(seconds=gap)
        # Then the day, the next day and both together agree with the brute-force figures
        after = day + timedelta(days=1)
        for first, last in ((day, day), (after, after), (day, after)):
            check(site, hall.rec, first, last, clock.now, **flt)
    finally:
        hall.clear()


# --- edge cases -----------------------------------------------------------------------------


def test_empty_period_has_zero_counts_and_no_averages(site: Database) -> None:
    got = compute_statistics(site, Period(date(2026, 2, 1), date(2026, 2, 3)))
    assert (got.totals.issued, got.totals.served, got.totals.legs) == (0, 0, 0)
    assert got.totals.wait_avg is None and got.totals.wait_p90 is None and got.totals.within_target is None
    assert [d.day for d in got.days] == [date(2026, 2, 1), date(2026, 2, 2), date(2026, 2, 3)]
    assert all(d.issued == 0 for d in got.days)
    assert got.services == () and got.officers == ()
    assert sum(map(sum, got.heatmap)) == 0


def test_ticket_after_local_midnight_belongs_to_the_new_local_day(site: Database, clock: Clock) -> None:
    # 00:30 WIB on Thursday 5 March is still Wednesday 4 March in UTC (17:30).
    clock.now = local(date(2026, 3, 5), 0, 30)
    assert clock.now.date() == date(2026, 3, 4)
    queue.issue_ticket(site, "KTP")
    wednesday = compute_statistics(site, Period.day(date(2026, 3, 4)))
    thursday = compute_statistics(site, Period.day(date(2026, 3, 5)))
    assert wednesday.totals.issued == 0
    assert thursday.totals.issued == 1
    assert thursday.heatmap[3][0] == 1  # Thursday (Monday first), hour 00 local


def test_transferred_ticket_counts_once_per_service_leg(site: Database, clock: Clock) -> None:
    officer = users.get_user(site, "petugas1").actor
    queue.set_counter_state(site, "L1", "open", officer)
    t = queue.issue_ticket(site, "KTP")
    clock.advance(minutes=4)
    queue.call_next(site, "L1", officer)
    clock.advance(minutes=1)
    queue.transfer(site, t.id, to_service="KK")
    clock.advance(minutes=2)
    queue.call_next(site, "L1", officer)  # L1 serves KK too
    queue.start(site, t.id, officer)
    clock.advance(minutes=6)
    queue.finish(site, t.id, officer)

    got = compute_statistics(site, Period.day(date(2026, 3, 4)))
    by = {sv.code: sv for sv in got.services}
    assert (got.totals.issued, got.totals.legs, got.totals.served, got.totals.transferred) == (1, 2, 1, 1)
    assert (by["KTP"].issued, by["KTP"].transferred, by["KTP"].served) == (1, 1, 0)
    assert (by["KK"].issued, by["KK"].legs, by["KK"].served) == (0, 1, 1)
    # waits: 4 min in KTP, 2 min in KK (from the transfer, not from the arrival)
    assert got.totals.wait_avg == pytest.approx(180)
    assert got.totals.service_avg == pytest.approx(360)
    kk = compute_statistics(site, Period.day(date(2026, 3, 4)), StatsFilter(service="KK"))
    assert (kk.totals.issued, kk.totals.served, kk.totals.wait_avg) == (0, 1, pytest.approx(120))


def test_ticket_still_waiting_at_end_of_period(site: Database, clock: Clock) -> None:
    officer = users.get_user(site, "petugas1").actor
    clock.now = local(date(2026, 3, 4), 14)
    queue.issue_ticket(site, "PKB")
    queue.issue_ticket(site, "PKB")
    queue.set_counter_state(site, "L3", "open", officer)
    clock.advance(minutes=20)
    queue.call_next(site, "L3", officer)
    clock.now = local(date(2026, 3, 5), 9)  # next morning: the second citizen was never called

    got = compute_statistics(site, Period.day(date(2026, 3, 4)))
    assert (got.totals.issued, got.totals.waiting_at_end) == (2, 1)
    assert got.totals.wait_avg == pytest.approx(20 * 60)  # only the called ticket has a wait
    assert got.services[0].within_target is None  # nobody served yet
    assert compute_statistics(site, Period.day(date(2026, 3, 5))).totals.issued == 0


def test_unknown_filter_and_reversed_period_are_user_errors(site: Database) -> None:
    with pytest.raises(NotFound):
        compute_statistics(site, Period.day(date(2026, 3, 4)), StatsFilter(service="XYZ"))
    with pytest.raises(NotFound):
        compute_statistics(site, Period.day(date(2026, 3, 4)), StatsFilter(officer="nobody"))
    with pytest.raises(ValidationError):
        Period(date(2026, 3, 5), date(2026, 3, 4))


def test_live_monitor_alerts_and_idle_counter(site: Database, clock: Clock) -> None:
    officer = users.get_user(site, "petugas2").actor
    queue.set_counter_state(site, "L2", "open", officer)
    first = queue.issue_ticket(site, "KTP")
    clock.advance(minutes=3)
    queue.issue_ticket(site, "KTP")
    clock.advance(minutes=5)
    queue.call_next(site, "L2", officer)  # the first waited 8 minutes
    queue.start(site, first.id, officer)
    clock.advance(minutes=2)
    queue.finish(site, first.id, officer)
    clock.advance(minutes=14)  # the second has now waited 3 + 5 + 2 + 14 - 3 = 21 minutes

    live = live_monitor(site)
    ktp = next(sv for sv in live.services if sv.code == "KTP")
    assert (ktp.waiting, ktp.longest_wait_minutes, ktp.alert) == (1, 21, True)
    assert ktp.wait_avg_last_hour == pytest.approx(8 * 60)
    assert [a.code for a in live.alerts] == ["KTP"]
    l2 = next(c for c in live.counters if c.code == "L2")
    assert (l2.state, l2.officer, l2.current_ticket) == ("open", "Petugas Dua", None)
    assert l2.idle_seconds == pytest.approx(14 * 60)  # since the last ticket ended
    assert next(c for c in live.counters if c.code == "L1").idle_seconds is None  # closed

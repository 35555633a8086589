"""Summaries of finished days give exactly the figures of a recount, on SQLite and PostgreSQL,
also after a late change touches a summarised day (services/stats/summaries.py, migrations 0014
and 0016: the durations stored as sorted float64 arrays)."""

from __future__ import annotations

import math
import uuid
from array import array
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select, update

from p4_desk.services.stats import Period, StatsFilter, compute_statistics
from p4_desk.services.stats.summaries import summarise_finished_days
from p4_desk.store.db import Database
from p4_desk.store.models import Counter, Service, Ticket, TicketLeg, User
from p4_desk.store.models.stats_summary import StatsDay, StatsDayDurations, StatsLegGroup
from tests.support.sites import Clock, make_site

WIB = ZoneInfo("Asia/Jakarta")
FIRST = date(2026, 3, 2)  # a Monday; the generated days are FIRST .. FIRST + 3
OUTCOMES = ("done", "done", "done", "no_show", "cancelled", "transferred", "unserved", "open")


def local(d: date, minute: int) -> datetime:
    return (datetime.combine(d, time(0), tzinfo=WIB) + timedelta(minutes=minute)).astimezone(UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(local(FIRST, 8 * 60))


@pytest.fixture
def site(db_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(db_url, clock)
    yield db
    db.dispose()


LEG = st.tuples(
    st.sampled_from(OUTCOMES),
    st.integers(0, 6000),  # waiting seconds
    st.integers(0, 3000),  # service seconds
    st.integers(0, 2),  # officer (2: none)
)
TICKET = st.tuples(
    st.integers(0, 3),  # day
    st.integers(0, 1439),  # minute of the local day (late ones cross midnight)
    st.integers(0, 2),  # service
    st.lists(LEG, min_size=1, max_size=3),
)


def _insert(db: Database, tickets: list[tuple[int, int, int, list[tuple[str, int, int, int]]]]) -> None:
    with db.write() as s:
        services = list(s.scalars(select(Service.id).order_by(Service.code)))
        counters = list(s.scalars(select(Counter.id).order_by(Counter.code)))
        officers = list(s.scalars(select(User.id).where(User.username.like("petugas%")).order_by(User.id)))
        seqs: dict[tuple[int, date], int] = {}
        for day_i, minute, service_i, legs in tickets:
            day = FIRST + timedelta(days=day_i)
            issued = local(day, minute)
            sid = services[service_i]
            seq = seqs[(sid, day)] = seqs.get((sid, day), 0) + 1
            ticket = Ticket(
                uid=str(uuid.uuid4()), service_id=sid, issued_service_id=sid, service_day=day, seq=seq,
                number=f"X{seq:03d}", state="done", issued_at=issued, arrival_at=issued,
                queue_key=issued.timestamp(), updated_at=issued,
            )  # fmt: skip
            s.add(ticket)
            s.flush()
            at = issued
            for i, (outcome, wait, serve, officer_i) in enumerate(legs):
                if i and outcome == "unserved":
                    outcome = "done"
                last = i == len(legs) - 1
                if not last and outcome != "transferred":
                    outcome = "transferred"
                leg = TicketLeg(ticket_id=ticket.id, service_id=services[(service_i + i) % 3], queued_at=at)
                if outcome == "unserved":  # closed at the local midnight after it queued
                    leg.ended_at = local(at.astimezone(WIB).date() + timedelta(days=1), 0)
                elif outcome != "open" or wait % 2:
                    leg.called_at = at + timedelta(seconds=wait)
                    leg.counter_id = counters[officer_i % 3]
                    leg.officer_id = officers[officer_i] if officer_i < 2 else None
                    if outcome in ("done", "transferred"):
                        leg.started_at = leg.called_at + timedelta(seconds=5)
                    if outcome != "open":
                        leg.ended_at = leg.called_at + timedelta(seconds=5 + serve)
                leg.outcome = outcome
                s.add(leg)
                at = leg.ended_at or at
        s.flush()


def _clear(db: Database) -> None:
    with db.write() as s:
        s.execute(delete(TicketLeg))
        s.execute(delete(Ticket))
        s.execute(delete(StatsDay))


def _same(a: Any, b: Any, path: str = "") -> None:
    if isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            if k != "generated_at":
                _same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{path}[{i}]")
    elif isinstance(a, float) and isinstance(b, float):
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6), f"{path}: {a} != {b}"
    else:
        assert a == b, f"{path}: {a!r} != {b!r}"


def _check_stored_durations(db: Database) -> None:
    """Each summarised day x service holds its durations sorted, one per timed leg of its groups."""
    G = StatsLegGroup
    with db.read() as s:
        counts = {
            (day, sid): (int(wn), int(sn))
            for day, sid, wn, sn in s.execute(
                select(G.day, G.service_id, func.sum(G.wait_n), func.sum(G.service_n)).group_by(
                    G.day, G.service_id
                )
            )
        }
        stored = s.execute(select(StatsDayDurations)).scalars().all()
        for row in stored:
            waits, services = array("d"), array("d")
            waits.frombytes(row.waits)
            services.frombytes(row.services)
            assert list(waits) == sorted(waits) and list(services) == sorted(services)
            assert (len(waits), len(services)) == counts.get((row.day, row.service_id), (0, 0))
        assert {k for k, v in counts.items() if v != (0, 0)} <= {(r.day, r.service_id) for r in stored}


def _check(db: Database, period: Period, flt: StatsFilter) -> None:
    recount = compute_statistics(db, period, flt, summaries=False)
    summarised = compute_statistics(db, period, flt)
    _same(asdict(recount), asdict(summarised))


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    tickets=st.lists(TICKET, min_size=1, max_size=25),
    now_day=st.sampled_from([3, 4]),  # the last generated day is today, or finished
    flt=st.sampled_from(
        [StatsFilter(), StatsFilter(), StatsFilter(service="KTP"), StatsFilter(agency="DUKCAPIL")]
    ),
    late=st.tuples(st.integers(0, 10_000), st.sampled_from(["outcome", "called", "new_leg", "delete"])),
)
def test_summaries_equal_a_recount_also_after_a_late_change(
    site: Database,
    clock: Clock,
    tickets: list[tuple[int, int, int, list[tuple[str, int, int, int]]]],
    now_day: int,
    flt: StatsFilter,
    late: tuple[int, str],
) -> None:
    clock.now = local(FIRST + timedelta(days=now_day), 9 * 60)
    _insert(site, tickets)
    try:
        # Given the finished, settled days summarised
        summarise_finished_days(site)
        with site.read() as s:
            summarised = set(s.scalars(select(StatsDay.day)))
        assert all(d < clock.now.astimezone(WIB).date() for d in summarised)
        _check_stored_durations(site)
        periods = [
            Period(FIRST, FIRST + timedelta(days=3)),
            Period(FIRST + timedelta(days=1), FIRST + timedelta(days=2)),
        ]
        periods += [Period.day(FIRST + timedelta(days=i)) for i in range(4)]
        # Then every period's figures are the recount's
        for period in periods:
            _check(site, period, flt)
        # When a late change (a sync, a correction) touches a leg of a summarised day
        with site.write() as s:
            legs = list(s.scalars(select(TicketLeg).order_by(TicketLeg.id)))
            leg = legs[late[0] % len(legs)]
            if late[1] == "outcome":
                leg.outcome = "no_show" if leg.outcome != "no_show" else "done"
            elif late[1] == "called":
                leg.called_at = leg.queued_at + timedelta(seconds=late[0] % 4000)
            elif late[1] == "new_leg":
                at = leg.queued_at
                s.add(TicketLeg(ticket_id=leg.ticket_id, service_id=leg.service_id, queued_at=at,
                                called_at=at + timedelta(minutes=3), ended_at=at + timedelta(minutes=9),
                                outcome="cancelled"))  # fmt: skip
            else:
                s.delete(leg)
        # Then that day's summary is gone and the figures are still the recount's, before and
        # after the housekeeping summarises again
        day = leg.queued_at.astimezone(WIB).date()
        with site.read() as s:
            assert s.scalar(select(func.count()).where(StatsDay.day == day)) == 0
        for period in periods[:2]:
            _check(site, period, flt)
        summarise_finished_days(site)
        for period in periods[:2]:
            _check(site, period, flt)
    finally:
        _clear(site)
    with site.read() as s:  # the summary rows went with their days
        assert s.scalar(select(func.count()).select_from(StatsLegGroup)) == 0


def test_a_new_waiting_target_drops_every_summary(site: Database, clock: Clock) -> None:
    clock.now = local(FIRST + timedelta(days=4), 9 * 60)
    _insert(site, [(0, 600, 0, [("done", 1200, 300, 0)]), (1, 700, 1, [("done", 100, 200, 1)])])
    # (services by code: KK waited 20 minutes, over its 15; KTP 100 seconds)
    assert summarise_finished_days(site) == 4  # the two days with tickets, and the two after
    period = Period(FIRST, FIRST + timedelta(days=3))
    assert compute_statistics(site, period).totals.within_target == 0.5
    with site.write() as s:  # (the figures are read from the summaries: tampered, they show it)
        s.execute(update(StatsLegGroup).values(within=0))
    assert compute_statistics(site, period).totals.within_target == 0.0
    assert compute_statistics(site, period, summaries=False).totals.within_target == 0.5
    with site.write() as s:
        s.scalars(select(Service).where(Service.code == "KK")).one().target_wait_minutes = 30
    with site.read() as s:
        assert s.scalar(select(func.count()).select_from(StatsDay)) == 0
    assert compute_statistics(site, period).totals.within_target == 1.0

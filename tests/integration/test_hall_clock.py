"""PCs of one hall whose clocks disagree, on one real PostgreSQL server: the hall keeps one time
(``store.hall_clock``), so a ticket's events stay in the order they happened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from p4_desk.services import queue
from p4_desk.store.db import Database
from p4_desk.store.models import OutboxEvent
from tests.support.sites import make_site

pytestmark = pytest.mark.postgres

SKEW = timedelta(seconds=90)


def pc_clock(skew: timedelta) -> Callable[[], datetime]:
    """A PC whose clock is ``skew`` off (as a hall PC set by hand or drifted offline)."""
    return lambda: datetime.now(UTC) + skew


def server_time(db: Database) -> datetime:
    with db.read() as s:
        value: datetime = s.execute(text("SELECT clock_timestamp()")).scalar_one()
        return value


def events_of(db: Database, number: str) -> list[tuple[str, datetime]]:
    """The outbox events of today's ticket ``number``, in the order they were recorded."""
    with db.read() as s:
        rows = s.execute(
            select(OutboxEvent.type, OutboxEvent.occurred_at, OutboxEvent.payload).order_by(OutboxEvent.seq)
        )
        return [
            (type_, at)
            for type_, at, payload in rows
            if type_.startswith("ticket.") and payload.get("number") == number
        ]


def issue_at_kiosk_call_at_counter(
    pg_url: str, hall_clock: bool
) -> tuple[queue.TicketInfo, queue.TicketInfo, Database]:
    kiosk = Database(pg_url, clock=pc_clock(+SKEW), workstation="KIOSK-1", hall_clock=hall_clock)
    counter = Database(pg_url, clock=pc_clock(-SKEW), workstation="LOKET-1", hall_clock=hall_clock)
    issued = queue.issue_ticket(kiosk, "KTP")
    called = queue.call_next(counter, "L1")
    assert called is not None and called.number == issued.number
    queue.start(counter, called.id)
    queue.finish(counter, called.id)  # the counter is free for the next round
    kiosk.dispose()
    return issued, called, counter


def test_a_ticket_issued_ahead_and_called_behind_keeps_its_order(pg_url: str) -> None:
    site = make_site(pg_url, lambda: datetime.now(UTC))
    queue.set_counter_state(site, "L1", "open")

    # Given the kiosk PC's clock 90 s ahead and the counter PC's 90 s behind, on their own clocks
    issued, called, counter = issue_at_kiosk_call_at_counter(pg_url, hall_clock=False)
    # the citizen was called three minutes before taking the ticket: a negative wait
    assert called.called_at is not None and called.called_at < issued.issued_at
    counter.dispose()

    # When the PCs keep the hall's clock (the default with a real clock on PostgreSQL)
    issued, called, counter = issue_at_kiosk_call_at_counter(pg_url, hall_clock=True)
    # Then the call comes after the issue, by moments, not minutes
    assert called.called_at is not None
    assert timedelta(0) < called.called_at - issued.issued_at < timedelta(seconds=5)
    # and so do the events the province receives (its projection keeps the newest snapshot)
    events = events_of(counter, issued.number)
    assert [type_ for type_, _ in events] == [
        "ticket.issued",
        "ticket.called",
        "ticket.started",
        "ticket.finished",
    ]
    moments = [at for _, at in events]
    assert moments == sorted(moments) and len(set(moments)) == 4
    # and the hall's time is the database server's, whatever the counter PC's clock says
    assert abs(counter.now() - server_time(counter)) < timedelta(seconds=1)
    counter.dispose()
    site.dispose()


def test_a_fixed_clock_stays_as_it_is_and_sqlite_keeps_the_pcs_clock(pg_url: str, sqlite_url: str) -> None:
    fixed = datetime(2026, 3, 4, 3, 0, tzinfo=UTC)
    on_postgres = Database(pg_url, clock=lambda: fixed)
    assert on_postgres.now() == fixed  # a test's or a replay's clock is not corrected
    on_postgres.dispose()
    behind = Database(sqlite_url, clock=pc_clock(-SKEW), hall_clock=True)
    assert behind.now() < datetime.now(UTC) - SKEW / 2  # one file, one PC: its own clock
    behind.dispose()

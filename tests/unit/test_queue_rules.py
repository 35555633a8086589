"""Pure queue rules: numbering, service day, priority ordering with its no-starvation bound."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from p4_desk.domain.queue_rules import (
    PriorityPolicy,
    WaitingTicket,
    estimate_wait_minutes,
    format_ticket_number,
    pick_next,
    queue_key,
    service_day,
)

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")


def test_numbers_are_padded_and_never_wrap() -> None:
    assert [format_ticket_number("A", n) for n in (1, 42, 999, 1000, 12345)] == [
        "A001",
        "A042",
        "A999",
        "A1000",
        "A12345",
    ]


def test_service_day_turns_at_local_midnight_not_utc() -> None:
    # 23:59 WIB on 3 March is 16:59 UTC; one minute later it is 4 March in Lampung.
    before = datetime(2026, 3, 3, 16, 59, tzinfo=UTC)
    assert service_day(before, WIB).isoformat() == "2026-03-03"
    assert service_day(before + timedelta(minutes=1), WIB).isoformat() == "2026-03-04"
    # UTC's date would still say 3 March until 07:00 WIB.
    assert (before + timedelta(minutes=1)).date().isoformat() == "2026-03-03"


def test_service_day_is_stable_across_1700_wib() -> None:
    # 16:59 and 17:01 WIB (09:59 and 10:01 UTC) are the same service day (TheQ PR 626 bug).
    a = datetime(2026, 3, 4, 9, 59, tzinfo=UTC)
    b = datetime(2026, 3, 4, 10, 1, tzinfo=UTC)
    assert service_day(a, WIB) == service_day(b, WIB)
    # In WITA the day turns an hour earlier in UTC terms.
    assert service_day(datetime(2026, 3, 4, 16, 30, tzinfo=UTC), WITA).isoformat() == "2026-03-05"
    assert service_day(datetime(2026, 3, 4, 16, 30, tzinfo=UTC), WIB).isoformat() == "2026-03-04"


def test_priority_ticket_overtakes_recent_regulars_only() -> None:
    policy = PriorityPolicy(head_start_minutes=15)
    t0 = datetime(2026, 3, 4, 1, 0, tzinfo=UTC)
    old_regular = WaitingTicket(1, t0, None, queue_key(t0, None, policy))
    recent_regular = WaitingTicket(
        2, t0 + timedelta(minutes=10), None, queue_key(t0 + timedelta(minutes=10), None, policy)
    )
    elderly = WaitingTicket(
        3, t0 + timedelta(minutes=20), "lansia", queue_key(t0 + timedelta(minutes=20), "lansia", policy)
    )
    order = []
    waiting = [old_regular, recent_regular, elderly]
    while waiting:
        nxt = pick_next(waiting)
        assert nxt is not None
        order.append(nxt.id)
        waiting.remove(nxt)
    # The elderly citizen (arrived 20 min after #1, 10 min after #2) goes before #2 but not #1.
    assert order == [1, 3, 2]


def test_zero_head_start_is_first_come_first_served() -> None:
    policy = PriorityPolicy(0)
    t0 = datetime(2026, 3, 4, 1, 0, tzinfo=UTC)
    a = WaitingTicket(1, t0, None, queue_key(t0, None, policy))
    b = WaitingTicket(
        2,
        t0 + timedelta(seconds=1),
        "disabilitas",
        queue_key(t0 + timedelta(seconds=1), "disabilitas", policy),
    )
    assert pick_next([b, a]) == a


arrivals = st.lists(
    st.tuples(st.integers(min_value=0, max_value=600), st.booleans(), st.booleans()),
    min_size=1,
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(arrivals, st.integers(min_value=0, max_value=120))
def test_ordering_properties_under_random_arrivals_and_calls(
    events: list[tuple[int, bool, bool]], head_start: int
) -> None:
    """Random arrivals (gap seconds, priority?) with calls interleaved (call after arrival?).

    Bound: a ticket is never called while a ticket that arrived more than ``head_start`` minutes
    earlier is still waiting. Priority: a priority ticket is never left waiting while a regular
    ticket that arrived less than ``head_start`` minutes before it is called.
    """
    policy = PriorityPolicy(head_start)
    bound = timedelta(minutes=head_start)
    now = datetime(2026, 3, 4, 1, 0, tzinfo=UTC)
    waiting: list[WaitingTicket] = []
    called: list[WaitingTicket] = []

    def call() -> None:
        nxt = pick_next(waiting)
        if nxt is None:
            return
        for other in waiting:
            if other is nxt:
                continue
            assert nxt.arrival <= other.arrival + bound, "overtook a ticket beyond the bound"
            if other.priority and not nxt.priority:
                assert other.arrival >= nxt.arrival + bound, "priority ticket left behind within bound"
        waiting.remove(nxt)
        called.append(nxt)

    for i, (gap, priority, call_after) in enumerate(events):
        now += timedelta(seconds=gap * 10)
        waiting.append(
            WaitingTicket(
                i, now, "lansia" if priority else None, queue_key(now, "lansia" if priority else None, policy)
            )
        )
        if call_after:
            call()
    while waiting:
        call()
    assert sorted(t.id for t in called) == list(range(len(events)))


def test_estimate_shares_people_over_open_counters() -> None:
    assert estimate_wait_minutes(0, 3, 6.0) == 0
    assert estimate_wait_minutes(10, 2, 6.0) == 30
    assert estimate_wait_minutes(5, 0, 4.0) == 20  # no counter open yet: as if one
    assert estimate_wait_minutes(1, 3, 5.0) == 2  # rounded up, never "0 minutes" with people ahead

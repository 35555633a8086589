"""One visit, several services: the plan's checks, where it goes next, and the continuation's
place in the next queue with its no-starvation bound (``domain.visits``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from p4_desk.domain.queue_rules import PriorityPolicy, WaitingTicket, pick_next, queue_key
from p4_desk.domain.visits import (
    advance,
    check_plan,
    continuation_key,
    head_start_bound_minutes,
)
from p4_desk.errors import ValidationError

T0 = datetime(2026, 3, 4, 1, 0, tzinfo=UTC)  # 08.00 WIB


def test_a_plan_is_one_to_three_distinct_services() -> None:
    assert check_plan([" ktp", "PKB ", ""]) == ("KTP", "PKB")
    with pytest.raises(ValidationError, match="Pilih minimal satu layanan."):
        check_plan(["", " "])
    with pytest.raises(ValidationError, match=r"paling banyak 3 layanan \(dipilih 4\)"):
        check_plan(["A", "B", "C", "D"])
    with pytest.raises(ValidationError, match="Layanan KTP dipilih lebih dari sekali"):
        check_plan(["KTP", "PKB", "ktp"])


def test_the_next_step_skips_services_already_served_in_the_visit() -> None:
    steps = [(1, "KTP", "current"), (2, "KK", "pending"), (3, "PKB", "pending")]
    assert advance(steps, {"KTP"}) == advance(steps, ["KTP"])
    assert advance(steps, {"KTP"}).next_position == 2
    # transferred to KK during the first step: KK is not visited twice
    move = advance(steps, {"KTP", "KK"})
    assert (move.next_position, move.skipped) == (3, (2,))
    assert advance([(1, "KTP", "done"), (2, "KK", "done")], {"KTP", "KK"}).next_position is None


def test_a_continuation_is_credited_the_time_in_the_hall_up_to_the_bound() -> None:
    joined = T0 + timedelta(hours=2)
    # two hours in the hall, 10 minutes' credit: queued as if it joined at 09.50
    assert continuation_key(T0, joined, None, 15, 10) == (joined - timedelta(minutes=10)).timestamp()
    # four minutes in the hall (a quick first counter): four minutes' credit, never more
    quick = T0 + timedelta(minutes=4)
    assert continuation_key(T0, quick, None, 15, 10) == T0.timestamp()
    # a priority citizen gets the larger head start, not the sum
    assert continuation_key(T0, joined, "lansia", 15, 10) == (joined - timedelta(minutes=15)).timestamp()
    assert continuation_key(T0, joined, None, 15, 0) == joined.timestamp()  # 0: first come, first served
    with pytest.raises(ValueError):
        continuation_key(T0, joined, None, 15, 241)


# (seconds since the previous event, kind: 0 fresh regular, 1 fresh priority, 2 continuing,
#  minutes the continuing citizen already spent in the hall, call after this event?)
events = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=600),
        st.integers(min_value=0, max_value=2),
        st.integers(min_value=0, max_value=300),
        st.booleans(),
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(events, st.integers(min_value=0, max_value=120), st.integers(min_value=0, max_value=120))
def test_nobody_is_starved_by_continuing_visits(
    stream: list[tuple[int, int, int, bool]], priority_minutes: int, visit_minutes: int
) -> None:
    """Fresh tickets, priority tickets and continuations of multi-service visits (with any time
    already spent in the hall) join one queue, calls interleaved.

    Bound: nobody is called while a ticket that joined the queue more than
    ``max(priority, visit)`` minutes earlier still waits, however many continuations arrive.
    Credit: a continuation is never left waiting while a fresh regular ticket that joined later
    than it is called (and not while one that joined less than its credit before it is called).
    """
    policy = PriorityPolicy(priority_minutes)
    bound = timedelta(minutes=head_start_bound_minutes(priority_minutes, visit_minutes))
    now = T0 + timedelta(hours=5)
    waiting: list[tuple[WaitingTicket, int, timedelta]] = []  # ticket, kind, credit
    called: list[int] = []

    def call() -> None:
        nxt = pick_next([w for w, _, _ in waiting])
        if nxt is None:
            return
        for other, kind, credit in waiting:
            if other is nxt:
                continue
            assert nxt.arrival <= other.arrival + bound, "overtook a ticket beyond the bound"
            nxt_kind = next(k for w, k, _ in waiting if w is nxt)
            if kind == 2 and nxt_kind == 0:
                assert nxt.arrival <= other.arrival - credit, "a continuation lost its credit"
        waiting[:] = [item for item in waiting if item[0] is not nxt]
        called.append(nxt.id)

    for i, (gap, kind, in_hall, call_after) in enumerate(stream):
        now += timedelta(seconds=gap * 10)
        if kind == 2:
            arrival = now - timedelta(minutes=in_hall)
            key = continuation_key(arrival, now, None, priority_minutes, visit_minutes)
            credit = min(timedelta(minutes=visit_minutes), now - arrival)
        else:
            priority = "lansia" if kind == 1 else None
            key, credit = queue_key(now, priority, policy), timedelta(0)
        # ``arrival`` of a WaitingTicket: here the moment it joined this queue
        waiting.append((WaitingTicket(i, now, None, key), kind, credit))
        if call_after:
            call()
    while waiting:
        call()
    assert sorted(called) == list(range(len(stream)))

"""The definition of waiting every screen uses (domain.waiting)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from p4_desk.domain.waiting import longest_wait_minutes, over_target, queue_wait, wait_minutes

JOINED = datetime(2026, 3, 4, 3, 0, tzinfo=UTC)


def test_minutes_are_whole_and_rounded_down() -> None:
    assert wait_minutes(JOINED, JOINED + timedelta(minutes=9, seconds=59)) == 9
    assert wait_minutes(JOINED, JOINED + timedelta(minutes=10)) == 10


def test_a_clock_a_little_behind_never_gives_a_negative_wait() -> None:
    assert queue_wait(JOINED, JOINED - timedelta(seconds=3)) == timedelta(0)
    assert wait_minutes(JOINED, JOINED - timedelta(minutes=2)) == 0


def test_an_empty_queue_has_no_longest_wait_and_is_never_over_target() -> None:
    assert longest_wait_minutes(None, JOINED) is None
    assert not over_target(None, 0)


def test_over_target_only_past_the_target_minute() -> None:
    assert not over_target(15, 15)
    assert over_target(16, 15)
    assert longest_wait_minutes(JOINED, JOINED + timedelta(minutes=15, seconds=59)) == 15

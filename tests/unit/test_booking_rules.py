"""Booking rules and the check-in policy: slots, seats, windows and the no-starvation bound."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from p4_desk.domain.booking_rules import (
    EARLY,
    LATE,
    ON_TIME,
    BookingRule,
    CheckinWindow,
    appointment_seats,
    booked_queue_key,
    classify_checkin,
    looks_like_code,
    new_code,
    overtaking_bound_minutes,
    slot_is_offered,
    slots_of_day,
)
from p4_desk.errors import ValidationError

WIB = ZoneInfo("Asia/Jakarta")
RULE = BookingRule(hours={"wed": [["08:00", "10:00"], ["13:00", "14:00"]]}, slot_minutes=30, capacity=3)
WEDNESDAY = date(2026, 3, 4)
T0 = datetime(2026, 3, 4, 8, 0, tzinfo=WIB)


def test_slots_follow_the_hours_and_skip_the_break() -> None:
    slots = [s.strftime("%H:%M") for s in slots_of_day(RULE, WEDNESDAY, WIB)]
    assert slots == ["08:00", "08:30", "09:00", "09:30", "13:00", "13:30"]
    assert slots_of_day(RULE, WEDNESDAY + timedelta(days=1), WIB) == []  # Thursday takes none
    late = BookingRule(hours={"wed": [["23:00", "24:00"]]}, slot_minutes=30)
    assert [s.strftime("%H:%M") for s in slots_of_day(late, WEDNESDAY, WIB)] == ["23:00", "23:30"]


def test_walk_in_share_caps_the_day_appointments() -> None:
    assert appointment_seats(RULE, None, 6) == 18
    assert appointment_seats(RULE, 20, 6) == 10  # half of 20 stays for walk-ins
    assert appointment_seats(BookingRule(hours=RULE.hours, walkin_share_percent=100), 20, 6) == 0


def test_offered_slots_are_future_slots_on_bookable_days() -> None:
    now = datetime(2026, 3, 4, 8, 40, tzinfo=WIB)
    assert not slot_is_offered(RULE, datetime(2026, 3, 4, 8, 30, tzinfo=WIB), now, WIB)  # begun
    assert slot_is_offered(RULE, datetime(2026, 3, 4, 9, 0, tzinfo=WIB), now, WIB)
    assert not slot_is_offered(RULE, datetime(2026, 3, 4, 9, 10, tzinfo=WIB), now, WIB)  # no such slot
    assert not slot_is_offered(RULE, datetime(2026, 3, 18, 9, 0, tzinfo=WIB), now, WIB)  # 14 days > 7


def test_bad_rules_are_refused_in_indonesian_by_field() -> None:
    with pytest.raises(ValidationError) as err:
        BookingRule(hours={}).check()
    assert err.value.field == "hours" and "paling sedikit satu hari" in err.value.message
    with pytest.raises(ValidationError) as err:
        BookingRule(hours=RULE.hours, capacity=0).check()
    assert err.value.field == "capacity" and "Kapasitas per slot" in err.value.message
    with pytest.raises(ValidationError) as err:
        BookingRule(hours=RULE.hours, policy="vip").check()
    assert err.value.field == "policy"


def test_checkin_window() -> None:
    window = CheckinWindow(before_minutes=30, after_minutes=10)
    slot = datetime(2026, 3, 4, 10, 30, tzinfo=WIB)
    assert classify_checkin(slot, slot - timedelta(minutes=31), window) == EARLY
    assert classify_checkin(slot, slot - timedelta(minutes=30), window) == ON_TIME
    assert classify_checkin(slot, slot + timedelta(minutes=10), window) == ON_TIME
    assert classify_checkin(slot, slot + timedelta(minutes=11), window) == LATE


def test_codes_are_eight_digits_and_hall_codes_start_with_nine() -> None:
    for _ in range(50):
        web, hall = new_code(at_hall=False), new_code(at_hall=True)
        assert looks_like_code(web) and looks_like_code(hall)
        assert hall[0] == "9" and web[0] != "9"


# --- the bound, as a property ----------------------------------------------------------------

minutes = st.integers(min_value=0, max_value=8 * 60)


@st.composite
def hall_day(draw: st.DrawFn) -> tuple[BookingRule, CheckinWindow, list[tuple[int, float, bool]]]:
    """A rule, a window and the day's arrivals: (arrival minute, queue key, booked?)."""
    rule = BookingRule(
        hours=RULE.hours,
        policy=draw(st.sampled_from(["arrival", "slot"])),
        head_start_minutes=draw(st.integers(0, 60)),
    )
    window = CheckinWindow(draw(st.integers(0, 120)), draw(st.integers(0, 60)))
    people: list[tuple[int, float, bool]] = []
    for arrival in draw(st.lists(minutes, max_size=25)):  # walk-ins
        people.append((arrival, (T0 + timedelta(minutes=arrival)).timestamp(), False))
    for slot_minute, offset in draw(
        st.lists(st.tuples(minutes, st.integers(-window.before_minutes, window.after_minutes)), max_size=25)
    ):
        slot = T0 + timedelta(minutes=slot_minute)
        checkin = slot + timedelta(minutes=offset)  # on time: inside the window
        key = booked_queue_key(checkin, slot, rule.policy, rule.head_start_minutes)
        people.append((slot_minute + offset, key, True))
    return rule, window, people


@settings(max_examples=300, deadline=None)
@given(hall_day())
def test_nobody_is_called_after_someone_who_came_more_than_the_bound_later(
    day: tuple[BookingRule, CheckinWindow, list[tuple[int, float, bool]]],
) -> None:
    rule, window, people = day
    bound = overtaking_bound_minutes(window, rule)
    called = sorted(range(len(people)), key=lambda i: (people[i][1], i))  # one counter, call next
    for place, i in enumerate(called):
        for j in called[place + 1 :]:
            # j is called after i: j did not come more than the bound before i
            assert people[i][0] - people[j][0] <= bound


@settings(max_examples=200, deadline=None)
@given(hall_day())
def test_a_walk_in_is_overtaken_only_by_bookings_checked_in_within_the_bound_after_it(
    day: tuple[BookingRule, CheckinWindow, list[tuple[int, float, bool]]],
) -> None:
    rule, window, people = day
    bound = overtaking_bound_minutes(window, rule)
    for walk_in, key, booked in people:
        if booked:
            continue
        for other, other_key, other_booked in people:
            if other_key < key and other > walk_in:
                assert other_booked and other - walk_in <= bound


def test_slot_policy_calls_at_the_slot_time_with_the_head_start() -> None:
    slot = datetime(2026, 3, 4, 10, 30, tzinfo=UTC)
    early = slot - timedelta(minutes=25)
    assert booked_queue_key(early, slot, "slot", 10) == (slot - timedelta(minutes=25)).timestamp()
    on_time = slot + timedelta(minutes=5)
    assert booked_queue_key(on_time, slot, "slot", 10) == (slot - timedelta(minutes=10)).timestamp()
    assert booked_queue_key(on_time, slot, "arrival", 10) == on_time.timestamp()

"""The deadline clock: worked cases on the official 2026 calendar, the rules, and properties."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p4_desk.domain.permit_clock import (
    ClockAction,
    ClockEvent,
    ClockState,
    WaitingFor,
    WarningLevel,
    check_clock_action,
    clock_actions,
    deadline_warning,
    parse_waiting_for,
    read_clock,
)
from p4_desk.domain.working_days import HolidayCalendar, load_seed_holidays
from p4_desk.errors import InvalidTransition, ValidationError

# The official 2026 list: Nyepi Thu 19 Mar with cuti bersama Wed 18; Idulfitri 21-22 Mar with
# cuti bersama Fri 20, Mon 23 and Tue 24 March.
CALENDAR = HolidayCalendar(load_seed_holidays())
START = ClockEvent(ClockAction.START, date(2026, 3, 4))  # Wednesday 4 March 2026


def test_a_clock_that_nobody_stops_is_the_plain_due_date() -> None:
    reading = read_clock([START], 10, CALENDAR, as_of=date(2026, 3, 9))
    # Thu 5, Fri 6, Mon 9 ... Tue 17 (9), 18-24 March off, Wed 25 (10)
    assert reading.due == date(2026, 3, 25) == CALENDAR.working_days_after(START.day, 10)
    assert (reading.state, reading.used, reading.remaining) == (ClockState.RUNNING, 3, 7)
    assert reading.summary() == "Berjalan: 3 dari 10 hari kerja terpakai, sisa 7"


def test_a_clock_stopped_for_five_working_days_then_resumed() -> None:
    # Given ten working days from Wed 4 March, stopped on Mon 9 March (Thu 5, Fri 6, Mon 9 used)
    stop = ClockEvent(ClockAction.STOP, date(2026, 3, 9), WaitingFor.DOCUMENTS)
    stopped = read_clock([START, stop], 10, CALENDAR, as_of=date(2026, 3, 13))
    # Then nothing counts while it stands still, and no due date is promised
    assert (stopped.state, stopped.used, stopped.remaining, stopped.due) == (ClockState.STOPPED, 3, 7, None)
    assert stopped.summary() == (
        "Berhenti sejak 9 Maret 2026 (menunggu kelengkapan berkas): 3 dari 10 hari kerja terpakai"
    )
    # When the documents arrive five working days later (Tue 10 ... Mon 16 March)
    assert CALENDAR.working_days_between(date(2026, 3, 9), date(2026, 3, 16)) == 5
    resume = ClockEvent(ClockAction.RESUME, date(2026, 3, 16))
    resumed = read_clock([START, stop, resume], 10, CALENDAR, as_of=date(2026, 3, 16))
    # Then seven days remain: Tue 17, (18-24 off), 25, 26, 27, 30, 31 March, Wed 1 April
    assert (resumed.state, resumed.used, resumed.due) == (ClockState.RUNNING, 3, date(2026, 4, 1))
    # ...which is the old due date moved by exactly the five working days it stood still
    assert resumed.due == CALENDAR.working_days_after(date(2026, 3, 25), 5)
    assert read_clock([START, stop, resume], 10, CALENDAR, as_of=date(2026, 3, 25)).used == 5


def test_a_resubmission_restarts_the_clock_from_zero() -> None:
    stop = ClockEvent(ClockAction.STOP, date(2026, 3, 6), WaitingFor.CORRECTION)  # Thu 5, Fri 6 used
    restart = ClockEvent(ClockAction.RESTART, date(2026, 3, 10))
    reading = read_clock([START, stop, restart], 5, CALENDAR, as_of=date(2026, 3, 12))
    # Wed 11, Thu 12, Fri 13, Mon 16, Tue 17: five fresh days from the resubmission
    assert (reading.used, reading.due, reading.restarts) == (2, date(2026, 3, 17), 1)
    assert reading.waiting_for is None and reading.since == date(2026, 3, 10)


def test_a_late_decision_and_one_in_time() -> None:
    end = ClockEvent(ClockAction.END, date(2026, 3, 10))
    late = read_clock([START, end], 2, CALENDAR, as_of=date(2026, 3, 30))
    # due Fri 6 March; decided Tue 10 March after Thu 5, Fri 6, Mon 9, Tue 10
    assert (late.state, late.used, late.due, late.on_time) == (ClockState.ENDED, 4, date(2026, 3, 6), False)
    assert late.summary() == "Selesai 10 Maret 2026: 4 dari 2 hari kerja terpakai, terlambat 2 hari kerja"
    # The same dates with the office waiting for a payment from Thu 5 to Mon 9 March are on time.
    stop = ClockEvent(ClockAction.STOP, date(2026, 3, 5), WaitingFor.PAYMENT)
    resume = ClockEvent(ClockAction.RESUME, date(2026, 3, 9))
    in_time = read_clock([START, stop, resume, end], 2, CALENDAR, as_of=date(2026, 3, 30))
    assert (in_time.used, in_time.on_time, in_time.due) == (2, True, date(2026, 3, 10))


def test_decided_while_stopped_counts_up_to_the_stop() -> None:
    stop = ClockEvent(ClockAction.STOP, date(2026, 3, 5), WaitingFor.DOCUMENTS)
    end = ClockEvent(ClockAction.END, date(2026, 3, 30))
    reading = read_clock([START, stop, end], 10, CALENDAR, as_of=date(2026, 4, 30))
    assert (reading.used, reading.on_time, reading.due) == (1, True, None)


def test_a_service_open_on_cuti_bersama_counts_those_days() -> None:
    start = ClockEvent(ClockAction.START, date(2026, 3, 17))
    closed = read_clock([start], 3, CALENDAR, as_of=date(2026, 3, 17))
    open_ = read_clock([start], 3, CALENDAR, as_of=date(2026, 3, 17), cuti_bersama_is_workday=True)
    assert closed.due == date(2026, 3, 27)  # 25, 26, 27 March
    assert open_.due == date(2026, 3, 23)  # Wed 18, (Nyepi), Fri 20, Mon 23


def test_an_estimated_year_marks_the_due_date() -> None:
    from p4_desk.domain.working_days import indonesian_calendar

    calendar = indonesian_calendar(load_seed_holidays())
    reading = read_clock(
        [ClockEvent(ClockAction.START, date(2026, 12, 21))], 10, calendar, as_of=date(2026, 12, 21)
    )
    assert reading.estimated and reading.due is not None and reading.due.year == 2027


def test_what_the_officer_may_do_with_the_clock() -> None:
    assert clock_actions("running", restart_allowed=True) == {ClockAction.STOP}
    assert clock_actions("stopped", restart_allowed=True) == {ClockAction.RESUME, ClockAction.RESTART}
    assert clock_actions("stopped", restart_allowed=False) == {ClockAction.RESUME}
    assert clock_actions("ended", restart_allowed=True) == frozenset()
    assert check_clock_action(ClockAction.STOP, "running", restart_allowed=False) is ClockState.STOPPED
    with pytest.raises(InvalidTransition, match="sudah berhenti sejak 9 Maret 2026"):
        check_clock_action(ClockAction.STOP, "stopped", restart_allowed=False, since=date(2026, 3, 9))
    with pytest.raises(InvalidTransition, match="sedang berjalan"):
        check_clock_action(ClockAction.RESUME, "running", restart_allowed=False)
    with pytest.raises(ValidationError, match="tidak memulai ulang jangka waktu"):
        check_clock_action(ClockAction.RESTART, "stopped", restart_allowed=False)
    with pytest.raises(InvalidTransition, match="sudah diputuskan"):
        check_clock_action(ClockAction.STOP, "ended", restart_allowed=True)


def test_waiting_reasons_are_parsed_with_a_clear_message() -> None:
    assert parse_waiting_for(" Payment ") is WaitingFor.PAYMENT
    with pytest.raises(ValidationError, match="Alasan berhenti 'uang' tidak dikenal"):
        parse_waiting_for("uang")


def test_a_broken_history_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        read_clock([ClockEvent(ClockAction.STOP, date(2026, 3, 4))], 5, CALENDAR, as_of=date(2026, 3, 4))
    with pytest.raises(ValueError):
        read_clock(
            [START, ClockEvent(ClockAction.RESUME, date(2026, 3, 5))], 5, CALENDAR, as_of=date(2026, 3, 5)
        )


@pytest.mark.parametrize(
    ("due", "today", "level", "left", "label"),
    [
        (date(2026, 3, 13), date(2026, 3, 10), WarningLevel.UPCOMING, 3,
         "Batas waktu mendekat: 3 hari kerja lagi"),
        (date(2026, 3, 13), date(2026, 3, 13), WarningLevel.TODAY, 0, "Batas waktu hari ini"),
        (date(2026, 3, 13), date(2026, 3, 16), WarningLevel.OVERDUE, -1,
         "Batas waktu terlewati: dianggap disetujui (fiktif positif), lewat 1 hari kerja"),
    ],
)  # fmt: skip
def test_deemed_approval_warnings(due: date, today: date, level: WarningLevel, left: int, label: str) -> None:
    warning = deadline_warning(due, today, 3, CALENDAR)
    assert warning is not None
    assert (warning.level, warning.working_days_left, warning.label) == (level, left, label)


def test_no_warning_while_the_deadline_is_further_away_than_the_setting() -> None:
    assert deadline_warning(date(2026, 3, 13), date(2026, 3, 9), 3, CALENDAR) is None
    # Over Idulfitri: from Tue 17 March, Wed 25 March is one working day away
    warning = deadline_warning(date(2026, 3, 25), date(2026, 3, 17), 1, CALENDAR)
    assert warning is not None and warning.working_days_left == 1


days = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 11, 30))


@given(start=days, allowance=st.integers(1, 30), stop_after=st.integers(0, 40), stopped=st.integers(0, 40))
def test_a_stop_before_the_due_date_moves_it_by_the_working_days_stopped(
    start: date, allowance: int, stop_after: int, stopped: int
) -> None:
    stop_day = start + timedelta(days=stop_after)
    resume_day = stop_day + timedelta(days=stopped)
    original = CALENDAR.working_days_after(start, allowance)
    events = [
        ClockEvent(ClockAction.START, start),
        ClockEvent(ClockAction.STOP, stop_day, WaitingFor.DOCUMENTS),
        ClockEvent(ClockAction.RESUME, resume_day),
    ]
    reading = read_clock(events, allowance, CALENDAR, as_of=resume_day)
    used_before_stop = CALENDAR.working_days_between(start, stop_day)
    assert reading.used == used_before_stop  # nothing counted while stopped
    if stop_day < original:
        moved = CALENDAR.working_days_between(stop_day, resume_day)
        assert reading.due == CALENDAR.working_days_after(original, moved)
    else:  # stopped after the allowance ran out: the deadline was missed on the original day
        assert reading.due == original and reading.overrun == (used_before_stop > allowance)

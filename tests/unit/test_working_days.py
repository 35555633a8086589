from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p4_desk.domain.working_days import (
    Holiday,
    HolidayCalendar,
    holidays_from_json,
    load_seed_holidays,
)
from p4_desk.errors import ValidationError

SEED = HolidayCalendar(load_seed_holidays())
NO_HOLIDAYS = HolidayCalendar()


@pytest.mark.parametrize(
    ("intake", "n", "due"),
    [
        # Friday + 1 → Monday (weekend skipped)
        (date(2026, 11, 27), 1, date(2026, 11, 30)),
        # Saturday intake: the intake day never counts, Monday is the first working day
        (date(2026, 11, 28), 1, date(2026, 11, 30)),
        # Monday + 5 → next Monday
        (date(2026, 11, 23), 5, date(2026, 11, 30)),
        # Thu 14 May 2026 is Kenaikan, Fri 15 May cuti bersama → Mon 18 May
        (date(2026, 5, 13), 1, date(2026, 5, 18)),
        # Fri 15 Aug 2025; 16–17 weekend (17 Aug national), Mon 18 Aug cuti bersama → Tue 19
        (date(2025, 8, 15), 1, date(2025, 8, 19)),
        # Thu 27 Mar 2025: 28 cuti bersama Nyepi, 29–30 weekend, 31 Mar–1 Apr Idulfitri,
        # 2–4 Apr cuti bersama, 5–6 weekend, 7 Apr cuti bersama → Tue 8 Apr
        (date(2025, 3, 27), 1, date(2025, 4, 8)),
        # Year boundary: Tue 23 Dec 2025 + 5: 24 (1), 25 Natal, 26 cuti bersama, weekend,
        # 29 (2), 30 (3), 31 (4), 1 Jan 2026 holiday, Fri 2 Jan (5)
        (date(2025, 12, 23), 5, date(2026, 1, 2)),
        # n = 0: same day, even on a weekend
        (date(2026, 11, 28), 0, date(2026, 11, 28)),
    ],
)
def test_due_date_skips_weekends_holidays_and_cuti_bersama(intake: date, n: int, due: date) -> None:
    assert SEED.working_days_after(intake, n) == due


def test_is_working_day() -> None:
    assert SEED.is_working_day(date(2026, 11, 30))  # Monday
    assert not SEED.is_working_day(date(2026, 11, 29))  # Sunday
    assert not SEED.is_working_day(date(2026, 11, 28))  # Saturday
    assert not SEED.is_working_day(date(2025, 12, 25))  # national holiday
    assert not SEED.is_working_day(date(2025, 12, 26))  # cuti bersama
    assert NO_HOLIDAYS.is_working_day(date(2025, 12, 25))


def test_negative_n_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        SEED.working_days_after(date(2026, 1, 5), -1)


def test_working_days_between_counts_after_first_up_to_and_including_last() -> None:
    # Mon 5 Jan 2026 → Mon 12 Jan 2026: Tue–Fri and the last Monday
    assert NO_HOLIDAYS.working_days_between(date(2026, 1, 5), date(2026, 1, 12)) == 5
    assert NO_HOLIDAYS.working_days_between(date(2026, 1, 12), date(2026, 1, 5)) == -5
    assert NO_HOLIDAYS.working_days_between(date(2026, 1, 5), date(2026, 1, 5)) == 0
    # 23 Dec 2025 → 2 Jan 2026 with the real calendar: 24, 29, 30, 31 Dec and 2 Jan
    assert SEED.working_days_between(date(2025, 12, 23), date(2026, 1, 2)) == 5


def test_two_holidays_on_one_day_are_both_kept() -> None:
    day = date(2026, 5, 31)
    calendar = HolidayCalendar(
        [Holiday(day, "Hari Raya Waisak", "national"), Holiday(day, "Contoh", "cuti_bersama")]
    )
    assert len(calendar.holidays_on(day)) == 2
    assert len(calendar.holidays) == 2


def test_unknown_holiday_kind_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        holidays_from_json([{"date": "2026-01-01", "name": "X", "kind": "regional"}])
    assert "tidak dikenal" in err.value.message
    with pytest.raises(ValidationError):
        holidays_from_json([{"date": "2026-13-01", "name": "X", "kind": "national"}])


def test_seed_matches_the_counts_of_the_skb() -> None:
    # SKB 2025: 17 national holidays, 10 cuti bersama, plus 18 Aug 2025 added later.
    # SKB 2026: 17 national holidays, 8 cuti bersama.
    seed = load_seed_holidays()

    def count(year: int, kind: str) -> int:
        return sum(1 for h in seed if h.date.year == year and h.kind == kind)

    assert (count(2025, "national"), count(2025, "cuti_bersama")) == (17, 11)
    assert (count(2026, "national"), count(2026, "cuti_bersama")) == (17, 8)
    assert len({(h.date, h.kind) for h in seed}) == len(seed)
    assert all(h.name for h in seed)


def test_no_cuti_bersama_falls_on_a_weekend() -> None:
    # Cuti bersama are chosen to bridge working days; one on a weekend is a data error.
    assert [h for h in load_seed_holidays() if h.kind == "cuti_bersama" and h.date.weekday() >= 5] == []


days = st.dates(min_value=date(2024, 6, 1), max_value=date(2027, 6, 30))
counts = st.integers(min_value=0, max_value=80)


@given(days, st.integers(min_value=1, max_value=80))
def test_due_date_is_always_a_working_day(start: date, n: int) -> None:
    assert SEED.is_working_day(SEED.working_days_after(start, n))


@given(days, counts)
def test_due_date_moves_forward_with_n(start: date, n: int) -> None:
    assert SEED.working_days_after(start, n + 1) > SEED.working_days_after(start, n)


@given(days, counts)
def test_between_undoes_after(start: date, n: int) -> None:
    assert SEED.working_days_between(start, SEED.working_days_after(start, n)) == n


@given(days, st.integers(min_value=1, max_value=80))
def test_every_day_before_the_due_date_is_not_enough(start: date, n: int) -> None:
    due = SEED.working_days_after(start, n)
    assert SEED.working_days_between(start, due - timedelta(days=1)) == n - 1

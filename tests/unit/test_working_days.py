from datetime import date, timedelta
from operator import attrgetter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p4_desk.domain.working_days import (
    Holiday,
    HolidayCalendar,
    holidays_from_json,
    indonesian_calendar,
    load_seed_holidays,
    package_estimate,
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


# --- estimated years, cuti bersama per service, the shipped list against the package -----------

SITE = indonesian_calendar(load_seed_holidays())  # what a new site counts with: seed + estimates
SKIPPED = attrgetter("date", "kind")


def test_idulfitri_2026_with_the_official_list() -> None:
    # Tue 17 Mar 2026 + 3: 18 cuti bersama Nyepi, 19 Nyepi, 20 cuti bersama Idulfitri, 21–22
    # Idulfitri on the weekend, 23–24 cuti bersama; 25 (1), 26 (2), 27 (3).
    result = SITE.count(date(2026, 3, 17), 3)
    assert result.due == date(2026, 3, 27)
    assert not result.estimated and result.estimated_years == ()
    assert [SKIPPED(h) for h in result.skipped] == [
        (date(2026, 3, 18), "cuti_bersama"),
        (date(2026, 3, 19), "national"),
        (date(2026, 3, 20), "cuti_bersama"),
        (date(2026, 3, 23), "cuti_bersama"),
        (date(2026, 3, 24), "cuti_bersama"),
    ]
    assert result.skipped[1].name == "Hari Suci Nyepi (Tahun Baru Saka 1948)"


def test_a_service_open_on_cuti_bersama_counts_those_days() -> None:
    # The same intake for a service that works on cuti bersama: 18 (1), 19 Nyepi, 20 (2), 23 (3).
    result = SITE.count(date(2026, 3, 17), 3, cuti_bersama_is_workday=True)
    assert result.due == date(2026, 3, 23)
    assert [SKIPPED(h) for h in result.skipped] == [(date(2026, 3, 19), "national")]
    assert result.cuti_bersama_is_workday
    # The calendar's own default decides when the count does not say.
    open_site = indonesian_calendar(load_seed_holidays(), cuti_bersama_is_workday=True)
    assert open_site.working_days_after(date(2026, 3, 17), 3) == date(2026, 3, 23)
    assert open_site.working_days_after(date(2026, 3, 17), 3, cuti_bersama_is_workday=False) == date(
        2026, 3, 27
    )


def test_christmas_with_its_cuti_bersama() -> None:
    # Wed 23 Dec 2026 + 2: 24 cuti bersama Natal, 25 Natal, weekend, 28 (1), 29 (2).
    assert SITE.working_days_after(date(2026, 12, 23), 2) == date(2026, 12, 29)
    # Open on cuti bersama: 24 (1), 25 Natal, weekend, 28 (2).
    assert SITE.working_days_after(date(2026, 12, 23), 2, cuti_bersama_is_workday=True) == date(2026, 12, 28)


def test_nyepi_2025() -> None:
    # Thu 27 Mar 2025 + 1: 28 cuti bersama Nyepi, 29 Nyepi (Saturday), 31 Mar–1 Apr Idulfitri,
    # 2–4 and 7 Apr cuti bersama → Tue 8 Apr; the Saturday holiday is not "skipped".
    result = SITE.count(date(2025, 3, 27), 1)
    assert result.due == date(2025, 4, 8)
    assert date(2025, 3, 29) not in {h.date for h in result.skipped}
    assert len(result.skipped) == 7 and not result.estimated


def test_idulfitri_2027_without_an_official_list_is_an_estimate() -> None:
    # No official 2027 list shipped: the package's Indonesian calendar. Fri 5 Mar 2027 + 5:
    # 8 Nyepi, 9 cuti bersama, 10–11 Idulfitri, 12 and 15 cuti bersama; 16 (1) … 19 (4), 22 (5).
    result = SITE.count(date(2027, 3, 5), 5)
    assert result.due == date(2027, 3, 22)
    assert result.estimated and result.estimated_years == (2027,)
    assert [SKIPPED(h) for h in result.skipped] == [
        (date(2027, 3, 8), "national"),
        (date(2027, 3, 9), "cuti_bersama"),
        (date(2027, 3, 10), "national"),
        (date(2027, 3, 11), "national"),
        (date(2027, 3, 12), "cuti_bersama"),
        (date(2027, 3, 15), "cuti_bersama"),
    ]
    assert all(h.estimated for h in result.skipped)
    assert result.skipped[2].name == "Hari Raya Idul Fitri"  # the package's "(perkiraan)" is a flag here
    # Open on cuti bersama: 9 (1), 12 (2), 15 (3), 16 (4), 17 (5).
    assert SITE.working_days_after(date(2027, 3, 5), 5, cuti_bersama_is_workday=True) == date(2027, 3, 17)


def test_a_count_that_crosses_into_an_estimated_year_is_an_estimate() -> None:
    # Wed 30 Dec 2026 + 3: 31 (1), 1 Jan 2027 New Year, 4 (2), 5 Isra Mikraj (estimated), 6 (3).
    result = SITE.count(date(2026, 12, 30), 3)
    assert result.due == date(2027, 1, 6)
    assert result.estimated_years == (2027,)
    # Inside 2026 only: official, whatever follows.
    assert not SITE.count(date(2026, 12, 28), 2).estimated
    # n = 0 looks at no day at all.
    assert not SITE.count(date(2027, 3, 5), 0).estimated


def test_the_official_list_replaces_the_estimate_for_its_year() -> None:
    official_2027 = [
        Holiday(date(2027, 1, 1), "Tahun Baru 2027 Masehi", "national"),
        Holiday(date(2027, 3, 11), "Idulfitri 1448 Hijriah (uji)", "national"),
    ]
    calendar = indonesian_calendar([*load_seed_holidays(), *official_2027])
    result = calendar.count(date(2027, 3, 5), 5)
    # Only the official days: 8 (1), 9 (2), 10 (3), 11 holiday, 12 (4), 15 (5).
    assert result.due == date(2027, 3, 15)
    assert not result.estimated
    assert [h.name for h in result.skipped] == ["Idulfitri 1448 Hijriah (uji)"]
    assert calendar.is_estimated(2028) and not calendar.is_estimated(2027)


def test_years_far_ahead_still_skip_the_fixed_holidays() -> None:
    # 2031: no SKB anywhere yet, but fixed-date holidays are known: Wed 24 Dec 2031 + 1 skips
    # Christmas on Thursday → Fri 26 Dec (no cuti bersama is guessed for such a year).
    result = SITE.count(date(2031, 12, 24), 1)
    assert result.due == date(2031, 12, 26) and result.estimated_years == (2031,)
    assert [h.name for h in result.skipped] == ["Hari Raya Natal"]


def test_shipped_2025_2026_list_agrees_with_the_package() -> None:
    # Dates and kinds are the same; the names differ only in wording (the SKB's "Idulfitri 1446
    # Hijriah" against the package's "Hari Raya Idul Fitri"). The official list would win anyway.
    shipped = {(h.date, h.kind) for h in load_seed_holidays()}
    package = {(h.date, h.kind) for year in (2025, 2026) for h in package_estimate(year)}
    assert shipped == package
    assert len(shipped) == 17 + 11 + 17 + 8


def test_package_estimate_is_indonesian_and_marked() -> None:
    estimate = package_estimate(2028)
    assert estimate and all(h.estimated and h.date.year == 2028 for h in estimate)
    names = {h.name for h in estimate}
    assert {"Hari Kemerdekaan Republik Indonesia", "Hari Raya Natal", "Hari Lahir Pancasila"} <= names
    assert not any("(perkiraan)" in n for n in names)


def test_count_json_says_what_was_skipped() -> None:
    data = SITE.count(date(2026, 12, 23), 2).to_json()
    assert data["due"] == "2026-12-29" and data["estimated"] is False
    assert [s["date"] for s in data["skipped"]] == ["2026-12-24", "2026-12-25"]
    assert data["skipped"][0]["kind"] == "cuti_bersama"


@given(
    st.dates(min_value=date(2026, 6, 1), max_value=date(2028, 6, 30)),
    st.integers(min_value=1, max_value=80),
    st.booleans(),
)
def test_the_estimating_calendar_keeps_the_rules(start: date, n: int, cuti_workday: bool) -> None:
    result = SITE.count(start, n, cuti_bersama_is_workday=cuti_workday)
    assert SITE.is_working_day(result.due, cuti_bersama_is_workday=cuti_workday)
    assert SITE.working_days_between(start, result.due, cuti_bersama_is_workday=cuti_workday) == n
    # every skipped holiday is a weekday inside the counted days, and estimated exactly outside 2025–26
    assert all(start < h.date <= result.due and h.date.weekday() < 5 for h in result.skipped)
    assert all(h.estimated == (h.date.year > 2026) for h in result.skipped)
    assert result.estimated == (result.due.year > 2026)
    if cuti_workday:
        assert all(h.kind == "national" for h in result.skipped)

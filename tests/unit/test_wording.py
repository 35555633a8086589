"""Indonesian wording of values: what an officer or citizen reads on paper, screens and the CLI."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from p4_desk.domain import wording as w
from p4_desk.errors import ConfigError

# 02:15 UTC on Sunday 29 November 2026: 09:15 in Jakarta, 10:15 in Makassar, 11:15 in Jayapura
MOMENT = datetime(2026, 11, 29, 2, 15, 40, tzinfo=UTC)


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "text", "with_weekday"),
    [
        (date(2026, 8, 17), "17 Agustus 2026", "Senin, 17 Agustus 2026"),
        (date(2025, 12, 25), "25 Desember 2025", "Kamis, 25 Desember 2025"),
        (date(2026, 3, 4), "4 Maret 2026", "Rabu, 4 Maret 2026"),
        (date(2026, 2, 1), "1 Februari 2026", "Minggu, 1 Februari 2026"),
        (date(2026, 5, 22), "22 Mei 2026", "Jumat, 22 Mei 2026"),
    ],
)
def test_the_one_date_form_with_and_without_the_day_of_the_week(
    day: date, text: str, with_weekday: str
) -> None:
    assert w.format_date(day) == text
    assert w.format_date(day, weekday=True) == with_weekday


def test_every_day_and_month_has_its_indonesian_name() -> None:
    monday = date(2026, 11, 30)
    assert [w.day_name(monday + timedelta(days=i)) for i in range(7)] == [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ]  # fmt: skip
    assert [w.month_name(m) for m in range(1, 13)] == [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (date(2026, 3, 4), date(2026, 3, 4), "Rabu, 4 Maret 2026"),
        (date(2026, 3, 1), date(2026, 3, 31), "Maret 2026"),
        (date(2028, 2, 1), date(2028, 2, 29), "Februari 2028"),  # a leap year
        (date(2026, 12, 1), date(2026, 12, 31), "Desember 2026"),
        (date(2026, 3, 1), date(2026, 3, 30), "1 Maret 2026 s.d. 30 Maret 2026"),
        (date(2026, 2, 20), date(2026, 3, 3), "20 Februari 2026 s.d. 3 Maret 2026"),
    ],
)
def test_a_report_period_is_a_day_a_month_or_a_range(first: date, last: date, text: str) -> None:
    assert w.format_period(first, last) == text


# --- times --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "time", "moment"),
    [
        ("Asia/Jakarta", "09.15 WIB", "Minggu, 29 November 2026 pukul 09.15 WIB"),
        ("Asia/Pontianak", "09.15 WIB", "Minggu, 29 November 2026 pukul 09.15 WIB"),
        ("Asia/Makassar", "10.15 WITA", "Minggu, 29 November 2026 pukul 10.15 WITA"),
        ("Asia/Jayapura", "11.15 WIT", "Minggu, 29 November 2026 pukul 11.15 WIT"),
    ],
)
def test_times_use_a_dot_and_the_site_zone(zone: str, time: str, moment: str) -> None:
    assert w.format_time(MOMENT, zone) == time
    assert w.format_datetime(MOMENT, zone) == moment
    # a zone given as tzinfo, or a moment already in the zone, reads the same
    assert w.format_datetime(MOMENT.astimezone(ZoneInfo(zone))) == moment


def test_a_date_and_time_in_two_halves_for_a_narrow_roll() -> None:
    assert w.datetime_parts(MOMENT, "Asia/Makassar") == ("Minggu, 29 November 2026", "pukul 10.15 WITA")


def test_a_clock_with_seconds_and_without_the_zone() -> None:
    assert w.format_time(MOMENT, "Asia/Jakarta", seconds=True) == "09.15.40 WIB"
    assert w.format_time(MOMENT, ZoneInfo("Asia/Makassar"), seconds=True, with_zone=False) == "10.15.40"


def test_the_local_day_is_not_the_utc_day() -> None:
    # 17:30 UTC on Sunday is already 00:30 on Monday in Jakarta
    assert w.format_datetime(datetime(2026, 11, 29, 17, 30, tzinfo=UTC), "Asia/Jakarta") == (
        "Senin, 30 November 2026 pukul 00.30 WIB"
    )


def test_a_zone_outside_indonesia_keeps_its_own_name() -> None:
    assert w.format_time(MOMENT, "UTC") == "02.15 UTC"
    assert w.format_time(MOMENT.astimezone(timezone(timedelta(hours=8)))) == "10.15 UTC+08:00"


def test_an_unknown_site_zone_is_a_configuration_error_in_indonesian() -> None:
    with pytest.raises(ConfigError, match="Zona waktu situs tidak dikenal: Asia/Lampung"):
        w.format_time(MOMENT, "Asia/Lampung")


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        w.format_datetime(datetime(2026, 11, 29, 9, 15))


# --- durations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0 menit"), (1, "1 menit"), (12, "12 menit"), (59, "59 menit"), (60, "1 jam"),
     (65, "1 jam 5 menit"), (120, "2 jam"), (135, "2 jam 15 menit")],
)  # fmt: skip
def test_durations_in_hours_and_minutes(minutes: int, text: str) -> None:
    assert w.format_minutes(minutes) == text
    assert w.format_estimate(minutes) == "\u00b1 " + text


def test_a_negative_duration_is_refused() -> None:
    with pytest.raises(ValueError):
        w.format_minutes(-1)


# --- numbers and money --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (12_000, 0, "12.000"),
        (1_234_567, 0, "1.234.567"),
        (79.525, 2, "79,53"),  # half up, as people round
        (2.25, 1, "2,3"),
        (0.15, 1, "0,2"),  # the float 0.15 is read as written, not as 0.1499999...
        (7.0, 1, "7,0"),
        (12_345.678, 2, "12.345,68"),
        (-5.43, 1, "-5,4"),
        (-0.04, 1, "0,0"),  # never "-0,0"
        (Decimal("83.33"), 2, "83,33"),
        (Fraction(10, 3), 3, "3,333"),
        (Fraction(25, 8), 2, "3,13"),  # 3.125 exactly: half up
        (Fraction(-25, 8), 2, "-3,13"),
    ],
)
def test_numbers_use_a_thousands_dot_and_a_decimal_comma(value: w.Number, places: int, text: str) -> None:
    assert w.format_number(value, places) == text


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4), st.integers(min_value=0, max_value=3))
def test_a_formatted_number_reads_back_as_the_rounded_value(value: Decimal, places: int) -> None:
    text = w.format_number(value, places)
    parsed = Decimal(text.replace(".", "").replace(",", "."))
    assert abs(parsed - value) <= Decimal(1).scaleb(-places) / 2
    integer, _, decimals = text.lstrip("-").partition(",")
    assert len(decimals) == places
    assert all(len(group) == 3 for group in integer.split(".")[1:])  # dots every three digits


@pytest.mark.parametrize(
    ("share", "text"),
    [(0.75, "75,0%"), (0.253, "25,3%"), (1, "100,0%"), (0, "0,0%"), (Fraction(2, 3), "66,7%")],
)
def test_percentages(share: w.Number, text: str) -> None:
    assert w.format_percent(share) == text


@pytest.mark.parametrize(
    ("amount", "rupiah", "fee"),
    [(0, "Rp 0", "Gratis"), (500, "Rp 500", "Rp 500"), (150_000, "Rp 150.000", "Rp 150.000"),
     (1_250_000, "Rp 1.250.000", "Rp 1.250.000")],
)  # fmt: skip
def test_rupiah_and_fees(amount: int, rupiah: str, fee: str) -> None:
    assert w.format_rupiah(amount) == rupiah
    assert w.format_fee(amount) == fee


def test_coordinates_keep_the_decimal_point_maps_read() -> None:
    assert w.format_coordinates(-5.4292, 105.261) == "-5.42920, 105.26100"


# --- priority groups ----------------------------------------------------------------------


def test_priority_groups_read_the_same_on_every_ticket() -> None:
    assert w.priority_label("lansia") == "Prioritas: Lansia"
    assert w.priority_label("disabilitas") == "Prioritas: Penyandang disabilitas"
    assert w.priority_label("ibu_hamil") == "Prioritas: Ibu hamil"
    assert w.priority_label("anak") == "Prioritas: Anak / balita"
    assert w.priority_label(None) is None
    assert w.priority_name("lansia") == "Lansia"

"""Working days (*hari kerja*): Monday–Friday except national holidays and *cuti bersama*.

Deadline rule used everywhere (permit SLA, complaint deadlines): the due date of a
service that takes N working days is the N-th working day *after* the intake day.
The intake day itself never counts, whether or not it is a working day; N = 0 means
"same day" and returns the intake day unchanged.

``working_days_between(a, b)`` counts the working days d with a < d <= b, so that
``working_days_between(a, working_days_after(a, n)) == n`` for every n >= 0.

The holiday list is data: a seed for 2025–2026 ships in ``data/holidays.json`` and
the central API's catalogue replaces it when the site syncs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any, Literal, cast

from p4_desk.errors import ValidationError

HolidayKind = Literal["national", "cuti_bersama"]
HOLIDAY_KINDS: tuple[HolidayKind, ...] = ("national", "cuti_bersama")
KIND_LABELS: dict[HolidayKind, str] = {
    "national": "Hari libur nasional",
    "cuti_bersama": "Cuti bersama",
}

_SATURDAY = 5
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Holiday:
    date: date
    name: str
    kind: HolidayKind

    def __post_init__(self) -> None:
        if self.kind not in HOLIDAY_KINDS:
            raise ValidationError(
                f"Jenis hari libur '{self.kind}' tidak dikenal (national atau cuti_bersama)",
                field="kind",
            )


class HolidayCalendar:
    """Weekends plus a set of holidays. Two holidays on one date are both kept."""

    def __init__(self, holidays: Iterable[Holiday] = ()) -> None:
        self._by_date: dict[date, list[Holiday]] = {}
        for holiday in holidays:
            self._by_date.setdefault(holiday.date, []).append(holiday)

    @property
    def holidays(self) -> list[Holiday]:
        return sorted((h for day in self._by_date.values() for h in day), key=lambda h: (h.date, h.kind))

    def holidays_on(self, d: date) -> list[Holiday]:
        return list(self._by_date.get(d, ()))

    def is_working_day(self, d: date) -> bool:
        return d.weekday() < _SATURDAY and d not in self._by_date

    def working_days_after(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself does not count)."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        remaining = n
        while remaining:
            day += _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days d with a < d <= b; negative when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += _ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count


def holidays_from_json(raw: Iterable[Mapping[str, Any]]) -> list[Holiday]:
    """Holidays from the catalogue form ``{"date", "name", "kind"}``."""
    holidays = []
    for row in raw:
        try:
            day = date.fromisoformat(row["date"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(f"Tanggal hari libur tidak valid: {row!r}", field="date") from exc
        holidays.append(
            Holiday(date=day, name=str(row.get("name", "")), kind=cast(HolidayKind, row.get("kind")))
        )
    return holidays


def load_seed_holidays() -> list[Holiday]:
    """The 2025–2026 seed list shipped with the package (to be confirmed against the SKB)."""
    text = resources.files("p4_desk.domain").joinpath("data/holidays.json").read_text("utf-8")
    return holidays_from_json(json.loads(text)["holidays"])

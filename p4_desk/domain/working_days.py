"""Working days (*hari kerja*): Monday–Friday except national holidays and *cuti bersama*.

Deadline rule used everywhere (permit SLA, complaint deadlines): the due date of a
service that takes N working days is the N-th working day *after* the intake day.
The intake day itself never counts, whether or not it is a working day; N = 0 means
"same day" and returns the intake day unchanged.

``working_days_between(a, b)`` counts the working days d with a < d <= b, so that
``working_days_between(a, working_days_after(a, n)) == n`` for every n >= 0.

Where the holidays come from, per calendar year:

- the **official list** (SKB of the three ministers): shipped for 2025–2026 in
  ``data/holidays.json``, then from the central catalogue (the site's holidays table). A
  year that has an official list is counted with that list alone;
- for any other year, an **estimate** from the ``holidays`` package (its Indonesian
  ``public`` category for national holidays, ``government`` for *cuti bersama*). A due date
  whose count touched such a year is *perkiraan* (``WorkdayCount.estimated``), and receipts
  and screens say so. Years far ahead have no *cuti bersama* in the package at all.

*Cuti bersama* is leave for civil servants, not a public holiday; whether it stops the clock
is a choice per permit type (``cuti_bersama_is_workday``), with a site default.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
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
# The package's category for each of our kinds.
_PACKAGE_CATEGORIES: tuple[tuple[str, HolidayKind], ...] = (
    ("public", "national"),
    ("government", "cuti_bersama"),
)


@dataclass(frozen=True)
class Holiday:
    date: date
    name: str
    kind: HolidayKind
    estimated: bool = False  # from the holidays package, not from an official list

    def __post_init__(self) -> None:
        if self.kind not in HOLIDAY_KINDS:
            raise ValidationError(
                f"Jenis hari libur '{self.kind}' tidak dikenal (national atau cuti_bersama)",
                field="kind",
            )

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "name": self.name,
            "kind": self.kind,
            "estimated": self.estimated,
        }


@dataclass(frozen=True)
class WorkdayCount:
    """The answer to "N working days after this day": the due date and how it was reached."""

    start: date
    days: int
    due: date
    skipped: tuple[Holiday, ...]  # holidays that took a weekday out of the count, in date order
    estimated_years: tuple[int, ...]  # years counted with the package's estimate, not an official list
    cuti_bersama_is_workday: bool

    @property
    def estimated(self) -> bool:
        return bool(self.estimated_years)

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "days": self.days,
            "due": self.due.isoformat(),
            "estimated": self.estimated,
            "estimated_years": list(self.estimated_years),
            "cuti_bersama_is_workday": self.cuti_bersama_is_workday,
            "skipped": [h.to_json() for h in self.skipped],
        }


EstimateSource = Callable[[int], Sequence[Holiday]]


@lru_cache(maxsize=64)
def package_estimate(year: int) -> tuple[Holiday, ...]:
    """The ``holidays`` package's Indonesian calendar for ``year``, marked as estimated."""
    import holidays as holidays_package  # imported on first use: it loads every country's data

    found: list[Holiday] = []
    for category, kind in _PACKAGE_CATEGORIES:
        calendar = holidays_package.country_holidays("ID", years=year, categories=(category,), language="id")
        for day in sorted(calendar):
            # the package marks its own guesses "(perkiraan)"; every holiday here is marked estimated
            found.extend(
                Holiday(day, name.removesuffix(" (perkiraan)"), kind, estimated=True)
                for name in calendar.get_list(day)
            )
    return tuple(found)


class HolidayCalendar:
    """Weekends plus holidays: an official list for the years it covers, and for other years
    the holidays of ``estimates`` (``None``: no holidays at all outside the official years,
    which only tests want; ``indonesian_calendar`` is the one production code builds).

    Two holidays on one date are both kept. ``cuti_bersama_is_workday`` is the default of
    this calendar; each count may override it (a permit type's own choice).
    """

    def __init__(
        self,
        holidays: Iterable[Holiday] = (),
        *,
        estimates: EstimateSource | None = None,
        cuti_bersama_is_workday: bool = False,
    ) -> None:
        self._by_date: dict[date, list[Holiday]] = {}
        for holiday in holidays:
            self._by_date.setdefault(holiday.date, []).append(holiday)
        self.official_years: frozenset[int] = frozenset(d.year for d in self._by_date)
        self._estimates = estimates
        self._estimated_by_date: dict[int, dict[date, list[Holiday]]] = {}
        self.cuti_bersama_is_workday = cuti_bersama_is_workday

    @property
    def holidays(self) -> list[Holiday]:
        """The official list (estimated years are computed on demand, see ``holidays_in``)."""
        return sorted((h for day in self._by_date.values() for h in day), key=lambda h: (h.date, h.kind))

    def holidays_in(self, year: int) -> list[Holiday]:
        """Every holiday of ``year``, official or estimated."""
        if year in self.official_years:
            return [h for h in self.holidays if h.date.year == year]
        return sorted(
            (h for day in self._estimated(year).values() for h in day), key=lambda h: (h.date, h.kind)
        )

    def prepare(self, years: Iterable[int]) -> None:
        """Compute the estimate of these years now (the first one imports the ``holidays``
        package, ~0.1 s), so that a count on the UI thread later costs microseconds."""
        for year in years:
            if self.is_estimated(year):
                self._estimated(year)

    def is_estimated(self, year: int) -> bool:
        """Whether ``year`` is counted with an estimate (no official list yet)."""
        return year not in self.official_years and self._estimates is not None

    def holidays_on(self, d: date) -> list[Holiday]:
        if d.year in self.official_years:
            return list(self._by_date.get(d, ()))
        return list(self._estimated(d.year).get(d, ()))

    def is_working_day(self, d: date, *, cuti_bersama_is_workday: bool | None = None) -> bool:
        if d.weekday() >= _SATURDAY:
            return False
        return not self._closing_holidays(d, self._cuti_flag(cuti_bersama_is_workday))

    def count(self, start: date, n: int, *, cuti_bersama_is_workday: bool | None = None) -> WorkdayCount:
        """The n-th working day after ``start`` (``start`` itself does not count), with the
        holidays skipped on the way and the years whose holidays are only estimated."""
        if n < 0:
            raise ValueError("n must not be negative")
        cuti_flag = self._cuti_flag(cuti_bersama_is_workday)
        day = start
        remaining = n
        skipped: list[Holiday] = []
        while remaining:
            day += _ONE_DAY
            if day.weekday() >= _SATURDAY:
                continue
            closing = self._closing_holidays(day, cuti_flag)
            if closing:
                skipped.extend(closing)
            else:
                remaining -= 1
        years = range((start + _ONE_DAY).year, day.year + 1) if n else range(0)
        return WorkdayCount(
            start=start,
            days=n,
            due=day,
            skipped=tuple(skipped),
            estimated_years=tuple(y for y in years if self.is_estimated(y)),
            cuti_bersama_is_workday=cuti_flag,
        )

    def working_days_after(self, start: date, n: int, *, cuti_bersama_is_workday: bool | None = None) -> date:
        """The n-th working day after ``start`` (``start`` itself does not count)."""
        return self.count(start, n, cuti_bersama_is_workday=cuti_bersama_is_workday).due

    def working_days_between(self, a: date, b: date, *, cuti_bersama_is_workday: bool | None = None) -> int:
        """Working days d with a < d <= b; negative when b is before a."""
        if b < a:
            return -self.working_days_between(b, a, cuti_bersama_is_workday=cuti_bersama_is_workday)
        count = 0
        day = a
        while day < b:
            day += _ONE_DAY
            if self.is_working_day(day, cuti_bersama_is_workday=cuti_bersama_is_workday):
                count += 1
        return count

    def _cuti_flag(self, override: bool | None) -> bool:
        return self.cuti_bersama_is_workday if override is None else override

    def _closing_holidays(self, d: date, cuti_bersama_is_workday: bool) -> list[Holiday]:
        found = self.holidays_on(d)
        if cuti_bersama_is_workday:
            return [h for h in found if h.kind != "cuti_bersama"]
        return found

    def _estimated(self, year: int) -> dict[date, list[Holiday]]:
        if self._estimates is None:
            return {}
        cached = self._estimated_by_date.get(year)
        if cached is None:
            cached = {}
            for holiday in self._estimates(year):
                cached.setdefault(holiday.date, []).append(holiday)
            self._estimated_by_date[year] = cached
        return cached


def indonesian_calendar(
    official: Iterable[Holiday], *, cuti_bersama_is_workday: bool = False
) -> HolidayCalendar:
    """The calendar deadlines are counted with: the official list for the years it covers
    (a year's list comes whole), the ``holidays`` package's estimate for every other year."""
    return HolidayCalendar(
        official, estimates=package_estimate, cuti_bersama_is_workday=cuti_bersama_is_workday
    )


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
    """The official 2025–2026 lists shipped with the package (SKB, see ``data/holidays.json``)."""
    text = resources.files("p4_desk.domain").joinpath("data/holidays.json").read_text("utf-8")
    return holidays_from_json(json.loads(text)["holidays"])

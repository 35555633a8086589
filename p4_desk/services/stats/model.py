"""Inputs (period, filters) and results of the statistics; JSON form of the results."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from p4_desk.errors import ValidationError

MAX_PERIOD_DAYS = 366 * 2


# --- inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Local dates ``first`` to ``last`` inclusive, in the site's time zone."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError("Tanggal akhir periode sebelum tanggal awal.", field="to")
        if (self.last - self.first).days >= MAX_PERIOD_DAYS:
            raise ValidationError("Periode statistik paling lama dua tahun.", field="to")

    @classmethod
    def day(cls, d: date) -> Period:
        return cls(d, d)

    @classmethod
    def month(cls, d: date) -> Period:
        first = d.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return cls(first, nxt - timedelta(days=1))

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """UTC ``[start, end)``: local midnight of ``first`` to local midnight after ``last``."""
        start = datetime.combine(self.first, time(0), tzinfo=tz).astimezone(UTC)
        end = datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
        return start, end

    @classmethod
    def of_report(cls, kind: str, d: date) -> Period:
        """The period of a ``daily`` or ``monthly`` report that contains ``d``."""
        if kind == "daily":
            return cls.day(d)
        if kind == "monthly":
            return cls.month(d)
        raise ValidationError("Jenis laporan harus harian (daily) atau bulanan (monthly).", field="period")

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]


@dataclass(frozen=True)
class StatsFilter:
    """Codes as the user types them; empty means all."""

    agency: str | None = None
    service: str | None = None
    counter: str | None = None
    officer: str | None = None  # username

    def to_json(self) -> dict[str, str | None]:
        return asdict(self)


# --- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    issued: int
    legs: int
    served: int
    no_show: int
    cancelled: int
    transferred: int
    waiting_at_end: int
    wait_avg: float | None  # seconds
    wait_median: float | None
    wait_p90: float | None
    service_avg: float | None
    service_median: float | None
    service_p90: float | None
    within_target: float | None  # share 0..1 of served legs
    unserved: int = 0  # closed at the end of their service day


@dataclass(frozen=True)
class ServiceFigures:
    code: str
    name: str
    agency: str
    target_wait_minutes: int
    issued: int
    legs: int
    served: int
    no_show: int
    cancelled: int
    transferred: int
    waiting_at_end: int
    wait_avg: float | None
    service_avg: float | None
    within_target: float | None
    unserved: int = 0


@dataclass(frozen=True)
class OfficerFigures:
    username: str
    full_name: str
    served: int
    service_avg: float | None
    busy_seconds: float
    open_seconds: float | None  # None: no counter sessions recorded
    idle_seconds: float | None


@dataclass(frozen=True)
class DayFigures:
    day: date
    issued: int
    served: int
    no_show: int
    wait_avg: float | None
    unserved: int = 0


@dataclass(frozen=True)
class PermitFigures:
    """Permit applications decided in the period, measured against the clock that ran."""

    decided: int  # deadline clocks that ended (the decision) in the period
    on_time: int  # ... having run at most the working days promised
    late: int
    used_avg: float | None  # working days the clock ran, on average
    waited: int  # ... of which the clock had stopped at least once for the applicant

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.decided if self.decided else None


@dataclass(frozen=True)
class Statistics:
    site_code: str
    site_name: str
    timezone: str
    period: Period
    filters: StatsFilter
    generated_at: datetime
    totals: Totals
    services: tuple[ServiceFigures, ...]
    officers: tuple[OfficerFigures, ...]
    days: tuple[DayFigures, ...]
    # arrivals (issued tickets) by local weekday (Monday first) x hour of day
    heatmap: tuple[tuple[int, ...], ...] = field(default=())
    permits: PermitFigures | None = None  # None: a filter that permits do not have

    def to_json(self) -> dict[str, Any]:
        out = _jsonable(asdict(self))
        if self.permits is not None:
            out["permits"]["on_time_share"] = _jsonable(self.permits.on_time_share)
        return dict(out)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 3)
    return value

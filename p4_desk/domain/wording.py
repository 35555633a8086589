"""How values read in Bahasa Indonesia: dates, times, durations, numbers, money, priority groups.

One module for paper, screens and the command line, so a date or a number reads the same
everywhere. Pure: no I/O, no Qt. Sentences of the user interface stay in Qt's translation
catalogues; this module only turns values into words.

The forms (Pedoman Umum Ejaan Bahasa Indonesia and the *tata naskah dinas* of official letters):

- date, the one form of screens and paper: ``4 Maret 2026``; where the day of the week helps
  (a ticket, a due date, a daily report) ``Rabu, 4 Maret 2026``. Machine-readable outputs
  (CSV, JSON, file names) keep ISO ``2026-03-04``.
- time: ``10.30 WIB`` — hours and minutes joined by a dot, with the site's zone (WIB, WITA, WIT);
  a clock with seconds ``10.30.15``.
- date and time: ``Rabu, 4 Maret 2026 pukul 10.30 WIB``.
- numbers: thousands with a dot, decimals with a comma: ``12.000``, ``79,53``, ``75,0%``;
  rounding is half up, as people round (``2,25`` → ``2,3``).
- money: ``Rp 150.000``; a fee of zero is ``Gratis``.
- durations in minutes: ``12 menit``, ``1 jam 5 menit``, ``2 jam``; an estimate ``± 12 menit``.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import floor
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from p4_desk.domain.queue_rules import PRIORITY_GROUPS
from p4_desk.errors import ConfigError

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # Monday first
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
# Indonesia's three legal time zones (Keppres 41/1987) and the IANA keys that map to them.
ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}

Number = int | float | Decimal | Fraction


# --- days, months, dates --------------------------------------------------------------------


def day_name(day: date) -> str:
    """``"Rabu"``."""
    return DAY_NAMES[day.weekday()]


def month_name(month: int) -> str:
    """``3`` → ``"Maret"``."""
    return MONTH_NAMES[month - 1]


def format_date(day: date, *, weekday: bool = False) -> str:
    """``"4 Maret 2026"``, or ``"Rabu, 4 Maret 2026"`` with ``weekday``."""
    text = f"{day.day} {month_name(day.month)} {day.year}"
    return f"{day_name(day)}, {text}" if weekday else text


def format_month(day: date) -> str:
    """The month of ``day``: ``"Maret 2026"``."""
    return f"{month_name(day.month)} {day.year}"


def format_date_range(first: date, last: date) -> str:
    """``"1 Maret 2026 s.d. 31 Maret 2026"``."""
    return f"{format_date(first)} s.d. {format_date(last)}"


def format_period(first: date, last: date) -> str:
    """A report period: one day ``"Rabu, 4 Maret 2026"``, a whole month ``"Maret 2026"``,
    anything else a range."""
    if first == last:
        return format_date(first, weekday=True)
    next_month = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    whole_month = (first.day == 1 and (first.year, first.month) == (last.year, last.month)
                   and (next_month - last).days == 1)  # fmt: skip
    return format_month(first) if whole_month else format_date_range(first, last)


# --- zones and times ------------------------------------------------------------------------


def site_zone(key: str) -> ZoneInfo:
    """The zone of a site's ``timezone`` setting; an unknown key is a configuration error."""
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"Zona waktu situs tidak dikenal: {key}.") from exc


def _local(moment: datetime, zone: tzinfo | str | None) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("moment must be an aware datetime")
    if zone is None:
        return moment
    return moment.astimezone(site_zone(zone) if isinstance(zone, str) else zone)


def zone_abbreviation(moment: datetime) -> str:
    """``"WIB"`` / ``"WITA"`` / ``"WIT"`` for a moment in an Indonesian zone; otherwise the
    zone's own abbreviation (``"UTC"``)."""
    key = getattr(moment.tzinfo, "key", None)
    return ZONE_ABBREVIATIONS.get(key or "") or moment.tzname() or key or ""


def format_time(
    moment: datetime, zone: tzinfo | str | None = None, *, seconds: bool = False, with_zone: bool = True
) -> str:
    """``"10.30 WIB"``: ``moment`` shown in ``zone`` (a zoneinfo key or tzinfo; ``None``: the
    moment's own zone). ``seconds`` gives ``"10.30.15"``; ``with_zone=False`` drops the zone."""
    local = _local(moment, zone)
    text = f"{local:%H.%M.%S}" if seconds else f"{local:%H.%M}"
    return f"{text} {zone_abbreviation(local)}".rstrip() if with_zone else text


def format_datetime(moment: datetime, zone: tzinfo | str | None = None) -> str:
    """``"Rabu, 4 Maret 2026 pukul 10.30 WIB"``: ``moment`` shown in ``zone``."""
    return " ".join(datetime_parts(moment, zone))


def datetime_parts(moment: datetime, zone: tzinfo | str | None = None) -> tuple[str, str]:
    """:func:`format_datetime` in its two halves, ``("Rabu, 4 Maret 2026", "pukul 10.30 WIB")``,
    for a line too narrow for both (a 58 mm roll prints 32 characters)."""
    local = _local(moment, zone)
    return format_date(local.date(), weekday=True), f"pukul {format_time(local)}"


# --- durations ------------------------------------------------------------------------------


def format_minutes(minutes: int) -> str:
    """A duration: ``"12 menit"``, ``"1 jam 5 menit"``, ``"2 jam"``, ``"0 menit"``."""
    if minutes < 0:
        raise ValueError("a duration cannot be negative")
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} menit"
    return f"{format_number(hours)} jam" + (f" {rest} menit" if rest else "")


def format_estimate(minutes: int) -> str:
    """An estimated duration: ``"± 12 menit"``, ``"± 1 jam 5 menit"``."""
    return f"\u00b1 {format_minutes(minutes)}"


# --- numbers and money ----------------------------------------------------------------------


def _rounded(value: Number, places: int) -> Decimal:
    """``value`` rounded half up (away from zero) to ``places`` decimals, exactly."""
    if isinstance(value, Fraction):
        magnitude = Decimal(floor(abs(value) * 10**places + Fraction(1, 2))).scaleb(-places)
        return -magnitude if value < 0 else magnitude
    # a float by its shortest repr, which is what was meant: 0.15 rounds to 0.2, not 0.1
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_number(value: Number, places: int = 0) -> str:
    """``12000`` → ``"12.000"``; ``79.525, 2`` → ``"79,53"`` (half up)."""
    rounded = _rounded(value, places)
    if rounded == 0:
        rounded = abs(rounded)  # never "-0,0"
    text = f"{rounded:,.{places}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(share: Number, places: int = 1) -> str:
    """A share 0..1 as a percentage: ``0.75`` → ``"75,0%"``."""
    scaled = share * 100 if isinstance(share, Fraction | Decimal | int) else Decimal(repr(share)) * 100
    return format_number(scaled, places) + "%"


def format_rupiah(amount: int) -> str:
    """``150000`` → ``"Rp 150.000"``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {format_number(abs(amount))}"


def format_fee(amount: int) -> str:
    """A fee: ``"Rp 150.000"``; zero is ``"Gratis"``."""
    return "Gratis" if amount == 0 else format_rupiah(amount)


def format_coordinates(latitude: float, longitude: float) -> str:
    """``"-5.42920, 105.26100"``. The one exception to the decimal comma: a position is read
    by map applications and GPS devices, which all take the decimal point, and a comma
    already separates latitude from longitude."""
    return f"{latitude:.5f}, {longitude:.5f}"


# --- priority groups ------------------------------------------------------------------------


def priority_name(group: str) -> str:
    """The group's name: ``"lansia"`` → ``"Lansia"`` (an unknown key is shown as it is)."""
    return PRIORITY_GROUPS.get(group, group)


def priority_label(group: str | None) -> str | None:
    """What a ticket says about its priority group: ``"Prioritas: Lansia"``; none for a
    regular ticket."""
    return f"Prioritas: {priority_name(group)}" if group else None

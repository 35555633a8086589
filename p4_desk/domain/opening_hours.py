"""Opening hours per weekday with breaks (e.g. the Friday prayer break). Pure functions.

Stored as ``{"mon": [["08:00", "12:00"], ["13:00", "15:00"]], ..., "fri": [...]}``; a missing
weekday is closed; ``None`` as a whole means always open.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, time

from p4_desk.domain.wording import DAY_NAMES
from p4_desk.errors import ValidationError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES_ID = DAY_NAMES

OpeningHours = Mapping[str, Sequence[Sequence[str]]]

OFFICE_HOURS: dict[str, list[list[str]]] = {
    "mon": [["08:00", "12:00"], ["13:00", "15:30"]],
    "tue": [["08:00", "12:00"], ["13:00", "15:30"]],
    "wed": [["08:00", "12:00"], ["13:00", "15:30"]],
    "thu": [["08:00", "12:00"], ["13:00", "15:30"]],
    "fri": [["08:00", "11:30"], ["13:30", "16:00"]],
}


def _parse(text: str) -> time:
    if text == "24:00":
        return time.max
    try:
        parsed = time.fromisoformat(text)
        if parsed.tzinfo is not None:  # "01-01" reads as 01:00 at UTC−1: no clock time of a hall
            raise ValueError(text)
        return parsed
    except ValueError:
        raise ValidationError(
            f"Jam '{text}' tidak valid. Gunakan format JJ:MM, misalnya 08:00.", field="opening_hours"
        ) from None


def validate(hours: object) -> dict[str, list[list[str]]] | None:
    """Check and normalise opening hours; raises ValidationError with an Indonesian message."""
    if hours is None:
        return None
    if not isinstance(hours, Mapping):
        raise ValidationError("Jam buka harus berupa daftar per hari.", field="opening_hours")
    result: dict[str, list[list[str]]] = {}
    for day, periods in hours.items():
        if day not in WEEKDAYS:
            raise ValidationError(f"Hari '{day}' tidak dikenal.", field="opening_hours")
        clean: list[list[str]] = []
        previous_end = time.min
        for period in periods:
            if len(period) != 2:
                raise ValidationError("Setiap sesi harus punya jam mulai dan selesai.", field="opening_hours")
            start, end = _parse(period[0]), _parse(period[1])
            if not start < end or start < previous_end:
                raise ValidationError(
                    f"Sesi {period[0]}–{period[1]} pada hari {WEEKDAY_NAMES_ID[WEEKDAYS.index(day)]} "
                    "tidak berurutan atau tumpang tindih.",
                    field="opening_hours",
                )
            previous_end = end
            clean.append([period[0], period[1]])
        result[day] = clean
    return result


def is_open(hours: OpeningHours | None, local: datetime) -> bool:
    if hours is None:
        return True
    now = local.time()
    periods = hours.get(WEEKDAYS[local.weekday()], ())
    return any(_parse(start) <= now < _parse(end) for start, end in periods)


def describe_day(hours: OpeningHours | None, weekday: int) -> str:
    """Indonesian description for the kiosk, e.g. ``08:00–11:30, 13:30–16:00``."""
    if hours is None:
        return "Buka 24 jam"
    periods = hours.get(WEEKDAYS[weekday], ())
    if not periods:
        return "Tutup"
    return ", ".join(f"{start}–{end}" for start, end in periods)

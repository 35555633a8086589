"""Complaint (*pengaduan*) kinds and deadlines, after SP4N-LAPOR! practice.

The states a complaint moves through are in ``complaint_lifecycle``.

Deadlines are counted in working days from the day the complaint was received, with
the rule of ``working_days``: the due date is the N-th working day after the start day.

* ``verify_forward``: verify and forward within 3 working days of receipt.
* ``follow_up_plan``: the agency answers with a follow-up plan within 5 working days of
  forwarding (of the latest allowed forwarding day while the complaint is not forwarded).
* ``auto_close``: the complaint closes itself 10 working days after the answer when
  nobody replies (known only once answered).
* ``answer`` (14) and ``resolution`` (60) from UU 25/2009: *unverified* both in value and
  in whether they are working or calendar days; counted as working days here, each can be
  switched off with ``None``.

A deadline is overdue from the day after its due date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from p4_desk.domain.complaint_lifecycle import ComplaintState, parse_state
from p4_desk.domain.wording import format_date
from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.errors import ValidationError

FILING_WINDOW_DAYS = 30


class ComplaintKind(StrEnum):
    ASPIRASI = "aspirasi"
    PENGADUAN = "pengaduan"
    PERMINTAAN_INFORMASI = "permintaan_informasi"


KIND_LABELS: dict[ComplaintKind, str] = {
    ComplaintKind.ASPIRASI: "Aspirasi",
    ComplaintKind.PENGADUAN: "Pengaduan",
    ComplaintKind.PERMINTAAN_INFORMASI: "Permintaan Informasi",
}


def parse_kind(value: str) -> ComplaintKind:
    try:
        return ComplaintKind(value)
    except ValueError:
        raise ValidationError(f"Jenis laporan '{value}' tidak dikenal", field="kind") from None


@dataclass(frozen=True)
class DeadlineRules:
    """Working-day limits; site settings may override every value."""

    verify_forward: int = 3
    follow_up_plan: int = 5
    auto_close_after_follow_up: int = 10
    answer_days: int | None = 14  # UU 25/2009, unverified
    resolution_days: int | None = 60  # UU 25/2009, unverified


# For each deadline, the states in which it still has to be met.
_OPEN_IN: dict[str, frozenset[ComplaintState]] = {
    "verify_forward": frozenset({ComplaintState.RECEIVED, ComplaintState.VERIFIED}),
    "follow_up_plan": frozenset({ComplaintState.RECEIVED, ComplaintState.VERIFIED, ComplaintState.FORWARDED}),
    "answer": frozenset({ComplaintState.RECEIVED, ComplaintState.VERIFIED, ComplaintState.FORWARDED}),
    "resolution": frozenset(set(ComplaintState) - {ComplaintState.CLOSED}),
    # past this date an answered complaint should have been closed automatically
    "auto_close": frozenset({ComplaintState.ANSWERED}),
}
DEADLINE_LABELS: dict[str, str] = {
    "verify_forward": "Verifikasi dan penerusan",
    "follow_up_plan": "Rencana tindak lanjut instansi",
    "answer": "Tanggapan",
    "resolution": "Penyelesaian",
    "auto_close": "Penutupan otomatis",
}


def compute_deadlines(
    received_on: date,
    rules: DeadlineRules,
    calendar: HolidayCalendar,
    *,
    forwarded_on: date | None = None,
    answered_on: date | None = None,
) -> dict[str, date]:
    """Due dates by name (keys of ``DEADLINE_LABELS``); disabled ones are left out."""
    verify_forward = calendar.working_days_after(received_on, rules.verify_forward)
    deadlines = {
        "verify_forward": verify_forward,
        "follow_up_plan": calendar.working_days_after(forwarded_on or verify_forward, rules.follow_up_plan),
    }
    if rules.answer_days is not None:
        deadlines["answer"] = calendar.working_days_after(received_on, rules.answer_days)
    if rules.resolution_days is not None:
        deadlines["resolution"] = calendar.working_days_after(received_on, rules.resolution_days)
    if answered_on is not None:
        deadlines["auto_close"] = calendar.working_days_after(answered_on, rules.auto_close_after_follow_up)
    return deadlines


def overdue(state: ComplaintState | str, deadlines: Mapping[str, date], today: date) -> list[str]:
    """Names of the deadlines that still apply in ``state`` and are past on ``today``."""
    current = parse_state(state)
    return [
        name for name, due in deadlines.items() if current in _OPEN_IN.get(name, frozenset()) and today > due
    ]


def filing_deadline(service_date: date) -> date:
    """Last day a complaint about a service given on ``service_date`` may be filed."""
    return service_date + timedelta(days=FILING_WINDOW_DAYS)


def check_filing_window(service_date: date, today: date) -> date:
    """Raise ``ValidationError`` if a complaint can no longer (or not yet) be filed.

    The window is 30 calendar days after the service day; the 30th day is still in time.
    Returns the last filing day.
    """
    if service_date > today:
        raise ValidationError("Tanggal pelayanan tidak boleh setelah hari ini", field="service_date")
    last_day = filing_deadline(service_date)
    if today > last_day:
        raise ValidationError(
            "Pengaduan hanya dapat diajukan paling lambat 30 hari setelah pelayanan "
            f"(batas: {format_date(last_day)})",
            field="service_date",
        )
    return last_day

"""Deadlines to watch: deemed approvals coming ("fiktif positif") and clocks waiting for applicants.

- ``fiktif_positif_warnings``: applications of permit types the law deems approved when the
  office misses its deadline, whose clock runs and whose decision is not taken, from
  ``permits.fiktif_positif_warning_days`` working days before the deadline, on the day and after
  it (``domain.permit_clock.deadline_warning``). The supervisor's window, the counter's
  application panel and ``p4-desk application list --fiktif-positif`` show the same list.
- ``stopped_clocks``: applications whose clock stands still, waiting for the applicant, with the
  working days they have waited (a reminder call is due, or the dossier is to be returned).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from p4_desk.domain.masking import mask_nik
from p4_desk.domain.permit_clock import (
    WAITING_LABELS,
    DeadlineWarning,
    WaitingFor,
    WarningLevel,
    deadline_warning,
)
from p4_desk.domain.permit_lifecycle import DECIDED, LABELS, PermitState
from p4_desk.services.applications.clock import local_day
from p4_desk.services.permits import holiday_calendar
from p4_desk.services.site import get_setting
from p4_desk.store.db import Database
from p4_desk.store.models import Application, ApplicationClockEvent, PermitType

_OPEN_STATES = tuple(s.value for s in PermitState if s not in DECIDED)
_LEVEL_ORDER = {WarningLevel.OVERDUE: 0, WarningLevel.TODAY: 1, WarningLevel.UPCOMING: 2}


@dataclass(frozen=True)
class DeadlineWarningEntry:
    registration_number: str
    permit_type: str
    permit_name: str
    agency: str
    applicant_name: str
    nik_masked: str
    state: str
    due_date: date
    level: str  # domain.permit_clock.WarningLevel
    working_days_left: int  # 0 on the day, negative once missed
    label: str  # Indonesian

    @property
    def state_label(self) -> str:
        return LABELS[PermitState(self.state)]

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"due_date": self.due_date.isoformat(), "state_label": self.state_label}


@dataclass(frozen=True)
class StoppedClock:
    registration_number: str
    permit_type: str
    permit_name: str
    agency: str
    applicant_name: str
    nik_masked: str
    phone: str
    since: date
    waiting_for: str | None
    reason: str
    working_days_waited: int

    @property
    def waiting_label(self) -> str:
        return WAITING_LABELS[WaitingFor(self.waiting_for)] if self.waiting_for else "pemohon"

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"since": self.since.isoformat(), "waiting_label": self.waiting_label}


def warning_days(db: Database) -> int:
    return int(get_setting(db, "permits.fiktif_positif_warning_days"))


def fiktif_positif_warnings(db: Database, *, agency: str | None = None) -> list[DeadlineWarningEntry]:
    """Open applications of fiktif-positif permit types near, at or past their deadline;
    the most urgent first."""
    calendar = holiday_calendar(db)
    today = local_day(db.now(), db.timezone)
    days = warning_days(db)
    # the latest due date that can warn today (cuti bersama as holidays gives the latest)
    horizon = calendar.count(today, days, cuti_bersama_is_workday=False).due
    query = (
        select(
            Application.registration_number, Application.name, Application.nik, Application.state,
            Application.due_date, PermitType.code, PermitType.name, PermitType.agency,
            PermitType.cuti_bersama_is_workday,
        )
        .join(PermitType, Application.permit_type_id == PermitType.id)
        .where(
            PermitType.fiktif_positif.is_(True),
            Application.clock_state == "running",
            Application.state.in_(_OPEN_STATES),
            Application.due_date <= horizon,
        )
        .order_by(Application.due_date, Application.id)
    )  # fmt: skip
    if agency:
        query = query.where(PermitType.agency == agency.strip().upper())
    # many applications share a due date: each (due date, cuti bersama rule) is counted once
    warnings: dict[tuple[date, bool | None], DeadlineWarning | None] = {}
    entries = []
    with db.read() as s:
        rows = s.execute(query).all()
    for number, name, nik, state, due, code, permit_name, permit_agency, cuti in rows:
        key = (due, cuti)
        if key not in warnings:
            warnings[key] = deadline_warning(due, today, days, calendar, cuti_bersama_is_workday=cuti)
        warning = warnings[key]
        if warning is None:
            continue
        entries.append(
            DeadlineWarningEntry(
                registration_number=number,
                permit_type=code,
                permit_name=permit_name,
                agency=permit_agency,
                applicant_name=name,
                nik_masked=mask_nik(nik),
                state=state,
                due_date=due,
                level=warning.level.value,
                working_days_left=warning.working_days_left,
                label=warning.label,
            )
        )
    return sorted(entries, key=lambda e: (_LEVEL_ORDER[WarningLevel(e.level)], e.working_days_left))


def stopped_clocks(db: Database, *, agency: str | None = None) -> list[StoppedClock]:
    """Open applications whose clock waits for the applicant, the longest waiting first.

    One query of plain columns (the application, its permit type and its last stop); the working
    days waited are counted once per (day, cuti bersama rule)."""
    calendar = holiday_calendar(db)
    today = local_day(db.now(), db.timezone)
    E, row = ApplicationClockEvent, aliased(ApplicationClockEvent)
    # a stopped clock's latest row is its stop; found through the application's own few rows
    # (the index on application_id), not through every stop of the site
    last_stop = (
        select(func.max(row.id))
        .where(row.application_id == Application.id)
        .correlate(Application)
        .scalar_subquery()
    )
    query = (
        select(
            Application.registration_number, Application.name, Application.nik, Application.phone,
            Application.received_at, PermitType.code, PermitType.name, PermitType.agency,
            PermitType.cuti_bersama_is_workday, E.day, E.waiting_for, E.reason,
        )
        .join(PermitType, Application.permit_type_id == PermitType.id)
        .outerjoin(E, E.id == last_stop)
        .where(Application.clock_state == "stopped", Application.state.in_(_OPEN_STATES))
    )  # fmt: skip
    if agency:
        query = query.where(PermitType.agency == agency.strip().upper())
    waited: dict[tuple[date, bool | None], int] = {}

    def days_since(since: date, cuti: bool | None) -> int:
        key = (since, cuti)
        if key not in waited:
            counted = calendar.working_days_between(since, today, cuti_bersama_is_workday=cuti)
            waited[key] = max(0, counted)
        return waited[key]

    found = []
    with db.read() as s:
        for (
            number,
            name,
            nik,
            phone,
            received,
            code,
            permit_name,
            permit_agency,
            cuti,
            day,
            why,
            reason,
        ) in s.execute(query):
            since = day or local_day(received, db.timezone)
            found.append(
                StoppedClock(
                    registration_number=number,
                    permit_type=code,
                    permit_name=permit_name,
                    agency=permit_agency,
                    applicant_name=name,
                    nik_masked=mask_nik(nik),
                    phone=phone,
                    since=since,
                    waiting_for=why,
                    reason=reason or "",
                    working_days_waited=days_since(since, cuti),
                )
            )
    return sorted(found, key=lambda c: (c.since, c.registration_number))

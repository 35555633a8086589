"""Late responders: per site, agency and officer, the complaints that passed a LAPOR! deadline
without the required step (``domain.complaint_lateness``), for deadlines due in a period.

A deadline *due* in ``first..last`` is listed when it was met late or is still missed on
``today``; how late is in working days (the province's calendar, ``complaints.province_calendar``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.central.models import Site
from p4_desk.central.province.complaints import histories, province_calendar
from p4_desk.domain.complaint_lateness import PassedDeadline, late_facts, passed
from p4_desk.domain.complaint_lifecycle import COMPLAINTS
from p4_desk.errors import ValidationError


@dataclass(frozen=True)
class LateRow(PassedDeadline):
    site: str
    site_name: str
    agency: str | None
    officer: str | None
    complaint_number: str
    kind: str | None
    received_on: date | None
    state: str
    state_label: str


def late_responders(session: Session, first: date, last: date, today: date) -> list[LateRow]:
    names = {code: name for code, name in session.execute(select(Site.code, Site.name))}
    calendar = province_calendar(session)
    rows = []
    for complaint in histories(session):
        for result in passed(complaint.deadlines, complaint.steps, today, calendar, first, last):
            rows.append(
                LateRow(
                    site=complaint.site,
                    site_name=names.get(complaint.site, complaint.site),
                    agency=complaint.agency,
                    officer=result.officer,
                    complaint_number=complaint.number,
                    kind=complaint.kind,
                    received_on=complaint.received_on,
                    state=complaint.state,
                    state_label=_state_label(complaint.state),
                    **late_facts(result),
                )
            )
    return sorted(rows, key=lambda r: (r.site, r.agency or "", r.officer or "", r.complaint_number, r.due))


@dataclass(frozen=True)
class OfficerTotal:
    site: str
    agency: str | None
    officer: str | None
    deadlines_passed: int
    complaints: int
    late_working_days: int


def totals(rows: list[LateRow]) -> list[OfficerTotal]:
    """Per site, agency and officer: deadlines passed, distinct complaints, working days late."""
    grouped: dict[tuple[str, str | None, str | None], list[LateRow]] = {}
    for row in rows:
        grouped.setdefault((row.site, row.agency, row.officer), []).append(row)
    return [
        OfficerTotal(
            site=site,
            agency=agency,
            officer=officer,
            deadlines_passed=len(group),
            complaints=len({r.complaint_number for r in group}),
            late_working_days=sum(r.late_working_days for r in group),
        )
        for (site, agency, officer), group in grouped.items()
    ]


def _state_label(state: str) -> str:
    try:
        return COMPLAINTS.label(state)
    except ValidationError:
        return state

"""The ranking of halls: exact figures per site (or per agency of one site) for a period.

Definitions (DESIGN §11; the recount in ``tests/integration/test_province.py`` is written from
these sentences, not from this code):

- Tickets of the period are those whose service day is in it. *Issued*: all of them; *served*:
  state ``done``; *no-show rate*: ``no_show`` / issued.
- The *wait* of a served ticket is issue → call (``called_at - issued_at``, the snapshot's latest
  call); *median* is the middle value (mean of the two middle ones), *p90* the nearest rank
  (the ⌈0.9·n⌉-th smallest). Minutes, one decimal.
- *Within target*: among served tickets whose event carried the service's target wait, the
  share whose wait in whole minutes (rounded down, ``domain.waiting``) is at most the target.
- *IKM* and grade from the period's survey responses with all nine elements (``domain.ikm``);
  a response's agency is its service's, from the hall's board (else from its tickets).
- Complaints *received* in the period; for each responder deadline (``complaint_lateness``) the
  share met on time among those decided (met, late or missed; a pending one is not counted).
  *Overdue now*: complaints of any day with a deadline missed as of today.
- Applications received in the period that were *due*: decided (``permit_lifecycle.DECIDED``), or
  not decided and past their due date; *on time*: decided on or before the due date.

The previous period has the same number of days and ends the day before ``first``.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.central.envelopes import province_zone
from p4_desk.central.models import (
    ApplicationProjection,
    ApplicationStep,
    Site,
    SiteBoard,
    SurveyProjection,
    TicketProjection,
)
from p4_desk.central.province.complaints import ComplaintHistory, histories, province_calendar, site_zones
from p4_desk.domain.complaint_lateness import RESPONDER_DEADLINES, outcomes
from p4_desk.domain.ikm import ELEMENTS, compute_ikm
from p4_desk.domain.permit_lifecycle import DECIDED
from p4_desk.domain.waiting import wait_minutes
from p4_desk.domain.working_days import HolidayCalendar

Key = str  # a site code, or an agency code within one site
NO_AGENCY = "-"


@dataclass
class DeadlineFigures:
    met: int = 0
    late: int = 0
    missed: int = 0

    @property
    def share_on_time(self) -> float | None:
        decided = self.met + self.late + self.missed
        return round(self.met / decided, 4) if decided else None


@dataclass
class Figures:
    tickets_issued: int = 0
    tickets_served: int = 0
    tickets_no_show: int = 0
    wait_median_minutes: float | None = None
    wait_p90_minutes: float | None = None
    served_with_target: int = 0
    served_within_target: int = 0
    survey_respondents: int = 0
    ikm: float | None = None
    ikm_grade: str | None = None
    complaints_received: int = 0
    deadlines: dict[str, DeadlineFigures] = field(
        default_factory=lambda: {name: DeadlineFigures() for name in RESPONDER_DEADLINES}
    )
    complaints_overdue_now: int = 0
    applications_due: int = 0
    applications_on_time: int = 0

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["no_show_rate"] = _share(self.tickets_no_show, self.tickets_issued)
        data["within_target_share"] = _share(self.served_within_target, self.served_with_target)
        data["applications_on_time_share"] = _share(self.applications_on_time, self.applications_due)
        data["deadlines"] = {
            name: {**asdict(figures), "share_on_time": figures.share_on_time}
            for name, figures in self.deadlines.items()
        }
        return data


@dataclass(frozen=True)
class Row:
    key: Key
    name: str
    current: Figures
    previous: Figures


def previous_period(first: date, last: date) -> tuple[date, date]:
    days = (last - first).days + 1
    return first - timedelta(days=days), first - timedelta(days=1)


def ranking(session: Session, first: date, last: date, today: date, *, site: str | None = None) -> list[Row]:
    """One row per site (``site`` None) or per agency of ``site``, with both periods."""
    calendar = province_calendar(session)
    names = _names(session, site)
    complaints = histories(session, None if site is None else [site])
    before_first, before_last = previous_period(first, last)
    current = _figures(session, first, last, today, site, complaints, calendar)
    previous = _figures(session, before_first, before_last, today, site, complaints, calendar)
    keys = sorted(set(names) | set(current) | set(previous))
    return [
        Row(key, names.get(key, key), current.get(key, Figures()), previous.get(key, Figures()))
        for key in keys
    ]


def _names(session: Session, site: str | None) -> dict[Key, str]:
    if site is None:
        return {code: name for code, name in session.execute(select(Site.code, Site.name))}
    names: dict[Key, str] = {}
    for agency, name in session.execute(
        select(TicketProjection.agency, TicketProjection.agency_name).where(TicketProjection.site == site)
    ):
        if agency and name:
            names[agency] = name
    board = session.get(SiteBoard, site)
    for service in board.board.get("services", []) if board else []:
        if service.get("agency") and service.get("agency_name"):
            names[service["agency"]] = service["agency_name"]
    return names


def _figures(
    session: Session,
    first: date,
    last: date,
    today: date,
    site: str | None,
    complaints: list[ComplaintHistory],
    calendar: HolidayCalendar,
) -> dict[Key, Figures]:
    figures: dict[Key, Figures] = defaultdict(Figures)

    def key_of(row_site: str, agency: str | None) -> Key:
        return row_site if site is None else (agency or NO_AGENCY)

    _tickets(session, first, last, site, key_of, figures)
    _surveys(session, first, last, site, key_of, figures)
    _complaints(first, last, today, complaints, calendar, key_of, figures)
    _applications(session, first, last, today, site, key_of, figures)
    return figures


def _tickets(
    session: Session,
    first: date,
    last: date,
    site: str | None,
    key_of: Callable[[str, str | None], Key],
    figures: dict[Key, Figures],
) -> None:
    query = select(
        TicketProjection.site,
        TicketProjection.agency,
        TicketProjection.state,
        TicketProjection.issued_at,
        TicketProjection.called_at,
        TicketProjection.target_wait_minutes,
    ).where(TicketProjection.service_day.between(first, last))
    if site is not None:
        query = query.where(TicketProjection.site == site)
    waits: dict[Key, list[float]] = defaultdict(list)
    for row_site, agency, state, issued_at, called_at, target in session.execute(query):
        into = figures[key_of(row_site, agency)]
        into.tickets_issued += 1
        into.tickets_no_show += state == "no_show"
        if state != "done":
            continue
        into.tickets_served += 1
        if issued_at is None or called_at is None or called_at < issued_at:
            continue
        waits[key_of(row_site, agency)].append((called_at - issued_at).total_seconds() / 60)
        if target is not None:
            into.served_with_target += 1
            into.served_within_target += wait_minutes(issued_at, called_at) <= target
    for key, minutes in waits.items():
        ordered = sorted(minutes)
        figures[key].wait_median_minutes = round(statistics.median(ordered), 1)
        figures[key].wait_p90_minutes = round(ordered[math.ceil(0.9 * len(ordered)) - 1], 1)


def _surveys(
    session: Session,
    first: date,
    last: date,
    site: str | None,
    key_of: Callable[[str, str | None], Key],
    figures: dict[Key, Figures],
) -> None:
    query = select(SurveyProjection.site, SurveyProjection.service, SurveyProjection.answers).where(
        SurveyProjection.day.between(first, last)
    )
    if site is not None:
        query = query.where(SurveyProjection.site == site)
    agency_of = _service_agencies(session, site)
    answers: dict[Key, list[dict[str, int]]] = defaultdict(list)
    for row_site, service, scores in session.execute(query):
        if set(scores) == set(ELEMENTS):
            answers[key_of(row_site, agency_of.get((row_site, service)))].append(scores)
    for key, rows in answers.items():
        result = compute_ikm(rows)
        figures[key].survey_respondents = result.respondents
        figures[key].ikm = float(result.ikm)
        figures[key].ikm_grade = result.grade


def _service_agencies(session: Session, site: str | None) -> dict[tuple[str, str | None], str]:
    found: dict[tuple[str, str | None], str] = {}
    tickets = select(TicketProjection.site, TicketProjection.service, TicketProjection.agency).distinct()
    boards = select(SiteBoard.site, SiteBoard.board)
    if site is not None:
        tickets = tickets.where(TicketProjection.site == site)
        boards = boards.where(SiteBoard.site == site)
    for row_site, service, agency in session.execute(tickets):
        if agency:
            found[(row_site, service)] = agency
    for row_site, board in session.execute(boards):
        for entry in board.get("services", []):
            if entry.get("agency"):
                found[(row_site, entry.get("code"))] = entry["agency"]
    return found


def _complaints(
    first: date,
    last: date,
    today: date,
    complaints: list[ComplaintHistory],
    calendar: HolidayCalendar,
    key_of: Callable[[str, str | None], Key],
    figures: dict[Key, Figures],
) -> None:
    for complaint in complaints:
        results = outcomes(complaint.deadlines, complaint.steps, today, calendar)
        into = figures[key_of(complaint.site, complaint.agency)]
        if any(result.outcome == "missed" for result in results):
            into.complaints_overdue_now += 1
        if complaint.received_on is None or not first <= complaint.received_on <= last:
            continue
        into.complaints_received += 1
        for result in results:
            if result.outcome != "pending":
                counts = into.deadlines[result.deadline]
                setattr(counts, result.outcome, getattr(counts, result.outcome) + 1)


def _applications(
    session: Session,
    first: date,
    last: date,
    today: date,
    site: str | None,
    key_of: Callable[[str, str | None], Key],
    figures: dict[Key, Figures],
) -> None:
    query = select(
        ApplicationProjection.site,
        ApplicationProjection.registration_number,
        ApplicationProjection.agency,
        ApplicationProjection.due_date,
    ).where(ApplicationProjection.day.between(first, last))
    if site is not None:
        query = query.where(ApplicationProjection.site == site)
    received = list(session.execute(query))
    decided_at: dict[tuple[str, str], Any] = {}
    steps = select(ApplicationStep.site, ApplicationStep.registration_number, ApplicationStep.at).where(
        ApplicationStep.state.in_(sorted(DECIDED))
    )
    if site is not None:
        steps = steps.where(ApplicationStep.site == site)
    for row_site, number, at in session.execute(steps):
        known = decided_at.get((row_site, number))
        decided_at[(row_site, number)] = at if known is None else min(known, at)
    zones = site_zones(session)
    for row_site, number, agency, due in received:
        if due is None:
            continue
        into = figures[key_of(row_site, agency)]
        moment = decided_at.get((row_site, number))
        if moment is None:
            into.applications_due += today > due
            continue
        into.applications_due += 1
        into.applications_on_time += moment.astimezone(zones.get(row_site, province_zone())).date() <= due


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None

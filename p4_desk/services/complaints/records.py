"""Complaints as services return them (``ComplaintInfo``), their deadlines and event payload.

Reporter identity (UU 25/2009, LAPOR! practice): ``named`` reporters are kept and sent;
``confidential`` reporters are kept in this database only, never printed nor sent;
``anonymous`` reporters leave no identity at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from p4_desk.domain.complaint_deadlines import (
    DEADLINE_LABELS,
    KIND_LABELS,
    DeadlineRules,
    overdue,
    parse_kind,
)
from p4_desk.domain.complaint_lifecycle import STATE_LABELS, ComplaintState
from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.errors import NotFound
from p4_desk.services import site as site_service
from p4_desk.store.db import Database
from p4_desk.store.models import Complaint, ComplaintSequence

IDENTITIES = {
    "named": "Identitas terbuka",
    "confidential": "Identitas dirahasiakan",
    "anonymous": "Anonim",
}
HIDDEN_REPORTER = {"confidential": "Dirahasiakan", "anonymous": "Anonim"}


@dataclass(frozen=True)
class ComplaintStepInfo:
    at: datetime
    from_state: str | None
    to_state: str
    note: str | None
    officer: str | None


@dataclass(frozen=True)
class ComplaintInfo:
    id: int
    uid: str
    number: str
    kind: str
    agency: str
    agency_name: str
    service: str | None
    service_name: str | None
    description: str
    ticket_ref: str | None
    registration_number: str | None
    service_date: date
    identity: str
    # None unless the identity is ``named``: a confidential reporter never leaves the database
    reporter_name: str | None
    reporter_phone: str | None
    reporter_email: str | None
    latitude: float
    longitude: float
    place: str | None
    state: str
    received_at: datetime
    received_on: date
    forwarded_on: date | None
    answered_on: date | None
    closed_at: datetime | None
    deadlines: Mapping[str, date]
    overdue: tuple[str, ...]
    officer: str | None
    officer_name: str | None
    steps: tuple[ComplaintStepInfo, ...] = ()
    location_warning: str | None = field(default=None, compare=False)
    web_code: str | None = None  # filed on the central server's web form (its tracking code)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[parse_kind(self.kind)]

    @property
    def state_label(self) -> str:
        return STATE_LABELS[ComplaintState(self.state)]

    @property
    def reporter_label(self) -> str:
        """What may be shown or printed about the reporter."""
        return HIDDEN_REPORTER.get(self.identity) or self.reporter_name or "-"

    @property
    def is_overdue(self) -> bool:
        return bool(self.overdue)

    @property
    def open_deadlines(self) -> list[tuple[date, str]]:
        """(due date, name) of the deadlines that still apply in the current state, earliest first."""
        return sorted(
            (due, name)
            for name, due in self.deadlines.items()
            if overdue(self.state, {name: due}, due + timedelta(days=1))
        )

    def to_json(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "steps"}
        data["deadlines"] = {name: due.isoformat() for name, due in self.deadlines.items()}
        data["overdue"] = list(self.overdue)
        data["kind_label"] = self.kind_label
        data["state_label"] = self.state_label
        data["steps"] = [step.__dict__ for step in self.steps]
        return data


@dataclass(frozen=True)
class OverdueGroup:
    """Overdue complaints of one agency or one officer (the province flags both)."""

    key: str
    name: str
    numbers: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.numbers)


def site_holidays(db: Database) -> HolidayCalendar:
    """The holiday calendar deadlines are counted with: the site's holidays table, kept up to date
    from the central catalogue and by admin import (the same one permit due dates use)."""
    from p4_desk.services.permits import holiday_calendar

    return holiday_calendar(db)


def deadline_rules(db: Database) -> DeadlineRules:
    settings = site_service.all_settings(db)

    def optional(key: str) -> int | None:
        value = int(settings[key])
        return value if value > 0 else None

    return DeadlineRules(
        verify_forward=int(settings["complaint.verify_forward_days"]),
        follow_up_plan=int(settings["complaint.follow_up_plan_days"]),
        auto_close_after_follow_up=int(settings["complaint.auto_close_days"]),
        answer_days=optional("complaint.answer_days"),
        resolution_days=optional("complaint.resolution_days"),
    )


def site_today(db: Database) -> date:
    return db.now().astimezone(db.timezone).date()


def deadlines_of(c: Complaint) -> dict[str, date]:
    return {name: date.fromisoformat(due) for name, due in (c.deadlines or {}).items()}


def complaint_info(
    c: Complaint, today: date, *, with_steps: bool = False, warning: str | None = None
) -> ComplaintInfo:
    deadlines = deadlines_of(c)
    named = c.identity == "named"
    return ComplaintInfo(
        id=c.id,
        uid=c.uid,
        number=c.number,
        kind=c.kind,
        agency=c.agency.code,
        agency_name=c.agency.name,
        service=c.service.code if c.service else None,
        service_name=c.service.name if c.service else None,
        description=c.description,
        ticket_ref=c.ticket_ref,
        registration_number=c.registration_number,
        service_date=c.service_date,
        identity=c.identity,
        reporter_name=c.reporter_name if named else None,
        reporter_phone=c.reporter_phone if named else None,
        reporter_email=c.reporter_email if named else None,
        latitude=c.latitude,
        longitude=c.longitude,
        place=c.place,
        state=c.state,
        received_at=c.received_at,
        received_on=c.received_on,
        forwarded_on=c.forwarded_on,
        answered_on=c.answered_on,
        closed_at=c.closed_at,
        deadlines=deadlines,
        overdue=tuple(overdue(c.state, deadlines, today)),
        officer=c.officer.username if c.officer else None,
        officer_name=c.officer.full_name if c.officer else None,
        steps=tuple(
            ComplaintStepInfo(st.at, st.from_state, st.to_state, st.note, st.username) for st in c.steps
        )
        if with_steps
        else (),
        location_warning=warning,
        web_code=c.web_code,
    )


def event_payload(c: Complaint, note: str | None, officer: str | None) -> dict[str, Any]:
    """Outbox payload (docs/DEVELOPING.md); no identity unless the reporter chose to be named."""
    reporter = None
    if c.identity == "named":
        reporter = {"name": c.reporter_name, "phone": c.reporter_phone, "email": c.reporter_email}
    return {
        "complaint_number": c.number,
        "kind": c.kind,
        "agency": c.agency.code,
        "service": c.service.code if c.service else None,
        "state": c.state,
        "description": c.description,
        "confidential": c.identity != "named",
        "reporter": reporter,
        "latitude": c.latitude,
        "longitude": c.longitude,
        "place": c.place,
        "deadlines": dict(c.deadlines or {}),
        "note": note,
        "officer": officer,
        "received_at": c.received_at.isoformat(),
        "web_code": c.web_code,
    }


def find_complaint(s: Session, number: str, *, lock: bool = False, db: Database | None = None) -> Complaint:
    q = select(Complaint).where(Complaint.number == number.strip().upper())
    if lock and db is not None and not db.is_sqlite:
        q = q.with_for_update()
    complaint = s.scalar(q)
    if complaint is None:
        raise NotFound(f"Pengaduan '{number}' tidak ditemukan.", field="number")
    return complaint


def deadline_label(name: str) -> str:
    return DEADLINE_LABELS.get(name, name)


def allocate_number(s: Session, db: Database, year: int) -> str:
    ins = (sqlite.insert if db.is_sqlite else postgresql.insert)(ComplaintSequence)
    stmt = (
        ins.values(year=year, last_number=1)
        .on_conflict_do_update(
            index_elements=["year"], set_={"last_number": ComplaintSequence.last_number + 1}
        )
        .returning(ComplaintSequence.last_number)
    )
    return f"PGD-{year}-{int(s.execute(stmt).scalar_one()):05d}"


def optional_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None

"""Applications as services return them: frozen read models, the event payload, finding one.

Personal data (UU 27/2022): the full NIK is stored for the officer's search and the hand-over
check, and leaves this package only masked — never in an event, an audit row, a log line, a
receipt or a returned dataclass.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.domain.masking import mask_nik
from p4_desk.domain.permit_lifecycle import LABELS, PermitState
from p4_desk.domain.registration import parse_registration_number
from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.errors import NotFound
from p4_desk.services.applications.clock import ClockInfo, clock_info, receipt_revision
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor
from p4_desk.store.models import Agency, Application, ApplicationStatusChange, User


@dataclass(frozen=True)
class DocumentInfo:
    requirement: str
    name: str
    mandatory: bool
    received: bool
    note: str


@dataclass(frozen=True)
class HistoryEntry:
    state: str
    label: str
    at: datetime
    officer: str | None
    note: str


@dataclass(frozen=True)
class ProxyInfo:
    """Who collected the permit for the applicant, with a power of attorney (surat kuasa)."""

    name: str
    nik_masked: str
    letter_number: str | None
    letter_date: date | None


@dataclass(frozen=True)
class ApplicationInfo:
    registration_number: str
    permit_type: str
    permit_name: str
    agency: str
    agency_name: str
    product: str
    state: str
    applicant_name: str
    nik_masked: str
    phone: str
    email: str | None
    address: str
    nib: str | None
    business_name: str | None
    ticket_number: str | None
    fee: int
    incomplete: bool
    received_at: datetime
    received_date: date  # site-local
    due_date: date
    officer: str | None
    officer_name: str | None
    receipt_prints: int
    handed_over_at: datetime | None
    handed_over_to: str | None
    clock: ClockInfo  # the deadline clock now; ``due_date`` is the date last promised
    documents: tuple[DocumentInfo, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    due_estimated: bool = False  # counted through a year with no official holiday list
    proxy: ProxyInfo | None = None  # handed over to a representative (surat kuasa)
    # an intake receipt was printed before the expected completion last changed
    receipt_outdated: bool = False

    @property
    def state_label(self) -> str:
        return LABELS[PermitState(self.state)]

    @property
    def missing_documents(self) -> tuple[DocumentInfo, ...]:
        return tuple(d for d in self.documents if d.mandatory and not d.received)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["state_label"] = self.state_label
        out["missing_documents"] = [d.requirement for d in self.missing_documents]
        for key, value in out.items():
            if isinstance(value, datetime | date):
                out[key] = value.isoformat()
        for entry in out["history"]:
            entry["at"] = entry["at"].isoformat()
        out["clock"] = self.clock.to_json()
        if self.proxy is not None and self.proxy.letter_date is not None:
            out["proxy"]["letter_date"] = self.proxy.letter_date.isoformat()
        return out


@dataclass(frozen=True)
class ApplicationSummary:
    registration_number: str
    permit_type: str
    permit_name: str
    state: str
    applicant_name: str
    nik_masked: str
    phone: str
    received_at: datetime
    due_date: date
    incomplete: bool
    clock_state: str = "running"  # domain.permit_clock.ClockState: a stopped clock has no due date

    @property
    def state_label(self) -> str:
        return LABELS[PermitState(self.state)]

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["state_label"] = self.state_label
        out["received_at"] = self.received_at.isoformat()
        out["due_date"] = self.due_date.isoformat()
        return out


def history_row(state: PermitState, at: datetime, actor: Actor, note: str) -> ApplicationStatusChange:
    return ApplicationStatusChange(
        state=state.value, at=at, officer_id=actor.user_id, officer_name=actor.username, note=note
    )


def event_payload(info: ApplicationInfo, note: str, tracking_secret: str | None = None) -> dict[str, Any]:
    """The application snapshot every application event carries (docs/DEVELOPING.md,
    ``schema_version`` 3: with the deadline clock and who collected the permit). The tracking
    secret goes to the central server only, which keeps its hash to open the receipt's tracking
    page; the names a citizen reads there."""
    proxy = info.proxy
    return {
        "registration_number": info.registration_number,
        "permit_type": info.permit_type,
        "agency": info.agency,
        "state": info.state,
        "applicant_name": info.applicant_name,
        "nik_masked": info.nik_masked,
        "due_date": info.due_date.isoformat(),
        "received_at": info.received_at.isoformat(),
        "note": note,
        "officer": info.officer,
        "missing_documents": [d.requirement for d in info.missing_documents],
        "clock": info.clock.event_json(),
        "handed_over_to": info.handed_over_to,
        "proxy": None
        if proxy is None
        else {
            "name": proxy.name,
            "nik_masked": proxy.nik_masked,
            "letter_number": proxy.letter_number,
            "letter_date": proxy.letter_date.isoformat() if proxy.letter_date else None,
        },
        "missing_document_names": [d.name for d in info.missing_documents],
        "permit_name": info.permit_name,
        "tracking_secret": tracking_secret,
    }


def full_name(s: Session, user_id: int | None) -> str | None:
    return None if user_id is None else s.scalar(select(User.full_name).where(User.id == user_id))


def application_info(
    s: Session, app: Application, db: Database, calendar: HolidayCalendar
) -> ApplicationInfo:
    """The read model of ``app``; its deadline clock is read with ``calendar`` as of today."""
    permit = app.permit_type
    agency_name = s.scalar(select(Agency.name).where(Agency.code == permit.agency)) or permit.agency
    officer_name = (
        s.scalar(select(User.full_name).where(User.id == app.officer_id)) if app.officer_id else None
    )
    return ApplicationInfo(
        registration_number=app.registration_number,
        permit_type=permit.code,
        permit_name=permit.name,
        agency=permit.agency,
        agency_name=agency_name,
        product=permit.product,
        state=app.state,
        applicant_name=app.name,
        nik_masked=app.nik if app.anonymised_at else mask_nik(app.nik),
        phone=app.phone,
        email=app.email,
        address=app.address,
        nib=app.nib,
        business_name=app.business_name,
        ticket_number=app.ticket_number,
        fee=app.fee,
        incomplete=app.incomplete,
        received_at=app.received_at,
        received_date=app.received_at.astimezone(db.timezone).date(),
        due_date=app.due_date,
        officer=app.officer_name,
        officer_name=officer_name or app.officer_name,
        receipt_prints=app.receipt_prints,
        handed_over_at=app.handed_over_at,
        handed_over_to=app.handed_over_to,
        clock=clock_info(app, calendar, db.now(), db.timezone),
        proxy=ProxyInfo(
            app.handed_over_to or "",
            app.proxy_nik_masked or "",
            app.proxy_letter_number,
            app.proxy_letter_date,
        )
        if app.handed_over_by_proxy
        else None,
        documents=tuple(
            DocumentInfo(d.requirement_code, d.name, d.mandatory, d.received, d.note) for d in app.documents
        ),
        history=tuple(
            HistoryEntry(h.state, LABELS[PermitState(h.state)], h.at, h.officer_name, h.note)
            for h in app.history
        ),
        due_estimated=app.due_estimated,
        receipt_outdated=app.receipt_prints > 0 and app.receipt_clock_events != receipt_revision(app),
    )


def find_application(s: Session, db: Database, ref: str, *, lock: bool = False) -> Application:
    number = parse_registration_number(ref).text
    query = select(Application).where(Application.registration_number == number)
    if lock and not db.is_sqlite:
        query = query.with_for_update()
    app = s.scalar(query)
    if app is None:
        raise NotFound(f"Permohonan {number} tidak ditemukan.", field="registration_number")
    return app

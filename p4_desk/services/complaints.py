"""Complaints (*pengaduan*, SP4N-LAPOR!): filing, steps with deadlines, overdue lists, auto-close.

A complaint is received at a counter or the supervisor desk, gets a number, and moves
received → verified → forwarded → answered → closed (``domain.complaint_deadlines``). Every
step is one transaction: the complaint row, its step row, an audit row and an outbox event
(``complaint.received`` / ``complaint.status_changed``), which is how it reaches the central
API and from there SP4N-LAPOR!.

Reporter identity (UU 25/2009, LAPOR! practice): ``named`` reporters are kept and sent;
``confidential`` reporters are kept in this database only, never printed nor sent;
``anonymous`` reporters leave no identity at all.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from p4_desk.domain.complaint_deadlines import (
    DEADLINE_LABELS,
    KIND_LABELS,
    STATE_LABELS,
    ComplaintState,
    DeadlineRules,
    check_filing_window,
    check_transition,
    compute_deadlines,
    overdue,
    parse_kind,
)
from p4_desk.domain.geo import check_location
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.registration import parse_registration_number
from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.errors import NotFound, ValidationError
from p4_desk.services import site as site_service
from p4_desk.services.catalog import find_service
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Agency, Complaint, ComplaintSequence, ComplaintStep, User

IDENTITIES = {
    "named": "Identitas terbuka",
    "confidential": "Identitas dirahasiakan",
    "anonymous": "Anonim",
}
HIDDEN_REPORTER = {"confidential": "Dirahasiakan", "anonymous": "Anonim"}
MAX_DESCRIPTION = 4000
_TICKET_REF = re.compile(r"^[A-Z]{0,3}\d{1,6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


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


# --- rules and calendar ---------------------------------------------------------------------


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


def _today(db: Database) -> date:
    return db.now().astimezone(db.timezone).date()


# --- reading --------------------------------------------------------------------------------


def _deadlines(c: Complaint) -> dict[str, date]:
    return {name: date.fromisoformat(due) for name, due in (c.deadlines or {}).items()}


def _info(
    c: Complaint, today: date, *, with_steps: bool = False, warning: str | None = None
) -> ComplaintInfo:
    deadlines = _deadlines(c)
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
    )


def _payload(c: Complaint, note: str | None, officer: str | None) -> dict[str, Any]:
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
    }


def _find(s: Session, number: str, *, lock: bool = False, db: Database | None = None) -> Complaint:
    q = select(Complaint).where(Complaint.number == number.strip().upper())
    if lock and db is not None and not db.is_sqlite:
        q = q.with_for_update()
    complaint = s.scalar(q)
    if complaint is None:
        raise NotFound(f"Pengaduan '{number}' tidak ditemukan.", field="number")
    return complaint


def get_complaint(db: Database, number: str) -> ComplaintInfo:
    with db.read() as s:
        return _info(_find(s, number), _today(db), with_steps=True)


def list_complaints(
    db: Database,
    *,
    overdue_only: bool = False,
    include_closed: bool = True,
    agency: str | None = None,
    officer: str | None = None,
) -> list[ComplaintInfo]:
    """Newest first; ``overdue_only`` keeps those with a deadline past in their current state."""
    today = _today(db)
    q = (
        select(Complaint)
        .options(
            selectinload(Complaint.agency), selectinload(Complaint.service), selectinload(Complaint.officer)
        )
        .order_by(Complaint.received_at.desc(), Complaint.id.desc())
    )
    if not include_closed or overdue_only:
        q = q.where(Complaint.state != ComplaintState.CLOSED.value)
    if agency:
        q = q.join(Agency, Complaint.agency_id == Agency.id).where(Agency.code == agency.upper())
    if officer:
        q = q.join(User, Complaint.officer_id == User.id).where(User.username == officer)
    with db.read() as s:
        found = [_info(c, today) for c in s.scalars(q)]
    return [c for c in found if c.overdue] if overdue_only else found


def overdue_by_agency(db: Database) -> list[OverdueGroup]:
    groups: dict[str, tuple[str, list[str]]] = {}
    for c in list_complaints(db, overdue_only=True):
        groups.setdefault(c.agency, (c.agency_name, []))[1].append(c.number)
    return _sorted_groups(groups)


def overdue_by_officer(db: Database) -> list[OverdueGroup]:
    groups: dict[str, tuple[str, list[str]]] = {}
    for c in list_complaints(db, overdue_only=True):
        key = c.officer or "-"
        groups.setdefault(key, (c.officer_name or "Tanpa petugas", []))[1].append(c.number)
    return _sorted_groups(groups)


def _sorted_groups(groups: dict[str, tuple[str, list[str]]]) -> list[OverdueGroup]:
    result = [OverdueGroup(key, name, tuple(numbers)) for key, (name, numbers) in groups.items()]
    return sorted(result, key=lambda g: (-g.count, g.key))


# --- filing ---------------------------------------------------------------------------------


def allocate_number(s: Session, db: Database, year: int) -> str:
    """The next complaint number of ``year`` (``PGD-2025-00001``), atomic across PCs."""
    ins = (sqlite.insert if db.is_sqlite else postgresql.insert)(ComplaintSequence)
    stmt = (
        ins.values(year=year, last_number=1)
        .on_conflict_do_update(
            index_elements=["year"], set_={"last_number": ComplaintSequence.last_number + 1}
        )
        .returning(ComplaintSequence.last_number)
    )
    return f"PGD-{year}-{int(s.execute(stmt).scalar_one()):05d}"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _reporter(
    identity: str, name: str | None, phone: str | None, email: str | None
) -> tuple[str | None, str | None, str | None]:
    if identity not in IDENTITIES:
        raise ValidationError(
            f"Identitas pelapor '{identity}' tidak dikenal (named, confidential atau anonymous).",
            field="identity",
        )
    if identity == "anonymous":
        return None, None, None  # nothing is kept, even if something was typed
    if not name:
        raise ValidationError("Nama pelapor wajib diisi (atau pilih anonim).", field="reporter_name")
    if not phone and not email:
        raise ValidationError(
            "Isi nomor telepon atau email pelapor agar tindak lanjut dapat disampaikan.",
            field="reporter_phone",
        )
    if phone:
        try:
            phone = normalize_phone(phone)
        except ValidationError as exc:
            raise ValidationError(exc.message, field="reporter_phone") from None
    if email and not _EMAIL.match(email):
        raise ValidationError("Alamat email pelapor tidak valid.", field="reporter_email")
    return name, phone, email


def _parse_date(value: date | str | None, field_name: str, default: date) -> date:
    if value is None or value == "":
        return default
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(
            "Tanggal harus berformat TTTT-BB-HH (contoh 2026-03-04).", field=field_name
        ) from None


def file_complaint(
    db: Database,
    *,
    kind: str,
    agency: str,
    description: str,
    service: str | None = None,
    ticket: str | None = None,
    registration_number: str | None = None,
    service_date: date | str | None = None,
    identity: str = "named",
    reporter_name: str | None = None,
    reporter_phone: str | None = None,
    reporter_email: str | None = None,
    latitude: float | str | None = None,
    longitude: float | str | None = None,
    place: str | None = None,
    actor: Actor = SYSTEM,
) -> ComplaintInfo:
    """Receive a complaint; the fields are checked in form order so the first error is on top."""
    complaint_kind = parse_kind(_text(kind) or "")
    if not _text(agency):
        raise ValidationError("Pilih instansi yang diadukan.", field="agency")
    text = _text(description)
    if not text:
        raise ValidationError("Uraian pengaduan wajib diisi.", field="description")
    if len(text) > MAX_DESCRIPTION:
        raise ValidationError(
            f"Uraian pengaduan terlalu panjang (maks. {MAX_DESCRIPTION} karakter).", field="description"
        )
    ticket_ref = _text(ticket)
    if ticket_ref is not None:
        ticket_ref = ticket_ref.upper()
        if not _TICKET_REF.match(ticket_ref):
            raise ValidationError("Nomor tiket tidak valid (contoh: A017).", field="ticket")
    reg = _text(registration_number)
    if reg is not None:
        reg = parse_registration_number(reg).text
    today = _today(db)
    served_on = _parse_date(service_date, "service_date", today)
    check_filing_window(served_on, today)
    name, phone, email = _reporter(
        identity, _text(reporter_name), _text(reporter_phone), _text(reporter_email)
    )
    if _text(latitude) is None and _text(longitude) is None:
        latitude = site_service.get_setting(db, "site.latitude")
        longitude = site_service.get_setting(db, "site.longitude")
    elif _text(latitude) is None:
        raise ValidationError("Lintang (latitude) wajib diisi bersama bujur.", field="latitude")
    elif _text(longitude) is None:
        raise ValidationError("Bujur (longitude) wajib diisi bersama lintang.", field="longitude")
    location = check_location(latitude, longitude)  # type: ignore[arg-type]
    place_name = _text(place)
    if place_name is not None and len(place_name) > 200:
        raise ValidationError("Nama tempat terlalu panjang (maks. 200 karakter).", field="place")

    calendar, rules = site_holidays(db), deadline_rules(db)
    now = db.now()
    with db.write() as s:
        agency_row = s.scalar(select(Agency).where(Agency.code == agency.strip().upper()))
        if agency_row is None:
            raise NotFound(f"Instansi '{agency}' tidak ditemukan.", field="agency")
        service_row = None
        if _text(service):
            service_row = find_service(s, str(service).strip())
            if service_row.agency_id != agency_row.id:
                raise ValidationError(
                    f"Layanan {service_row.name} bukan layanan {agency_row.name}.", field="service"
                )
        deadlines = compute_deadlines(today, rules, calendar)
        c = Complaint(
            uid=str(uuid.uuid4()),
            number=allocate_number(s, db, now.astimezone(db.timezone).year),
            kind=complaint_kind.value,
            agency=agency_row,
            service=service_row,
            description=text,
            ticket_ref=ticket_ref,
            registration_number=reg,
            service_date=served_on,
            identity=identity,
            reporter_name=name,
            reporter_phone=phone,
            reporter_email=email,
            latitude=location.point.latitude,
            longitude=location.point.longitude,
            place=place_name,
            state=ComplaintState.RECEIVED.value,
            received_at=now,
            received_on=today,
            deadlines={k: v.isoformat() for k, v in deadlines.items()},
            officer=s.get(User, actor.user_id) if actor.user_id is not None else None,
            updated_at=now,
        )
        s.add(c)
        s.flush()
        c.steps.append(
            ComplaintStep(
                at=now,
                from_state=None,
                to_state=c.state,
                officer_id=actor.user_id,
                username=actor.username,
            )
        )
        record(
            s,
            db,
            actor,
            "complaint.receive",
            "complaint",
            c.number,
            details={"kind": c.kind, "agency": agency_row.code, "identity": identity},
            event_type="complaint.received",
            payload=_payload(c, None, actor.username),
            at=now,
        )
        s.flush()
        return _info(c, today, with_steps=True, warning=location.warning)


def file_complaint_from_json(db: Database, data: Mapping[str, Any], actor: Actor = SYSTEM) -> ComplaintInfo:
    """The JSON form of ``file_complaint`` (CLI, imports): same keys as its parameters."""
    allowed = {
        "kind", "agency", "description", "service", "ticket", "registration_number", "service_date",
        "identity", "reporter_name", "reporter_phone", "reporter_email", "latitude", "longitude", "place",
    }  # fmt: skip
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ValidationError(f"Kolom pengaduan tidak dikenal: {', '.join(unknown)}", field=unknown[0])
    for required in ("kind", "agency", "description"):
        if required not in data:
            raise ValidationError(f"Kolom '{required}' wajib diisi.", field=required)
    return file_complaint(db, actor=actor, **dict(data))


# --- steps ----------------------------------------------------------------------------------


NOTE_REQUIRED = {
    ComplaintState.ANSWERED: "Isi tanggapan / rencana tindak lanjut instansi.",
}


def step_complaint(
    db: Database, number: str, to_state: str, note: str | None = None, actor: Actor = SYSTEM
) -> ComplaintInfo:
    """Move a complaint one step; closing before it was forwarded needs a reason."""
    note = _text(note)
    today = _today(db)
    calendar, rules = site_holidays(db), deadline_rules(db)
    with db.write() as s:
        c = _find(s, number, lock=True, db=db)
        check_transition(c.state, to_state)
        new = ComplaintState(to_state)
        if new in NOTE_REQUIRED and not note:
            raise ValidationError(NOTE_REQUIRED[new], field="note")
        if new is ComplaintState.CLOSED and c.state in ("received", "verified") and not note:
            raise ValidationError(
                "Alasan penutupan wajib diisi (mis. bukan pengaduan, ganda, di luar layanan).",
                field="note",
            )
        _apply(s, db, c, new, note, actor, today, calendar, rules)
        s.flush()
        return _info(c, today, with_steps=True)


def _apply(
    s: Session,
    db: Database,
    c: Complaint,
    new: ComplaintState,
    note: str | None,
    actor: Actor,
    today: date,
    calendar: HolidayCalendar,
    rules: DeadlineRules,
) -> None:
    now = db.now()
    old = c.state
    if new is ComplaintState.FORWARDED:
        c.forwarded_on, c.answered_on = today, None
    elif new is ComplaintState.ANSWERED:
        c.answered_on = today
    elif new is ComplaintState.CLOSED:
        c.closed_at = now
    fresh = compute_deadlines(
        c.received_on, rules, calendar, forwarded_on=c.forwarded_on, answered_on=c.answered_on
    )
    # deadlines already promised keep their date; only those that depend on this step move
    kept = {k: v for k, v in (c.deadlines or {}).items() if k not in ("follow_up_plan", "auto_close")}
    c.deadlines = {**{k: v.isoformat() for k, v in fresh.items()}, **kept}
    c.state, c.updated_at = new.value, now
    c.steps.append(
        ComplaintStep(
            at=now,
            from_state=old,
            to_state=new.value,
            note=note,
            officer_id=actor.user_id,
            username=actor.username,
        )
    )
    record(
        s,
        db,
        actor,
        "complaint.step",
        "complaint",
        c.number,
        details={"from": old, "to": new.value, "note": note},
        event_type="complaint.status_changed",
        payload=_payload(c, note, actor.username),
        at=now,
    )


AUTO_CLOSE_NOTE = "Ditutup otomatis: pelapor tidak menanggapi tindak lanjut dalam batas waktu."


def auto_close_due(db: Database) -> list[str]:
    """Close answered complaints whose reporter did not reply in time; returns their numbers.

    Safe to call as often as wanted (at start-up, every hour): a closed complaint is skipped.
    """
    today = _today(db)
    calendar, rules = site_holidays(db), deadline_rules(db)
    with db.read() as s:
        candidates = [
            c.number
            for c in s.scalars(select(Complaint).where(Complaint.state == ComplaintState.ANSWERED.value))
            if "auto_close" in overdue(c.state, _deadlines(c), today)
        ]
    closed = []
    for number in candidates:
        with db.write() as s:
            c = _find(s, number, lock=True, db=db)
            if c.state != ComplaintState.ANSWERED.value:  # replied or closed meanwhile
                continue
            if "auto_close" not in overdue(c.state, _deadlines(c), today):
                continue
            _apply(s, db, c, ComplaintState.CLOSED, AUTO_CLOSE_NOTE, SYSTEM, today, calendar, rules)
            closed.append(c.number)
    return closed


def deadline_label(name: str) -> str:
    return DEADLINE_LABELS.get(name, name)

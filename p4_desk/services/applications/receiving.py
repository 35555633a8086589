"""Intake: check every field, allocate the registration number, compute the due date."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import partial

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, selectinload

from p4_desk.domain.nik import normalize_nik
from p4_desk.domain.permit_clock import ClockAction, WaitingFor
from p4_desk.domain.permit_lifecycle import INITIAL_STATE
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.registration import format_registration_number
from p4_desk.errors import ConfigError, NotFound
from p4_desk.services import queue
from p4_desk.services.applications.clock import append_clock_event
from p4_desk.services.applications.forms import DocumentInput, IntakeInvalid, IntakeRequest, check_fields
from p4_desk.services.applications.records import (
    ApplicationInfo,
    application_info,
    event_payload,
    history_row,
)
from p4_desk.services.citizen_links import new_tracking_secret
from p4_desk.services.permits import holiday_calendar
from p4_desk.services.site import get_setting, get_site
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import (
    Application,
    ApplicationDocument,
    IntakeDraft,
    PermitType,
    RegistrationSequence,
)

log = logging.getLogger(__name__)

INCOMPLETE_POLICIES = ("refuse", "accept")


def registration_prefix(db: Database) -> str:
    """The site setting, or the letters of the site code (``MPP-BDL`` → ``MPPBDL``)."""
    configured = str(get_setting(db, "permits.registration_prefix") or "").strip().upper()
    if configured:
        if not re.fullmatch(r"[A-Z]{2,6}", configured):
            raise ConfigError(
                f"Awalan nomor pendaftaran '{configured}' tidak valid: harus 2–6 huruf A–Z "
                "(pengaturan permits.registration_prefix)."
            )
        return configured
    letters = "".join(ch for ch in get_site(db).code.upper() if "A" <= ch <= "Z")[:6]
    return letters if len(letters) >= 2 else "REG"


def incomplete_policy(db: Database) -> str:
    policy = str(get_setting(db, "permits.incomplete_policy"))
    if policy not in INCOMPLETE_POLICIES:
        raise ConfigError(
            f"Pengaturan permits.incomplete_policy '{policy}' tidak dikenal (refuse atau accept)."
        )
    return policy


def _documents(
    permit: PermitType, given: Sequence[DocumentInput]
) -> tuple[list[ApplicationDocument], str | None]:
    """The checklist of the permit type with what was handed in; unknown codes are an error."""
    known = {r.code for r in permit.requirements}
    by_code = {d.requirement.strip().upper(): d for d in given}
    unknown = sorted(set(by_code) - known)
    if unknown:
        return [], f"Persyaratan tidak dikenal untuk izin {permit.code}: {', '.join(unknown)}"
    docs = []
    for position, req in enumerate(permit.requirements):
        entry = by_code.get(req.code)
        docs.append(
            ApplicationDocument(
                requirement_code=req.code,
                name=req.name,
                mandatory=req.mandatory,
                received=bool(entry and entry.received),
                note=entry.note if entry else "",
                position=position,
            )
        )
    return docs, None


def allocate_sequence(s: Session, db: Database, prefix: str, year: int, month: int) -> int:
    """The next registration sequence of ``prefix`` in that month, atomic across PCs."""
    ins = (sqlite.insert if db.is_sqlite else postgresql.insert)(RegistrationSequence)
    stmt = (
        ins.values(prefix=prefix, year=year, month=month, last_number=1)
        .on_conflict_do_update(
            index_elements=["prefix", "year", "month"],
            set_={"last_number": RegistrationSequence.last_number + 1},
        )
        .returning(RegistrationSequence.last_number)
    )
    return int(s.execute(stmt).scalar_one())


def intake(
    db: Database, request: IntakeRequest, actor: Actor = SYSTEM, *, draft_key: str | None = None
) -> ApplicationInfo:
    """Register an application: checks every field, allocates the number, computes the due date.

    Raises ``IntakeInvalid`` with one message per bad field. An incomplete dossier is refused
    or accepted as *berkas belum lengkap* depending on the site setting; an accepted one starts
    with its deadline clock stopped, waiting for the documents (``clock_steps.resume_clock``
    records their arrival). The draft
    ``draft_key`` (if any) is removed in the same transaction.
    """
    now = db.now()
    today = now.astimezone(db.timezone).date()
    errors = check_fields(request, today)
    ticket: queue.TicketInfo | None = None
    if request.ticket:
        try:
            ticket = queue.get_ticket(db, request.ticket)
        except NotFound:
            errors["ticket"] = f"Tiket antrian {request.ticket} tidak ditemukan"
    policy = incomplete_policy(db)
    prefix = registration_prefix(db)
    calendar = holiday_calendar(db)
    with db.write() as s:
        permit = s.scalar(
            select(PermitType)
            .where(PermitType.code == request.permit_type.upper())
            .options(selectinload(PermitType.requirements))
        )
        docs: list[ApplicationDocument] = []
        if request.permit_type and (permit is None or permit.retired):
            errors["permit_type"] = f"Jenis izin '{request.permit_type}' tidak tersedia"
        elif permit is not None:
            docs, doc_error = _documents(permit, request.documents)
            if doc_error:
                errors["documents"] = doc_error
        missing = [d for d in docs if d.mandatory and not d.received]
        if missing and policy == "refuse":
            errors["documents"] = "Berkas belum lengkap, belum diserahkan: " + ", ".join(
                d.name for d in missing
            )
        if errors or permit is None:
            raise IntakeInvalid(errors)

        due = calendar.count(
            today, permit.working_days, cuti_bersama_is_workday=permit.cuti_bersama_is_workday
        )
        seq = allocate_sequence(s, db, prefix, today.year, today.month)
        number = format_registration_number(prefix, today.year, today.month, seq)
        app = Application(
            registration_number=number,
            permit_type=permit,
            state=INITIAL_STATE.value,
            nik=normalize_nik(request.nik),
            name=" ".join(request.name.split()),
            name_key=" ".join(request.name.split()).lower(),
            phone=normalize_phone(request.phone),
            email=request.email or None,
            address=" ".join(request.address.split()),
            nib=request.nib.replace(" ", "") or None,
            business_name=request.business_name.strip() or None,
            ticket_uid=ticket.uid if ticket else None,
            ticket_number=ticket.number if ticket else None,
            fee=permit.fee,
            incomplete=bool(missing),
            received_at=now,
            due_date=due.due,
            due_estimated=due.estimated,
            clock_days=permit.working_days,
            officer_id=actor.user_id,
            officer_name=actor.username,
            receipt_prints=0,
            tracking_secret=new_tracking_secret(),
            updated_at=now,
            documents=docs,
        )
        note = "Berkas belum lengkap: " + ", ".join(d.name for d in missing) if missing else "Berkas lengkap"
        app.history.append(history_row(INITIAL_STATE, now, actor, note))
        clock = partial(
            append_clock_event, day=today, at=now, actor=actor, calendar=calendar, zone=db.timezone
        )
        clock(app, ClockAction.START)
        if missing:  # waiting for the applicant's documents (OSS 41): the clock starts stopped
            clock(app, ClockAction.STOP, waiting_for=WaitingFor.DOCUMENTS, reason=note)
        s.add(app)
        s.flush()
        info = application_info(s, app, db, calendar)
        record(
            s, db, actor, "application.receive", "application", number,
            details={"permit_type": permit.code, "incomplete": bool(missing), "ticket": info.ticket_number},
            event_type="application.received", payload=event_payload(info, note, app.tracking_secret), at=now,
        )  # fmt: skip
        if draft_key:
            s.execute(delete(IntakeDraft).where(IntakeDraft.key == draft_key))
    log.info("application %s received (%s)", number, permit.code)
    return info

"""Filing a complaint: the reporter, the filing window, the number, the first deadlines."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from p4_desk.domain.complaint_deadlines import check_filing_window, compute_deadlines, parse_kind
from p4_desk.domain.complaint_lifecycle import ComplaintState
from p4_desk.domain.geo import check_location
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.registration import parse_registration_number
from p4_desk.errors import NotFound, ValidationError
from p4_desk.services import site as site_service
from p4_desk.services.catalog import find_service
from p4_desk.services.complaints.records import (
    IDENTITIES,
    ComplaintInfo,
    allocate_number,
    complaint_info,
    deadline_rules,
    event_payload,
    optional_text,
    site_holidays,
    site_today,
)
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Agency, Complaint, ComplaintStep, User

MAX_DESCRIPTION = 4000
_TICKET_REF = re.compile(r"^[A-Z]{0,3}\d{1,6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


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
    received_at: datetime | None = None,
    web_code: str | None = None,
) -> ComplaintInfo:
    """Receive a complaint; the fields are checked in form order so the first error is on top.

    ``received_at``: when it was filed elsewhere (the central server's web form, ``web_code``
    its tracking code): the filing window and the LAPOR! deadlines count from that moment.
    """
    complaint_kind = parse_kind(optional_text(kind) or "")
    if not optional_text(agency):
        raise ValidationError("Pilih instansi yang diadukan.", field="agency")
    text = optional_text(description)
    if not text:
        raise ValidationError("Uraian pengaduan wajib diisi.", field="description")
    if len(text) > MAX_DESCRIPTION:
        raise ValidationError(
            f"Uraian pengaduan terlalu panjang (maks. {MAX_DESCRIPTION} karakter).", field="description"
        )
    ticket_ref = optional_text(ticket)
    if ticket_ref is not None:
        ticket_ref = ticket_ref.upper()
        if not _TICKET_REF.match(ticket_ref):
            raise ValidationError("Nomor tiket tidak valid (contoh: A017).", field="ticket")
    reg = optional_text(registration_number)
    if reg is not None:
        reg = parse_registration_number(reg).text
    now = db.now()
    received = min(received_at, now) if received_at is not None else now
    today = received.astimezone(db.timezone).date() if received_at is not None else site_today(db)
    served_on = _parse_date(service_date, "service_date", today)
    check_filing_window(served_on, today)
    name, phone, email = _reporter(
        identity, optional_text(reporter_name), optional_text(reporter_phone), optional_text(reporter_email)
    )
    if optional_text(latitude) is None and optional_text(longitude) is None:
        latitude = site_service.get_setting(db, "site.latitude")
        longitude = site_service.get_setting(db, "site.longitude")
    elif optional_text(latitude) is None:
        raise ValidationError("Lintang (latitude) wajib diisi bersama bujur.", field="latitude")
    elif optional_text(longitude) is None:
        raise ValidationError("Bujur (longitude) wajib diisi bersama lintang.", field="longitude")
    location = check_location(latitude, longitude)  # type: ignore[arg-type]
    place_name = optional_text(place)
    if place_name is not None and len(place_name) > 200:
        raise ValidationError("Nama tempat terlalu panjang (maks. 200 karakter).", field="place")

    calendar, rules = site_holidays(db), deadline_rules(db)
    with db.write() as s:
        agency_row = s.scalar(select(Agency).where(Agency.code == agency.strip().upper()))
        if agency_row is None:
            raise NotFound(f"Instansi '{agency}' tidak ditemukan.", field="agency")
        service_row = None
        if optional_text(service):
            service_row = find_service(s, str(service).strip())
            if service_row.agency_id != agency_row.id:
                raise ValidationError(
                    f"Layanan {service_row.name} bukan layanan {agency_row.name}.", field="service"
                )
        deadlines = compute_deadlines(today, rules, calendar)
        c = Complaint(
            uid=str(uuid.uuid4()),
            number=allocate_number(s, db, received.astimezone(db.timezone).year),
            web_code=web_code,
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
            received_at=received,
            received_on=today,
            deadlines={k: v.isoformat() for k, v in deadlines.items()},
            officer=s.get(User, actor.user_id) if actor.user_id is not None else None,
            updated_at=now,
        )
        s.add(c)
        s.flush()
        c.steps.append(
            ComplaintStep(
                at=received,
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
            details={"kind": c.kind, "agency": agency_row.code, "identity": identity, "web_code": web_code},
            event_type="complaint.received",
            payload=event_payload(c, None, actor.username),
            at=now,
        )
        s.flush()
        return complaint_info(c, today, with_steps=True, warning=location.warning)


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

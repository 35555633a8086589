"""Complaints filed on the public form: checked, stored, pulled by the hall, then followed.

The form's rules are the desk's (``services.complaints``), checked here already so the citizen
is told at once: a kind of LAPOR! (aspirasi, pengaduan, permintaan informasi), a hall and one of
its agencies (and optionally a service of it) from the hall's board, a description of at most
4000 characters, the service date within the 30-day filing window, a named or confidential
reporter with a name and a phone number or e-mail (an anonymous one leaves none), an optional
position (only sent when the citizen agreed on the phone). Markup (``<tag``), ``javascript:``
and control characters are refused: the form takes text, not code. The hall pulls the complaint
(``GET /api/v1/sites/{site}/web-complaints``) and files it with the LAPOR! clock running from
the filing time here; its events then carry the complaint's state and answer back
(``central.live``). The citizen follows it at ``/pengaduan/{code}``.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.central.models import Site, SiteBoard, WebComplaint
from p4_desk.domain.complaint_deadlines import check_filing_window, parse_kind
from p4_desk.domain.geo import check_location
from p4_desk.domain.phone import normalize_phone
from p4_desk.errors import ValidationError

MAX_DESCRIPTION = 4000
MIN_DESCRIPTION = 10
#: no 0/O, 1/I/L: a citizen writes the code down or reads it over the phone (4 × 4 ≈ 79 bits)
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_PREFIX = "WEB"
IDENTITIES = ("anonymous", "confidential", "named")
_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|javascript\s*:|\bon[a-z]+\s*=", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ComplaintRefused(ValidationError):
    """One or more fields of the form are wrong: ``errors`` maps each field to its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        first = next(iter(errors.values()))
        super().__init__(first, field=next(iter(errors)))
        self.errors = errors


@dataclass(frozen=True)
class Filed:
    code: str


def new_code() -> str:
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(4))
    return "-".join((CODE_PREFIX, *groups))


def normalise_code(code: str) -> str:
    compact = re.sub(r"[\s-]", "", code).upper()
    if not compact.startswith(CODE_PREFIX):
        return code.strip().upper()
    body = compact[len(CODE_PREFIX) :]
    return "-".join((CODE_PREFIX, *(body[i : i + 4] for i in range(0, len(body), 4))))


def file_web_complaint(session: Session, form: dict[str, Any], now: datetime, today: date) -> Filed:
    """Check the form (every field, all messages at once) and store the complaint."""
    errors: dict[str, str] = {}

    def text(name: str, limit: int, *, required: str | None = None) -> str | None:
        value = form.get(name)
        value = str(value).strip() if value is not None else ""
        if not value:
            if required:
                errors[name] = required
            return None
        if len(value) > limit:
            errors[name] = f"Terlalu panjang (maks. {limit} karakter)."
        elif _MARKUP.search(value) or _CONTROL.search(value):
            errors[name] = "Hanya teks biasa: kode HTML atau skrip tidak diterima."
        return value

    if str(form.get("website") or "").strip():  # the hidden field people never see (bots fill it)
        errors["form"] = "Formulir tidak dapat diterima."
    kind = text("kind", 40, required="Pilih jenis laporan.")
    if kind:
        try:
            kind = parse_kind(kind).value
        except ValidationError as bad:
            errors["kind"] = bad.message
    site_code = text("site", 32, required="Pilih MPP yang dilaporkan.")
    agency = text("agency", 64, required="Pilih instansi yang dilaporkan.")
    service = text("service", 64)
    site = session.get(Site, site_code) if site_code else None
    board_row = session.get(SiteBoard, site_code) if site is not None else None
    agency_name = service_name = None
    if site_code and (site is None or site.revoked_at is not None or board_row is None):
        errors["site"] = "MPP tidak dikenal."
    elif board_row is not None and agency:
        services = [s for s in board_row.board.get("services", []) if s.get("agency") == agency]
        if not services:
            errors["agency"] = "Instansi tidak dikenal di MPP ini."
        else:
            agency_name = str(services[0].get("agency_name") or agency)
            if service:
                match = [s for s in services if s.get("code") == service]
                if not match:
                    errors["service"] = "Layanan ini bukan layanan instansi yang dipilih."
                else:
                    service_name = str(match[0].get("name") or service)
    description = text("description", MAX_DESCRIPTION, required="Uraian laporan wajib diisi.")
    if description and len(description) < MIN_DESCRIPTION and "description" not in errors:
        errors["description"] = f"Uraian terlalu singkat (min. {MIN_DESCRIPTION} karakter)."
    served_on = today
    raw_date = text("service_date", 10)
    if raw_date:
        try:
            served_on = date.fromisoformat(raw_date)
            check_filing_window(served_on, today)
        except ValueError:
            errors["service_date"] = "Tanggal pelayanan tidak valid."
        except ValidationError as bad:
            errors["service_date"] = bad.message
    identity = text("identity", 20) or "anonymous"
    if identity not in IDENTITIES:
        errors["identity"] = "Pilihan identitas tidak dikenal."
    name = phone = email = None
    if identity != "anonymous":
        name = text("reporter_name", 200, required="Nama wajib diisi (atau pilih anonim).")
        phone = text("reporter_phone", 30)
        email = text("reporter_email", 200)
        if phone and "reporter_phone" not in errors:
            try:
                phone = normalize_phone(phone)
            except ValidationError as bad:
                errors["reporter_phone"] = bad.message
        if email and not _EMAIL.match(email):
            errors["reporter_email"] = "Alamat email tidak valid."
        if not phone and not email and "reporter_phone" not in errors:
            errors["reporter_phone"] = "Isi nomor telepon atau email agar tindak lanjut dapat disampaikan."
    latitude = longitude = None
    lat, lon = text("latitude", 20), text("longitude", 20)
    if lat or lon:
        try:
            point = check_location(lat or "", lon or "").point
            latitude, longitude = point.latitude, point.longitude
        except ValidationError as bad:
            errors["location"] = bad.message
    if errors:
        raise ComplaintRefused(errors)
    assert site is not None and kind and agency and description and agency_name
    code = new_code()
    session.add(
        WebComplaint(
            code=code,
            site=site.code,
            kind=kind,
            agency=agency,
            agency_name=agency_name,
            service=service if service_name else None,
            service_name=service_name,
            description=description,
            service_date=served_on,
            filed_at=now,
            identity=identity,
            reporter_name=name,
            reporter_phone=phone,
            reporter_email=email,
            latitude=latitude,
            longitude=longitude,
            state="submitted",
            steps=[{"state": "submitted", "at": now.isoformat()}],
            updated_at=now,
        )
    )
    session.flush()
    return Filed(code)


def pending_for_site(session: Session, site: str, cursor: int, limit: int) -> list[dict[str, Any]]:
    """The site's web complaints after ``cursor`` (the hall's pull), oldest first."""
    rows = session.scalars(
        select(WebComplaint)
        .where(WebComplaint.site == site, WebComplaint.id > cursor)
        .order_by(WebComplaint.id)
        .limit(limit)
    )
    return [
        {
            "id": row.id,
            "code": row.code,
            "kind": row.kind,
            "agency": row.agency,
            "service": row.service,
            "description": row.description,
            "service_date": row.service_date.isoformat(),
            "filed_at": row.filed_at.isoformat(),
            "identity": row.identity,
            "reporter": None
            if row.identity == "anonymous"
            else {"name": row.reporter_name, "phone": row.reporter_phone, "email": row.reporter_email},
            "latitude": row.latitude,
            "longitude": row.longitude,
        }
        for row in rows
    ]

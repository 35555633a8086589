"""The data subject's rights (UU 27/2022 Pasal 6-8): access to and correction of their data.

``person_export`` gathers everything the site holds about one person, found by NIK:

- their applications (every field, the documents checked, the tracking history);
- complaints where they are the reporter (named or confidential: it is their own identity),
  recognised by a reporter phone of one of their applications or by naming one of them;
- the IKM surveys linked to the tickets of their applications;
- reminder phones still waiting for those tickets.

It returns the JSON document and the PDF (``printing.person_report``) and puts one ``export``
row in the access log and an audit row (counts, masked NIK). ``correct_person`` changes name,
phone and address on every application of the NIK; the audit row records which fields changed
with masked old and new values (initials, the phone's last four digits, never the address).
Both are for a supervisor or admin (the CLI asks the login).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from p4_desk.domain.complaint_deadlines import KIND_LABELS, parse_kind
from p4_desk.domain.complaint_lifecycle import STATE_LABELS as COMPLAINT_STATES
from p4_desk.domain.complaint_lifecycle import ComplaintState
from p4_desk.domain.masking import mask_nik, mask_phone
from p4_desk.domain.names import mask_name
from p4_desk.domain.nik import normalize_nik
from p4_desk.domain.permit_lifecycle import LABELS as PERMIT_STATES
from p4_desk.domain.permit_lifecycle import PermitState
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.text import clean_text
from p4_desk.domain.wording import format_datetime
from p4_desk.errors import NotFound, ValidationError
from p4_desk.printing.person_report import (
    PersonReportContent,
    ReportItem,
    ReportSection,
    render_person_report,
)
from p4_desk.services import site as site_service
from p4_desk.services.privacy.access import log_access
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor, record
from p4_desk.store.models import Application, Complaint, ReminderRequest, Service, SurveyResponse, Ticket

IDENTITY_LABELS = {"named": "terbuka", "confidential": "dirahasiakan", "anonymous": "anonim"}
FOOTER = (
    "Dokumen ini berisi data pribadi Anda sebagaimana disimpan situs ini, dibuat atas permintaan "
    "Anda (UU 27/2022 tentang Pelindungan Data Pribadi). Bila ada data yang keliru, mintalah "
    "perbaikan kepada petugas. Simpan dokumen ini baik-baik."
)


@dataclass(frozen=True)
class PersonExport:
    document: dict[str, Any]  # the machine-readable JSON
    pdf: bytes

    @property
    def counts(self) -> dict[str, int]:
        return {k: len(self.document[k]) for k in ("applications", "complaints", "surveys", "reminders")}


def _valid_nik(nik: str) -> str:
    digits = normalize_nik(nik)
    if len(digits) != 16 or not digits.isdigit():
        raise ValidationError("NIK harus 16 digit angka.", field="nik")
    return digits


def person_export(
    db: Database, nik: str, actor: Actor, *, deliver: Callable[[PersonExport], None] | None = None
) -> PersonExport:
    """Everything held about ``nik``; ``deliver`` (writing the files) runs inside the transaction
    that logs the export, so an export that could not be written is not logged as made."""
    digits = _valid_nik(nik)
    tz = db.timezone
    site = site_service.get_site(db)
    with db.write() as s:
        apps = s.scalars(
            select(Application)
            .where(Application.nik == digits)
            .options(
                selectinload(Application.history),
                selectinload(Application.documents),
                selectinload(Application.permit_type),
            )  # fmt: skip
            .order_by(Application.received_at)
        ).all()
        phones = {a.phone for a in apps if a.phone}
        numbers = [a.registration_number for a in apps]
        complaints = _complaints_of(s, phones, numbers)
        ticket_ids = _ticket_ids(s, [a.ticket_uid for a in apps if a.ticket_uid])
        surveys = s.execute(
            select(SurveyResponse, Service.name)
            .outerjoin(Service, SurveyResponse.service_id == Service.id)
            .where(SurveyResponse.ticket_id.in_(ticket_ids))
            .order_by(SurveyResponse.submitted_at)
        ).all()
        reminders = s.execute(
            select(ReminderRequest, Ticket.number)
            .join(Ticket, ReminderRequest.ticket_id == Ticket.id)
            .where(or_(ReminderRequest.ticket_id.in_(ticket_ids), ReminderRequest.phone.in_(phones)))
        ).all()
        document: dict[str, Any] = {
            "nik": digits,
            "site": {"code": site.code, "name": site.name},
            "made_at": db.now().isoformat(),
            "made_by": actor.username,
            "applications": [_application_json(a) for a in apps],
            "complaints": [_complaint_json(c) for c in complaints],
            "surveys": [
                {
                    "submitted_at": r.submitted_at.isoformat(),
                    "service": name,
                    "channel": r.channel,
                    "answers": {f"U{i}": getattr(r, f"u{i}") for i in range(1, 10)},
                }  # fmt: skip
                for r, name in surveys
            ],
            "reminders": [
                {"ticket": number, "phone": r.phone, "requested_at": r.requested_at.isoformat()}
                for r, number in reminders
            ],
        }
        log_access(s, db, actor, "export", "person", None, nik=digits)
        record(
            s, db, actor, "person.export", "person", mask_nik(digits),
            details={k: len(document[k]) for k in ("applications", "complaints", "surveys", "reminders")},
        )  # fmt: skip
        content = PersonReportContent(
            site_name=site.name,
            subject=f"NIK {digits}",
            made_at=format_datetime(db.now(), tz),
            made_by=actor.username or "sistem",
            sections=_sections(document, tz),
            footer=FOOTER,
        )
        export = PersonExport(document, render_person_report(content))
        if deliver is not None:
            deliver(export)
    return export


def _complaints_of(s: Session, phones: set[str], numbers: list[str]) -> list[Complaint]:
    if not phones and not numbers:
        return []
    return list(
        s.scalars(
            select(Complaint)
            .where(
                Complaint.identity != "anonymous",
                or_(Complaint.reporter_phone.in_(phones), Complaint.registration_number.in_(numbers)),
            )
            .options(selectinload(Complaint.agency), selectinload(Complaint.steps))
            .order_by(Complaint.received_at)
        )
    )


def _ticket_ids(s: Session, uids: list[str]) -> list[int]:
    return list(s.scalars(select(Ticket.id).where(Ticket.uid.in_(uids)))) if uids else []


def _application_json(a: Application) -> dict[str, Any]:
    return {
        "registration_number": a.registration_number,
        "permit_type": a.permit_type.code,
        "permit_name": a.permit_type.name,
        "state": a.state,
        "name": a.name,
        "phone": a.phone,
        "email": a.email,
        "address": a.address,
        "nib": a.nib,
        "business_name": a.business_name,
        "ticket_number": a.ticket_number,
        "received_at": a.received_at.isoformat(),
        "due_date": a.due_date.isoformat(),
        "handed_over_at": a.handed_over_at.isoformat() if a.handed_over_at else None,
        "handed_over_to": a.handed_over_to,
        "anonymised_at": a.anonymised_at.isoformat() if a.anonymised_at else None,
        "documents": [{"name": d.name, "received": d.received, "note": d.note} for d in a.documents],
        "history": [
            {"state": h.state, "at": h.at.isoformat(), "officer": h.officer_name, "note": h.note}
            for h in a.history
        ],  # fmt: skip
    }


def _complaint_json(c: Complaint) -> dict[str, Any]:
    return {
        "number": c.number,
        "kind": c.kind,
        "agency": c.agency.name,
        "state": c.state,
        "identity": c.identity,
        "reporter_name": c.reporter_name,
        "reporter_phone": c.reporter_phone,
        "reporter_email": c.reporter_email,
        "description": c.description,
        "received_at": c.received_at.isoformat(),
        "closed_at": c.closed_at.isoformat() if c.closed_at else None,
        "steps": [{"state": st.to_state, "at": st.at.isoformat(), "note": st.note} for st in c.steps],
    }


def _when(value: str | None, tz: Any) -> str:
    from datetime import datetime

    return format_datetime(datetime.fromisoformat(value), tz) if value else "-"


def _sections(doc: dict[str, Any], tz: Any) -> tuple[ReportSection, ...]:
    apps = tuple(
        ReportItem(
            f"Permohonan {a['registration_number']}: {a['permit_name']}",
            (
                ("Status", PERMIT_STATES[PermitState(a["state"])]),
                ("Nama", a["name"]),
                ("Nomor HP", a["phone"]),
                ("Email", a["email"] or "-"),
                ("Alamat", a["address"]),
                ("NIB / usaha", " ".join(x for x in (a["nib"], a["business_name"]) if x) or "-"),
                ("Diterima", _when(a["received_at"], tz)),
                (
                    "Diserahkan",
                    _when(a["handed_over_at"], tz)
                    + (f" kepada {a['handed_over_to']}" if a["handed_over_to"] else ""),
                ),
                (
                    "Dokumen",
                    "; ".join(f"{d['name']} ({'ada' if d['received'] else 'belum'})" for d in a["documents"])
                    or "-",
                ),
                (
                    "Riwayat",
                    "; ".join(
                        f"{PERMIT_STATES[PermitState(h['state'])]} {_when(h['at'], tz)}" for h in a["history"]
                    ),
                ),
                *((("Dianonimkan", _when(a["anonymised_at"], tz)),) if a["anonymised_at"] else ()),
            ),
        )  # fmt: skip
        for a in doc["applications"]
    )
    complaints = tuple(
        ReportItem(
            f"Pengaduan {c['number']}: {KIND_LABELS[parse_kind(c['kind'])]}",
            (
                ("Instansi", c["agency"]),
                ("Status", COMPLAINT_STATES[ComplaintState(c["state"])]),
                ("Identitas", IDENTITY_LABELS.get(c["identity"], c["identity"])),
                (
                    "Pelapor",
                    " / ".join(x for x in (c["reporter_name"], c["reporter_phone"], c["reporter_email"]) if x)
                    or "-",
                ),
                ("Uraian", c["description"]),
                ("Diterima", _when(c["received_at"], tz)),
            ),
        )  # fmt: skip
        for c in doc["complaints"]
    )
    surveys = tuple(
        ReportItem(
            f"Survei {_when(r['submitted_at'], tz)}",
            (
                ("Layanan", r["service"] or "-"),
                ("Jawaban", ", ".join(f"{k}={v}" for k, v in r["answers"].items())),
            ),
        )  # fmt: skip
        for r in doc["surveys"]
    )
    reminders = tuple(
        ReportItem(
            f"Pengingat tiket {r['ticket']}",
            (("Nomor HP", r["phone"]), ("Diminta", _when(r["requested_at"], tz))),
        )  # fmt: skip
        for r in doc["reminders"]
    )
    return (
        ReportSection("Permohonan izin", apps, "Tidak ada permohonan atas NIK ini."),
        ReportSection("Pengaduan", complaints, "Tidak ada pengaduan dengan Anda sebagai pelapor."),
        ReportSection("Survei kepuasan (IKM)", surveys, "Tidak ada survei yang terkait tiket Anda."),
        ReportSection("Pengingat antrian", reminders, "Tidak ada nomor pengingat yang tersimpan."),
    )


@dataclass(frozen=True)
class Correction:
    applications: int
    fields: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"applications": self.applications, "fields": list(self.fields)}


def _phone_end(phone: str) -> str:
    return mask_phone(phone) if phone else ""


def correct_person(
    db: Database,
    nik: str,
    actor: Actor,
    *,
    name: str | None = None,
    phone: str | None = None,
    address: str | None = None,
) -> Correction:
    """Set name, phone and/or address on every application of ``nik`` (not yet anonymised)."""
    digits = _valid_nik(nik)
    if name is None and phone is None and address is None:
        raise ValidationError("Sebutkan yang dikoreksi: --name, --phone dan/atau --address.", field="name")
    new: dict[str, str] = {}
    if name is not None:
        clean = " ".join(clean_text(name, "Nama", max_length=100, field="name").split())
        if len(clean) < 3 or any(ch.isdigit() for ch in clean):
            raise ValidationError("Nama harus 3–100 huruf (tanpa angka).", field="name")
        new["name"] = clean
    if phone is not None:
        new["phone"] = normalize_phone(phone)
    if address is not None:
        clean = " ".join(clean_text(address, "Alamat", max_length=500, field="address").split())
        if len(clean) < 5:
            raise ValidationError("Alamat wajib diisi dengan lengkap.", field="address")
        new["address"] = clean
    with db.write() as s:
        apps = s.scalars(
            select(Application).where(Application.nik == digits, Application.anonymised_at.is_(None))
        ).all()
        if not apps:
            raise NotFound(f"Tidak ada permohonan atas NIK {mask_nik(digits)}.", field="nik")
        changes: dict[str, dict[str, Any]] = {}
        for app in apps:
            for key, value in new.items():
                old = getattr(app, key)
                if old == value:
                    continue
                if key == "name":
                    changes.setdefault("name", {"old": mask_name(old), "new": mask_name(value)})
                    app.name_key = value.lower()
                elif key == "phone":
                    changes.setdefault("phone", {"old": _phone_end(old), "new": _phone_end(value)})
                else:
                    changes.setdefault("address", {"changed": True})
                setattr(app, key, value)
                app.updated_at = db.now()
        fields = tuple(sorted(changes))
        if fields:
            log_access(s, db, actor, "correct", "person", None, nik=digits)
            record(
                s, db, actor, "person.correct", "person", mask_nik(digits),
                details={"applications": len(apps), "fields": list(fields), "changes": changes},
            )  # fmt: skip
    return Correction(len(apps), fields)

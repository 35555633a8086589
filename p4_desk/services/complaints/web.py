"""Complaints citizens filed on the central server's web form (``/pengaduan``), taken in at the hall.

The sync agent pulls them and hands each to ``services.central_inbox``, which calls
``file_web_complaint``: the complaint is filed like one taken at the desk, with the LAPOR!
clock running from the moment of the web filing, and its ``web_code`` (the citizen's tracking
code) in every event, so the central server shows the citizen each step and the answer. Filing
the same code again returns the complaint already filed (pulls are at least once). A complaint
the hall cannot file (an agency it no longer has, a date outside the window) is refused with a
``complaint.web_refused`` event carrying the reason, so the citizen's page says why.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from p4_desk.errors import NotFound, ValidationError
from p4_desk.services.complaints.filing import file_complaint
from p4_desk.services.complaints.lists import get_complaint
from p4_desk.services.complaints.records import ComplaintInfo
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Complaint

WEB_PLACE = "Dilaporkan lewat formulir web"


def file_web_complaint(db: Database, document: dict[str, Any], actor: Actor = SYSTEM) -> ComplaintInfo:
    """File one pulled web complaint (``GET .../web-complaints``); idempotent by its code."""
    code = str(document.get("code") or "").strip()
    if not code:
        raise ValidationError("Pengaduan web tanpa kode pelacakan.", field="code")
    with db.read() as s:
        number = s.scalar(select(Complaint.number).where(Complaint.web_code == code))
    if number is not None:
        return get_complaint(db, number)
    try:
        filed_at = datetime.fromisoformat(str(document.get("filed_at")))
    except ValueError:
        raise ValidationError("Waktu pengaduan web tidak valid.", field="filed_at") from None
    if filed_at.tzinfo is None:
        raise ValidationError("Waktu pengaduan web tanpa zona waktu.", field="filed_at")
    reporter = document.get("reporter") or {}
    identity = str(document.get("identity") or "anonymous")
    has_location = document.get("latitude") is not None and document.get("longitude") is not None
    return file_complaint(
        db,
        kind=str(document.get("kind") or ""),
        agency=str(document.get("agency") or ""),
        service=document.get("service") or None,
        description=str(document.get("description") or ""),
        service_date=document.get("service_date") or None,
        identity=identity,
        reporter_name=reporter.get("name"),
        reporter_phone=reporter.get("phone"),
        reporter_email=reporter.get("email"),
        latitude=document.get("latitude") if has_location else None,
        longitude=document.get("longitude") if has_location else None,
        place=WEB_PLACE if has_location else None,
        actor=actor,
        received_at=filed_at,
        web_code=code,
    )


def refuse_web_complaint(db: Database, code: str, reason: str, actor: Actor = SYSTEM) -> None:
    """Tell the citizen (through the central server) why the hall could not file it."""
    with db.write() as s:
        record(
            s, db, actor, "complaint.web_refused", "complaint", code, details={"reason": reason},
            event_type="complaint.web_refused", payload={"web_code": code, "reason": reason},
        )  # fmt: skip


def take_in_web_complaint(db: Database, document: dict[str, Any], actor: Actor = SYSTEM) -> str:
    """File it, or refuse it with the reason; returns the complaint number or the reason.

    Only the complaint's own faults refuse it; a database that is away raises, and the pulled
    complaint stays kept for the next run."""
    try:
        return file_web_complaint(db, document, actor).number
    except (ValidationError, NotFound) as refused:
        refuse_web_complaint(db, str(document.get("code") or ""), refused.message, actor)
        return f"ditolak: {refused.message}"

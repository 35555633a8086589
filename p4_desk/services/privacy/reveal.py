"""A confidential complaint reporter's identity, shown to a supervisor on request, audited.

The identity of a reporter who asked for confidentiality is kept in this database only, never
printed nor sent (``services.complaints.records``). When a supervisor must know it (to call the
reporter back about their complaint, say), they ask for it with a stated reason: the reason, who
asked and when go to the audit log and the access log, and only then is the identity returned.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from p4_desk.domain.text import clean_text
from p4_desk.errors import PermissionDenied, ValidationError
from p4_desk.services.complaints.records import find_complaint
from p4_desk.services.privacy.access import initials, log_access
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor, record
from p4_desk.store.models import User

MIN_REASON = 10
ROLES = ("supervisor", "admin")


@dataclass(frozen=True)
class RevealedReporter:
    number: str
    name: str | None
    phone: str | None
    email: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def reveal_reporter(db: Database, number: str, reason: str, actor: Actor) -> RevealedReporter:
    why = " ".join(clean_text(reason, "Alasan", max_length=500, field="reason", required=False).split())
    if len(why) < MIN_REASON:
        raise ValidationError(
            f"Sebutkan alasan membuka identitas pelapor (minimal {MIN_REASON} karakter).", field="reason"
        )
    with db.write() as s:
        role = s.scalar(select(User.role).where(User.id == actor.user_id)) if actor.user_id else None
        if role not in ROLES:
            raise PermissionDenied("Identitas pelapor yang dirahasiakan hanya dapat dibuka oleh supervisor.")
        c = find_complaint(s, number)
        if c.identity == "anonymous":
            raise ValidationError(f"Pengaduan {c.number} anonim: tidak ada identitas yang disimpan.")
        if c.identity != "confidential":
            raise ValidationError(f"Identitas pelapor pengaduan {c.number} tidak dirahasiakan.")
        if c.anonymised_at is not None:
            raise ValidationError(
                f"Identitas pelapor pengaduan {c.number} sudah dihapus (masa simpan berakhir)."
            )
        record(s, db, actor, "complaint.identity_revealed", "complaint", c.number, details={"reason": why})
        log_access(
            s, db, actor, "reveal", "complaint", c.number, subject=initials(c.reporter_name), reason=why
        )
        return RevealedReporter(c.number, c.reporter_name, c.reporter_phone, c.reporter_email)

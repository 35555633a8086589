"""The data-access log: who searched, viewed, exported, corrected or revealed whose data, when.

UU 27/2022 gives 3 x 24 hours to notify a breach; the first question then is "which officer
looked at which person's data, when". Services record every read of a person's record here
(``log_access``, in the caller's transaction), so the GUI and the CLI are covered alike;
``who_read`` answers the question (``p4-desk audit who-read``).

A person is named by the sha256 of the site's salt and the NIK, never by the NIK itself: the
log answers "who read NIK X" also after the record was anonymised past retention, without
keeping a copy of the number. What a row shows is masked (``1871********0001``, initials).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.domain.masking import mask_nik
from p4_desk.domain.nik import normalize_nik
from p4_desk.domain.wording import format_datetime
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor
from p4_desk.store.models import DataAccess, SiteSetting

SALT_KEY = "privacy.access_salt"
ACTIONS = {
    "search": "mencari",
    "view": "melihat",
    "export": "mengekspor",
    "correct": "mengoreksi",
    "reveal": "membuka identitas",
}
KINDS = {"application": "permohonan", "complaint": "pengaduan", "person": "data pribadi"}
_DIGIT_RUNS = re.compile(r"[0-9][0-9 .+-]{6,}[0-9]")


@dataclass(frozen=True)
class AccessEntry:
    at: datetime
    local_time: str
    username: str | None
    workstation: str
    action: str
    action_label: str
    record_kind: str
    record_ref: str | None
    subject: str | None
    query: str | None
    reason: str | None

    @property
    def record_kind_label(self) -> str:
        return KINDS.get(self.record_kind, self.record_kind)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["at"] = self.at.isoformat()
        return out


def _salt(s: Session) -> str:
    row = s.get(SiteSetting, SALT_KEY)
    if row is not None and isinstance(row.value, str) and row.value:
        return row.value
    salt = secrets.token_hex(16)
    if row is None:
        s.add(SiteSetting(key=SALT_KEY, value=salt))
    else:
        row.value = salt
    s.flush()
    return salt


def nik_hash(s: Session, nik: str) -> str:
    """The person's key in the access log (the site's salt and the 16 digits)."""
    return hashlib.sha256(f"{_salt(s)}:{normalize_nik(nik)}".encode()).hexdigest()


def masked_query(text: str) -> str:
    """A search as typed, with every run of digits (a NIK, a phone) masked but its ends."""

    def mask(match: re.Match[str]) -> str:
        digits = re.sub(r"[^0-9]", "", match.group())
        if len(digits) == 16:
            return mask_nik(digits)
        return digits[:2] + "*" * max(len(digits) - 4, 0) + digits[-2:]

    return _DIGIT_RUNS.sub(mask, text.strip())[:200]


def initials(name: str | None) -> str | None:
    """``Siti Aminah`` -> ``S. A.``: enough for the log to show whose record it was."""
    if not name:
        return None
    return " ".join(f"{word[0].upper()}." for word in name.split() if word)[:64] or None


def log_access(
    s: Session,
    db: Database,
    actor: Actor,
    action: str,
    record_kind: str,
    record_ref: str | None,
    *,
    nik: str | None = None,
    subject: str | None = None,
    query: str | None = None,
    reason: str | None = None,
) -> None:
    """Add one access row in the caller's session (a read block writes it in its own write)."""
    digits = normalize_nik(nik) if nik else ""
    full = len(digits) == 16 and digits.isdigit()
    s.add(
        DataAccess(
            at=db.now(),
            user_id=actor.user_id,
            username=actor.username,
            workstation=db.workstation,
            action=action,
            record_kind=record_kind,
            record_ref=record_ref,
            nik_hash=nik_hash(s, digits) if full else None,
            subject=mask_nik(digits) if full else subject,
            query=masked_query(query) if query else None,
            reason=reason,
        )
    )


def who_read(
    db: Database,
    *,
    nik: str | None = None,
    username: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 1000,
) -> list[AccessEntry]:
    """Newest first; the dates are the site's local days, both included."""
    tz = db.timezone
    q = select(DataAccess).order_by(DataAccess.at.desc(), DataAccess.id.desc()).limit(limit)
    if username:
        q = q.where(DataAccess.username == username)
    if date_from is not None:
        q = q.where(DataAccess.at >= datetime.combine(date_from, time.min, tz))
    if date_to is not None:
        q = q.where(DataAccess.at < datetime.combine(date_to + timedelta(days=1), time.min, tz))
    with db.write() as s:  # the salt is made on first use
        if nik is not None:
            q = q.where(DataAccess.nik_hash == nik_hash(s, nik))
        rows = s.scalars(q).all()
        return [
            AccessEntry(
                at=r.at,
                local_time=format_datetime(r.at, tz),
                username=r.username,
                workstation=r.workstation,
                action=r.action,
                action_label=ACTIONS.get(r.action, r.action),
                record_kind=r.record_kind,
                record_ref=r.record_ref,
                subject=r.subject,
                query=r.query,
                reason=r.reason,
            )
            for r in rows
        ]

"""A hall purged personal data past its retention period: anonymise the central copies too.

The desk's purge (``services.privacy.purge``) sends ``privacy.purged`` naming the records, by
kind: ``{"applications": [registration numbers]}``, ``{"complaints": [complaint numbers]}`` or
``{"tickets": [ticket uids]}`` (at most ``MAX_REFS`` per event, nothing personal). Here, in the
batch's transaction (``live.after_events``):

- the raw events of those records keep their envelope and their non-personal fields; the
  personal ones (applicant's name, masked NIKs, the recipient and representative, notes, the
  reporter, description, place and position, the tracking secret, the page token) become null;
- the tracking page of an application stops answering (its secret hash and masked name go);
- a web complaint's reporter, description and position go; a ticket's page token and any
  reminder phone left for it.

Projections keep what statistics count (states, days, kinds, agencies, answers), so the
province's reports do not change. Repeating the event changes nothing more.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from p4_desk.central.models import (
    ApplicationProjection,
    Reminder,
    StoredEvent,
    TicketProjection,
    WebComplaint,
)

PURGED_TYPES = frozenset({"privacy.purged"})
MAX_REFS = 1000
ERASED_TEXT = "[dihapus setelah masa simpan berakhir]"
#: per kind: the event types that carry it, the payload key naming it, the personal keys
_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "applications": (
        "application.", "registration_number",
        ("applicant_name", "nik_masked", "note", "handed_over_to", "proxy", "tracking_secret", "phone",
         "address", "email"),
    ),
    "complaints": (
        "complaint.", "complaint_number",
        ("reporter", "description", "place", "latitude", "longitude", "note"),
    ),
    "tickets": ("ticket.", "ticket_uid", ("public_token",)),
}  # fmt: skip


def check_payload(payload: dict[str, Any]) -> None:
    """Raise ``ValueError`` (Indonesian) unless the payload names records of known kinds."""
    if not payload or set(payload) - set(_KINDS):
        raise ValueError("payload privacy.purged harus berisi applications, complaints atau tickets.")
    for kind, refs in payload.items():
        if (
            not isinstance(refs, list)
            or len(refs) > MAX_REFS
            or not all(isinstance(r, str) and 0 < len(r) <= 64 for r in refs)
        ):
            raise ValueError(f"payload.{kind} harus daftar teks (maksimal {MAX_REFS}).")


def anonymise(session: Session, site: str, payload: dict[str, Any]) -> dict[str, int]:
    """Anonymise this site's copies of the records the payload names; counts per kind."""
    done: dict[str, int] = {}
    for kind, refs in payload.items():
        if kind not in _KINDS or not isinstance(refs, list):
            continue
        wanted = {r for r in refs if isinstance(r, str)}
        if not wanted:
            continue
        done[kind] = _scrub_events(session, site, kind, wanted)
        if kind == "applications":
            session.execute(
                update(ApplicationProjection)
                .where(
                    ApplicationProjection.site == site, ApplicationProjection.registration_number.in_(wanted)
                )
                .values(applicant_masked=None, tracking_secret_hash=None)
            )
        elif kind == "complaints":
            session.execute(
                update(WebComplaint)
                .where(WebComplaint.site == site, WebComplaint.complaint_number.in_(wanted))
                .values(
                    reporter_name=None,
                    reporter_phone=None,
                    reporter_email=None,
                    description=ERASED_TEXT,
                    latitude=None,
                    longitude=None,
                )  # fmt: skip
            )
        else:
            session.execute(
                update(TicketProjection)
                .where(TicketProjection.site == site, TicketProjection.ticket_uid.in_(wanted))
                .values(public_token=None)
            )
            session.execute(delete(Reminder).where(Reminder.site == site, Reminder.ticket_uid.in_(wanted)))
    return done


def _scrub_events(session: Session, site: str, kind: str, wanted: set[str]) -> int:
    prefix, key, personal = _KINDS[kind]
    changed = 0
    for ref in wanted:
        # the reference as JSON text narrows the scan; the parsed payload decides
        rows = session.scalars(
            select(StoredEvent).where(
                StoredEvent.site == site,
                StoredEvent.type.startswith(prefix),
                StoredEvent.payload.contains(json.dumps(ref)),
            )
        ).all()
        for row in rows:
            payload = json.loads(row.payload)
            if payload.get(key) != ref or not any(payload.get(k) is not None for k in personal):
                continue
            for k in personal:
                if k in payload:
                    payload[k] = None
            row.payload = json.dumps(payload, sort_keys=True)  # as ``intake`` stores it
            changed += 1
    return changed

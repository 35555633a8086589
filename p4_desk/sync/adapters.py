"""Where pulled central data lands in the site database.

Sync sits below the services (DESIGN §3), so it does not apply business rules itself: the
caller hands the agent an ``Inbox`` (``p4_desk.services.central_inbox.CentralInbox``) that
imports a catalogue into the permit catalogue and applies one back-office status change.

- Catalogue (permit types, requirements, holidays): handed to ``Inbox.import_catalog``; the raw
  document is also kept in the site settings ``sync.catalog`` and ``sync.holidays`` for the
  admin to inspect.
- Complaints citizens filed on the central server's web form: kept in
  ``central_web_complaint`` (idempotent by the central id, with the cursor), then handed to
  ``Inbox.take_in_web_complaint``, which files or refuses each; the outcome is kept.
- The hall's public board (``Inbox.publish_board``): written to the outbox when it changed.
- Application status changes from the back office: always kept in
  ``central_application_update`` (idempotent by the central id, in the same transaction as the
  cursor), then handed to ``Inbox.apply_application_update`` and marked applied. An update the
  site cannot apply (unknown number, a step backwards) is logged and marked applied too, so it
  never blocks the ones after it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import select

from p4_desk.errors import P4Error
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, record
from p4_desk.store.models import CentralApplicationUpdate, CentralWebComplaint, SiteSetting
from p4_desk.sync.client import ApplicationUpdate
from p4_desk.sync.state import state_row

log = logging.getLogger(__name__)


class Inbox(Protocol):
    """The site's use cases that take in pulled central data (each call is one transaction)."""

    def import_catalog(self, document: dict[str, Any]) -> None:
        """Take a catalogue document into the permit catalogue and holidays, all or nothing."""

    def apply_application_update(self, registration_number: str, state: str, note: str) -> None:
        """Apply one back-office status change; raises ``P4Error`` when it cannot be applied."""

    def take_in_web_complaint(self, document: dict[str, Any]) -> str:
        """File one web complaint (or refuse it, telling why); returns the outcome as text."""

    def publish_board(self) -> None:
        """Write the hall's public board to the outbox when it changed (the citizens' pages)."""

    def take_in_bookings(self, documents: list[dict[str, Any]], next_cursor: int) -> int:
        """Keep bookings made or cancelled on the central server and move the booking cursor."""


def apply_catalog(db: Database, inbox: Inbox, document: dict[str, Any], etag: str | None) -> str:
    """Apply a new catalogue; returns how it was applied (``imported`` or ``stored``)."""
    inbox.import_catalog(document)
    how = "imported"
    with db.write() as s:
        _put_setting(s, "sync.catalog", document)
        _put_setting(s, "sync.holidays", list(document.get("holidays") or []))
        state = state_row(s)
        state.catalog_etag = etag
        state.catalog_fetched_at = db.now()
        record(
            s,
            db,
            SYSTEM,
            "sync.catalog",
            "catalog",
            None,
            details={
                "etag": etag,
                "how": how,
                "permit_types": len(document.get("permit_types") or []),
                "holidays": len(document.get("holidays") or []),
            },
        )
    return how


def apply_application_updates(
    db: Database, inbox: Inbox, updates: Sequence[ApplicationUpdate], next_cursor: int
) -> int:
    """Keep the pulled updates and move the cursor in one transaction; returns how many were new."""
    kept = {
        u.id: {
            "registration_number": u.registration_number,
            "state": u.state,
            "note": u.note,
            "changed_at": u.changed_at,
        }
        for u in updates
    }
    new = _keep(db, CentralApplicationUpdate, kept, "application_cursor", next_cursor)
    apply_pending_application_updates(db, inbox)
    return new


def apply_pending_application_updates(db: Database, inbox: Inbox) -> int:
    """Hand kept updates to the inbox, oldest first; returns how many."""

    def apply(update: CentralApplicationUpdate) -> dict[str, Any]:
        try:
            inbox.apply_application_update(update.registration_number, update.state, update.note or "")
        except P4Error as exc:
            log.warning("central update for %s not applied: %s", update.registration_number, exc.message)
        return {}

    return _apply_pending(db, CentralApplicationUpdate, apply)


def apply_web_complaints(
    db: Database, inbox: Inbox, complaints: Sequence[dict[str, Any]], next_cursor: int
) -> int:
    """Keep the pulled web complaints and move the cursor in one transaction; returns how many were new."""
    kept = {int(c["id"]): {"code": str(c["code"]), "document": c} for c in complaints}
    new = _keep(db, CentralWebComplaint, kept, "web_complaint_cursor", next_cursor)
    take_in_pending_web_complaints(db, inbox)
    return new


def take_in_pending_web_complaints(db: Database, inbox: Inbox) -> int:
    """Hand kept web complaints to the inbox, oldest first; returns how many."""

    def apply(complaint: CentralWebComplaint) -> dict[str, Any]:
        return {"outcome": inbox.take_in_web_complaint(dict(complaint.document))}

    return _apply_pending(db, CentralWebComplaint, apply)


# --- keep, then apply: what is pulled is first kept (idempotent by the central id, with the
# cursor, in one transaction), then handed over one by one and marked applied -----------------

Kept = TypeVar("Kept", CentralApplicationUpdate, CentralWebComplaint)


def _keep(
    db: Database, model: type[Kept], rows: dict[int, dict[str, Any]], cursor: str, next_cursor: int
) -> int:
    new = 0
    with db.write() as s:
        for key, values in rows.items():
            if s.get(model, key) is not None:
                continue
            s.add(model(id=key, received_at=db.now(), applied=False, **values))
            new += 1
        setattr(state_row(s), cursor, next_cursor)
    return new


def _apply_pending(db: Database, model: type[Kept], apply: Callable[[Kept], dict[str, Any]]) -> int:
    with db.read() as s:
        pending = list(s.scalars(select(model).where(model.applied.is_(False)).order_by(model.id)))
    for item in pending:
        extra = apply(item)
        with db.write() as s:
            row = s.get(model, item.id)
            if row is not None:
                row.applied = True
                for name, value in extra.items():
                    setattr(row, name, value)
    return len(pending)


def _put_setting(s: Any, key: str, value: Any) -> None:
    row = s.get(SiteSetting, key)
    if row is None:
        s.add(SiteSetting(key=key, value=value))
    else:
        row.value = value

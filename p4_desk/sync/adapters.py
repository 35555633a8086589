"""Where pulled central data lands in the site database — the one module to rewire at merge.

- Catalogue (permit types, requirements, holidays): ``p4_desk.services.permits.import_catalog``
  when the permit service exists; until then the raw document and its holidays are kept in the
  site settings ``sync.catalog`` and ``sync.holidays``.
- Application status changes from the back office: always kept in
  ``central_application_update`` (idempotent by the central id, in the same transaction as the
  cursor), then handed to ``p4_desk.services.applications.apply_central_status`` when that
  service exists and marked applied.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select

from p4_desk.services.journal import SYSTEM, record
from p4_desk.store.db import Database
from p4_desk.store.models import CentralApplicationUpdate, SiteSetting
from p4_desk.sync.client import ApplicationUpdate
from p4_desk.sync.state import state_row

log = logging.getLogger(__name__)


def _service_function(module: str, name: str) -> Callable[..., Any] | None:
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


def apply_catalog(db: Database, document: dict[str, Any], etag: str | None) -> str:
    """Apply a new catalogue; returns how it was applied (``imported`` or ``stored``)."""
    import_catalog = _service_function("p4_desk.services.permits", "import_catalog")
    if import_catalog is not None:
        import_catalog(db, document, SYSTEM)
        how = "imported"
    else:
        how = "stored"
    with db.write() as s:
        if how == "stored":
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
    db: Database, updates: Sequence[ApplicationUpdate], next_cursor: int
) -> int:
    """Keep the pulled updates and move the cursor in one transaction; returns how many were new."""
    new = 0
    with db.write() as s:
        for update in updates:
            if s.get(CentralApplicationUpdate, update.id) is not None:
                continue
            s.add(
                CentralApplicationUpdate(
                    id=update.id,
                    registration_number=update.registration_number,
                    state=update.state,
                    note=update.note,
                    changed_at=update.changed_at,
                    received_at=db.now(),
                    applied=False,
                )
            )
            new += 1
        state_row(s).application_cursor = next_cursor
    apply_pending_application_updates(db)
    return new


def apply_pending_application_updates(db: Database) -> int:
    """Hand kept updates to the applications service, when it exists; returns how many."""
    apply = _service_function("p4_desk.services.applications", "apply_central_status")
    if apply is None:
        return 0
    with db.read() as s:
        pending = list(
            s.scalars(
                select(CentralApplicationUpdate)
                .where(CentralApplicationUpdate.applied.is_(False))
                .order_by(CentralApplicationUpdate.id)
            )
        )
    for update in pending:
        apply(db, update.registration_number, update.state, update.note, update.changed_at)
        with db.write() as s:
            row = s.get(CentralApplicationUpdate, update.id)
            if row is not None:
                row.applied = True
    return len(pending)


def _put_setting(s: Any, key: str, value: Any) -> None:
    row = s.get(SiteSetting, key)
    if row is None:
        s.add(SiteSetting(key=key, value=value))
    else:
        row.value = value

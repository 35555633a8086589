"""Back-office status changes of permit applications, pulled by the owning site.

Updates carry a monotonic integer id used as the sites' cursor. On PostgreSQL the
writers take a transaction-level advisory lock before inserting, so ids become
visible in id order and a site reading "after N" can never skip a later-committed
smaller id. SQLite writers are serialised anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from p4_desk.central.models import ApplicationProjection, ApplicationUpdate
from p4_desk.errors import NotFound, ValidationError

STATE_PATTERN = re.compile(r"^[a-z][a-z_]{0,39}$")
_UPDATE_ORDER_LOCK = 470_1001


@dataclass(frozen=True)
class StatusUpdate:
    id: int
    site: str
    registration_number: str
    state: str
    note: str | None
    changed_at: datetime


def record_status(
    session: Session,
    registration_number: str,
    state: str,
    *,
    note: str | None = None,
    site: str | None = None,
) -> StatusUpdate:
    """Record a back-office state for the site that registered the application."""
    if not STATE_PATTERN.match(state):
        raise ValidationError(
            "Status harus huruf kecil dan garis bawah, mis. 'verifikasi' atau 'disetujui'.",
            field="state",
        )
    owners = list(
        session.scalars(
            select(ApplicationProjection.site).where(
                ApplicationProjection.registration_number == registration_number
            )
        )
    )
    if site is not None:
        owners = [owner for owner in owners if owner == site]
    if not owners:
        raise NotFound(
            f"Permohonan {registration_number} belum pernah diterima dari situs mana pun."
        )
    if len(owners) > 1:
        raise ValidationError(
            f"Nomor {registration_number} dipakai oleh beberapa situs ({', '.join(owners)}); "
            "sebutkan situsnya.",
            field="site",
        )
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPDATE_ORDER_LOCK})
    update = ApplicationUpdate(
        site=owners[0],
        registration_number=registration_number,
        state=state,
        note=note or None,
        changed_at=datetime.now(UTC),
    )
    session.add(update)
    session.flush()
    return _frozen(update)


def updates_after(session: Session, site: str, cursor: int, limit: int) -> list[StatusUpdate]:
    """The site's updates with an id greater than ``cursor``, oldest first."""
    rows = session.scalars(
        select(ApplicationUpdate)
        .where(ApplicationUpdate.site == site, ApplicationUpdate.id > cursor)
        .order_by(ApplicationUpdate.id)
        .limit(limit)
    )
    return [_frozen(row) for row in rows]


def _frozen(row: ApplicationUpdate) -> StatusUpdate:
    return StatusUpdate(
        id=row.id,
        site=row.site,
        registration_number=row.registration_number,
        state=row.state,
        note=row.note,
        changed_at=row.changed_at,
    )

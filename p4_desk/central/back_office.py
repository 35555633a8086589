"""Back-office status changes of permit applications, pulled by the owning site.

Updates carry a monotonic integer id used as the sites' cursor. On PostgreSQL the
writers take a transaction-level advisory lock before inserting, so ids become
visible in id order and a site reading "after N" can never skip a later-committed
smaller id. SQLite writers are serialised anyway.

States are the desk's permit states (``domain.permit_lifecycle``), stored as English identifiers.
A back office may still send the old Indonesian words (``disetujui``); they are taken and stored
in English. Halls not yet upgraded pull ``schema_version`` 1 and get the old words back
(``as_version``), so they can still apply what they pull.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from p4_desk.central.models import ApplicationProjection, ApplicationUpdate
from p4_desk.domain.permit_lifecycle import LEGACY_BY_STATE, PERMITS, PermitState
from p4_desk.errors import NotFound, ValidationError

STATE_PATTERN = re.compile(r"^[a-z][a-z_]{0,39}$")
#: what ``GET .../application-updates`` serves without ``schema_version`` (halls before 0006)
UPDATES_DEFAULT_VERSION = 1
UPDATES_VERSIONS = (1, 2)
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
            "Status harus huruf kecil dan garis bawah, mis. 'verifying' atau 'approved'.",
            field="state",
        )
    state = PERMITS.parse(state, accept_aliases=True).value
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
        raise NotFound(f"Permohonan {registration_number} belum pernah diterima dari situs mana pun.")
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


def as_version(state: str, version: int) -> str:
    """A stored state as a site pulling ``schema_version`` ``version`` reads it."""
    if version >= 2:
        return state
    known = next((s for s in PermitState if s.value == state), None)
    return LEGACY_BY_STATE[known] if known is not None else state


def _frozen(row: ApplicationUpdate) -> StatusUpdate:
    return StatusUpdate(
        id=row.id,
        site=row.site,
        registration_number=row.registration_number,
        state=row.state,
        note=row.note,
        changed_at=row.changed_at,
    )

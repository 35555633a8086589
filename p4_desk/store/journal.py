"""Audit rows and outbox events, written inside the caller's transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from p4_desk.store.db import Database
from p4_desk.store.models import AuditEntry, OutboxEvent

SCHEMA_VERSION = 1
#: event types whose envelope moved on (docs/DEVELOPING.md); 2: permit states in English (0006);
#: 3: application payloads carry the deadline clock and who collected the permit (0010)
SCHEMA_VERSIONS = {
    "application.received": 3,
    "application.status_changed": 3,
    "application.clock_changed": 3,
}


@dataclass(frozen=True)
class Actor:
    """Who does something: a logged-in user, or the system (kiosk, automation)."""

    user_id: int | None = None
    username: str | None = None


SYSTEM = Actor(username=None)


def record(
    session: Session,
    db: Database,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: str | int | None,
    *,
    details: dict[str, Any] | None = None,
    event_type: str | None = None,
    payload: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Append the audit row and, when ``event_type`` is given, the outbox event."""
    when = at or db.now()
    session.add(
        AuditEntry(
            at=when,
            user_id=actor.user_id,
            username=actor.username,
            workstation=db.workstation,
            action=action,
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            details=details,
        )
    )
    if event_type is not None:
        session.add(
            OutboxEvent(
                event_id=str(uuid.uuid4()),
                type=event_type,
                occurred_at=when,
                schema_version=SCHEMA_VERSIONS.get(event_type, SCHEMA_VERSION),
                payload=payload or {},
                state="pending",
                attempts=0,
            )
        )


def change_marker(db: Database) -> int:
    """A number that grows with every recorded change; screens poll it (cheap, indexed)."""
    with db.read() as s:
        return int(s.scalar(select(func.max(AuditEntry.id))) or 0)

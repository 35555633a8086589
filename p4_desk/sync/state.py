"""What the sync agent remembers and what the status bar, the CLI and the admin see.

``status(db)`` counts the outbox by state and reads the agent's state row; ``failed_events``
lists what the central API refused for good; ``retry_failed`` puts such events back in line.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from p4_desk.errors import NotFound
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import OutboxEvent, SyncState


def state_row(s: Session) -> SyncState:
    """The single agent state row (created by migration 0003; recreated if someone removed it)."""
    state = s.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, online=False, consecutive_failures=0, application_cursor=0)
        s.add(state)
        s.flush()
    return state


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    sent: int
    failed: int
    last_success_at: datetime | None
    online: bool
    last_error: str | None
    site: str | None
    url: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "pending": self.pending,
            "sent": self.sent,
            "failed": self.failed,
            "last_success_at": self.last_success_at.isoformat() if self.last_success_at else None,
            "online": self.online,
            "last_error": self.last_error,
            "site": self.site,
            "url": self.url,
        }


@dataclass(frozen=True)
class FailedEvent:
    seq: int
    event_id: str
    type: str
    occurred_at: datetime
    attempts: int
    last_error: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "id": self.event_id,
            "type": self.type,
            "occurred_at": self.occurred_at.isoformat(),
            "attempts": self.attempts,
            "last_error": self.last_error,
        }


def status(db: Database) -> SyncStatus:
    with db.read() as s:
        by_state = select(OutboxEvent.state, func.count()).group_by(OutboxEvent.state)
        counts = {state: n for state, n in s.execute(by_state).all()}
        state = s.get(SyncState, 1)
        return SyncStatus(
            pending=int(counts.get("pending", 0)),
            sent=int(counts.get("sent", 0)),
            failed=int(counts.get("failed", 0)),
            last_success_at=state.last_success_at if state else None,
            online=bool(state.online) if state else False,
            last_error=state.last_error if state else None,
            site=state.site_code if state else None,
            url=state.central_url if state else None,
        )


def failed_events(db: Database, limit: int = 1000) -> list[FailedEvent]:
    with db.read() as s:
        rows = s.scalars(
            select(OutboxEvent).where(OutboxEvent.state == "failed").order_by(OutboxEvent.seq).limit(limit)
        )
        return [FailedEvent(r.seq, r.event_id, r.type, r.occurred_at, r.attempts, r.last_error) for r in rows]


def retry_failed(db: Database, ids: Iterable[str | int] | None = None, actor: Actor = SYSTEM) -> int:
    """Put failed events back to pending: all of them (``ids=None``), or those named.

    An id is the outbox sequence number or the event UUID. Returns how many were re-queued.
    """
    condition = OutboxEvent.state == "failed"
    wanted: list[str] = []
    if ids is not None:
        wanted = [str(i).strip() for i in ids]
        seqs = [int(i) for i in wanted if i.isdigit()]
        uuids = [i for i in wanted if _is_uuid(i)]
        unknown = [i for i in wanted if not i.isdigit() and not _is_uuid(i)]
        if unknown:
            raise NotFound(f"Bukan nomor atau id peristiwa: {', '.join(unknown)}.")
        condition = condition & or_(OutboxEvent.seq.in_(seqs), OutboxEvent.event_id.in_(uuids))
    with db.write() as s:
        result = s.execute(
            update(OutboxEvent)
            .where(condition)
            .values(state="pending", next_attempt_at=None)
            .execution_options(synchronize_session=False)
        )
        count = int(getattr(result, "rowcount", 0) or 0)
        if ids is not None and count < len(wanted):
            raise NotFound(
                "Sebagian peristiwa yang disebut tidak ada di daftar gagal "
                f"({count} dari {len(wanted)} ditemukan). Tidak ada yang diubah."
            )
        details = {"ids": wanted or "all", "count": count}
        record(s, db, actor, "sync.retry_failed", "outbox", None, details=details)
    return count


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True

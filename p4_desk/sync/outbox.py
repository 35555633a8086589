"""The outbox rows the sync agent pushes: claimed before the call, settled after the answer.

Every function is one committed transaction (``Database.write``), so a crash between any two
leaves each row either pending (retryable) or settled — never half of both (DESIGN §5).
What is sent is the payload minimised (``domain.outgoing``): the outbox keeps the row as written,
and an event queued before the rule existed leaves minimised as well.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session

from p4_desk.domain.outgoing import minimise
from p4_desk.store.db import Database
from p4_desk.store.models import OutboxEvent
from p4_desk.sync.client import BatchAnswer
from p4_desk.sync.state import state_row


@dataclass(frozen=True)
class Row:
    seq: int
    event_id: str
    envelope: dict[str, Any]


@dataclass(frozen=True)
class Settled:
    accepted: int
    duplicate: int
    rejected: int


def any_due(s: Session, now: datetime) -> bool:
    """A pending event not waiting for a retry (an indexed read)."""
    due = s.scalar(
        select(OutboxEvent.seq)
        .where(
            OutboxEvent.state == "pending",
            (OutboxEvent.next_attempt_at.is_(None)) | (OutboxEvent.next_attempt_at <= now),
        )
        .limit(1)
    )
    return due is not None


def make_pending_due(db: Database) -> None:
    """A new run holds the sender lock, so no pending event is in flight anywhere: every one
    is due again, oldest first (pacing between runs is the run-level ``backoff_until``)."""
    with db.write() as s:
        s.execute(
            update(OutboxEvent)
            .where(OutboxEvent.state == "pending", OutboxEvent.next_attempt_at.is_not(None))
            .values(next_attempt_at=None)
            .execution_options(synchronize_session=False)
        )


def claim(
    db: Database,
    now: datetime,
    batch_size: int,
    pause_s: Callable[[int], float],
    exclude: set[int] | None = None,
) -> list[Row]:
    """Take the oldest due pending events and mark them attempted, committed before sending.

    ``pause_s(attempts)`` is how long a claimed row waits should this process die during the call.
    """
    limit = batch_size + len(exclude or ())
    columns = (
        OutboxEvent.seq,
        OutboxEvent.event_id,
        OutboxEvent.type,
        OutboxEvent.occurred_at,
        OutboxEvent.schema_version,
        OutboxEvent.payload,
        OutboxEvent.attempts,
    )
    # Two queries that each walk ix_outbox_state_next in seq order (no sort of the whole
    # backlog): never-tried events, and retries that are due; merged oldest first.
    fresh = (
        select(*columns)
        .where(OutboxEvent.state == "pending", OutboxEvent.next_attempt_at.is_(None))
        .order_by(OutboxEvent.seq)
        .limit(limit)
    )
    due = (
        select(*columns)
        .where(OutboxEvent.state == "pending", OutboxEvent.next_attempt_at <= now)
        .order_by(OutboxEvent.seq)
        .limit(limit)
    )
    with db.write() as s:
        merged = [*s.execute(fresh).all(), *s.execute(due).all()]
        fresh_rows = (r for r in merged if r.seq not in (exclude or ()))
        rows = sorted(fresh_rows, key=lambda r: r.seq)[:batch_size]
        if not rows:
            return []
        retry_at = now + timedelta(seconds=pause_s(max(r.attempts for r in rows) + 1))
        s.execute(
            update(OutboxEvent)
            .where(OutboxEvent.seq.in_([r.seq for r in rows]))
            .values(attempts=OutboxEvent.attempts + 1, next_attempt_at=retry_at)
            .execution_options(synchronize_session=False)
        )
    return [
        Row(
            r.seq,
            r.event_id,
            {
                "id": r.event_id,
                "type": r.type,
                "occurred_at": r.occurred_at.isoformat(),
                "schema_version": r.schema_version,
                "payload": minimise(r.type, r.payload),
            },
        )
        for r in rows
    ]


def settle(db: Database, now: datetime, batch: Sequence[Row], answer: BatchAnswer) -> Settled:
    """Mark what the server took as sent and what it rejected as failed; the site is online."""
    ids = {r.event_id for r in batch}
    accepted = ids.intersection(answer.accepted)
    duplicate = ids.intersection(answer.duplicate) - accepted
    done = accepted | duplicate
    rejected = {i: reason for i, reason in answer.rejected if i in ids and i not in done}
    unanswered = ids - done - rejected.keys()
    with db.write() as s:
        if done:
            s.execute(
                update(OutboxEvent)
                .where(OutboxEvent.event_id.in_(done), OutboxEvent.state == "pending")
                .values(state="sent", sent_at=now, next_attempt_at=None, last_error=None)
                .execution_options(synchronize_session=False)
            )
        for event_id, reason in rejected.items():
            mark_failed(s, OutboxEvent.event_id == event_id, reason)
        if unanswered:
            s.execute(
                update(OutboxEvent)
                .where(OutboxEvent.event_id.in_(unanswered))
                .values(last_error="Tidak disebut dalam jawaban server pusat; dikirim ulang nanti.")
                .execution_options(synchronize_session=False)
            )
        state = state_row(s)
        state.online = True
        state.last_success_at = now
        state.last_attempt_at = now
        state.last_error = None
        state.consecutive_failures = 0
        state.backoff_until = None
    return Settled(len(accepted), len(duplicate), len(rejected))


def fail(db: Database, row: Row, reason: str) -> None:
    with db.write() as s:
        mark_failed(s, OutboxEvent.seq == row.seq, reason)


def postpone(db: Database, seqs: list[int], reason: str, at: datetime) -> None:
    with db.write() as s:
        s.execute(
            update(OutboxEvent)
            .where(OutboxEvent.seq.in_(seqs), OutboxEvent.state == "pending")
            .values(next_attempt_at=at, last_error=reason)
            .execution_options(synchronize_session=False)
        )


def release(db: Database, seqs: list[int]) -> None:
    """Token refused: the events wait, due as soon as the desk is enrolled again."""
    with db.write() as s:
        s.execute(
            update(OutboxEvent)
            .where(OutboxEvent.seq.in_(seqs), OutboxEvent.state == "pending")
            .values(next_attempt_at=None)
            .execution_options(synchronize_session=False)
        )


def pending_count(db: Database) -> int:
    with db.read() as s:
        pending = select(func.count()).select_from(OutboxEvent).where(OutboxEvent.state == "pending")
        return int(s.scalar(pending) or 0)


def mark_failed(s: Session, condition: ColumnElement[bool], reason: str) -> None:
    s.execute(
        update(OutboxEvent)
        .where(condition)
        .values(state="failed", next_attempt_at=None, last_error=f"Ditolak server pusat: {reason}"[:2000])
        .execution_options(synchronize_session=False)
    )

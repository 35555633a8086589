"""Event intake: validate each envelope, store it once, update the per-site projections.

What an envelope must look like, per type and version, is ``envelopes``.

Idempotency: ``(site, event id)`` is unique. A batch inserts with
``INSERT ... ON CONFLICT DO NOTHING``; when nothing was inserted the stored content hash
decides between *duplicate* (same content, a success) and *conflicting content*
(rejected). Events are inserted in id order and projections updated in key order, so
two concurrent batches on PostgreSQL always take row locks in the same order and cannot
deadlock; on SQLite writers queue behind ``BEGIN IMMEDIATE``. A batch is a fixed number of
statements whatever its size; on PostgreSQL its rows travel as one JSON parameter
(``central.bulk``, DESIGN §2 *Decided* "the intake's shape").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, and_, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from p4_desk.central import bulk, live
from p4_desk.central.envelopes import Event, Invalid, storable, validate
from p4_desk.central.models import (
    StoredEvent,
)

MAX_BATCH = 1000


@dataclass(frozen=True)
class Rejection:
    id: str | None
    code: str
    reason: str


@dataclass
class IntakeResult:
    accepted: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def store_batch(session: Session, site: str, events: list[Any]) -> IntakeResult:
    """Validate, store and project one batch inside the caller's transaction."""
    result = IntakeResult()
    valid: list[Event] = []
    for raw in events:
        sent_id = raw.get("id") if isinstance(raw, dict) else None
        if not (isinstance(sent_id, str) and len(sent_id) <= 100 and storable(sent_id)):
            sent_id = None
        try:
            valid.append(validate(raw))
        except Invalid as invalid:
            result.rejected.append(Rejection(sent_id, invalid.code, invalid.reason))

    # the first copy of an id within the batch stands for it; later copies compare to it
    first_copies: dict[str, Event] = {}
    repeats: list[Event] = []
    for event in valid:
        if event.event_id in first_copies:
            repeats.append(event)
        else:
            first_copies[event.event_id] = event
    unique = sorted(first_copies.values(), key=lambda e: e.event_id)

    inserted_ids = _insert_events(session, site, unique)
    stored_hashes = _stored_hashes(
        session, site, [e.event_id for e in unique if e.event_id not in inserted_ids]
    )
    for event in unique:
        if event.event_id in inserted_ids:
            result.accepted.append(event.sent_id)
        else:
            _sort_repeat(result, event, stored_hashes.get(event.event_id))
    for event in repeats:
        _sort_repeat(result, event, first_copies[event.event_id].content_hash)

    inserted = [e for e in unique if e.event_id in inserted_ids]
    _project(session, site, inserted)
    live.after_events(session, site, inserted)  # the citizens' pages and reminders
    return result


def _dialect_insert(session: Session, table: Table) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise RuntimeError(f"unsupported database: {dialect}")


def _insert_events(session: Session, site: str, events: list[Event]) -> set[str]:
    """Insert the events, skipping stored ids; return the ids actually inserted."""
    if not events:
        return set()
    table = StoredEvent.__table__
    assert isinstance(table, Table)
    received_at = datetime.now(UTC)
    rows = [
        {
            "site": site,
            "event_id": event.event_id,
            "type": event.type,
            "schema_version": event.schema_version,
            "occurred_at": event.occurred_at,
            "received_at": received_at,
            "payload": json.dumps(event.payload, sort_keys=True),
            "content_hash": event.content_hash,
        }
        for event in events
    ]
    if session.get_bind().dialect.name == "postgresql":
        return set(bulk.insert_new(session, table, rows, ["site", "event_id"], returning="event_id"))
    statement = (
        _dialect_insert(session, table)
        .on_conflict_do_nothing(index_elements=["site", "event_id"])
        .returning(table.c.event_id)
    )
    # compiled once, sent as multi-row INSERTs ("insertmanyvalues"); only rows this
    # statement inserted come back (rowcount is unreliable with ON CONFLICT)
    return set(session.scalars(statement, rows))


def _stored_hashes(session: Session, site: str, event_ids: list[str]) -> dict[str, str]:
    if not event_ids:
        return {}
    rows = session.execute(
        select(StoredEvent.event_id, StoredEvent.content_hash).where(
            StoredEvent.site == site, StoredEvent.event_id.in_(event_ids)
        )
    )
    return {event_id: hash_ for event_id, hash_ in rows}


def _sort_repeat(result: IntakeResult, event: Event, stored_hash: str | None) -> None:
    if stored_hash == event.content_hash:
        result.duplicate.append(event.sent_id)
    else:
        result.rejected.append(
            Rejection(
                event.sent_id,
                "conflicting_content",
                "Id peristiwa sudah diterima dengan isi berbeda (conflicting content).",
            )
        )


#: columns that keep their first value (the local day the record was first received)
_FIRST_VALUE_COLUMNS = frozenset({"day"})


def _project(session: Session, site: str, events: list[Event]) -> None:
    """Upsert the snapshots of newly stored events, one executemany per projection table.

    Within the batch only the newest snapshot per record is sent; tables go in a fixed
    order and rows in key order, so concurrent batches lock rows in the same order.
    """
    newest: dict[Any, dict[tuple[Any, ...], dict[str, Any]]] = {}
    for event in events:
        if event.projection is None:
            continue
        model, row = event.projection
        row = {"site": site, **row}
        key = tuple(row[col.name] for col in model.__table__.primary_key.columns)
        by_key = newest.setdefault(model, {})
        known = by_key.get(key)
        if known is None:
            by_key[key] = row
            continue
        older, newer = sorted((known, row), key=lambda r: (r["occurred_at"], r["event_id"]))
        by_key[key] = {**newer, **{c: older[c] for c in _FIRST_VALUE_COLUMNS if c in older}}
    for model in sorted(newest, key=lambda m: m.__table__.name):
        rows = [newest[model][key] for key in sorted(newest[model])]
        _upsert_latest(session, model, rows)


def _upsert_latest(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """Insert the snapshots, or replace stored ones that are older.

    Newer means a later ``occurred_at``; equal times are ordered by event id so every
    server reaches the same result whatever the arrival order.
    """
    table = model.__table__
    keys = [col.name for col in table.primary_key.columns]
    if session.get_bind().dialect.name == "postgresql":
        bulk.upsert_newer(session, table, rows, keys, keep=_FIRST_VALUE_COLUMNS)
        return
    statement = _dialect_insert(session, table)
    excluded = statement.excluded
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={
            name: excluded[name] for name in rows[0] if name not in keys and name not in _FIRST_VALUE_COLUMNS
        },
        where=or_(
            table.c.occurred_at < excluded.occurred_at,
            and_(
                table.c.occurred_at == excluded.occurred_at,
                table.c.event_id < excluded.event_id,
            ),
        ),
    )
    session.execute(statement, rows)

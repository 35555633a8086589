"""Audit rows and outbox events, written inside the caller's transaction; the audit hash chain.

Every audit row carries ``row_hash`` = sha256 of the previous row's hash and its own content
(``prev_hash`` holds the previous one; the first row follows ``GENESIS``). Changing, removing or
inserting a row anywhere but at the end breaks the chain, which ``verify_chain`` finds (the
self-test and ``restore`` run it). The append-only triggers refuse UPDATE, DELETE and (on
PostgreSQL) TRUNCATE; the chain makes it evident when someone who could lift them did.

One chain for every PC: ``record`` only queues the row (and its outbox event); just before the
transaction commits, its other changes are flushed first (their row locks taken), then the
events are inserted, the chain lock taken and the newest hash read (PostgreSQL: one statement,
migration 0017's ``p4_chain_head()`` around ``pg_advisory_xact_lock``; SQLite's write
transaction already is one lock), and the queued rows hashed and inserted. The lock is held
only for that last step, and a holder waits on nothing else, so writers on several PCs cannot
deadlock on it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, event, func, insert, select, text
from sqlalchemy.orm import Session

from p4_desk.errors import ValidationError
from p4_desk.store.db import Database, field_label, value_problem
from p4_desk.store.models import AuditEntry, OutboxEvent

SCHEMA_VERSION = 1
#: event types whose envelope moved on (docs/DEVELOPING.md); 2: permit states in English (0006);
#: 3: application payloads carry the deadline clock and who collected the permit (0010)
SCHEMA_VERSIONS = {
    "application.received": 3,
    "application.status_changed": 3,
    "application.clock_changed": 3,
}

GENESIS = "0" * 64
#: pg_advisory_xact_lock key of the audit chain (migrations use 4504)
CHAIN_LOCK_KEY = 4505
_QUEUED = "p4_desk.audit_queued"
_EVENTS = "p4_desk.events_queued"
_OUTBOX = cast(Table, OutboxEvent.__table__)
_AUDIT = cast(Table, AuditEntry.__table__)
# Statements built once (issue 20.2): building and cache-keying a statement on every commit cost
# more CPU than executing it. The names of the bound parameters are the rows' keys.
_HEAD = select(AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1)
_INSERT_OUTBOX = insert(_OUTBOX)
_INSERT_AUDIT = insert(_AUDIT)
#: PostgreSQL: the chain lock, then the newest hash read after it (migration 0017's function)
_LOCKED_HEAD = select(func.p4_chain_head())


@functools.cache
def _lock_with_one_event(keys: tuple[str, ...]) -> Any:
    """PostgreSQL, one event (the common case): its insert, the chain lock and the head read in one
    statement (the unreferenced CTE's insert runs after the main query: under the lock)."""
    values = {key: bindparam(key, type_=_OUTBOX.c[key].type) for key in keys}
    return _LOCKED_HEAD.add_cte(insert(_OUTBOX).values(values).cte("queued_events"))


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
    """Queue the audit row (chained at commit) and, when ``event_type``, the outbox event.

    Both are inserted when the transaction commits (``_seal_queued_rows``), in the order queued."""
    when = at or db.now()
    session.info.setdefault(_QUEUED, []).append(
        {
            "at": when,
            "user_id": actor.user_id,
            "username": actor.username,
            "workstation": db.workstation,
            "action": action,
            "entity": entity,
            "entity_id": None if entity_id is None else str(entity_id),
            "details": details,
        }
    )
    if event_type is not None:
        session.info.setdefault(_EVENTS, []).append(
            {
                "event_id": str(uuid.uuid4()),
                "type": event_type,
                "occurred_at": when,
                "schema_version": SCHEMA_VERSIONS.get(event_type, SCHEMA_VERSION),
                "payload": payload or {},
                "state": "pending",
                "attempts": 0,
            }
        )


def change_marker(db: Database) -> int:
    """A number that grows with every recorded change; screens poll it (cheap, indexed)."""
    with db.read() as s:
        return int(s.scalar(select(func.max(AuditEntry.id))) or 0)


# --- the chain --------------------------------------------------------------------------------


def _moment(value: datetime | str) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def audit_digest(
    prev_hash: str,
    at: datetime | str,
    user_id: int | None,
    username: str | None,
    workstation: str,
    action: str,
    entity: str,
    entity_id: str | None,
    details: Any,
) -> str:
    """sha256 of the previous hash and the row's content as canonical JSON (the chain's link).

    Migration 0008 holds a frozen copy; the two must agree."""
    if isinstance(details, str):
        details = json.loads(details)
    canonical = json.dumps(
        [prev_hash, _moment(at), user_id, username, workstation, action, entity, entity_id, details],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _row_digest(prev: str, row: dict[str, Any]) -> str:
    # what the database gives back: JSON round trip (tuples become lists, int keys strings)
    details = row["details"]
    details = None if details is None else json.loads(json.dumps(details))
    return audit_digest(
        prev, row["at"], row["user_id"], row["username"], row["workstation"], row["action"],
        row["entity"], row["entity_id"], details,
    )  # fmt: skip


def lock_chain(session: Session) -> str:
    """Take the chain lock for the rest of the transaction; the newest row's hash."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        return connection.execute(_LOCKED_HEAD).scalar() or GENESIS
    return _chain_head(connection)


def _chain_head(connection: Any) -> str:
    newest = connection.execute(_HEAD).scalar()
    return newest or GENESIS


def _check_rows(table: Any, rows: list[dict[str, Any]]) -> None:
    """The checks a flush makes (``store.db``), for rows inserted without the ORM's unit of work."""
    for row in rows:
        for key, value in row.items():
            if value is not None and (problem := value_problem(table.c[key].type, value)):
                raise ValidationError(f"{field_label(key)} {problem}.", field=key)


@event.listens_for(Session, "before_commit")
def _seal_queued_rows(session: Session) -> None:
    """Insert the transaction's outbox events and its audit rows, chained, just before the commit.

    Round trips on PostgreSQL (issue 20.3): the events' insert, the chain lock and the head read
    are one statement (``p4_chain_head()`` reads the head with a snapshot taken after the lock;
    the lock's own statement could see a head from before it); the audit rows are one multi-row
    insert."""
    queued: list[dict[str, Any]] | None = session.info.pop(_QUEUED, None)
    events: list[dict[str, Any]] = session.info.pop(_EVENTS, None) or []
    if not queued and not events:
        return
    session.flush()  # the business rows first: their locks are taken before the chain lock
    _check_rows(_OUTBOX, events)
    connection = session.connection()
    postgres = connection.dialect.name == "postgresql"
    head: str | None = None
    if postgres:
        if len(events) == 1:
            locked = connection.execute(_lock_with_one_event(tuple(events[0])), events[0])
        elif events:
            locked = connection.execute(
                _LOCKED_HEAD.add_cte(insert(_OUTBOX).values(events).cte("queued_events"))
            )
        else:
            locked = connection.execute(_LOCKED_HEAD)
        head = locked.scalar() or GENESIS
    elif events:
        connection.execute(_INSERT_OUTBOX, events)
    if not queued:
        return
    _check_rows(_AUDIT, queued)
    prev = head if head is not None else _chain_head(connection)
    for row in queued:
        row["prev_hash"] = prev
        row["row_hash"] = prev = _row_digest(prev, row)
    if len(queued) == 1:
        connection.execute(_INSERT_AUDIT, queued[0])
    elif postgres:  # one multi-row statement (one round trip)
        connection.execute(insert(_AUDIT).values(queued))
    else:
        connection.execute(_INSERT_AUDIT, queued)


@event.listens_for(Session, "after_soft_rollback")
def _forget_queued_rows(session: Session, _previous: Any) -> None:
    session.info.pop(_QUEUED, None)
    session.info.pop(_EVENTS, None)


def seal_rows(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Chain rows that a bulk loader inserts itself (demo data, benchmarks), in list order.

    The caller inserts them in the same transaction, after this call."""
    prev = lock_chain(session)
    for row in rows:
        row["prev_hash"] = prev
        row["row_hash"] = prev = audit_digest(
            prev, row["at"], row.get("user_id"), row.get("username"), row["workstation"],
            row["action"], row["entity"], row.get("entity_id"), row.get("details"),
        )  # fmt: skip
    return rows


@dataclass(frozen=True)
class ChainReport:
    """What ``verify_chain`` found; ``problem`` is Indonesian, None when the chain holds."""

    rows: int
    problem: str | None
    first_bad_id: int | None = None
    head: str = GENESIS

    @property
    def intact(self) -> bool:
        return self.problem is None


AuditRow = tuple[int, Any, int | None, str | None, str, str, str, str | None, Any, str | None, str | None]


def verify_rows(rows: Iterable[AuditRow]) -> ChainReport:
    """Walk rows (id, at, user_id, username, workstation, action, entity, entity_id, details,
    prev_hash, row_hash) in id order and check every link."""
    prev, count = GENESIS, 0
    for row in rows:
        row_id, *content, prev_hash, row_hash = row
        count += 1
        if row_hash is None or prev_hash is None:
            return ChainReport(count, f"baris audit {row_id} tidak berantai (tanpa hash)", row_id, prev)
        if prev_hash != prev:
            return ChainReport(
                count,
                f"rantai putus sebelum baris audit {row_id}: ada baris yang dihapus atau disisipkan",
                row_id,
                prev,
            )
        if audit_digest(prev, *content) != row_hash:
            return ChainReport(count, f"isi baris audit {row_id} diubah sesudah dicatat", row_id, prev)
        prev = row_hash
    return ChainReport(count, None, None, prev)


def verify_chain(db: Database, *, batch: int = 5000) -> ChainReport:
    """Check the whole audit chain of ``db`` (streamed in id order)."""
    A = AuditEntry
    columns = (A.id, A.at, A.user_id, A.username, A.workstation, A.action, A.entity, A.entity_id,
               A.details, A.prev_hash, A.row_hash)  # fmt: skip

    def rows() -> Iterator[AuditRow]:
        with db.read() as s:
            result = s.execute(select(*columns).order_by(A.id).execution_options(yield_per=batch))
            for row in result:
                yield tuple(row)  # type: ignore[misc]

    return verify_rows(rows())


# --- the guards -----------------------------------------------------------------------------

SQLITE_GUARDS = ("audit_log_no_update", "audit_log_no_delete")
POSTGRES_GUARDS = ("audit_log_append_only", "audit_log_no_truncate")


def guard_problems(db: Database) -> list[str]:
    """What is missing of the triggers that keep the audit log append-only (Indonesian)."""
    problems: list[str] = []
    with db.read() as s:
        if db.is_sqlite:
            sql = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
            found: dict[str, str | None] = {name: body for name, body in s.execute(text(sql)).all()}
            for name in SQLITE_GUARDS:
                if "RAISE(ABORT" not in (found.get(name) or "").upper().replace(" ", ""):
                    problems.append(f"pemicu {name} hilang atau diubah")
            return problems
        rows = s.execute(
            text(
                "SELECT t.tgname, t.tgenabled, p.prosrc FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE t.tgrelid = 'audit_log'::regclass AND NOT t.tgisinternal"
            )
        ).all()
    found_pg = {name: (enabled, source) for name, enabled, source in rows}
    for name in POSTGRES_GUARDS:
        if name not in found_pg:
            problems.append(f"pemicu {name} hilang")
        elif found_pg[name][0] == "D":
            problems.append(f"pemicu {name} dimatikan")
        elif "RAISE EXCEPTION" not in str(found_pg[name][1]).upper():
            problems.append(f"fungsi pemicu {name} diubah")
    return problems

"""audit chain: each audit row carries its hash and the previous row's; escalating lockouts

Revision ID: 0008
Revises: 0007

- ``audit_log.prev_hash`` / ``row_hash``: the hash chain of ``store/journal.py`` (sha256 of the
  previous row's hash and the row's content). Rows already there are chained here, in id order,
  with the digest frozen below (the same as the journal's at this revision); the UPDATE trigger
  is lifted for that and put back in the same transaction.
- PostgreSQL: a statement trigger refuses ``TRUNCATE audit_log`` (row triggers do not see it).
- ``app_user.lockouts``: how many times in a row the account was locked; the next lock lasts
  twice as long (``services/users.py``).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
BATCH = 5000


def _moment(value: Any) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _digest(prev: str, row: Any) -> str:
    details = row.details
    if isinstance(details, str):
        details = json.loads(details)
    canonical = json.dumps(
        [prev, _moment(row.at), row.user_id, row.username, row.workstation, row.action, row.entity,
         row.entity_id, details],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )  # fmt: skip
    return hashlib.sha256(canonical.encode()).hexdigest()


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_log", sa.Column("row_hash", sa.String(length=64), nullable=True))
    op.add_column(
        "app_user", sa.Column("lockouts", sa.Integer(), nullable=False, server_default=sa.text("0"))
    )

    if sqlite:
        op.execute("DROP TRIGGER audit_log_no_update")
    else:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    prev = GENESIS
    rows = bind.execute(
        sa.text(
            "SELECT id, at, user_id, username, workstation, action, entity, entity_id, details "
            "FROM audit_log ORDER BY id"
        )
    ).fetchall()
    updates: list[dict[str, Any]] = []
    for row in rows:
        digest = _digest(prev, row)
        updates.append({"id": row.id, "prev": prev, "hash": digest})
        prev = digest
    for start in range(0, len(updates), BATCH):
        bind.execute(
            sa.text("UPDATE audit_log SET prev_hash = :prev, row_hash = :hash WHERE id = :id"),
            updates[start : start + BATCH],
        )
    if sqlite:
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )
    else:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    op.drop_column("app_user", "lockouts")
    # the hash columns go with a plain DROP COLUMN: rows are not rewritten, so no trigger fires
    op.drop_column("audit_log", "row_hash")
    op.drop_column("audit_log", "prev_hash")

"""audit chain (PostgreSQL): the chain lock and the head read in one statement

Revision ID: 0017
Revises: 0016

- ``p4_chain_head()``: takes the audit chain's advisory transaction lock
  (``journal.CHAIN_LOCK_KEY``) and returns the newest row's hash. Its query runs after the lock
  with a snapshot of its own (a VOLATILE PL/pgSQL function takes one per statement under READ
  COMMITTED), so it sees every row committed before the lock was granted, which a head read in
  the lock's own statement would not. The journal calls it in the statement that inserts the
  transaction's events: one round trip fewer while the lock is held (issue 20.3).
- SQLite: nothing (its write transaction already is the chain's lock).
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

#: journal.CHAIN_LOCK_KEY at this revision
CHAIN_LOCK_KEY = 4505


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute(
        "CREATE FUNCTION p4_chain_head() RETURNS varchar LANGUAGE plpgsql VOLATILE AS $$ "
        f"BEGIN PERFORM pg_advisory_xact_lock({CHAIN_LOCK_KEY}); "
        "RETURN (SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1); END $$"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("DROP FUNCTION IF EXISTS p4_chain_head()")

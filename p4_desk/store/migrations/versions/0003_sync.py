"""sync state: agent state row and pulled application updates

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import p4_desk.store.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "central_application_update",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("registration_number", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("changed_at", p4_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("received_at", p4_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_application_update")),
    )
    op.create_index(
        op.f("ix_central_application_update_registration_number"),
        "central_application_update",
        ["registration_number"],
        unique=False,
    )
    sync_state = op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_code", sa.String(length=32), nullable=True),
        sa.Column("central_url", sa.String(length=500), nullable=True),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("last_success_at", p4_desk.store.types.UTCDateTime(), nullable=True),
        sa.Column("last_attempt_at", p4_desk.store.types.UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.Column("backoff_until", p4_desk.store.types.UTCDateTime(), nullable=True),
        sa.Column("catalog_etag", sa.String(length=200), nullable=True),
        sa.Column("catalog_fetched_at", p4_desk.store.types.UTCDateTime(), nullable=True),
        sa.Column("application_cursor", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    # The single state row exists from the start, so concurrent agents never race to create it.
    op.bulk_insert(
        sync_state,
        [{"id": 1, "online": False, "consecutive_failures": 0, "application_cursor": 0}],
    )


def downgrade() -> None:
    op.drop_table("sync_state")
    op.drop_index(
        op.f("ix_central_application_update_registration_number"),
        table_name="central_application_update",
    )
    op.drop_table("central_application_update")

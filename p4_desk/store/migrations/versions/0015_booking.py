"""appointments: booking rules per service and bookings (issue 17)

Revision ID: 0015
Revises: 0014

- ``booking_rule``: a service's appointment rule (days and hours, slot length, capacity,
  days ahead, walk-in share, check-in policy) as JSON.
- ``booking``: appointments made on the central server or at the hall by phone; the ticket a
  check-in issued (one at most).
- ``sync_state.booking_cursor``: where the hall stands in the central server's booking feed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import p4_desk.store.types

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "booking_rule",
        sa.Column(
            "service_id", sa.Integer(), sa.ForeignKey("service.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("rule", sa.JSON(), nullable=False),
        sa.Column("updated_at", p4_desk.store.types.UTCDateTime(), nullable=False),
    )
    op.create_table(
        "booking",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=8), nullable=False, unique=True),
        sa.Column("service_id", sa.Integer(), sa.ForeignKey("service.id"), nullable=False),
        sa.Column("slot_start", p4_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("origin", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("ticket.id"), nullable=True, unique=True),
        sa.Column("checked_in_at", p4_desk.store.types.UTCDateTime(), nullable=True),
        sa.Column("created_at", p4_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("cancelled_at", p4_desk.store.types.UTCDateTime(), nullable=True),
    )
    op.create_index("ix_booking_service_slot", "booking", ["service_id", "slot_start"])
    op.add_column(
        "sync_state", sa.Column("booking_cursor", sa.BigInteger(), nullable=False, server_default="0")
    )


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("booking_cursor")
    op.drop_index("ix_booking_service_slot", table_name="booking")
    op.drop_table("booking")
    op.drop_table("booking_rule")

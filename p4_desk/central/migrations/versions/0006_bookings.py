"""appointments: the halls' booking rules, seats per slot and day, bookings and the halls' feed

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ID64 = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "booking_rules",
        sa.Column("site", sa.String(length=32), sa.ForeignKey("sites.code"), primary_key=True),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("occurred_at", MOMENT, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
    )
    op.create_table(
        "booking_seats",
        sa.Column("site", sa.String(length=32), primary_key=True),
        sa.Column("service", sa.String(length=64), primary_key=True),
        sa.Column("slot_start", MOMENT, primary_key=True),
        sa.Column("booked", sa.Integer(), nullable=False),
    )
    op.create_table(
        "booking_days",
        sa.Column("site", sa.String(length=32), primary_key=True),
        sa.Column("service", sa.String(length=64), primary_key=True),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("booked", sa.Integer(), nullable=False),
    )
    op.create_table(
        "bookings",
        sa.Column("id", ID64, primary_key=True, autoincrement=True),
        sa.Column("site", sa.String(length=32), sa.ForeignKey("sites.code"), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=False),
        sa.Column("service_name", sa.String(length=200), nullable=False),
        sa.Column("slot_start", MOMENT, nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("origin", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("updated_at", MOMENT, nullable=False),
        sa.UniqueConstraint("site", "code", name="uq_bookings_site_code"),
    )
    op.create_table(
        "booking_feed",
        sa.Column("id", ID64, primary_key=True, autoincrement=True),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("booking_id", ID64, sa.ForeignKey("bookings.id"), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
    )
    op.create_index("ix_booking_feed_site_id", "booking_feed", ["site", "id"])


def downgrade() -> None:
    op.drop_index("ix_booking_feed_site_id", table_name="booking_feed")
    for table in ("booking_feed", "bookings", "booking_days", "booking_seats", "booking_rules"):
        op.drop_table(table)

"""service standard parts on the service; IKM follow-up actions; service innovations (PEKPPP)

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from p4_desk.store.types import UTCDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_TEXTS = ("std_requirements", "std_procedure", "std_product", "std_complaints", "legal_basis")


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild: tickets, legs and counters point at service).
    for name in _TEXTS:
        op.add_column("service", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    op.add_column("service", sa.Column("std_time", sa.String(200), nullable=False, server_default=""))
    op.add_column("service", sa.Column("std_fee", sa.Integer(), nullable=True))
    op.add_column(
        "service", sa.Column("std_published", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.create_table(
        "ikm_action",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("service_id", sa.Integer(), sa.ForeignKey("service.id"), nullable=True),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("element", sa.String(3), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_note", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=True),
    )
    op.create_table(
        "service_innovation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("service_id", sa.Integer(), sa.ForeignKey("service.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("service_innovation")
    op.drop_table("ikm_action")
    for name in (*_TEXTS, "std_time", "std_fee", "std_published"):
        op.execute(f"ALTER TABLE service DROP COLUMN {name}")

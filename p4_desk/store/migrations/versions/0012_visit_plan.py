"""one visit across several services: the plan of a ticket (issue 17.4)

Revision ID: 0012
Revises: 0011

- ``visit_step``: the ordered services a multi-service ticket is to visit (``domain.visits``),
  one row per step; tickets for one service have none, so every ticket issued before is a
  one-service visit as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from p4_desk.store.types import UTCDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("joined_at", UTCDateTime(), nullable=True),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_visit_step_ticket_id_ticket"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["service.id"], name=op.f("fk_visit_step_service_id_service")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_step")),
        sa.UniqueConstraint("ticket_id", "position", name="uq_visit_step_ticket_position"),
    )
    op.create_index(op.f("ix_visit_step_ticket_id"), "visit_step", ["ticket_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_visit_step_ticket_id"), table_name="visit_step")
    op.drop_table("visit_step")

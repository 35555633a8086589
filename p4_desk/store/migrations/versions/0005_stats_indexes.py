"""stats indexes: service legs by queued, called and ended time; audit rows by entity and time

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE INDEX works on SQLite and PostgreSQL alike (no table rebuild needed).
    op.create_index("ix_ticket_leg_called_at", "ticket_leg", ["called_at"], unique=False)
    op.create_index("ix_ticket_leg_ended_at", "ticket_leg", ["ended_at"], unique=False)
    op.create_index("ix_ticket_leg_queued_at", "ticket_leg", ["queued_at"], unique=False)
    op.create_index("ix_audit_log_entity_at", "audit_log", ["entity", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_log_entity_at", table_name="audit_log")
    op.drop_index("ix_ticket_leg_queued_at", table_name="ticket_leg")
    op.drop_index("ix_ticket_leg_ended_at", table_name="ticket_leg")
    op.drop_index("ix_ticket_leg_called_at", table_name="ticket_leg")

"""cuti bersama per permit type; whether an application's due date was counted with estimated holidays

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both SQLite and PostgreSQL: no table rebuild, so rows that point at
    # these tables (application documents and history) are never touched.
    # NULL: the site's default (setting workdays.cuti_bersama_is_workday)
    op.add_column("permit_type", sa.Column("cuti_bersama_is_workday", sa.Boolean(), nullable=True))
    op.add_column(
        "application", sa.Column("due_estimated", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+) for the same reason: a batch rebuild of permit_type or
    # application would break the foreign keys of the rows that point at them.
    op.execute("ALTER TABLE application DROP COLUMN due_estimated")
    op.execute("ALTER TABLE permit_type DROP COLUMN cuti_bersama_is_workday")

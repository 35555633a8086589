"""visit plan on the citizen's ticket page (the services a ticket's visit goes on to); the index
of the web bookings whose name and phone the retention purge has still to empty

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
    op.add_column("tickets", sa.Column("visit_next", sa.JSON(), nullable=True))  # no copy of the table
    op.create_index(
        "ix_bookings_unpurged",
        "bookings",
        ["site", "slot_start"],
        sqlite_where=sa.text("phone IS NOT NULL"),
        postgresql_where=sa.text("phone IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_bookings_unpurged", table_name="bookings")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("visit_next")

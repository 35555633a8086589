"""visit plan on the citizen's ticket page: the services a ticket's visit goes on to

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


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("visit_next")

"""enrolment expiry: a one-time enrolment code is valid for a limited time

Revision ID: 0003
Revises: 0002

Codes pending when this runs get the default validity (7 days) from now, so a code already
handed to a site still works for a week and not for ever.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DEFAULT_VALID_DAYS = 7  # frozen here: migrations never import the code they migrate


def upgrade() -> None:
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.add_column(sa.Column("enrolment_expires_at", sa.DateTime(timezone=True), nullable=True))
    expires = datetime.now(UTC) + timedelta(days=DEFAULT_VALID_DAYS)
    if op.get_bind().dialect.name == "sqlite":
        expires = expires.replace(tzinfo=None)  # the models store naive UTC on SQLite
    op.get_bind().execute(
        sa.text("UPDATE sites SET enrolment_expires_at = :at WHERE enrolment_code_hash IS NOT NULL"),
        {"at": expires},
    )


def downgrade() -> None:
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_column("enrolment_expires_at")

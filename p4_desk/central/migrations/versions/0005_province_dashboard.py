"""province dashboard: the service's target wait on tickets, province staff and their sessions

Revision ID: 0005
Revises: 0004

``tickets.target_wait_minutes``: the service's target wait when the ticket was issued (desk
ticket events carry it since this change; NULL from older halls, left out of the "served within
target" share). ``province_staff``: the province's staff accounts of the ``/provinsi`` pages
(``p4-desk central province-staff``), argon2 hashes; ``province_sessions``: their logins (sha256
of the cookie's token, with an expiry).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("tickets", sa.Column("target_wait_minutes", sa.Integer(), nullable=True))
    op.create_table(
        "province_staff",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("disabled_at", MOMENT, nullable=True),
        sa.PrimaryKeyConstraint("username"),
    )
    op.create_table(
        "province_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("expires_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(["username"], ["province_staff.username"]),
        sa.PrimaryKeyConstraint("token_hash"),
    )


def downgrade() -> None:
    op.drop_table("province_sessions")
    op.drop_table("province_staff")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("target_wait_minutes")

"""citizen channel: live queue, ticket pages, tracking pages, web complaints, reminders

Revision ID: 0004
Revises: 0003

What the public pages (``central/public``) and the reminders (``central/notify``) read: the
ticket's page token and place in line, counters and the hall's board, the tracking page's
secret hash and history, complaints filed on the web form, and the delivery queue of messages.
Times are ``DateTime(timezone=True)``, the implementation type of ``models.UTCDateTime``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ID64 = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("sites", sa.Column("last_contact_at", MOMENT, nullable=True))

    columns: tuple[tuple[str, Any], ...] = (
        ("public_token", sa.String(length=32)),
        ("queue_key", sa.Float()),
        ("started_at", MOMENT),
        ("counter", sa.String(length=64)),
        ("counter_name", sa.String(length=200)),
        ("service_name", sa.String(length=200)),
        ("agency_name", sa.String(length=200)),
    )
    for name, kind in columns:
        op.add_column("tickets", sa.Column(name, kind, nullable=True))
    op.create_index("ix_tickets_public_token", "tickets", ["public_token"])
    op.create_index("ix_tickets_queue", "tickets", ["site", "service_day", "service", "state"])

    columns = (
        ("tracking_secret_hash", sa.String(length=64)),
        ("permit_name", sa.String(length=200)),
        ("applicant_masked", sa.String(length=200)),
        ("due_date", sa.Date()),
        ("missing_documents", sa.JSON()),
    )
    for name, kind in columns:
        op.add_column("applications", sa.Column(name, kind, nullable=True))

    op.create_table(
        "application_steps",
        sa.Column("id", ID64, autoincrement=True, nullable=False),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("registration_number", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["site"], ["sites.code"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id"),
    )
    op.create_index("ix_application_steps_application", "application_steps", ["site", "registration_number"])
    op.create_table(
        "counters",
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("counter", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("occurred_at", MOMENT, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["site"], ["sites.code"]),
        sa.PrimaryKeyConstraint("site", "counter"),
    )
    op.create_table(
        "site_boards",
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("board", sa.JSON(), nullable=False),
        sa.Column("occurred_at", MOMENT, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["site"], ["sites.code"]),
        sa.PrimaryKeyConstraint("site"),
    )
    op.create_table(
        "web_complaints",
        sa.Column("id", ID64, autoincrement=True, nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("agency", sa.String(length=64), nullable=False),
        sa.Column("agency_name", sa.String(length=200), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=True),
        sa.Column("service_name", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("service_date", sa.Date(), nullable=False),
        sa.Column("filed_at", MOMENT, nullable=False),
        sa.Column("identity", sa.String(length=12), nullable=False),
        sa.Column("reporter_name", sa.String(length=200), nullable=True),
        sa.Column("reporter_phone", sa.String(length=20), nullable=True),
        sa.Column("reporter_email", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("complaint_number", sa.String(length=64), nullable=True),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("deadlines", sa.JSON(), nullable=True),
        sa.Column("refused_reason", sa.Text(), nullable=True),
        sa.Column("updated_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(["site"], ["sites.code"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_index("ix_web_complaints_site_id", "web_complaints", ["site", "id"])
    op.create_table(
        "reminders",
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("ticket_uid", sa.String(length=64), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(["site"], ["sites.code"]),
        sa.PrimaryKeyConstraint("site", "ticket_uid"),
    )
    op.create_table(
        "notifications",
        sa.Column("id", ID64, autoincrement=True, nullable=False),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("ticket_uid", sa.String(length=64), nullable=False),
        sa.Column("event", sa.String(length=10), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", MOMENT, nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("sent_at", MOMENT, nullable=True),
        sa.ForeignKeyConstraint(["site"], ["sites.code"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("site", "ticket_uid", "event", name="uq_notifications_ticket_event"),
    )
    op.create_index("ix_notifications_due", "notifications", ["state", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_notifications_due", table_name="notifications")
    op.drop_table("notifications")
    op.drop_table("reminders")
    op.drop_index("ix_web_complaints_site_id", table_name="web_complaints")
    op.drop_table("web_complaints")
    op.drop_table("site_boards")
    op.drop_table("counters")
    op.drop_index("ix_application_steps_application", table_name="application_steps")
    op.drop_table("application_steps")
    with op.batch_alter_table("applications") as batch:
        for name in (
            "tracking_secret_hash",
            "permit_name",
            "applicant_masked",
            "due_date",
            "missing_documents",
        ):
            batch.drop_column(name)
    op.drop_index("ix_tickets_queue", table_name="tickets")
    op.drop_index("ix_tickets_public_token", table_name="tickets")
    with op.batch_alter_table("tickets") as batch:
        for name in ("public_token", "queue_key", "started_at", "counter", "counter_name",
                     "service_name", "agency_name"):  # fmt: skip
            batch.drop_column(name)
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("last_contact_at")

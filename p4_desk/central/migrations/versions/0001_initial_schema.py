"""initial schema: the tables the reference server made with ``create_all`` before migrations

Revision ID: 0001
Revises:

A database created by that ``create_all`` has exactly these tables and is stamped ``0001``
without running this (``p4_desk.central.migrate``). Times are ``DateTime(timezone=True)``,
the implementation type of ``models.UTCDateTime``; migrations never import the models.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holidays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )
    op.create_table(
        "permit_types",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("agency", sa.String(length=64), nullable=False),
        sa.Column("working_days", sa.Integer(), nullable=False),
        sa.Column("fee", sa.Integer(), nullable=False),
        sa.Column("legal_basis", sa.String(length=200), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("requirements", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "sites",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enrolment_code_hash", sa.String(length=64), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("enrolled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("code"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "application_updates",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("registration_number", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["site"],
            ["sites.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("application_updates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_updates_site"), ["site"], unique=False)

    op.create_table(
        "applications",
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("registration_number", sa.String(length=64), nullable=False),
        sa.Column("permit_type", sa.String(length=64), nullable=True),
        sa.Column("agency", sa.String(length=64), nullable=True),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["site"],
            ["sites.code"],
        ),
        sa.PrimaryKeyConstraint("site", "registration_number"),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applications_day"), ["day"], unique=False)

    op.create_table(
        "complaints",
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("complaint_number", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("agency", sa.String(length=64), nullable=True),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["site"],
            ["sites.code"],
        ),
        sa.PrimaryKeyConstraint("site", "complaint_number"),
    )
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_complaints_day"), ["day"], unique=False)

    op.create_table(
        "events",
        sa.Column(
            "seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["site"],
            ["sites.code"],
        ),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("site", "event_id", name="uq_events_site_event"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_site"), ["site"], unique=False)

    op.create_table(
        "surveys",
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("survey_uid", sa.String(length=64), nullable=False),
        sa.Column("service", sa.String(length=64), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["site"],
            ["sites.code"],
        ),
        sa.PrimaryKeyConstraint("site", "survey_uid"),
    )
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_surveys_day"), ["day"], unique=False)

    op.create_table(
        "tickets",
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("ticket_uid", sa.String(length=64), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=True),
        sa.Column("service", sa.String(length=64), nullable=True),
        sa.Column("agency", sa.String(length=64), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("priority", sa.String(length=32), nullable=True),
        sa.Column("service_day", sa.Date(), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["site"],
            ["sites.code"],
        ),
        sa.PrimaryKeyConstraint("site", "ticket_uid"),
    )
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tickets_service_day"), ["service_day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tickets_service_day"))

    op.drop_table("tickets")
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_surveys_day"))

    op.drop_table("surveys")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_site"))

    op.drop_table("events")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaints_day"))

    op.drop_table("complaints")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_day"))

    op.drop_table("applications")
    with op.batch_alter_table("application_updates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_updates_site"))

    op.drop_table("application_updates")
    op.drop_table("sites")
    op.drop_table("permit_types")
    op.drop_table("holidays")

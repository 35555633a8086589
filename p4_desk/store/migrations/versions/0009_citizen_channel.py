"""citizen channel: ticket page tokens, tracking secrets, web complaints pulled from the central server

Revision ID: 0009
Revises: 0008

- ``ticket.public_token``: the unguessable key of the citizen's ticket page (in the ticket's QR).
  Tickets issued before this revision keep none: their day is over or nearly so.
- ``application.tracking_secret``: the per-application secret of the public tracking page (in
  the receipt's QR). Every stored application gets one now, so a reprinted receipt can be
  tracked; the secret reaches the central server with the application's next event.
- ``complaint.web_code`` and ``central_web_complaint``: complaints filed on the central server's
  web form, pulled by the hall (``sync_state.web_complaint_cursor``) and filed at its desk.
- ``reminder_request``: a phone a citizen gave at the kiosk for "your turn is near", kept only
  until the sync agent has handed it to the central server.
- The site setting ``permits.tracking_url`` (a template for a placeholder address) is gone: the
  receipt's QR now points to the central server's tracking page (``central.public_url``).
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

import p4_desk.store.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild: rows pointing at these tables are never touched).
    op.add_column("ticket", sa.Column("public_token", sa.String(length=32), nullable=True))
    op.create_index("ix_ticket_public_token", "ticket", ["public_token"], unique=True)
    op.add_column("application", sa.Column("tracking_secret", sa.String(length=32), nullable=True))
    op.add_column("complaint", sa.Column("web_code", sa.String(length=32), nullable=True))
    op.create_index("ix_complaint_web_code", "complaint", ["web_code"], unique=True)
    op.add_column(
        "sync_state",
        sa.Column("web_complaint_cursor", sa.BigInteger(), nullable=False, server_default="0"),
    )
    op.create_table(
        "central_web_complaint",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("received_at", p4_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_web_complaint")),
        sa.UniqueConstraint("code", name=op.f("uq_central_web_complaint_code")),
    )
    op.create_table(
        "reminder_request",
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=16), nullable=False),
        sa.Column("requested_at", p4_desk.store.types.UTCDateTime(), nullable=False),
        sa.Column("next_attempt_at", p4_desk.store.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["ticket.id"],
            name=op.f("fk_reminder_request_ticket_id_ticket"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("ticket_id", name=op.f("pk_reminder_request")),
    )

    connection = op.get_bind()
    ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM application"))]
    for application_id in ids:
        connection.execute(
            sa.text("UPDATE application SET tracking_secret = :secret WHERE id = :id"),
            {"secret": secrets.token_urlsafe(12), "id": application_id},
        )
    op.execute("DELETE FROM site_setting WHERE key = 'permits.tracking_url'")


def downgrade() -> None:
    op.drop_table("reminder_request")
    op.drop_table("central_web_complaint")
    op.execute("ALTER TABLE sync_state DROP COLUMN web_complaint_cursor")
    op.drop_index("ix_complaint_web_code", table_name="complaint")
    op.execute("ALTER TABLE complaint DROP COLUMN web_code")
    op.execute("ALTER TABLE application DROP COLUMN tracking_secret")
    op.drop_index("ix_ticket_public_token", table_name="ticket")
    op.execute("ALTER TABLE ticket DROP COLUMN public_token")

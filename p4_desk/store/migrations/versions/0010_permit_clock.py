"""permit deadline clock (stop / resume / restart), fiktif positif flag, hand-over by proxy

Revision ID: 0010
Revises: 0009

- ``application_clock_event``: the history of each application's deadline clock
  (domain.permit_clock). Every application taken before gets its start (the day it was received,
  in the site's time zone, with the due date it was given) and, when it was already decided
  (approved, rejected, ready or handed over), its end on the day of the first such step in its
  tracking history, with ``used_days`` NULL: nobody counted the days then, and this migration
  does not recount them with today's calendar (statistics leave those ends out).
- ``application.clock_state`` / ``clock_days`` (the working days promised at intake: the permit
  type's working days) / ``receipt_clock_events`` (1: the receipts printed so far show the start);
  the hand-over by proxy columns.
- ``permit_type.fiktif_positif`` and ``clock_restarts_on_resubmission`` (false: as before).

Plain ADD COLUMN on SQLite and PostgreSQL (no table rebuild, so rows pointing at these tables
are untouched). The state words are written out here, not imported, so this migration means the
same forever.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from p4_desk.store.types import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

DECIDED = ("approved", "rejected", "ready", "handed_over")


def upgrade() -> None:
    op.create_table(
        "application_clock_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("waiting_for", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("used_days", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("due_estimated", sa.Boolean(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("officer_name", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_clock_event_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_clock_event")),
    )
    op.create_index(
        op.f("ix_application_clock_event_application_id"), "application_clock_event", ["application_id"]
    )
    op.create_index("ix_application_clock_event_action_day", "application_clock_event", ["action", "day"])

    for column in (
        sa.Column("clock_state", sa.String(length=8), nullable=False, server_default="running"),
        sa.Column("clock_days", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("receipt_clock_events", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("handed_over_by_proxy", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("proxy_nik_masked", sa.String(length=16), nullable=True),
        sa.Column("proxy_letter_number", sa.String(length=100), nullable=True),
        sa.Column("proxy_letter_date", sa.Date(), nullable=True),
    ):
        op.add_column("application", column)
    op.create_index("ix_application_clock_due", "application", ["clock_state", "due_date"])
    op.add_column(
        "permit_type", sa.Column("fiktif_positif", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "permit_type",
        sa.Column("clock_restarts_on_resubmission", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    _backfill()


def _backfill() -> None:
    bind = op.get_bind()
    op.execute(
        "UPDATE application SET clock_days = "
        "(SELECT working_days FROM permit_type WHERE permit_type.id = application.permit_type_id)"
    )
    application = sa.table(
        "application",
        sa.column("id", sa.Integer()),
        sa.column("state", sa.String()),
        sa.column("received_at", UTCDateTime()),
        sa.column("due_date", sa.Date()),
        sa.column("due_estimated", sa.Boolean()),
        sa.column("officer_id", sa.Integer()),
        sa.column("officer_name", sa.String()),
        sa.column("clock_state", sa.String()),
    )
    history = sa.table(
        "application_status_history",
        sa.column("application_id", sa.Integer()),
        sa.column("state", sa.String()),
        sa.column("at", UTCDateTime()),
    )
    events = sa.table(
        "application_clock_event",
        sa.column("application_id", sa.Integer()),
        sa.column("action", sa.String()),
        sa.column("day", sa.Date()),
        sa.column("at", UTCDateTime()),
        sa.column("waiting_for", sa.String()),
        sa.column("reason", sa.Text()),
        sa.column("used_days", sa.Integer()),
        sa.column("due_date", sa.Date()),
        sa.column("due_estimated", sa.Boolean()),
        sa.column("officer_id", sa.Integer()),
        sa.column("officer_name", sa.String()),
    )
    op.execute(application.update().where(application.c.state.in_(DECIDED)).values(clock_state="ended"))
    # every application gets one start: a receipt printed before was printed at that revision
    op.execute("UPDATE application SET receipt_clock_events = 1")
    zone = ZoneInfo(
        bind.execute(sa.text("SELECT timezone FROM site WHERE id = 1")).scalar() or "Asia/Jakarta"
    )
    decided_at = dict(
        bind.execute(
            sa.select(history.c.application_id, sa.func.min(history.c.at, type_=UTCDateTime()))
            .where(history.c.state.in_(DECIDED))
            .group_by(history.c.application_id)
        ).all()
    )
    rows = []
    for app_id, state, received_at, due, estimated, officer_id, officer_name in bind.execute(
        sa.select(
            application.c.id,
            application.c.state,
            application.c.received_at,
            application.c.due_date,
            application.c.due_estimated,
            application.c.officer_id,
            application.c.officer_name,
        ).order_by(application.c.id)
    ):
        common = {"application_id": app_id, "waiting_for": None, "due_date": due, "due_estimated": estimated}
        rows.append(
            {
                **common,
                "action": "start",
                "day": received_at.astimezone(zone).date(),
                "at": received_at,
                "reason": "",
                "used_days": 0,
                "officer_id": officer_id,
                "officer_name": officer_name,
            }
        )
        if state in DECIDED:
            at = decided_at.get(app_id) or received_at
            rows.append(
                {
                    **common,
                    "action": "end",
                    "day": at.astimezone(zone).date(),
                    "at": at,
                    "reason": "Keputusan sebelum pencatatan jangka waktu (migrasi 0010)",
                    "used_days": None,
                    "officer_id": None,
                    "officer_name": None,
                }
            )
    if rows:
        op.bulk_insert(events, rows)


def downgrade() -> None:
    op.drop_index("ix_application_clock_due", table_name="application")
    for column in (
        "proxy_letter_date",
        "proxy_letter_number",
        "proxy_nik_masked",
        "handed_over_by_proxy",
        "receipt_clock_events",
        "clock_days",
        "clock_state",
    ):
        op.execute(f"ALTER TABLE application DROP COLUMN {column}")
    op.execute("ALTER TABLE permit_type DROP COLUMN clock_restarts_on_resubmission")
    op.execute("ALTER TABLE permit_type DROP COLUMN fiktif_positif")
    op.drop_index("ix_application_clock_event_action_day", table_name="application_clock_event")
    op.drop_index(op.f("ix_application_clock_event_application_id"), table_name="application_clock_event")
    op.drop_table("application_clock_event")

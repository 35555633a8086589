"""personal data rights: the data-access log, anonymised marks on applications and complaints

Revision ID: 0011
Revises: 0010

- ``data_access_log``: who searched, viewed, exported, corrected or revealed whose personal
  data, and when (``store.models.privacy.DataAccess``). Append-only like ``audit_log``: triggers
  refuse UPDATE and DELETE (on PostgreSQL through the audit log's own trigger function, and
  TRUNCATE too).
- ``application.anonymised_at`` / ``complaint.anonymised_at``: set when the purge past the
  retention period emptied the row's personal fields (NULL: untouched).

Plain ADD COLUMN on SQLite and PostgreSQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from p4_desk.store.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_access_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("record_kind", sa.String(length=16), nullable=False),
        sa.Column("record_ref", sa.String(length=64), nullable=True),
        sa.Column("nik_hash", sa.String(length=64), nullable=True),
        sa.Column("subject", sa.String(length=64), nullable=True),
        sa.Column("query", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_access_log")),
    )
    op.create_index(op.f("ix_data_access_log_at"), "data_access_log", ["at"])
    op.create_index("ix_data_access_log_nik_hash", "data_access_log", ["nik_hash"])
    op.create_index("ix_data_access_log_username_at", "data_access_log", ["username", "at"])
    op.add_column("application", sa.Column("anonymised_at", UTCDateTime(), nullable=True))
    op.add_column("complaint", sa.Column("anonymised_at", UTCDateTime(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER data_access_log_no_{verb.lower()} BEFORE {verb} ON data_access_log "
                "BEGIN SELECT RAISE(ABORT, 'data access log is append-only'); END"
            )
    else:
        op.execute(
            "CREATE TRIGGER data_access_log_append_only BEFORE UPDATE OR DELETE ON data_access_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER data_access_log_no_truncate BEFORE TRUNCATE ON data_access_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    op.drop_column("complaint", "anonymised_at")
    op.drop_column("application", "anonymised_at")
    op.drop_table("data_access_log")  # its triggers go with it

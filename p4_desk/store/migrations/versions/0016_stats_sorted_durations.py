"""statistics: each summarised day's durations as sorted float64 arrays instead of text

Revision ID: 0016
Revises: 0015

- ``stats_day_durations`` (day, service, ``waits`` and ``services`` as sorted little-endian
  float64 BLOBs, see ``services.stats.ranks``) replaces ``stats_day_service`` (comma-separated
  text): the percentiles of a year select two ranks from the sorted per-day runs instead of
  parsing and sorting every value.
- The existing summaries are dropped (``stats_day`` and the rows of its days): they are derived
  data, and the hourly housekeeping writes them again (a year in a few minutes, one day per
  short transaction); until then those days are recounted from the legs.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _day_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["day"], ["stats_day.day"], name=op.f(f"fk_{table}_day_stats_day"), ondelete="CASCADE"
    )


def _drop_summaries() -> None:
    for table in ("stats_leg_group", "stats_issued", "stats_day"):
        op.execute(f"DELETE FROM {table}")


def upgrade() -> None:
    op.drop_table("stats_day_service")
    _drop_summaries()
    op.create_table(
        "stats_day_durations",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("waits", sa.LargeBinary(), nullable=False),
        sa.Column("services", sa.LargeBinary(), nullable=False),
        _day_fk("stats_day_durations"),
        sa.PrimaryKeyConstraint("day", "service_id", name=op.f("pk_stats_day_durations")),
    )


def downgrade() -> None:
    op.drop_table("stats_day_durations")
    _drop_summaries()
    op.create_table(
        "stats_day_service",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("wait_values", sa.Text(), nullable=False),
        sa.Column("service_values", sa.Text(), nullable=False),
        _day_fk("stats_day_service"),
        sa.PrimaryKeyConstraint("day", "service_id", name=op.f("pk_stats_day_service")),
    )

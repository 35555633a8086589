"""statistics: summaries of finished service days, dropped by triggers when a change touches the day

Revision ID: 0014
Revises: 0013

- ``stats_day`` (one row per summarised local day, with its UTC bounds), ``stats_leg_group``,
  ``stats_issued``, ``stats_day_service`` (see ``store.models.stats_summary``). Nothing is
  summarised here: the housekeeping and the statistics fill the tables as days finish.
- Triggers: any insert, update or delete of a ``ticket_leg`` deletes the ``stats_day`` row whose
  bounds hold the leg's ``queued_at`` (old and new), of a ``ticket`` the row of its
  ``service_day``; a new waiting target of a service or a new site time zone deletes them all.
  The other summary tables follow by ``ON DELETE CASCADE``. On PostgreSQL the leg and ticket
  triggers also take a shared advisory lock on the UTC hour they touch, which a summary being
  written holds exclusively for each hour of its day (``services.stats.summaries``): a change
  that commits while a day is being summarised is never lost.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from p4_desk.store.types import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# the first key of the advisory locks (pg_advisory_xact_lock(int, int)); the second is the UTC
# hour since 1970. services.stats.summaries uses the same number.
LOCK_SPACE = 4715

_SQLITE_TRIGGERS = {
    "stats_leg_ins": "AFTER INSERT ON ticket_leg BEGIN {new} END",
    "stats_leg_upd": "AFTER UPDATE ON ticket_leg BEGIN {old} {new} END",
    "stats_leg_del": "AFTER DELETE ON ticket_leg BEGIN {old} END",
    "stats_ticket_ins": "AFTER INSERT ON ticket BEGIN {tnew} END",
    "stats_ticket_upd": "AFTER UPDATE ON ticket BEGIN {told} {tnew} END",
    "stats_ticket_del": "AFTER DELETE ON ticket BEGIN {told} END",
    "stats_service_target": "AFTER UPDATE OF target_wait_minutes ON service BEGIN DELETE FROM stats_day; END",
    "stats_site_timezone": "AFTER UPDATE OF timezone ON site BEGIN DELETE FROM stats_day; END",
}

_PG_FUNCTIONS = f"""
CREATE FUNCTION p4_stats_leg_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_advisory_xact_lock_shared({LOCK_SPACE}, floor(extract(epoch FROM OLD.queued_at) / 3600)::int);
    DELETE FROM stats_day WHERE start_at <= OLD.queued_at AND end_at > OLD.queued_at;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_advisory_xact_lock_shared({LOCK_SPACE}, floor(extract(epoch FROM NEW.queued_at) / 3600)::int);
    DELETE FROM stats_day WHERE start_at <= NEW.queued_at AND end_at > NEW.queued_at;
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION p4_stats_ticket_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_advisory_xact_lock_shared({LOCK_SPACE}, floor(extract(epoch FROM OLD.issued_at) / 3600)::int);
    DELETE FROM stats_day WHERE day = OLD.service_day;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_advisory_xact_lock_shared({LOCK_SPACE}, floor(extract(epoch FROM NEW.issued_at) / 3600)::int);
    DELETE FROM stats_day WHERE day = NEW.service_day;
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION p4_stats_all_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stats_day;
  RETURN NULL;
END $$;
CREATE TRIGGER stats_leg AFTER INSERT OR UPDATE OR DELETE ON ticket_leg
  FOR EACH ROW EXECUTE FUNCTION p4_stats_leg_changed();
CREATE TRIGGER stats_ticket AFTER INSERT OR UPDATE OR DELETE ON ticket
  FOR EACH ROW EXECUTE FUNCTION p4_stats_ticket_changed();
CREATE TRIGGER stats_service_target AFTER UPDATE OF target_wait_minutes ON service
  FOR EACH STATEMENT EXECUTE FUNCTION p4_stats_all_changed();
CREATE TRIGGER stats_site_timezone AFTER UPDATE OF timezone ON site
  FOR EACH STATEMENT EXECUTE FUNCTION p4_stats_all_changed();
"""


def _day_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["day"], ["stats_day.day"], name=op.f(f"fk_{table}_day_stats_day"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "stats_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_at", UTCDateTime(), nullable=False),
        sa.Column("end_at", UTCDateTime(), nullable=False),
        sa.Column("computed_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_stats_day")),
    )
    op.create_index("ix_stats_day_bounds", "stats_day", ["start_at", "end_at"])
    op.create_table(
        "stats_leg_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("bucket", sa.String(length=13), nullable=False),
        *(
            sa.Column(
                name, sa.Float() if name.endswith("_sum") or name == "busy" else sa.Integer(), nullable=False
            )
            for name in (
                "legs",
                "done",
                "no_show",
                "cancelled",
                "transferred",
                "wait_sum",
                "wait_n",
                "service_sum",
                "service_n",
                "within",
                "busy",
                "unserved",
            )
        ),  # fmt: skip
        _day_fk("stats_leg_group"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_leg_group")),
    )
    op.create_index(op.f("ix_stats_leg_group_day"), "stats_leg_group", ["day"])
    op.create_table(
        "stats_issued",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=13), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        _day_fk("stats_issued"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_issued")),
    )
    op.create_index(op.f("ix_stats_issued_day"), "stats_issued", ["day"])
    op.create_table(
        "stats_day_service",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("wait_values", sa.Text(), nullable=False),
        sa.Column("service_values", sa.Text(), nullable=False),
        _day_fk("stats_day_service"),
        sa.PrimaryKeyConstraint("day", "service_id", name=op.f("pk_stats_day_service")),
    )
    if op.get_bind().dialect.name == "sqlite":
        leg = "DELETE FROM stats_day WHERE start_at <= {0}.queued_at AND end_at > {0}.queued_at;"
        ticket = "DELETE FROM stats_day WHERE day = {0}.service_day;"
        parts = {
            "old": leg.format("OLD"),
            "new": leg.format("NEW"),
            "told": ticket.format("OLD"),
            "tnew": ticket.format("NEW"),
        }
        for name, body in _SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body.format(**parts)}")
    else:
        op.execute(_PG_FUNCTIONS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS stats_leg ON ticket_leg")
        op.execute("DROP TRIGGER IF EXISTS stats_ticket ON ticket")
        op.execute("DROP TRIGGER IF EXISTS stats_service_target ON service")
        op.execute("DROP TRIGGER IF EXISTS stats_site_timezone ON site")
        for fn in ("p4_stats_leg_changed", "p4_stats_ticket_changed", "p4_stats_all_changed"):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}()")
    for table in ("stats_day_service", "stats_issued", "stats_leg_group", "stats_day"):
        op.drop_table(table)

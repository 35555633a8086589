"""Schema migrations of the central database (Alembic, in-package: ``central/migrations``).

Applied whenever the server or a ``p4-desk central`` command opens the database, and by
``p4-desk central db upgrade``. Everything runs in one transaction: on PostgreSQL under an
advisory lock, so several servers starting at once behind a load balancer migrate once and the
others wait; on SQLite under ``BEGIN IMMEDIATE``. A failed migration leaves the schema as it was.

Databases created before migrations existed (``create_all``) carry no version table: when all
the tables of the first revision are there, the database is stamped with it and upgraded from
there. The version table has its own name, ``central_alembic_version``, so it never mixes with
a desk's ``alembic_version``.
"""

from __future__ import annotations

import logging

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from p4_desk.errors import P4Error

log = logging.getLogger(__name__)

VERSION_TABLE = "central_alembic_version"
#: the first revision: what ``create_all`` made before migrations existed
BASELINE = "0001"
BASELINE_TABLES = frozenset(
    {
        "sites",
        "events",
        "tickets",
        "applications",
        "complaints",
        "surveys",
        "permit_types",
        "holidays",
        "application_updates",
    }
)
#: ``pg_advisory_xact_lock`` key of the central schema (the desk's is 4504)
LOCK_KEY = 4701000


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "p4_desk.central:migrations")
    cfg.attributes["version_table"] = VERSION_TABLE
    return cfg


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; ``None`` for an empty (or unversioned) database."""
    with engine.connect() as conn:
        return _stamped(conn)


def upgrade(engine: Engine, revision: str = "head") -> bool:
    """Bring the schema to ``revision``; returns True when a migration ran or a stamp was set."""
    cfg = _config()
    with engine.connect() as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
        stamped = _stamped(conn)
        changed = False
        if stamped is None and _adopt_create_all_schema(conn):
            stamped, changed = BASELINE, True
        if stamped is not None and stamped not in {r.revision for r in _scripts().walk_revisions()}:
            raise P4Error(
                f"Basis data pusat berada pada revisi skema {stamped} yang tidak dikenal program ini; "
                "pasang versi P4 Desk yang lebih baru.",
                code="schema_unknown",
            )
        target = head_revision() if revision == "head" else revision
        if stamped == target:
            return changed
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        log.info("central database migrated from %s to %s", stamped or "empty", target)
    return True


def _stamped(conn: Connection) -> str | None:
    context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def _adopt_create_all_schema(conn: Connection) -> bool:
    """Stamp a database that ``create_all`` made with the first revision; False when empty."""
    present = set(inspect(conn).get_table_names()) & BASELINE_TABLES
    if not present:
        return False
    missing = sorted(BASELINE_TABLES - present)
    if missing:
        raise P4Error(
            "Basis data pusat berisi sebagian tabel server pusat tetapi tanpa catatan versi skema "
            f"(tidak ada: {', '.join(missing)}); skema ini tidak dapat diperbarui otomatis.",
            code="schema_unknown",
        )
    MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE}).stamp(_scripts(), BASELINE)
    log.info("central database made by create_all: stamped with revision %s", BASELINE)
    return True

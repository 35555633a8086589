"""Alembic environment: always run with a connection given by ``p4_desk.store.migrate``."""

from __future__ import annotations

from alembic import context

from p4_desk.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
    compare_type=True,
)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Several workstations may open a new database at once: one migrates, the others wait.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(4504)")
    context.run_migrations()

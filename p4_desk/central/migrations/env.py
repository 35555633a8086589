"""Alembic environment of the central database: run with the connection given by
``p4_desk.central.migrate``, inside its transaction (and, on PostgreSQL, its advisory lock)."""

from __future__ import annotations

from alembic import context

from p4_desk.central.models import Base

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=Base.metadata,
    version_table=context.config.attributes["version_table"],
    render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

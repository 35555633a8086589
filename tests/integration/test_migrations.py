"""Schema migrations: from an empty database, and from the previous revision with data in it."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from p4_desk.services import queue, site
from p4_desk.store import migrate
from p4_desk.store.db import Database
from p4_desk.store.models import Base


def test_empty_database_reaches_head_with_every_model_table(db_url: str) -> None:
    db = migrate.open_database(db_url)
    assert migrate.current_revision(db) == migrate.head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    # Opening again is a no-op.
    assert migrate.upgrade(db) is False
    db.dispose()


def _revisions() -> list[str]:
    scripts = ScriptDirectory.from_config(migrate._config())
    return [r.revision for r in reversed(list(scripts.walk_revisions()))]


def test_upgrade_from_previous_revision_keeps_data_and_backs_up_sqlite(tmp_path: Path) -> None:
    revisions = _revisions()
    path = tmp_path / "old.sqlite3"
    url = f"sqlite:///{path.as_posix()}"
    db = Database(url)
    previous = revisions[-2] if len(revisions) > 1 else revisions[0]
    migrate.upgrade(db, previous)
    # Data written the way the previous revision's schema allows (plain SQL, not today's models).
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO site (id, code, name, timezone, created_at) "
                "VALUES (1, 'OLD', 'Situs Lama', 'Asia/Jakarta', '2025-01-02 03:04:05')"
            )
        )
        conn.execute(
            text("INSERT INTO agency (id, code, name, active) VALUES (1, 'DUKCAPIL', 'Dukcapil', 1)")
        )
        conn.execute(
            text(
                "INSERT INTO service (id, code, name, agency_id, prefix, target_wait_minutes, "
                "priority_head_start_minutes, default_service_minutes, active) "
                "VALUES (1, 'KTP', 'KTP-el', 1, 'A', 15, 15, 5, 1)"
            )
        )
    if len(revisions) == 1:
        return  # only one revision so far: nothing older to upgrade from
    upgraded = migrate.open_database(url)
    assert migrate.current_revision(upgraded) == migrate.head_revision()
    assert site.get_site(upgraded).name == "Situs Lama"
    assert queue.issue_ticket(upgraded, "KTP").number == "A001"
    assert list(tmp_path.glob("old.sqlite3.pre-*.bak")), "the file is backed up before migrating"


def test_audit_log_is_append_only(db_url: str) -> None:
    db = migrate.open_database(db_url)
    site.init_site(db, "AUD", "Audit")
    import pytest
    from sqlalchemy.exc import DBAPIError

    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(statement))
    db.dispose()

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


def test_database_stamped_with_a_pre_renumbering_revision_upgrades(tmp_path: Path) -> None:
    """Sites created before the migration files were renumbered carry the old ids (e.g. 0101)."""
    url = f"sqlite:///{(tmp_path / 'legacy.sqlite3').as_posix()}"
    db = Database(url)
    migrate.upgrade(db, "0004")  # the permits revision, once called 0101
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0101'"))
    db.dispose()
    upgraded = migrate.open_database(url)
    assert migrate.current_revision(upgraded) == migrate.head_revision()
    with upgraded.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == (
            migrate.head_revision()
        )
    upgraded.dispose()


def test_migration_files_sort_in_chain_order() -> None:
    scripts = ScriptDirectory.from_config(migrate._config())
    chain = [r.revision for r in reversed(list(scripts.walk_revisions()))]
    files = sorted(Path(r.path).name for r in scripts.walk_revisions())
    assert [name.split("_", 1)[0] for name in files] == chain
    for r in scripts.walk_revisions():
        header = Path(r.path).read_text(encoding="utf-8").split('"""')[1]
        assert f"Revision ID: {r.revision}" in header
        assert f"Revises: {r.down_revision or ''}".rstrip() in header

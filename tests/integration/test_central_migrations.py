"""The central server's own schema migrations: from empty, from a ``create_all`` database, at once.

The schema the migrations build is compared with the models by Alembic's own comparison, so a
model changed without a migration fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from p4_desk.central import migrate
from p4_desk.central.cli import main as central_main
from p4_desk.central.db import open_engine
from p4_desk.central.models import Base
from tests.integration.central_server import REPO_ROOT

OPTS = {"version_table": migrate.VERSION_TABLE}


def schema_differences(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(compare_metadata(MigrationContext.configure(conn, opts=OPTS), Base.metadata))
    finally:
        engine.dispose()


def central(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = central_main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_empty_database_gets_the_schema_of_the_models(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert central(capsys, "db", "current", "--db", db_url)[1].startswith(
        "Basis data pusat belum memiliki skema berversi"
    )

    code, out, _ = central(capsys, "db", "upgrade", "--db", db_url)

    assert (
        code == 0
        and out.strip() == f"Skema basis data pusat disiapkan pada revisi {migrate.head_revision()}."
    )
    assert schema_differences(db_url) == []
    code, out, _ = central(capsys, "db", "upgrade", "--db", db_url, "--json")
    assert json.loads(out) == {
        "revision": migrate.head_revision(),
        "previous": migrate.head_revision(),
        "upgraded": False,
    }


def test_a_database_made_by_create_all_is_stamped_and_keeps_its_sites(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a database made by the server before it had migrations (create_all of the models of
    # that time: the first revision's tables, without the version table), with a site
    engine = create_engine(db_url)
    migrate.upgrade(engine, migrate.BASELINE)
    with engine.begin() as conn:
        conn.execute(text(f"DROP TABLE {migrate.VERSION_TABLE}"))
    now = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO sites (code, name, created_at) VALUES ('LS01', 'MPP Lampung Selatan', :at)"),
            {"at": now.replace(tzinfo=None) if engine.dialect.name == "sqlite" else now},
        )
    engine.dispose()

    # When any central command opens it
    code, out, err = central(capsys, "site", "list", "--json", "--db", db_url)

    # Then it is stamped with the first revision (nothing re-created) and the site is still there
    assert code == 0, err
    assert [s["site"] for s in json.loads(out)["sites"]] == ["LS01"]
    assert migrate.current_revision(open_engine(db_url, migrate=False)) == migrate.head_revision()
    assert schema_differences(db_url) == []


def test_a_partial_schema_without_a_version_is_refused_and_left_alone(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(sqlite_url)
    Base.metadata.tables["sites"].create(engine)
    engine.dispose()

    code, _, err = central(capsys, "db", "upgrade", "--db", sqlite_url)

    assert code == 1
    assert "Basis data pusat berisi sebagian tabel server pusat" in err and "events" in err
    engine = create_engine(sqlite_url)
    assert inspect(engine).get_table_names() == ["sites"]  # no version table, no new tables
    engine.dispose()


def test_a_database_of_a_newer_program_is_refused_with_a_message(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert central(capsys, "db", "upgrade", "--db", sqlite_url)[0] == 0
    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text(f"UPDATE {migrate.VERSION_TABLE} SET version_num = '9999'"))
    engine.dispose()

    code, _, err = central(capsys, "site", "list", "--db", sqlite_url)

    assert code == 1
    assert "revisi skema 9999 yang tidak dikenal" in err and "versi P4 Desk yang lebih baru" in err


@pytest.mark.postgres
def test_servers_starting_at_once_on_an_empty_postgresql_database_migrate_it_once(pg_url: str) -> None:
    # Given four server processes opening the same empty database at the same moment
    script = "import sys; from p4_desk.central.db import open_engine; open_engine(sys.argv[1]).dispose()"
    starters = [
        subprocess.Popen([sys.executable, "-c", script, pg_url], cwd=REPO_ROOT, stderr=subprocess.PIPE)
        for _ in range(4)
    ]

    # Then every one starts, and the database holds one schema at the newest revision
    for starter in starters:
        _, err = starter.communicate(timeout=120)
        assert starter.returncode == 0, err.decode()
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        versions = conn.execute(text(f"SELECT version_num FROM {migrate.VERSION_TABLE}")).scalars().all()
    engine.dispose()
    assert versions == [migrate.head_revision()]
    assert schema_differences(pg_url) == []

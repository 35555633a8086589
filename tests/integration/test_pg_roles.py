"""PostgreSQL least privilege (issue 14, finding 2): ``p4-desk db roles`` makes an owner that
migrates and a workstation role that works the hall but cannot touch the schema or the audit
trail. Real server, real roles, real connections as each role."""

from __future__ import annotations

import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from p4_desk.errors import PermissionDenied
from p4_desk.services import queue
from p4_desk.store import migrate
from p4_desk.store.db import Database
from p4_desk.store.journal import verify_chain
from tests.support.cli import add_cli_admin, login_env
from tests.support.sites import make_site

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def roles(pg_url: str) -> Iterator[tuple[str, str, str]]:
    """(admin URL, owner URL, workstation URL) of a site database with the two roles."""
    suffix = secrets.token_hex(4)
    owner, workstation = f"p4_owner_{suffix}", f"p4_pc_{suffix}"
    db = make_site(pg_url)
    add_cli_admin(db)
    db.dispose()
    env = dict(
        login_env(),
        P4_DESK_OWNER_PASSWORD="Pemilik-Sandi-2026",
        P4_DESK_WORKSTATION_PASSWORD="Loket-Sandi-2026",
    )
    done = subprocess.run(
        [sys.executable, "-m", "p4_desk", "db", "roles", "--owner", owner, "--workstation", workstation,
         "--db", pg_url],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"pemilik {owner}" in done.stdout and f"Peran baru: {owner}, {workstation}." in done.stdout
    url = make_url(pg_url)
    as_owner = url.set(username=owner, password="Pemilik-Sandi-2026").render_as_string(hide_password=False)
    as_pc = url.set(username=workstation, password="Loket-Sandi-2026").render_as_string(hide_password=False)
    try:
        yield pg_url, as_owner, as_pc
    finally:
        admin = create_engine(pg_url)
        with admin.begin() as conn:
            conn.execute(text(f"ALTER DATABASE {url.database} OWNER TO {url.username or 'postgres'}"))
            conn.execute(text(f"REASSIGN OWNED BY {owner} TO {url.username or 'postgres'}"))
            conn.execute(text(f"DROP OWNED BY {owner}"))
            conn.execute(text(f"DROP OWNED BY {workstation}"))
        with admin.begin() as conn:
            conn.execute(text(f"DROP ROLE {workstation}"))
            conn.execute(text(f"DROP ROLE {owner}"))
        admin.dispose()


def refused(url: str, statement: str) -> str:
    engine = create_engine(url)
    try:
        with pytest.raises(DBAPIError) as error, engine.begin() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()
    return str(error.value.orig)


def test_the_workstation_role_works_the_hall_but_cannot_touch_schema_or_audit(
    roles: tuple[str, str, str],
) -> None:
    _admin, _owner, pc = roles
    db = Database(pc)
    # normal work succeeds
    queue.set_counter_state(db, "L1", "open")
    ticket = queue.issue_ticket(db, "KTP")
    called = queue.call_next(db, "L1")
    assert called is not None and called.id == ticket.id
    queue.start(db, str(ticket.id))
    queue.finish(db, str(ticket.id))
    assert verify_chain(db).intact
    db.dispose()
    # the audit trail and the schema are out of reach
    for statement, why in (
        ("TRUNCATE audit_log", "permission denied"),
        ("DELETE FROM audit_log", "permission denied"),
        ("UPDATE audit_log SET action = 'x'", "permission denied"),
        ("DROP TRIGGER audit_log_append_only ON audit_log", "must be owner"),
        ("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only", "must be owner"),
        ("ALTER TABLE ticket ADD COLUMN x int", "must be owner"),
        ("DROP TABLE outbox", "must be owner"),
        ("CREATE TABLE spare (id int)", "permission denied"),
        ("UPDATE alembic_version SET version_num = '0001'", "permission denied"),
    ):
        assert why in refused(pc, statement), statement


def test_migrations_run_as_the_owner_and_a_workstation_is_told_so(roles: tuple[str, str, str]) -> None:
    _admin, owner, pc = roles
    # the owner can step the schema back and forth; the workstation cannot
    owner_db = Database(owner)
    migrate.downgrade(owner_db, "0007")
    owner_db.dispose()
    with pytest.raises(PermissionDenied, match="p4-desk db upgrade --db URL_PEMILIK"):
        migrate.open_database(pc)
    db = migrate.open_database(pc, owner_url=owner)  # database.owner_url on the PC that upgrades
    assert migrate.current_revision(db) == migrate.head_revision()
    assert queue.issue_ticket(db, "KTP").number.startswith("A")
    db.dispose()
    # tables the migration made again are the owner's, and the workstation still may use them
    assert "must be owner" in refused(pc, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate")

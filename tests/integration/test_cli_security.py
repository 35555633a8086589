"""Privileged commands need a logged-in user of the right role; the audit names that user; a
restore checks the backup's audit trail first and is itself audited (issue 14, findings 2, 3, 5).

Real processes: automation logs in with P4_DESK_USER / P4_DESK_PASSWORD, a person on a terminal
(a real pseudo-terminal here) is asked.
"""

from __future__ import annotations

import os
import pty
import select
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select as sql_select

from p4_desk.services import admin, users
from p4_desk.services.backup.restore import opened
from p4_desk.store.db import Database
from p4_desk.store.journal import change_marker
from p4_desk.store.migrate import open_database
from p4_desk.store.models import User
from tests.support.cli import CLI_ADMIN, CLI_PASSWORD, add_cli_admin, login_env, run_p4
from tests.support.sites import make_site

pytestmark = pytest.mark.usefixtures("memory_keyring")  # backups are encrypted with a key kept there
ROOT = Path(__file__).resolve().parents[2]


def no_login() -> dict[str, str]:
    """The environment now (the test keyring included) without a login."""
    return {k: v for k, v in os.environ.items() if k not in ("P4_DESK_USER", "P4_DESK_PASSWORD")}


def p4(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``p4-desk`` with no login unless ``env`` gives one."""
    return run_p4(*args, env=no_login() if env is None else env)


def as_user(name: str, password: str) -> dict[str, str]:
    return {**no_login(), "P4_DESK_USER": name, "P4_DESK_PASSWORD": password}


@pytest.fixture
def site_db(sqlite_url: str) -> Database:
    db = make_site(sqlite_url)
    add_cli_admin(db)
    return db


def usernames(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(sql_select(User.username)))


# --- who may run what -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("user", "unlock", "admin"),
        ("user", "passwd", "admin", "--password", "pintu-belakang-99"),
        ("user", "add", "mallory", "--name", "Mallory", "--role", "admin", "--password", "pintu-belakang-99"),
        ("audit",),
        ("application", "search", "1871015203900001"),
        ("restore", "cadangan.sqlite3"),
        ("queue", "call-next", "--counter", "L1", "--user", "petugas1"),
        ("settings", "set", "queue.recalls_before_no_show", "3"),
        ("stats", "--from", "2026-03-01", "--to", "2026-03-31"),
    ],
)
def test_privileged_commands_refuse_without_a_login(
    site_db: Database, sqlite_url: str, args: tuple[str, ...]
) -> None:
    before = change_marker(site_db)
    done = p4(*args, "--db", sqlite_url)
    assert done.returncode == 1
    assert done.stderr.startswith("Galat: Perintah ini memerlukan login"), done.stderr
    assert "P4_DESK_USER dan P4_DESK_PASSWORD" in done.stderr and "Traceback" not in done.stderr
    assert usernames(site_db) == ["admin", "petugas1", "petugas2"]
    assert change_marker(site_db) == before  # nothing was written, not even a login


def test_reading_the_queue_needs_no_login(site_db: Database, sqlite_url: str) -> None:
    for args in (("queue", "status"), ("queue", "waiting"), ("nik", "check", "1871015203900001")):
        done = p4(*args, "--db", sqlite_url)
        assert "memerlukan login" not in done.stderr, args


def test_an_officer_is_not_an_admin_and_a_wrong_password_counts(site_db: Database, sqlite_url: str) -> None:
    officer = p4("user", "add", "mallory", "--name", "M", "--role", "admin", "--password",
                 "pintu-belakang-99", "--db", sqlite_url, env=as_user("petugas1", "rahasia123"))  # fmt: skip
    assert officer.returncode == 1
    assert officer.stderr == "Galat: Perintah ini hanya untuk admin; petugas1 berperan petugas loket.\n"
    wrong = p4("user", "list", "--db", sqlite_url, env=as_user("admin", "tebakan-salah"))
    assert wrong.returncode == 1 and wrong.stderr == "Galat: Nama pengguna atau kata sandi salah.\n"
    assert users.get_user(site_db, "admin").active
    with site_db.read() as s:
        assert s.scalar(sql_select(User.failed_attempts).where(User.username == "admin")) == 1
    assert usernames(site_db) == ["admin", "petugas1", "petugas2"]


def test_the_audit_names_the_logged_in_user_not_the_system(site_db: Database, sqlite_url: str) -> None:
    done = p4("user", "add", "petugas3", "--name", "Petugas Tiga", "--role", "operator", "--password",
              "rahasia123", "--db", sqlite_url, env=login_env())  # fmt: skip
    assert done.returncode == 0, done.stderr
    p4("counter", "open", "L1", "--db", sqlite_url, env=as_user("petugas3", "rahasia123"))
    added = next(e for e in admin.audit_entries(site_db, entity="user") if e.action == "user.add")
    assert (added.action, added.entity_id, added.username) == ("user.add", "petugas3", CLI_ADMIN)
    opened = admin.audit_entries(site_db, entity="counter")[0]
    assert opened.username == "petugas3"
    # --user names the account that logs in: it cannot be used to act as somebody else
    posed = p4(
        "counter",
        "close",
        "L1",
        "--user",
        "petugas1",
        "--db",
        sqlite_url,
        env=as_user("petugas3", "rahasia123"),
    )
    assert posed.returncode == 1 and "memerlukan login" in posed.stderr


def test_an_officer_changes_only_their_own_password(site_db: Database, sqlite_url: str) -> None:
    own = p4("user", "passwd", "petugas1", "--password", "sandi-baru-123", "--db", sqlite_url,
             env=as_user("petugas1", "rahasia123"))  # fmt: skip
    assert own.returncode == 0, own.stderr
    other = p4("user", "passwd", "petugas2", "--password", "sandi-baru-123", "--db", sqlite_url,
               env=as_user("petugas1", "sandi-baru-123"))  # fmt: skip
    assert other.returncode == 1
    assert other.stderr == "Galat: Hanya admin yang boleh mengganti kata sandi pengguna lain.\n"


def test_the_first_admin_of_a_site_without_one_needs_no_login(sqlite_url: str) -> None:
    db = make_site(sqlite_url)  # officers only, as a site set up before init made an admin
    done = p4("user", "add", "kepala", "--name", "Kepala TI", "--role", "admin", "--password",
              "Kunci-Loket-7391", "--db", sqlite_url)  # fmt: skip
    assert done.returncode == 0, done.stderr
    second = p4("user", "add", "kedua", "--name", "Admin Dua", "--role", "admin", "--password",
                "Kunci-Loket-7391", "--db", sqlite_url)  # fmt: skip
    assert second.returncode == 1 and "memerlukan login admin" in second.stderr
    assert "kedua" not in usernames(db)


def _sites(url: str) -> list[str]:
    path = Path(url.removeprefix("sqlite:///"))
    if not path.exists():
        return []
    conn = sqlite3.connect(path)
    try:
        return [code for (code,) in conn.execute("SELECT code FROM site")]
    finally:
        conn.close()


def test_init_makes_the_first_admin_so_a_new_site_is_closed_from_its_first_minute(sqlite_url: str) -> None:
    made = p4("init", "--site-code", "MPP-BARU", "--site-name", "MPP Baru", "--admin-user", "kepala",
              "--db", sqlite_url, env={**no_login(), "P4_DESK_PASSWORD": "Kunci-Loket-7391"})  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "Admin pertama: kepala" in made.stdout
    # the first admin works at once ...
    listed = p4("user", "list", "--db", sqlite_url, env=as_user("kepala", "Kunci-Loket-7391"))
    assert listed.returncode == 0, listed.stderr
    assert "kepala" in listed.stdout and "Admin" in listed.stdout
    # ... and nobody else may now make an admin without logging in as one
    intruder = p4("user", "add", "mallory", "--name", "Mallory", "--role", "admin", "--password",
                  "pintu-belakang-99", "--db", sqlite_url)  # fmt: skip
    assert intruder.returncode == 1 and "memerlukan login admin" in intruder.stderr
    assert "mallory" not in usernames(open_database(sqlite_url))


def _interactive(args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run p4-desk on a real pseudo-terminal, typing each answer when asked."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pseudo-terminal is its controlling terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "p4_desk", *args], no_login())
    output = b""
    deadline = time.monotonic() + 60
    pending = list(answers)
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if pending and output.rstrip().endswith(b":"):
            os.write(fd, pending.pop(0).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def test_a_person_on_a_terminal_is_asked_and_the_password_is_not_echoed(
    site_db: Database, sqlite_url: str
) -> None:
    code, screen = _interactive(["user", "list", "--db", sqlite_url], [CLI_ADMIN, CLI_PASSWORD])
    assert code == 0, screen
    assert "Nama pengguna:" in screen and f"Kata sandi {CLI_ADMIN}:" in screen
    assert CLI_PASSWORD not in screen and "petugas2" in screen


def _tampered_copy(backup: Path, folder: Path) -> Path:
    """The backup opened with the site's key and tampered with: an (old-style) unencrypted file."""
    bad = folder / "dirusak.sqlite3"
    with opened(backup, key=None, folder=folder) as plain:
        bad.write_bytes(plain.read_bytes())
    conn = sqlite3.connect(bad)
    conn.executescript(
        "DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update; DELETE FROM audit_log;"
    )
    conn.commit()
    conn.close()
    return bad


def test_restore_refuses_a_backup_whose_audit_trail_was_wiped(
    site_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    backup = tmp_path / "cadangan.sqlite3"
    assert p4("backup", str(backup), "--db", sqlite_url, env=login_env()).returncode == 0
    bad = _tampered_copy(backup, tmp_path)
    before = change_marker(site_db)
    site_db.dispose()

    refused = p4("restore", str(bad), "--db", sqlite_url, env=login_env())
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"Galat: Cadangan {bad} ditolak: jejak auditnya tidak dapat dipercaya")
    assert "pemicu audit_log_no_update" in refused.stderr and "log audit kosong" in refused.stderr
    assert "--force-unverified" in refused.stderr
    # nothing replaced: the same log, plus the admin's login
    current = Database(sqlite_url)
    assert [e.action for e in admin.audit_entries(current, limit=2)] == ["user.login", "user.login"]
    assert change_marker(current) == before + 1 and admin.audit_entries(current, entity="database") == []
    current.dispose()

    officer = p4(
        "restore", str(bad), "--force-unverified", "--db", sqlite_url, env=as_user("petugas1", "rahasia123")
    )
    assert officer.returncode == 1 and "hanya untuk admin" in officer.stderr

    forced = p4("restore", str(bad), "--force-unverified", "--db", sqlite_url, env=login_env())
    assert forced.returncode == 0, forced.stderr
    assert "PERINGATAN: dipulihkan tanpa verifikasi" in forced.stdout
    restored = open_database(sqlite_url)
    entry = admin.audit_entries(restored, entity="database")[0]
    assert (entry.action, entry.username) == ("database.restore", CLI_ADMIN)
    assert (
        entry.details["verified"] is False
        and "log audit kosong padahal situs sudah disiapkan" in entry.details["problems"]
    )


def test_an_intact_backup_is_restored_and_the_restore_is_audited(
    site_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    backup = tmp_path / "cadangan.sqlite3"
    assert p4("backup", str(backup), "--db", sqlite_url, env=login_env()).returncode == 0
    site_db.dispose()
    done = p4("restore", str(backup), "--db", sqlite_url, env=login_env())
    assert done.returncode == 0, done.stderr
    assert "Pemulihan dicatat di log audit." in done.stdout and "PERINGATAN" not in done.stdout
    db = open_database(sqlite_url)
    entry = admin.audit_entries(db, entity="database")[0]
    assert entry.details["verified"] is True and entry.details["problems"] == []
    assert entry.details["source"] == "cadangan.sqlite3" and len(entry.details["sha256"]) == 64
    from p4_desk.store.journal import verify_chain

    assert verify_chain(db).intact


def test_restore_onto_a_missing_file_logs_in_against_the_backup(
    site_db: Database, sqlite_url: str, tmp_path: Path
) -> None:
    backup = tmp_path / "cadangan.sqlite3"
    assert p4("backup", str(backup), "--db", sqlite_url, env=login_env()).returncode == 0
    site_db.dispose()
    target = tmp_path / "baru" / "site.sqlite3"
    url = f"sqlite:///{target.as_posix()}"
    wrong = p4("restore", str(backup), "--db", url, env=as_user("admin", "salah-sekali"))
    assert wrong.returncode == 1 and "kata sandi salah" in wrong.stderr and not target.exists()
    done = p4("restore", str(backup), "--db", url, env=login_env())
    assert done.returncode == 0, done.stderr
    assert admin.audit_entries(open_database(url), entity="database")[0].username == CLI_ADMIN


@pytest.mark.postgres
def test_postgresql_restore_refuses_a_dump_made_after_the_audit_log_was_wiped(
    pg_url: str, tmp_path: Path
) -> None:
    from sqlalchemy import create_engine, text

    db = make_site(pg_url)
    add_cli_admin(db)
    db.dispose()
    engine = create_engine(pg_url)
    with engine.begin() as conn:  # the owner lifts the trigger and empties the log
        conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        conn.execute(text("DELETE FROM audit_log WHERE id = 2"))
    engine.dispose()
    dump = tmp_path / "cadangan.dump"
    assert p4("backup", str(dump), "--db", pg_url, env=login_env()).returncode == 0
    refused = p4("restore", str(dump), "--force", "--db", pg_url, env=login_env())
    assert refused.returncode == 1, refused.stdout
    assert "pemicu log audit dimatikan" in refused.stderr
    assert "rantai putus sebelum baris audit 3" in refused.stderr

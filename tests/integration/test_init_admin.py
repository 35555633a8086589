"""``p4-desk init`` creates the site's first admin, who can then log in (real processes, SQLite)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from p4_desk.services import users
from p4_desk.store.migrate import open_database

ROOT = Path(__file__).resolve().parents[2]


def init(url: str, *extra: str, password: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "P4_DESK_PASSWORD"}
    if password is not None:
        env["P4_DESK_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "p4_desk", "init", "--site-code", "MPP-PSW",
         "--site-name", "MPP Kabupaten Pesawaran", "--db", url, *extra],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_the_first_admin_can_log_in_after_init(sqlite_url: str) -> None:
    done = init(sqlite_url, "--admin-user", "itmpp", "--admin-name", "Tim IT MPP", password="Pesawaran#2026")
    assert done.returncode == 0, done.stderr
    assert "Admin pertama: itmpp" in done.stdout
    assert "Pesawaran#2026" not in done.stdout + done.stderr
    db = open_database(sqlite_url)
    try:
        admin = users.authenticate(db, "itmpp", "Pesawaran#2026")
        assert admin.role == "admin" and admin.full_name == "Tim IT MPP"
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", "tidak boleh kosong"),
        ("abc12", "minimal 10 karakter"),
        ("admin-baru-2026", "memuat nama pengguna"),
        ("1234567890", "terlalu mudah ditebak"),
        ("pesawaranlampung", "memadukan huruf dengan angka"),
    ],
)
def test_a_weak_password_is_refused_and_nothing_is_created(
    sqlite_url: str, password: str, message: str
) -> None:
    refused = init(sqlite_url, password=password)
    assert refused.returncode == 1
    assert message in refused.stderr and "Traceback" not in refused.stderr
    # nothing half-made: the same command with a good password works
    assert init(sqlite_url, password="Pesawaran#2026").returncode == 0


def test_without_a_terminal_or_environment_password_it_says_how(sqlite_url: str) -> None:
    refused = init(sqlite_url, password=None)
    assert refused.returncode == 1
    assert "P4_DESK_PASSWORD" in refused.stderr and "terminal" in refused.stderr
    assert init(sqlite_url, password="Pesawaran#2026").returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_the_password_is_asked_twice_on_a_terminal(sqlite_url: str) -> None:
    import pty
    import time

    env = {k: v for k, v in os.environ.items() if k != "P4_DESK_PASSWORD"}
    args = [sys.executable, "-m", "p4_desk", "init", "--site-code", "MPP-PSW", "--site-name", "MPP Pesawaran",
            "--admin-user", "itmpp", "--db", sqlite_url]  # fmt: skip
    pid, fd = pty.fork()
    if pid == 0:  # the child: a real terminal as its controlling tty
        os.chdir(ROOT)
        os.execve(sys.executable, args, env)
    seen = b""
    deadline = time.monotonic() + 120
    answers = [b"Pesawaran#2026\n", b"Pesawaran#2026\n"]
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if answers and seen.count(b"sandi") > 2 - len(answers):
            os.write(fd, answers.pop(0))
    _, status = os.waitpid(pid, 0)
    text = seen.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "Kata sandi baru untuk admin itmpp" in text and "Ulangi kata sandi" in text
    assert "Pesawaran#2026" not in text  # not echoed
    db = open_database(sqlite_url)
    try:
        assert users.authenticate(db, "itmpp", "Pesawaran#2026").role == "admin"
    finally:
        db.dispose()

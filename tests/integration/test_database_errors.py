"""A locked, corrupt or unreachable database gives a clear Indonesian error and writes nothing."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from p4_desk.errors import DatabaseCorrupt, DatabaseUnavailable
from p4_desk.services import queue
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from p4_desk.store.models import Ticket
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]


def test_locked_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "site.sqlite3"
    url = f"sqlite:///{path.as_posix()}"
    make_site(url).dispose()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        db = Database(url, busy_timeout_ms=200)
        with pytest.raises(DatabaseUnavailable, match="terkunci"):
            queue.issue_ticket(db, "KTP")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    db = Database(url)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 0
    assert queue.issue_ticket(db, "KTP").number == "A001"


def test_corrupt_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "site.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list " * 200)
    with pytest.raises(DatabaseCorrupt, match="rusak"):
        open_database(f"sqlite:///{path.as_posix()}")


def test_unreachable_postgresql() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nobody listens there
    with pytest.raises(
        DatabaseUnavailable, match=r"Server basis data 127\.0\.0\.1:\d+ tidak dapat dihubungi"
    ):
        open_database(f"postgresql+psycopg://postgres@127.0.0.1:{port}/p4")


def test_cli_prints_the_message_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"garbage" * 500)
    result = subprocess.run(
        [sys.executable, "-m", "p4_desk", "queue", "status", "--db", f"sqlite:///{path.as_posix()}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "rusak" in result.stderr and "Traceback" not in result.stderr


def test_the_screen_gets_the_indonesian_message_and_the_log_file_the_drivers_text(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    logs = tmp_path / "log"
    result = subprocess.run(
        [sys.executable, "-m", "p4_desk", "queue", "status", "--db",
         f"postgresql+psycopg://postgres@127.0.0.1:{port}/p4"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "P4_DESK_LOG_DIR": str(logs)},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        f"Galat: Server basis data 127.0.0.1:{port} tidak dapat dihubungi. Periksa jaringan dan "
        "server PostgreSQL, lalu coba lagi.\n"
    )  # nothing in English beside it: the driver's text is for site IT, in the log file
    logged = "".join(p.read_text(encoding="utf-8") for p in logs.glob("*.log"))
    assert "database error (OperationalError)" in logged and f"port {port} failed" in logged


@pytest.mark.parametrize("port", ["99999", "0"])
def test_a_port_outside_the_range_is_named_not_blamed_on_the_network(port: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "p4_desk", "queue", "status", "--db",
         f"postgresql+psycopg://postgres:rahasia@127.0.0.1:{port}/p4"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        f"Galat: Port di URL basis data tidak sah: 'postgresql+psycopg://postgres:***@127.0.0.1:{port}/p4'; "
        "harus 1–65535.\n"
    )

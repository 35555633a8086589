"""A real PostgreSQL server for tests and benchmarks.

Order of preference:
1. ``P4_TEST_PG_URL``: an admin URL (``postgresql+psycopg://user:pw@host:port/postgres``) of a
   server where databases may be created (CI may start the system cluster and set this).
2. A throwaway cluster started here with ``initdb`` + ``pg_ctl`` in a temporary folder, on a free
   port on 127.0.0.1. ``initdb`` refuses to run as root, so as root the cluster runs as the
   ``postgres`` system user (or ``nobody``).
If neither is possible the PostgreSQL tests are skipped, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg


@dataclass
class PostgresServer:
    host: str
    port: int
    user: str
    password: str | None = None

    def url(self, database: str) -> str:
        auth = self.user if self.password is None else f"{self.user}:{self.password}"
        return f"postgresql+psycopg://{auth}@{self.host}:{self.port}/{database}"

    def _conninfo(self, database: str = "postgres") -> str:
        info = f"host={self.host} port={self.port} user={self.user} dbname={database}"
        return info + (f" password={self.password}" if self.password else "")

    def create_database(self, prefix: str = "p4test") -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self._conninfo(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self._conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin(name: str) -> str | None:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else shutil.which(name)


def _server_from_env() -> PostgresServer | None:
    url = os.environ.get("P4_TEST_PG_URL")
    if not url:
        return None
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return PostgresServer(u.host or "127.0.0.1", u.port or 5432, u.username or "postgres", u.password)


@contextlib.contextmanager
def postgres_server(*, durable: bool = False) -> Iterator[PostgresServer]:
    """Yield a running server; raises RuntimeError when none can be had. Tests run it without
    waiting for the disk (``fsync=off``); ``durable`` (benchmarks) waits as a real server does."""
    env = _server_from_env()
    if env is not None:
        yield env
        return
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    run_as: list[str] = []
    owner = None
    if os.geteuid() == 0:
        for name in ("postgres", "nobody"):
            with contextlib.suppress(KeyError):
                owner = pwd.getpwnam(name)
                break
        if owner is None:
            raise RuntimeError("running as root and no unprivileged user for PostgreSQL")
        run_as = ["runuser", "-u", owner.pw_name, "--"]
    base = Path(tempfile.mkdtemp(prefix="p4-pg-"))
    data = base / "data"
    if owner is not None:
        os.chown(base, owner.pw_uid, owner.pw_gid)
        base.chmod(0o700)
    port = _free_port()
    log = base / "server.log"
    subprocess.run(
        [
            *run_as,
            initdb,
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    durability = "" if durable else " -c fsync=off -c synchronous_commit=off"
    options = f"-h 127.0.0.1 -p {port} -k {base} -c max_connections=200{durability}"
    subprocess.run(
        [*run_as, pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield PostgresServer("127.0.0.1", port, "postgres")
    finally:
        subprocess.run(
            [*run_as, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(base, ignore_errors=True)

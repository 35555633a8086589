"""Run the real central API (``python -m p4_desk.central serve``) as a subprocess.

Usage in a test::

    from tests.integration.central_server import running_central

    def test_sync(tmp_path):
        with running_central(tmp_path) as central:
            token = central.enrol_site("LS01", "MPP Lampung Selatan")
            requests.post(f"{central.url}/api/v1/sites/LS01/events", json=..., headers=...)
            central.kill()      # SIGKILL, like a power cut
            central.start()     # same port, same database
            central.cli("report", "--json")

``url`` is ``http://127.0.0.1:PORT`` (no trailing slash); ``admin_token`` is the
server's ``P4_CENTRAL_ADMIN_TOKEN``; ``cli(...)`` runs ``python -m p4_desk.central``
against the same database and returns the completed process.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO_ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 60.0


class CentralServer:
    """One central API process on 127.0.0.1; restartable on the same port and database."""

    def __init__(
        self,
        workdir: Path,
        db_url: str | None = None,
        port: int | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.workdir = workdir
        self.extra_env = dict(env or {})
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db_url = db_url or f"sqlite:///{workdir / 'central.sqlite3'}"
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.admin_token = secrets.token_urlsafe(24)
        self.log_path = workdir / f"central-{self.port}.log"
        self._process: subprocess.Popen[bytes] | None = None

    # --- process control ------------------------------------------------------------

    def start(self) -> None:
        """Start the server (again) and wait until ``/api/v1/health`` answers 200."""
        if self.running:
            return
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "p4_desk.central",
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--db",
                    self.db_url,
                ],
                cwd=REPO_ROOT,
                env=self._env(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_healthy()

    def stop(self) -> None:
        """Graceful stop (SIGTERM), waiting for the process to exit."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as in a crash or power cut."""
        if self._process is None:
            return
        self._process.kill()
        self._process.wait()
        self._process = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    # --- conveniences --------------------------------------------------------------

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run ``python -m p4_desk.central ARGS --db <this db>``."""
        completed = subprocess.run(
            [sys.executable, "-m", "p4_desk.central", *args, "--db", self.db_url],
            cwd=REPO_ROOT,
            env=self._env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check and completed.returncode != 0:
            raise AssertionError(
                f"central {' '.join(args)} failed ({completed.returncode}): {completed.stderr}"
            )
        return completed

    def add_site(self, code: str, name: str) -> str:
        """Create a site with the CLI; return its one-time enrolment code."""
        answer = json.loads(self.cli("site", "add", code, name, "--json").stdout)
        return str(answer["enrolment_code"])

    def enrol_site(self, code: str, name: str) -> str:
        """Create and enrol a site; return its bearer token."""
        enrolment_code = self.add_site(code, name)
        response = requests.post(
            f"{self.url}/api/v1/enrol",
            json={"site": code, "enrolment_code": enrolment_code},
            timeout=30,
        )
        response.raise_for_status()
        return str(response.json()["token"])

    def report(self) -> dict[str, dict[str, int]]:
        """Stored events per site and type, from ``report --json``."""
        answer: dict[str, Any] = json.loads(self.cli("report", "--json").stdout)
        return answer["sites"]

    def admin_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.admin_token}"}

    # --- internals -------------------------------------------------------------------

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        env["P4_CENTRAL_ADMIN_TOKEN"] = self.admin_token
        env["P4_CENTRAL_DB"] = self.db_url
        env.update(self.extra_env)
        return env

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise RuntimeError(f"central server exited; log:\n{self.log_path.read_text()}")
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"central server did not become healthy; log:\n{self.log_path.read_text()}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_central(
    workdir: Path, db_url: str | None = None, port: int | None = None, env: dict[str, str] | None = None
) -> Iterator[CentralServer]:
    """A started :class:`CentralServer`, stopped on exit.

    The database is a SQLite file in ``workdir`` unless ``db_url`` is given; ``env`` adds to the
    server's environment (e.g. its message gateway).
    """
    server = CentralServer(workdir, db_url=db_url, port=port, env=env)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def fresh_pg_database(server_url: str) -> Iterator[str]:
    """A new, empty PostgreSQL database on the server of ``server_url``, dropped on exit.

    ``server_url`` is a ``postgresql+psycopg://`` URL of a role allowed to create databases.
    """
    name = f"p4central_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

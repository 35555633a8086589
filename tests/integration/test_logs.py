"""After a full flow through the CLI, the log files hold no NIK and no token (UU 27/2022).

Needs ``p4_desk.logs`` (rotating file in the log dir, from the counter/shell work) and the CLI
calling ``setup_logging()``; skipped until ``p4_desk.logs`` exists.

Today little of the flow logs personal data on purpose, so each CLI process also carries a
probe (a ``sitecustomize`` module on its path) that, as the process ends, logs a line with the
NIK and a bearer token the way careless code would. The masked NIK must appear in the file (the
line went through) and the raw NIK and token must not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

pytest.importorskip("p4_desk.logs")

ROOT = Path(__file__).resolve().parents[2]
NIK = "1871014509900003"  # Bandar Lampung, born 05-09-1990 (female: day + 40)
TOKEN = "p4s_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0"


class EnvironmentKeyring(KeyringBackend):
    """A keyring backend for the child processes: the site token comes from P4_TEST_TOKEN."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return os.environ.get("P4_TEST_TOKEN")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


class Central(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        from datetime import UTC, datetime

        body = json.dumps({"now": datetime.now(UTC).isoformat(), "updates": [], "cursor": 0}).encode()
        self.send_response(200 if self.headers.get("Authorization") == f"Bearer {TOKEN}" else 401)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def central() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Central)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


PROBE = """
import atexit, logging, os

def _careless_line():
    logging.getLogger("p4_desk.probe").warning(
        "permohonan diterima: NIK %s, header Authorization: Bearer %s", os.environ["P4_TEST_NIK"],
        os.environ["P4_TEST_TOKEN"],
    )

atexit.register(_careless_line)
"""


@pytest.fixture(autouse=True)
def probe_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "probe"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(PROBE, encoding="utf-8")
    monkeypatch.setenv("P4_TEST_PROBE_DIR", str(folder))
    return folder


def p4(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([os.environ["P4_TEST_PROBE_DIR"], str(ROOT)]),
        P4_TEST_NIK=NIK,
        PYTHON_KEYRING_BACKEND="tests.integration.test_logs.EnvironmentKeyring",
        P4_TEST_TOKEN=TOKEN,
        P4_DESK_USER="petugas1",  # the demo data's officer logs in for the counter commands
        P4_DESK_PASSWORD="petugas123",
    )
    result = subprocess.run(
        [sys.executable, "-m", "p4_desk", "-v", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def test_no_nik_or_token_in_the_log_files_after_a_full_flow(tmp_path: Path, central: str) -> None:
    db = ["--db", f"sqlite:///{(tmp_path / 'site.sqlite3').as_posix()}"]
    settings = Path(os.environ["P4_DESK_CONFIG_DIR"]) / "settings.toml"
    settings.write_text(f'[sync]\nurl = "{central}"\n', encoding="utf-8")

    # A day at the desk: set up, issue, call, serve
    p4("demo-data", "--days", "1", *db)
    p4("queue", "issue", "KTP", *db)
    p4("counter", "open", "L01", *db)
    called = json.loads(p4("queue", "call-next", "--counter", "L01", "--json", *db).stdout)
    p4("queue", "start", "--ticket", str(called["id"]), *db)
    p4("queue", "finish", "--ticket", str(called["id"]), *db)
    # The NIK goes through every command that takes one
    help_text = p4("--help").stdout
    if "nik" in help_text:
        p4("nik", "check", NIK, *db, ok=False)
    p4("queue", "issue", NIK, *db, ok=False)  # a NIK typed where a service was expected
    # The token goes to the central API (selftest reads it from the keyring and sends it)
    report = json.loads(p4("selftest", "--json", "--no-qt", *db, ok=False).stdout)
    assert {c["name"]: c for c in report["checks"]}["central_token"]["ok"]

    logs = [p for p in Path(os.environ["P4_DESK_LOG_DIR"]).rglob("*") if p.is_file()]
    assert logs, "the flow wrote no log file: the CLI must call p4_desk.logs.setup_logging()"
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in logs)
    assert "1871********0003" in text, "the probe's line did not reach the log file"
    assert NIK not in text
    assert TOKEN not in text

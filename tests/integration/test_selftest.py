"""Self-test against real parts: a site database, TCP printers, an HTTP central API on 127.0.0.1."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from p4_desk.config import Settings
from p4_desk.services.selftest import CheckResult, Probes, SelfTestReport, run_selftest
from tests.support.memory_keyring import MemoryKeyring
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "tok-situs-rahasia"


class CentralStub(BaseHTTPRequestHandler):
    """The central API's health, time and an authenticated site endpoint."""

    clock_offset = timedelta(0)

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        if self.path == "/api/v1/health":
            self._answer(200, {"status": "ok"})
        elif self.path == "/api/v1/time":
            self._answer(200, {"now": (datetime.now(UTC) + self.clock_offset).isoformat()})
        elif self.path.startswith("/api/v1/sites/MPP-TEST/application-updates"):
            if self.headers.get("Authorization") == f"Bearer {TOKEN}":
                self._answer(200, {"updates": [], "cursor": 0})
            else:
                self._answer(401, {"detail": "invalid token"})
        else:
            self._answer(404, {})

    def _answer(self, status: int, body: dict[str, object]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def central() -> Iterator[tuple[str, type[CentralStub]]]:
    handler = type("Central", (CentralStub,), {"clock_offset": timedelta(0)})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


def by_name(report: SelfTestReport) -> dict[str, CheckResult]:
    return {c.name: c for c in report.checks}


def test_a_fresh_site_passes_and_the_cli_exits_zero(sqlite_url: str) -> None:
    make_site(sqlite_url).dispose()
    result = subprocess.run(
        [sys.executable, "-m", "p4_desk", "selftest", "--json", "--no-qt", "--db", sqlite_url],
        capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120,
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["passed"] is True
    checks = {c["name"]: c for c in report["checks"]}
    assert checks["database"]["ok"] and "MPP-TEST" in checks["database"]["detail"]
    assert checks["data_dir"]["ok"] and checks["data_dir"]["required"]
    assert checks["central_api"]["skipped"]


def test_a_missing_database_fails_with_the_command_to_run(tmp_path: Path) -> None:
    missing = f"sqlite:///{(tmp_path / 'nothing.sqlite3').as_posix()}"
    result = subprocess.run(
        [sys.executable, "-m", "p4_desk", "selftest", "--no-qt", "--db", missing],
        capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "GAGAL" in result.stdout and "p4-desk init" in result.stdout
    assert not (tmp_path / "nothing.sqlite3").exists()  # the check did not create it


def test_an_unmigrated_database_is_a_required_failure(db_url: str) -> None:
    from p4_desk.store.db import Database

    Database(db_url).check_connection()  # reachable, but no schema at all
    report = run_selftest(Settings(), url=db_url)
    db_check = by_name(report)["database"]
    assert not report.passed
    assert "db upgrade" in db_check.detail


def test_kiosk_network_printer_must_answer(sqlite_url: str, tmp_path: Path) -> None:
    make_site(sqlite_url).dispose()
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    settings = Settings(
        {"workstation.role": "kiosk", "printer.ticket_target": f"escpos-net:127.0.0.1:{port}"}
    )
    try:
        report = run_selftest(settings, url=sqlite_url)
        assert report.passed and by_name(report)["ticket_printer"].ok
    finally:
        listener.close()
    # The printer is switched off: the kiosk cannot print tickets, so the workstation is not ready
    report = run_selftest(settings, url=sqlite_url)
    printer = by_name(report)["ticket_printer"]
    assert not report.passed and printer.required and not printer.ok
    # A counter PC with the same dead printer is still usable (warning only)
    settings.set("workstation.role", "counter")
    assert run_selftest(settings, url=sqlite_url).passed


def test_os_printer_lookup_goes_through_the_probe(sqlite_url: str) -> None:
    make_site(sqlite_url).dispose()
    installed = {"EPSON-TM-T82"}
    probes = Probes(os_printer=lambda name: name in installed)
    ok = run_selftest(
        Settings({"printer.ticket_target": "printer:EPSON-TM-T82"}), url=sqlite_url, probes=probes
    )
    gone = run_selftest(Settings({"printer.ticket_target": "printer:Lain"}), url=sqlite_url, probes=probes)
    assert by_name(ok)["ticket_printer"].ok
    assert not by_name(gone)["ticket_printer"].ok


def test_central_api_token_and_clock(
    sqlite_url: str, central: tuple[str, type[CentralStub]], memory_keyring: MemoryKeyring
) -> None:
    make_site(sqlite_url).dispose()
    url, handler = central
    settings = Settings({"sync.url": url})

    # No token stored yet: the site must be enrolled
    report = run_selftest(settings, url=sqlite_url)
    assert by_name(report)["central_api"].ok
    assert not by_name(report)["central_token"].ok and not report.passed

    # With the token in the keyring (service name is a parameter the sync module decides)
    memory_keyring.set_password("p4-sync-test", f"MPP-TEST@{url}", TOKEN)
    report = run_selftest(settings, url=sqlite_url, keyring_service="p4-sync-test")
    checks = by_name(report)
    assert checks["keyring"].ok and checks["central_token"].ok and checks["clock_drift"].ok
    assert report.passed

    # A refused token
    memory_keyring.set_password("p4-sync-test", f"MPP-TEST@{url}", "tok-lama")
    report = run_selftest(settings, url=sqlite_url, keyring_service="p4-sync-test")
    assert not by_name(report)["central_token"].ok and not report.passed

    # The PC's clock is ten minutes behind the central server
    memory_keyring.set_password("p4-sync-test", f"MPP-TEST@{url}", TOKEN)
    handler.clock_offset = timedelta(minutes=10)
    report = run_selftest(settings, url=sqlite_url, keyring_service="p4-sync-test")
    drift = by_name(report)["clock_drift"]
    assert not drift.ok and "lebih lambat" in drift.detail and not report.passed


def test_unreachable_central_api_is_only_a_warning(sqlite_url: str, memory_keyring: MemoryKeyring) -> None:
    make_site(sqlite_url).dispose()
    with socket.create_server(("127.0.0.1", 0)) as probe:
        dead_port = probe.getsockname()[1]
    report = run_selftest(Settings({"sync.url": f"http://127.0.0.1:{dead_port}"}), url=sqlite_url)
    central = by_name(report)["central_api"]
    assert not central.ok and not central.required
    assert report.passed  # offline-first: the site keeps working


def test_no_usable_keyring_fails_when_sync_is_configured(sqlite_url: str) -> None:
    # conftest selects keyring's null backend: nothing can be stored
    make_site(sqlite_url).dispose()
    offline = run_selftest(Settings(), url=sqlite_url)
    assert not by_name(offline)["keyring"].ok and offline.passed
    with socket.create_server(("127.0.0.1", 0)) as probe:
        dead_port = probe.getsockname()[1]
    syncing = run_selftest(Settings({"sync.url": f"http://127.0.0.1:{dead_port}"}), url=sqlite_url)
    assert by_name(syncing)["keyring"].required and not syncing.passed


def test_display_needs_its_voice_clips(sqlite_url: str) -> None:
    make_site(sqlite_url).dispose()
    report = run_selftest(Settings({"workstation.role": "display"}), url=sqlite_url)
    voice = by_name(report)["voice_clips"]
    assert voice.required and voice.ok, voice.detail
    tts = run_selftest(Settings({"workstation.role": "display", "voice.tts": True}), url=sqlite_url)
    assert by_name(tts)["voice_clips"].skipped


@pytest.mark.usefixtures("memory_keyring")  # the backup is encrypted with a key kept there
def test_daily_backup_is_reported_once_one_exists(sqlite_url: str) -> None:
    from p4_desk.services.backup import auto_backup_if_due

    db = make_site(sqlite_url)
    before = by_name(run_selftest(Settings(), url=sqlite_url))["daily_backup"]
    assert not before.ok and not before.required
    assert auto_backup_if_due(db, Settings()) is not None
    after = by_name(run_selftest(Settings(), url=sqlite_url))["daily_backup"]
    assert after.ok and "0.0 hari" in after.detail
    db.dispose()

"""``p4-desk settings``: every declared setting listed, checked and audited (real processes)."""

from __future__ import annotations

import json
import subprocess
from typing import Any

from p4_desk.config import SETTINGS, SITE_SETTINGS, Settings
from p4_desk.services import admin, site
from tests.support.cli import add_cli_admin, run_p4
from tests.support.sites import make_site


def p4desk(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_p4("settings", *args, "--db", url)


def as_json(url: str, *args: str) -> Any:
    result = p4desk(url, *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_list_shows_every_declared_setting_with_its_value(sqlite_url: str) -> None:
    db = make_site(sqlite_url)
    add_cli_admin(db)
    add_cli_admin(db)
    site.set_setting(db, "report.head_name", "Drs. Hendra Wijaya, M.Si.")

    rows = as_json(sqlite_url, "list")["settings"]

    assert [r["key"] for r in rows] == [s.key for s in (*SITE_SETTINGS, *SETTINGS)]
    by_key = {r["key"]: r for r in rows}
    assert by_key["report.head_name"]["value"] == "Drs. Hendra Wijaya, M.Si."
    assert by_key["queue.recalls_before_no_show"]["value"] == 1
    assert by_key["queue.recalls_before_no_show"]["bounds"] == [0, 10]
    assert by_key["sync.url"]["editable"] is False
    text = p4desk(sqlite_url, "list", "--site").stdout
    assert "Pengaturan situs (berlaku di semua workstation):" in text
    assert "report.head_name = Drs. Hendra Wijaya, M.Si.  — Nama penanda tangan laporan" in text
    assert "voice.volume" not in text


def test_set_checks_the_value_saves_it_and_writes_the_audit_log(sqlite_url: str) -> None:
    db = make_site(sqlite_url)
    add_cli_admin(db)

    refused = p4desk(sqlite_url, "set", "queue.recalls_before_no_show", "2", "--user", "petugas1")
    done = p4desk(sqlite_url, "set", "queue.recalls_before_no_show", "2")  # as the admin
    volume = p4desk(sqlite_url, "set", "voice.volume", "0,5")

    assert refused.returncode == 1
    assert refused.stderr == "Galat: Perintah ini hanya untuk admin; petugas1 berperan petugas loket.\n"

    assert done.returncode == 0, done.stderr
    assert (
        "Panggilan ulang sebelum tidak hadir (queue.recalls_before_no_show) diubah menjadi: 2." in done.stdout
    )
    assert site.get_setting(db, "queue.recalls_before_no_show") == 2
    assert volume.returncode == 0 and Settings.load().get("voice.volume") == 0.5
    entries = admin.audit_entries(db, entity="site_setting")
    assert [(e.username, e.entity_id, e.details) for e in entries] == [
        ("admin", "queue.recalls_before_no_show", {"old": None, "new": 2})
    ]
    assert as_json(sqlite_url, "get", "voice.volume")["value"] == 0.5
    again = as_json(sqlite_url, "set", "queue.recalls_before_no_show", "2")
    assert again["changed"] is False and len(admin.audit_entries(db, entity="site_setting")) == 1


def test_a_bad_value_is_refused_in_indonesian_and_changes_nothing(sqlite_url: str) -> None:
    db = make_site(sqlite_url)
    add_cli_admin(db)

    cases = {
        ("queue.recalls_before_no_show", "20"): "harus antara 0 dan 10.",
        ("printer.ticket_paper_mm", "70"): "harus salah satu dari: 58, 80.",
        ("sync.url", "https://pusat.example.go.id"): "tidak dapat diubah dari admin.",
        ("queue.recall", "2"): "Pengaturan 'queue.recall' tidak dikenal.",
    }
    for (key, value), message in cases.items():
        result = p4desk(sqlite_url, "set", key, value)
        assert result.returncode == 1 and message in result.stderr, (key, result.stderr)
        assert "Traceback" not in result.stderr

    assert site.get_setting(db, "queue.recalls_before_no_show") == 1
    assert not Settings.load().path.exists()  # the workstation file was never written
    assert admin.audit_entries(db, entity="site_setting") == []

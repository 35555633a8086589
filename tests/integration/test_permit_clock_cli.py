"""``p4-desk application clock|list|handover`` and ``p4-desk permit rules`` as real processes.

The commands run on the machine's own clock, so the assertions compare with what the site's
calendar says about today instead of naming dates.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from p4_desk.services import applications, catalog, permits
from p4_desk.services.permits import Requirement
from p4_desk.store.migrate import open_database
from tests.support.cli import add_cli_admin
from tests.support.cli import run_p4 as run  # logged in as --user, else the admin
from tests.support.sites import make_site

NIK = "1871015708900003"
PROXY_NIK = "1871021203850001"


@pytest.fixture
def db_arg(sqlite_url: str) -> list[str]:
    db = make_site(sqlite_url, clock=lambda: datetime.now().astimezone())
    add_cli_admin(db)
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    reqs = [Requirement("KTP", "Fotokopi KTP-el"), Requirement("DESAIN", "Gambar desain reklame")]
    permits.add_permit_type(db, "REKLAME", "Izin Reklame", "DPMPTSP", working_days=5, requirements=reqs)
    # due the same day: today is its deadline
    permits.add_permit_type(db, "SEKETIKA", "Izin Seketika", "DPMPTSP", working_days=0)
    db.dispose()
    return ["--db", sqlite_url]


def intake(db_arg: list[str], tmp_path: Path, permit: str, documents: list[str]) -> dict:
    form = tmp_path / f"{permit}.json"
    form.write_text(
        json.dumps(
            {
                "nik": NIK, "name": "Siti Aminah", "phone": "0812-7788-9900",
                "address": "Jl. Teuku Umar No. 12, Kedaton", "permit_type": permit,
                "documents": [{"requirement": code, "received": True} for code in documents],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    out = run("application", "intake", "--json-file", str(form), *db_arg, "--json", "--user", "petugas1")
    assert out.returncode == 0, out.stderr
    result: dict = json.loads(out.stdout)
    return result


def test_stop_and_resume_the_clock_from_the_command_line(db_arg: list[str], tmp_path: Path) -> None:
    number = intake(db_arg, tmp_path, "REKLAME", ["KTP", "DESAIN"])["registration_number"]
    stop = run("application", "clock", "stop", number, "--waiting-for", "payment",
               "--reason", "Retribusi belum dibayar", *db_arg, "--json", "--user", "petugas1")  # fmt: skip
    assert stop.returncode == 0, stop.stderr
    clock = json.loads(stop.stdout)["clock"]
    assert (clock["state"], clock["waiting_for"], clock["due_date"]) == ("stopped", "payment", None)
    again = run("application", "clock", "stop", number, "--reason", "lagi", *db_arg)
    assert again.returncode == 1 and "Jangka waktu permohonan ini sudah berhenti sejak" in again.stderr
    restart = run("application", "clock", "restart", number, *db_arg)
    assert restart.returncode == 1 and "tidak memulai ulang jangka waktu" in restart.stderr
    text = run("application", "status", number, *db_arg)
    assert "Perkiraan selesai: jangka waktu berhenti (menunggu pembayaran), sisa 5 hari kerja" in text.stdout
    resume = run("application", "clock", "resume", number, *db_arg, "--json", "--user", "petugas1")
    assert resume.returncode == 0, resume.stderr
    resumed = json.loads(resume.stdout)
    assert resumed["clock"]["state"] == "running" and resumed["clock"]["used"] == 0
    assert resumed["clock"]["revised"] is True
    assert [h["action"] for h in resumed["clock"]["history"]] == ["start", "stop", "resume"]
    assert resumed["clock"]["history"][-1]["reason"] == "Pembayaran diterima"
    status = run("application", "status", number, *db_arg)
    assert "Jangka waktu: Berjalan: 0 dari 5 hari kerja terpakai, sisa 5" in status.stdout
    assert "Riwayat jangka waktu:" in status.stdout and "Retribusi belum dibayar" in status.stdout


def test_lists_of_deadlines_to_watch(db_arg: list[str], tmp_path: Path) -> None:
    assert run("permit", "rules", "SEKETIKA", *db_arg).returncode == 1  # no rule named
    rules = run("permit", "rules", "SEKETIKA", "--fiktif-positif", *db_arg, "--json")
    assert rules.returncode == 0, rules.stderr
    assert json.loads(rules.stdout)["fiktif_positif"] is True
    due_today = intake(db_arg, tmp_path, "SEKETIKA", [])["registration_number"]
    waiting = intake(db_arg, tmp_path, "REKLAME", ["KTP"])["registration_number"]  # the design is missing
    out = run("application", "list", "--fiktif-positif", *db_arg, "--json")
    assert out.returncode == 0, out.stderr
    [warning] = json.loads(out.stdout)["applications"]
    assert (warning["registration_number"], warning["level"], warning["label"]) == (
        due_today,
        "today",
        "Batas waktu hari ini",
    )
    text = run("application", "list", "--fiktif-positif", *db_arg).stdout
    assert due_today in text and "Batas waktu hari ini" in text
    stopped = run("application", "list", "--clock-stopped", *db_arg)
    assert waiting in stopped.stdout and "menunggu kelengkapan berkas" in stopped.stdout
    assert run("application", "list", *db_arg).returncode == 1  # say which list (usage errors exit 1)


def test_hand_over_to_a_representative(db_arg: list[str], tmp_path: Path, sqlite_url: str) -> None:
    number = intake(db_arg, tmp_path, "SEKETIKA", [])["registration_number"]
    for state in ("verifying", "processing", "approved", "ready"):
        assert run("application", "status", number, "--set", state, *db_arg).returncode == 0
    unchecked = run("application", "handover", number, "--nik", PROXY_NIK, "--recipient", "Budi Santoso",
                    "--proxy", *db_arg)  # fmt: skip
    assert unchecked.returncode == 1 and "Surat kuasa wajib diperiksa" in unchecked.stderr
    stray = run("application", "handover", number, "--nik", NIK, "--recipient", "Siti Aminah",
                "--letter-number", "12/SK", *db_arg)  # fmt: skip
    assert stray.returncode == 1 and "hanya untuk penyerahan kepada kuasa" in stray.stderr
    done = run("application", "handover", number, "--nik", PROXY_NIK, "--recipient", "Budi Santoso",
               "--proxy", "--letter-checked", "--letter-number", "12/SK/2026", "--letter-date", "2025-12-30",
               *db_arg, "--json", "--user", "petugas1")  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["state"] == "handed_over"
    assert result["proxy"] == {"name": "Budi Santoso", "nik_masked": "1871********0001",
                               "letter_number": "12/SK/2026", "letter_date": "2025-12-30"}  # fmt: skip
    assert PROXY_NIK not in done.stdout
    text = run("application", "status", number, *db_arg).stdout
    assert "Diserahkan kepada kuasa: Budi Santoso (NIK 1871********0001)" in text
    db = open_database(sqlite_url)
    try:
        assert applications.get_application(db, number).proxy is not None
    finally:
        db.dispose()

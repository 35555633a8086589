"""``p4-desk purge | person export | person correct | complaint reveal | audit who-read`` as a data-
protection officer runs them: real processes, a supervisor's login, Indonesian messages."""

from __future__ import annotations

import io
import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pypdf
import pytest

from p4_desk.services import applications as apps
from p4_desk.services import complaints, users
from tests.support.cli import add_cli_admin, login_env, run_p4
from tests.support.permits import SITI_NIK, add_sip, make_ready, sip_request
from tests.support.sites import Clock, make_site

NIK = SITI_NIK


def run(*args: str, login: str | None = None) -> subprocess.CompletedProcess[str]:
    """``p4-desk`` logged in as ``login`` (else as the ``--user`` named, else the admin)."""
    return run_p4(*args, env=login_env(["--user", login]) if login else None)


@pytest.fixture
def hall(sqlite_url: str) -> dict[str, str]:
    # forty days ago: the permit was collected and the complaint closed then
    db = make_site(sqlite_url, Clock(datetime.now(UTC) - timedelta(days=40)))
    add_cli_admin(db)
    users.add_user(db, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    add_sip(db, name="Surat Izin Praktik")
    officer = users.get_user(db, "petugas1").actor
    number = apps.intake(db, sip_request(), officer).registration_number
    make_ready(db, number, officer)
    apps.hand_over(db, number, nik=NIK, recipient="Siti Aminah", actor=officer)
    secret = complaints.file_complaint(
        db, kind="pengaduan", agency="DPMPTSP", description="Petugas meminta uang tambahan.",
        identity="confidential", reporter_name="Siti Aminah", reporter_phone="081277889900", actor=officer,
    ).number  # fmt: skip
    complaints.step_complaint(db, secret, "closed", "Pelapor tidak dapat dihubungi", actor=officer)
    db.dispose()
    return {"db": sqlite_url, "application": number, "secret": secret}


def test_the_data_protection_officer_works_from_the_command_line(
    hall: dict[str, str], tmp_path: Path
) -> None:
    db = ["--db", hall["db"]]
    # An officer looks Siti up; a counter officer may not export her data
    assert run("application", "search", NIK, *db, "--user", "petugas1").returncode == 0
    refused = run(
        "person", "export", "--nik", NIK, "--out", str(tmp_path / "x.pdf"), *db, "--user", "petugas1"
    )
    assert refused.returncode == 1 and "hanya untuk supervisor" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()
    # The supervisor exports everything held about her: a PDF and a JSON beside it
    done = run("person", "export", "--nik", NIK, "--out", str(tmp_path / "siti.pdf"), *db, "--user", "kepala")
    assert done.returncode == 0, done.stderr
    assert "1 permohonan, 1 pengaduan" in done.stdout
    document = json.loads((tmp_path / "siti.json").read_text(encoding="utf-8"))
    assert document["applications"][0]["registration_number"] == hall["application"]
    pages = pypdf.PdfReader(io.BytesIO((tmp_path / "siti.pdf").read_bytes())).pages
    assert "Siti Aminah" in " ".join(p.extract_text() for p in pages)
    # Corrects her phone
    fixed = run("person", "correct", "--nik", NIK, "--phone", "0812-9999-0000", *db, "--user", "kepala")
    assert fixed.returncode == 0 and "Dikoreksi: nomor HP pada 1 permohonan" in fixed.stdout
    bad = run("person", "correct", "--nik", "1871", "--name", "Siti", *db, "--user", "kepala")
    assert bad.returncode == 1 and "NIK harus 16 digit angka." in bad.stderr and "Traceback" not in bad.stderr
    # Reveals the confidential reporter only on a reason
    no_reason = run("complaint", "reveal", hall["secret"], "--reason", "cek", *db, "--user", "kepala")
    assert no_reason.returncode == 1 and "minimal 10 karakter" in no_reason.stderr
    shown = run("complaint", "reveal", hall["secret"], "--reason", "Menelepon pelapor soal jawaban", *db,
                "--user", "kepala")  # fmt: skip
    assert shown.returncode == 0 and "Siti Aminah (+6281277889900)" in shown.stdout
    # And who-read tells who looked at Siti's data, newest first
    read = run("audit", "who-read", "--nik", NIK, "--json", *db, login="kepala")
    assert read.returncode == 0, read.stderr
    seen = [(e["username"], e["action"]) for e in json.loads(read.stdout)["entries"]]
    assert seen == [("kepala", "correct"), ("kepala", "export"), ("petugas1", "search")]
    text = run("audit", "who-read", "--user", "kepala", *db, login="kepala").stdout
    assert "kepala" in text and "membuka identitas pengaduan" in text and "alasan: Menelepon pelapor" in text
    # Purge: nothing is past the default periods; with 30 days, the permit and the complaint are
    dry = run("purge", "--dry-run", *db, "--user", "kepala")
    assert dry.returncode == 0 and "Tidak ada data yang melewati masa simpan." in dry.stdout
    for key in ("privacy.applications_keep_days", "privacy.complaints_keep_days"):
        assert run("settings", "set", key, "30", *db).returncode == 0
    dry = run("purge", "--dry-run", *db, "--user", "kepala")
    assert "Uji coba (tidak ada yang diubah):" in dry.stdout
    assert "1  permohonan dianonimkan" in dry.stdout and "1  pengaduan dianonimkan" in dry.stdout
    report = json.loads(run("purge", "--json", *db, "--user", "kepala").stdout)
    assert report["dry_run"] is False and report["counts"]["applications"] == 1
    assert report["counts"]["complaints"] == 1 and report["periods"]["complaints_days"] == 30
    # Then the site holds nothing more on her, and the audit log counted the purge
    after = run(
        "person", "export", "--nik", NIK, "--out", str(tmp_path / "after.pdf"), *db, "--user", "kepala"
    )
    assert "0 permohonan, 0 pengaduan" in after.stdout
    audit = run("audit", "--entity", "privacy", *db)
    assert audit.returncode == 0 and audit.stdout.count("privacy.purge") == 2

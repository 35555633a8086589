"""Due dates as a site counts them (official list, estimate, cuti bersama per permit type), on
SQLite and PostgreSQL, and the ``p4-desk workdays`` / ``p4-desk nik check`` commands through the
real ``p4-desk`` entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from p4_desk.domain.working_days import Holiday
from p4_desk.errors import ValidationError
from p4_desk.services import applications as apps
from p4_desk.services import catalog, permits, site
from p4_desk.services.applications import DocumentInput, IntakeRequest
from p4_desk.services.permits import Requirement
from p4_desk.store import migrate
from p4_desk.store.db import Database
from tests.support.cli import add_cli_admin, login_env
from tests.support.pdf import pdf_text
from tests.support.sites import Clock, make_site

ROOT = Path(__file__).resolve().parents[2]
ESTIMATE_MARK = "perkiraan: daftar hari libur resmi belum terbit"


def _site(url: str, clock: Clock) -> Database:
    db = make_site(url, clock)
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    for code, name in (("REKLAME", "Izin Reklame"), ("SIP-BIDAN", "Surat Izin Praktik Bidan")):
        permits.add_permit_type(
            db, code, name, "DPMPTSP", working_days=5, requirements=[Requirement("KTP", "Fotokopi KTP-el")]
        )
    return db


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2027, 3, 5, 3, 0, tzinfo=UTC))  # Friday 5 March 2027, 10:00 WIB


@pytest.fixture
def db(db_url: str, clock: Clock):
    database = _site(db_url, clock)
    yield database
    database.dispose()


def _intake(db: Database, permit: str = "REKLAME") -> apps.ApplicationInfo:
    request = IntakeRequest(
        nik="1871015708900003",
        name="Siti Aminah",
        phone="0812-7788-9900",
        address="Jl. Teuku Umar No. 12, Kedaton",
        permit_type=permit,
        documents=(DocumentInput("KTP", True),),
    )
    return apps.intake(db, request)


def _receipt_text(db: Database, number: str) -> str:
    pdf = apps.receipt_pdf(db, number)
    return pdf_text(pdf)


def test_intake_across_idulfitri_2027_is_an_estimate_on_the_receipt(db: Database) -> None:
    # 2027 has no official list yet: 8 Nyepi, 9 cuti bersama, 10–11 Idulfitri, 12 and 15 cuti
    # bersama (the holidays package's 2027 calendar); 16, 17, 18, 19, 22 → Monday 22 March.
    info = _intake(db)
    assert info.due_date == date(2027, 3, 22)
    assert info.due_estimated and info.to_json()["due_estimated"] is True
    receipt = _receipt_text(db, info.registration_number)
    assert "Senin, 22 Maret 2027" in receipt and ESTIMATE_MARK in receipt
    # The record keeps how it was counted: a reprint still says so.
    assert apps.get_application(db, info.registration_number).due_estimated


def test_a_permit_type_that_works_on_cuti_bersama(db: Database) -> None:
    info = permits.set_cuti_bersama_rule(db, "SIP-BIDAN", True)
    assert info.cuti_bersama_is_workday is True
    # 9 (1), 12 (2), 15 (3), 16 (4), 17 (5): Wednesday 17 March.
    assert _intake(db, "SIP-BIDAN").due_date == date(2027, 3, 17)
    assert _intake(db, "REKLAME").due_date == date(2027, 3, 22)  # the site default still applies


def test_site_default_and_the_permit_types_own_choice(db: Database) -> None:
    site.set_setting(db, "workdays.cuti_bersama_is_workday", True)
    assert _intake(db, "REKLAME").due_date == date(2027, 3, 17)  # follows the site
    permits.set_cuti_bersama_rule(db, "SIP-BIDAN", False)
    assert _intake(db, "SIP-BIDAN").due_date == date(2027, 3, 22)  # its own choice wins
    permits.set_cuti_bersama_rule(db, "SIP-BIDAN", None)
    assert _intake(db, "SIP-BIDAN").due_date == date(2027, 3, 17)  # back to the site's


def test_an_official_list_for_2027_ends_the_estimate(db: Database) -> None:
    permits.import_holidays(
        db,
        [
            Holiday(date(2027, 1, 1), "Tahun Baru 2027 Masehi", "national"),
            Holiday(date(2027, 3, 10), "Idulfitri 1448 Hijriah", "national"),
            Holiday(date(2027, 3, 11), "Idulfitri 1448 Hijriah", "national"),
        ],
    )
    info = _intake(db)
    # 8 (1), 9 (2), 10–11 holidays, 12 (3), 15 (4), 16 (5): the official list alone.
    assert info.due_date == date(2027, 3, 16) and not info.due_estimated
    assert ESTIMATE_MARK not in _receipt_text(db, info.registration_number)


def test_an_intake_inside_the_official_years_is_not_an_estimate(db: Database, clock: Clock) -> None:
    clock.now = datetime(2026, 3, 17, 3, 0, tzinfo=UTC)  # Tuesday 17 March 2026
    info = _intake(db)
    # 18 cuti Nyepi, 19 Nyepi, 20 cuti Idulfitri, 23–24 cuti: 25, 26, 27, 30, 31 March.
    assert info.due_date == date(2026, 3, 31) and not info.due_estimated


def test_catalogue_carries_the_cuti_bersama_choice(db: Database) -> None:
    document = permits.export_catalog(db)
    assert {p["code"]: p["cuti_bersama_is_workday"] for p in document["permit_types"]} == {
        "REKLAME": None,
        "SIP-BIDAN": None,
    }
    for p in document["permit_types"]:
        if p["code"] == "REKLAME":
            p["cuti_bersama_is_workday"] = True
    assert permits.import_catalog(db, document).updated == 1
    assert permits.get_permit_type(db, "REKLAME").cuti_bersama_is_workday is True
    # A catalogue that does not say leaves the site's own choice alone.
    for p in document["permit_types"]:
        del p["cuti_bersama_is_workday"]
    assert permits.import_catalog(db, document).unchanged == 2
    assert permits.get_permit_type(db, "REKLAME").cuti_bersama_is_workday is True
    document["permit_types"][0]["cuti_bersama_is_workday"] = "ya"
    with pytest.raises(ValidationError, match="harus true, false atau null"):
        permits.import_catalog(db, document)


def test_upgrade_to_0007_keeps_permit_types_and_applications(tmp_path: Path) -> None:
    url = f"sqlite:///{(tmp_path / 'old.sqlite3').as_posix()}"
    old = Database(url)
    migrate.upgrade(old, "0005")
    with old.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO permit_type (id, code, name, agency, working_days, fee, legal_basis, product, "
                "retired, updated_at) VALUES (1, 'REKLAME', 'Izin Reklame', 'DPMPTSP', 5, 0, '', '', 0, "
                "'2026-03-04 03:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO application (id, registration_number, permit_type_id, state, nik, name, "
                "name_key, phone, address, fee, incomplete, received_at, due_date, receipt_prints, "
                "updated_at) VALUES "
                "(1, 'MPP-0001', 1, 'diterima', '1871015708900003', 'Siti', 'siti', '+6281277889900', "
                "'Kedaton', 0, 0, '2026-03-04 03:00:00', '2026-03-11', 0, '2026-03-04 03:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO application_document (id, application_id, requirement_code, name, mandatory, "
                "received, note, position) VALUES (1, 1, 'KTP', 'Fotokopi KTP-el', 1, 1, '', 0)"
            )
        )
    old.dispose()
    db = migrate.open_database(url)
    with db.read() as s:
        assert s.execute(text("SELECT cuti_bersama_is_workday FROM permit_type")).scalar_one() is None
        assert s.execute(text("SELECT due_estimated FROM application")).scalar_one() in (0, False)
        assert s.execute(text("SELECT count(*) FROM application_document")).scalar_one() == 1
    db.dispose()


# --- the commands, as a real process ------------------------------------------------------------


def p4_desk(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed ``p4-desk`` console script of this environment."""
    script = Path(sys.executable).with_name("p4-desk.exe" if os.name == "nt" else "p4-desk")
    assert script.exists(), f"{script} missing: the project is not installed in this environment"
    return subprocess.run(
        [str(script), *args], capture_output=True, text=True, timeout=120, cwd=ROOT, env=login_env(args)
    )  # logged in as the test admin: 'permit cuti-bersama' is an admin command


@pytest.fixture
def db_arg(sqlite_url: str) -> list[str]:
    database = _site(sqlite_url, Clock(datetime(2026, 3, 4, 3, 0, tzinfo=UTC)))
    permits.set_cuti_bersama_rule(database, "SIP-BIDAN", True)
    add_cli_admin(database)
    database.dispose()
    return ["--db", sqlite_url]


def test_workdays_add_across_idulfitri_2026(db_arg: list[str]) -> None:
    out = p4_desk("workdays", "add", "--from", "2026-03-17", "--days", "3", *db_arg, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["due"] == "2026-03-27" and data["estimated"] is False and data["service"] is None
    assert data["cuti_bersama_is_workday"] is False
    assert [(s["date"], s["kind"]) for s in data["skipped"]] == [
        ("2026-03-18", "cuti_bersama"),
        ("2026-03-19", "national"),
        ("2026-03-20", "cuti_bersama"),
        ("2026-03-23", "cuti_bersama"),
        ("2026-03-24", "cuti_bersama"),
    ]
    assert data["skipped"][1]["name"] == "Hari Suci Nyepi (Tahun Baru Saka 1948)"


def test_workdays_add_for_a_service_open_on_cuti_bersama(db_arg: list[str]) -> None:
    out = p4_desk(
        "workdays", "add", "--from", "2026-12-23", "--days", "2", "--service", "sip-bidan", *db_arg, "--json"
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["service"], data["due"], data["cuti_bersama_is_workday"]) == (
        "SIP-BIDAN",
        "2026-12-28",
        True,
    )
    assert [s["name"] for s in data["skipped"]] == ["Kelahiran Yesus Kristus"]
    # Without --service: the site default, Christmas' cuti bersama is not a working day.
    plain = json.loads(
        p4_desk("workdays", "add", "--from", "2026-12-23", "--days", "2", *db_arg, "--json").stdout
    )
    assert plain["due"] == "2026-12-29"
    assert [s["kind"] for s in plain["skipped"]] == ["cuti_bersama", "national"]


def test_workdays_add_in_an_estimated_year_says_so_in_indonesian(db_arg: list[str]) -> None:
    out = p4_desk("workdays", "add", "--from", "2027-03-05", "--days", "5", *db_arg, "--json")
    data = json.loads(out.stdout)
    assert data["due"] == "2027-03-22" and data["estimated"] is True and data["estimated_years"] == [2027]
    assert all(s["estimated"] for s in data["skipped"])
    text_out = p4_desk("workdays", "add", "--from", "2027-03-05", "--days", "5", *db_arg)
    assert text_out.returncode == 0, text_out.stderr
    assert "5 hari kerja sesudah Jumat, 5 Maret 2027: Senin, 22 Maret 2027 (perkiraan)" in text_out.stdout
    assert "Hari libur nasional: Hari Raya Idul Fitri (perkiraan)" in text_out.stdout
    assert "daftar hari libur resmi tahun 2027 belum tersedia" in text_out.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-30", "--days", "3"], "tanggal '2026-02-30' tidak valid"),
        (["--from", "2026-03-17", "--days", "-1"], "jumlah hari kerja harus 0–3650"),
        (["--from", "2026-03-17", "--days", "tiga"], "bukan bilangan bulat"),
        (["--from", "2026-03-17", "--days", "3", "--service", "TIDAK-ADA"], "tidak ada dalam katalog"),
    ],
)
def test_workdays_add_refuses_bad_input_in_indonesian(
    db_arg: list[str], args: list[str], message: str
) -> None:
    out = p4_desk("workdays", "add", *args, *db_arg)
    assert out.returncode != 0 and message in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_permit_cuti_bersama_command_changes_the_count(db_arg: list[str]) -> None:
    out = p4_desk("permit", "cuti-bersama", "REKLAME", "--workday", *db_arg)
    assert out.returncode == 0, out.stderr
    assert "Jenis izin REKLAME: cuti bersama dihitung sebagai hari kerja." in out.stdout
    listing = p4_desk("permit", "list", *db_arg).stdout
    assert "REKLAME      Izin Reklame — DPMPTSP, 5 hari kerja, Gratis, cuti bersama hari kerja" in listing
    data = json.loads(
        p4_desk(
            "workdays",
            "add",
            "--from",
            "2026-12-23",
            "--days",
            "2",
            "--service",
            "REKLAME",
            *db_arg,
            "--json",
        ).stdout
    )
    assert data["due"] == "2026-12-28"
    p4_desk("permit", "cuti-bersama", "REKLAME", "--site-default", *db_arg)
    again = p4_desk(
        "workdays", "add", "--from", "2026-12-23", "--days", "2", "--service", "REKLAME", *db_arg, "--json"
    )
    assert json.loads(again.stdout)["due"] == "2026-12-29"


def test_nik_check_names_the_district(db_arg: list[str]) -> None:
    out = p4_desk("nik", "check", "1871015708900003", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["district_code"], data["district"]) == ("187101", "Kedaton")
    assert (data["regency"], data["province"], data["sex"]) == ("Kota Bandar Lampung", "Lampung", "P")
    text_out = p4_desk("nik", "check", "1871015708900003")
    assert "NIK valid: perempuan, lahir 17 Agustus 1990, Kecamatan Kedaton, Kota Bandar Lampung, Lampung" in (
        text_out.stdout
    )


def test_nik_check_refuses_an_unknown_district_and_explains_an_old_code() -> None:
    out = p4_desk("nik", "check", "1871990107900001", "--json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["valid"] is False and data["reasons"] == ["Kode kecamatan 187199 tidak dikenal"]
    assert data["district"] is None and data["district_code"] == "187199"
    old = p4_desk("nik", "check", "9101010107900001")
    assert old.returncode == 0, old.stderr
    assert "Kecamatan Merauke, Kabupaten Merauke, Papua" in old.stdout
    assert "kini 930101 Merauke, Kabupaten Merauke, Papua Selatan" in old.stdout

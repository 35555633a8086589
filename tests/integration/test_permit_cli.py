"""``p4-desk permit|nik|application`` as a real process on a real SQLite file."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest

from p4_desk.services import catalog, permits
from p4_desk.services.permits import Requirement
from tests.support.cli import add_cli_admin
from tests.support.cli import run_p4 as run
from tests.support.sites import make_site


@pytest.fixture
def db_arg(sqlite_url: str) -> list[str]:
    db = make_site(sqlite_url)
    add_cli_admin(db)
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    permits.add_permit_type(
        db,
        "REKLAME",
        "Izin Penyelenggaraan Reklame",
        "DPMPTSP",
        working_days=5,
        fee=150_000,
        requirements=[Requirement("KTP", "Fotokopi KTP-el"), Requirement("DESAIN", "Gambar desain reklame")],
    )
    db.dispose()
    return ["--db", sqlite_url]


def test_permit_list_json(db_arg: list[str]) -> None:
    out = run("permit", "list", *db_arg, "--json")
    assert out.returncode == 0, out.stderr
    [permit] = json.loads(out.stdout)
    assert {k: permit[k] for k in ("code", "name", "agency", "working_days", "fee")} == {
        "code": "REKLAME",
        "name": "Izin Penyelenggaraan Reklame",
        "agency": "DPMPTSP",
        "working_days": 5,
        "fee": 150000,
    }
    assert [r["code"] for r in permit["requirements"]] == ["KTP", "DESAIN"]


def test_permit_export_then_import(db_arg: list[str], tmp_path: Path) -> None:
    target = tmp_path / "katalog.json"
    assert run("permit", "export", *db_arg, "--out", str(target)).returncode == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "p4-desk-catalog"
    data["permit_types"][0]["fee"] = 0
    target.write_text(json.dumps(data), encoding="utf-8")
    out = run("permit", "import", str(target), *db_arg, "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["updated"] == 1
    bad = tmp_path / "rusak.json"
    bad.write_text("{bukan json", encoding="utf-8")
    failed = run("permit", "import", str(bad), *db_arg)
    assert failed.returncode == 1 and "bukan JSON" in failed.stderr


def test_nik_check_json() -> None:
    out = run("nik", "check", "1871015708900003", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {
        "valid": True,
        "reasons": [],
        "sex": "P",
        "birth_date": "1990-08-17",
        "province_code": "18",
        "province": "Lampung",
        "regency_code": "1871",
        "regency": "Kota Bandar Lampung",
        "district_code": "187101",
        "district": "Kedaton",
        "region_notes": [],
        "region_now": None,
    }
    bad = run("nik", "check", "1871015708900000", "--json")
    assert bad.returncode == 1
    result = json.loads(bad.stdout)
    assert result["valid"] is False and any("0000" in r for r in result["reasons"])


def test_application_intake_status_receipt_and_search(db_arg: list[str], tmp_path: Path) -> None:
    form = tmp_path / "permohonan.json"
    form.write_text(
        json.dumps(
            {
                "nik": "1871015708900003",
                "name": "Siti Aminah",
                "phone": "0812-7788-9900",
                "email": "siti@contoh.id",
                "address": "Jl. Teuku Umar No. 12, Kedaton",
                "nib": "1234567890123",
                "permit_type": "REKLAME",
                "documents": [{"requirement": "KTP", "received": True, "note": ""}],
            }
        ),
        encoding="utf-8",
    )
    out = run("application", "intake", "--json-file", str(form), *db_arg, "--json", "--user", "petugas1")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) == {
        "registration_number",
        "due_date",
        "due_estimated",
        "clock",
        "state",
        "missing_documents",
    }
    assert result["state"] == "received" and result["missing_documents"] == ["DESAIN"]
    # accepted incomplete: the clock waits for the missing design drawing
    assert (result["clock"]["state"], result["clock"]["waiting_for"]) == ("stopped", "documents")
    number = result["registration_number"]

    moved = run("application", "status", number, "--set", "verifying", "--note", "cek", *db_arg, "--json")
    assert moved.returncode == 0, moved.stderr
    assert json.loads(moved.stdout)["state"] == "verifying"
    illegal = run("application", "status", number, "--set", "ready", *db_arg)
    assert illegal.returncode == 1 and "tidak dapat diubah" in illegal.stderr
    # an officer used to the old words: taken, with a note of the new identifier
    old_word = run("application", "status", number, "--set", "diproses", *db_arg, "--json")
    assert old_word.returncode == 0, old_word.stderr
    assert json.loads(old_word.stdout)["state"] == "processing"
    assert "status 'diproses' kini ditulis 'processing'" in old_word.stderr
    unknown = run("application", "status", number, "--set", "selesai", *db_arg)
    assert unknown.returncode == 1
    assert "Status permohonan 'selesai' tidak dikenal (pilihan: received, verifying," in unknown.stderr

    pdf_path = tmp_path / "tanda-terima.pdf"
    receipt = run("application", "receipt", number, "--out", str(pdf_path), "--copy", *db_arg)
    assert receipt.returncode == 0, receipt.stderr
    text = pypdf.PdfReader(io.BytesIO(pdf_path.read_bytes())).pages[0].extract_text()
    assert number in text and "SALINAN" in text and "1871********0003" in text
    assert "1871015708900003" not in text and "Rp 150.000" in text

    found = run("application", "search", "siti", *db_arg, "--json")
    assert [a["registration_number"] for a in json.loads(found.stdout)["applications"]] == [number]


def test_invalid_intake_file_reports_each_field(db_arg: list[str], tmp_path: Path) -> None:
    form = tmp_path / "salah.json"
    form.write_text(
        json.dumps({"nik": "123", "name": "S", "phone": "abc", "address": "", "permit_type": "REKLAME"})
    )
    out = run("application", "intake", "--json-file", str(form), *db_arg, "--json")
    assert out.returncode == 1
    assert set(json.loads(out.stdout)["errors"]) == {"nik", "name", "phone", "address"}
    assert "NIK harus 16 digit" in out.stderr


def test_retire_and_holiday_import(db_arg: list[str], tmp_path: Path) -> None:
    assert run("permit", "retire", "REKLAME", *db_arg).returncode == 0
    assert json.loads(run("permit", "list", *db_arg, "--json").stdout) == []
    listed = json.loads(run("permit", "list", "--all", *db_arg, "--json").stdout)
    assert [(p["code"], p["retired"]) for p in listed] == [("REKLAME", True)]
    new_year = {"date": "2027-01-01", "name": "Tahun Baru 2027 Masehi", "kind": "national"}
    holidays = tmp_path / "libur.json"
    holidays.write_text(json.dumps({"holidays": [new_year]}))
    out = run("permit", "holidays", str(holidays), *db_arg, "--json")
    assert out.returncode == 0, out.stderr
    exported = json.loads(run("permit", "export", *db_arg).stdout)
    assert new_year in exported["holidays"]
    holidays.write_text(json.dumps({"holidays": [{**new_year, "date": "2027-02-30"}]}))
    assert run("permit", "holidays", str(holidays), *db_arg).returncode == 1


def test_a_receipt_that_could_not_be_written_is_not_counted_and_others_files_are_kept(
    db_arg: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("P4_DESK_DATA_DIR", str(tmp_path / "data"))  # the ledger of files P4 wrote
    form = tmp_path / "permohonan.json"
    application = {"nik": "1871015708900003", "name": "Siti Aminah", "phone": "0812-7788-9900",
                   "address": "Jl. Teuku Umar No. 12", "permit_type": "REKLAME",
                   "documents": [{"requirement": "KTP", "received": True}]}  # fmt: skip
    form.write_text(json.dumps(application), encoding="utf-8")
    intake = run("application", "intake", "--json-file", str(form), *db_arg, "--json", "--user", "petugas1")
    assert intake.returncode == 0, intake.stderr
    number = json.loads(intake.stdout)["registration_number"]

    def receipt_text(path: Path) -> str:
        return pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages[0].extract_text()

    # a folder that cannot exist (a file is in the way): refused, nothing left, not counted
    (tmp_path / "penghalang").write_text("x", encoding="utf-8")
    target = tmp_path / "penghalang" / "tt.pdf"
    before = sorted(p.name for p in tmp_path.iterdir())
    blocked = run("application", "receipt", number, "--out", str(target), *db_arg)
    assert blocked.returncode == 1  # the OS's reason in Indonesian too
    assert blocked.stderr == (
        f"Galat: Berkas {target} tidak dapat diperiksa: sebagian jalurnya bukan folder.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    first = tmp_path / "tt.pdf"
    assert run("application", "receipt", number, "--out", str(first), *db_arg).returncode == 0
    assert "SALINAN" not in receipt_text(first)  # the failed print did not use up the original
    # a file P4 Desk wrote may be written again; a reprint is a copy
    assert run("application", "receipt", number, "--out", str(first), *db_arg).returncode == 0
    assert "SALINAN" in receipt_text(first)

    # someone else's file is not overwritten unless asked
    theirs = tmp_path / "laporan-saya.pdf"
    theirs.write_bytes(b"milik orang lain")
    refused = run("application", "receipt", number, "--out", str(theirs), *db_arg)
    assert refused.returncode == 1
    assert "bukan buatan P4 Desk" in refused.stderr and "--force" in refused.stderr
    assert theirs.read_bytes() == b"milik orang lain"
    forced = run("application", "receipt", number, "--out", str(theirs), "--force", *db_arg)
    assert forced.returncode == 0, forced.stderr
    assert number in receipt_text(theirs)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]

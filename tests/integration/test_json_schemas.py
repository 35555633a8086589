"""The published JSON formats of `application intake`, `complaint add` and `survey add`.

The commands validate every file against the schema in ``p4_desk/assets/schemas`` (the copy in
``docs/schemas`` is what integrators read) before anything is written; each violation is named
in Indonesian.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from p4_desk.resources import resource
from tests.support.cli import add_cli_admin, run_p4
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("application-intake", "complaint", "survey-response")


def run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_p4(*args, "--db", url)  # logged in, as automation does (the commands need an officer)


def site_with_admin(url: str) -> None:
    db = make_site(url)
    add_cli_admin(db)
    db.dispose()


def write(folder: Path, name: str, content: Any) -> str:
    path = folder / name
    path.write_text(json.dumps(content), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name", NAMES)
def test_the_published_schema_is_the_one_the_program_uses(name: str) -> None:
    shipped = resource("schemas", f"{name}.schema.json")
    published = ROOT / "docs" / "schemas" / f"{name}.schema.json"
    assert published.read_bytes() == shipped.read_bytes(), f"cp {shipped} {published}"
    Draft202012Validator.check_schema(json.loads(shipped.read_text(encoding="utf-8")))


def test_an_intake_file_of_the_wrong_shape_is_named_field_by_field(sqlite_url: str, tmp_path: Path) -> None:
    site_with_admin(sqlite_url)
    form = write(tmp_path, "permohonan.json", {
        "nik": 1871015708900003,  # a number: 16 digits do not survive as a JSON number
        "name": "Siti Aminah",
        "phone": "0812-7788-9900",
        "permit_type": "REKLAME",
        "umur": 34,
        "documents": {"KTP": True},
    })  # fmt: skip
    text = run(sqlite_url, "application", "intake", "--json-file", form)
    assert text.returncode == 1 and "Traceback" not in text.stderr
    for message in (
        "tidak sesuai format application-intake.schema.json",
        "Kolom 'address' wajib ada.",
        "Kolom 'nik' harus berupa teks.",
        "Kolom 'umur' tidak dikenal.",
        "Kolom 'documents' harus berupa daftar [...].",
    ):
        assert message in text.stderr, text.stderr
    machine = run(sqlite_url, "application", "intake", "--json-file", form, "--json")
    assert set(json.loads(machine.stdout)["errors"]) == {"address", "nik", "umur", "documents"}
    assert json.loads(run(sqlite_url, "application", "search", "Siti", "--json").stdout)["applications"] == []


def test_a_complaint_file_of_the_wrong_shape_writes_nothing(sqlite_url: str, tmp_path: Path) -> None:
    site_with_admin(sqlite_url)
    bad = write(tmp_path, "aduan.json", {
        "kind": "keluhan",
        "agency": "DUKCAPIL",
        "description": "Antrian terlalu lama.",
        "service_date": "30-11-2026",
        "documents": [{"requirement": "KTP"}],
    })  # fmt: skip
    refused = run(sqlite_url, "complaint", "add", "--json-file", bad)
    assert refused.returncode == 1
    assert "Kolom 'kind' harus salah satu dari: aspirasi, pengaduan, permintaan_informasi." in refused.stderr
    assert "Kolom 'service_date' harus tanggal TTTT-BB-HH (diterima: 30-11-2026)." in refused.stderr
    assert "Kolom 'documents' tidak dikenal." in refused.stderr
    assert json.loads(run(sqlite_url, "complaint", "list", "--json").stdout) == []


def test_survey_answers_are_checked_against_the_nine_elements(sqlite_url: str, tmp_path: Path) -> None:
    site_with_admin(sqlite_url)
    answers: dict[str, Any] = {f"U{i}": 3 for i in range(1, 9)}  # U9 forgotten
    answers["U5"] = "4"  # typed as text on a form export
    refused = run(sqlite_url, "survey", "add", "--json-file",
                  write(tmp_path, "s.json", {"service": "KTP", "answers": answers}))  # fmt: skip
    assert refused.returncode == 1
    assert "Nilai unsur U5 harus 1 sampai 4." in refused.stderr
    assert "Kolom 'answers.U9' wajib ada." in refused.stderr
    answers.update(U5=4, U9=2)
    accepted = run(sqlite_url, "survey", "add", "--json-file",
                   write(tmp_path, "s.json", {"service": "KTP", "answers": answers}))  # fmt: skip
    assert accepted.returncode == 0, accepted.stderr

"""`p4-desk complaint`, `survey` and `ikm` as real processes: JSON files in, JSON and PDFs out."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pypdf
import pytest

from p4_desk.services import complaints, queue, users
from p4_desk.store.migrate import open_database
from p4_desk.store.types import utcnow
from tests.support.cli import SiteCli, add_cli_admin
from tests.support.sites import make_site


class Cli(SiteCli):
    """The commands on the site's database, writing their files into ``folder``."""

    def __init__(self, url: str, folder: Path) -> None:
        super().__init__(url)
        self.folder = folder

    def file(self, name: str, content: Any) -> str:
        path = self.folder / name
        path.write_text(json.dumps(content), encoding="utf-8")
        return str(path)


@pytest.fixture
def cli(sqlite_url: str, tmp_path: Path) -> Cli:
    db = make_site(sqlite_url, utcnow)  # real clock: the commands run "now"
    add_cli_admin(db)
    db.dispose()
    return Cli(sqlite_url, tmp_path)


def today() -> str:
    return datetime.now(ZoneInfo("Asia/Jakarta")).date().isoformat()


def pdf_text(path: str) -> str:
    reader = pypdf.PdfReader(io.BytesIO(Path(path).read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


COMPLAINT: dict[str, Any] = {
    "kind": "pengaduan",
    "agency": "DUKCAPIL",
    "service": "KTP",
    "description": "Petugas meminta biaya tambahan untuk mempercepat KTP-el.",
    "identity": "named",
    "reporter_name": "Siti Aminah",
    "reporter_phone": "0812 7000 1234",
    "latitude": "-5,4292",
    "longitude": "105,2610",
    "place": "MPP Kota Bandar Lampung",
}


def test_complaint_from_file_to_steps_and_receipt(cli: Cli) -> None:
    filed = cli.json("complaint", "add", "--json-file", cli.file("c.json", COMPLAINT), "--user", "petugas1")
    number = filed["number"]
    assert number.startswith("PGD-") and filed["state"] == "received" and filed["officer"] == "petugas1"
    assert filed["reporter_phone"] == "+6281270001234"
    assert set(filed["deadlines"]) >= {"verify_forward", "follow_up_plan"}

    listed = cli.json("complaint", "list")
    assert [c["number"] for c in listed] == [number]
    assert cli.json("complaint", "list", "--overdue") == []

    verified = cli.json("complaint", "step", number, "--to", "verified", "--user", "petugas1")
    assert verified["state"] == "verified" and verified["state_label"] == "Diverifikasi"
    wrong = cli.run("complaint", "step", number, "--to", "answered", ok=False)
    assert wrong.returncode == 1
    assert "Galat: Status pengaduan tidak dapat diubah dari 'Diverifikasi'" in wrong.stderr
    history = cli.run("complaint", "show", number).stdout  # each step named as the officer reads it
    assert "Diterima" in history and "Diverifikasi" in history
    assert "verified" not in history and "received" not in history

    out = str(cli.folder / "tanda-terima.pdf")
    cli.run("complaint", "receipt", number, "--out", out)
    text = pdf_text(out)
    assert number in text and "Siti Aminah" in text and "MPP Kota Bandar Lampung" in text


def test_bad_coordinates_and_bad_files_are_refused_in_indonesian(cli: Cli) -> None:
    bad = cli.run(
        "complaint", "add", "--json-file", cli.file("bad.json", {**COMPLAINT, "latitude": "-95"}), ok=False
    )
    assert bad.returncode == 1 and "Galat: Lintang (latitude) harus antara -90 dan 90" in bad.stderr
    broken = cli.folder / "broken.json"
    broken.write_text("{kind: pengaduan", encoding="utf-8")
    result = cli.run("complaint", "add", "--json-file", str(broken), ok=False)
    assert result.returncode == 1  # where the file is broken, so the officer can find it
    assert result.stderr == f"Galat: Berkas {broken} bukan JSON yang sah (baris 1, kolom 2).\n"
    assert cli.json("complaint", "list") == []


def test_overdue_complaint_shows_up_flagged(cli: Cli) -> None:
    # Filed thirty days ago (the clock of that day) and never verified: long past three working days.
    month_ago = open_database(cli.url, clock=lambda: utcnow() - timedelta(days=30))
    old = complaints.file_complaint(month_ago, **{**COMPLAINT, "latitude": None, "longitude": None})
    month_ago.dispose()
    cli.json("complaint", "add", "--json-file", cli.file("new.json", COMPLAINT))

    overdue = cli.json("complaint", "list", "--overdue")
    assert [c["number"] for c in overdue] == [old.number]
    assert "verify_forward" in overdue[0]["overdue"]
    text = cli.run("complaint", "list", "--overdue").stdout
    assert old.number in text and "TERLAMBAT: verifikasi dan penerusan" in text


def test_survey_answers_and_the_index_of_the_day(cli: Cli) -> None:
    db = open_database(cli.url)
    queue.set_counter_state(db, "L1", "open", users.get_user(db, "petugas1").actor)
    ticket = queue.issue_ticket(db, "KTP")
    queue.call_next(db, "L1")
    queue.start(db, ticket.id)
    queue.finish(db, ticket.id)
    db.dispose()

    first = {"ticket": ticket.number, "answers": {f"U{i}": 4 for i in range(1, 10)}}
    cli.run("survey", "add", "--json-file", cli.file("s1.json", first))
    again = cli.run("survey", "add", "--json-file", cli.file("s1.json", first), ok=False)
    assert again.returncode == 1 and f"Tiket {ticket.number} sudah mengisi survei" in again.stderr
    second: dict[str, Any] = {
        "service": "KTP",
        "answers": {f"U{i}": (3 if i != 3 else 1) for i in range(1, 10)},
    }
    cli.run("survey", "add", "--json-file", cli.file("s2.json", second))
    bad = cli.run(
        "survey",
        "add",
        "--json-file",
        cli.file("s3.json", {"answers": {**second["answers"], "U5": 7}}),
        ok=False,
    )
    assert bad.returncode == 1 and "Nilai unsur U5 harus 1 sampai 4" in bad.stderr

    ikm = cli.json("ikm", "--from", today(), "--to", today(), "--service", "KTP")
    # two respondents: (4 + 3) / 2 = 3.5 for eight elements, (4 + 1) / 2 = 2.5 for U3;
    # Σ NRR = 8 × 3.5 + 2.5 = 30.5; IKM = 30.5 / 9 × 25 = 84.72 → B
    assert ikm["respondents"] == 2 and ikm["visitors"] == 1 and ikm["sample_size"] == 1
    assert ikm["nrr"]["U1"] == 3.5 and ikm["nrr"]["U3"] == 2.5
    assert ikm["ikm"] == 84.72 and ikm["grade"] == "B"

    out = str(cli.folder / "ikm.pdf")
    cli.run("ikm", "report", "--from", today(), "--to", today(), "--out", out)
    text = pdf_text(out)
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in text and "84,72" in text

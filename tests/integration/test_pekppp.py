"""PEKPPP evidence pack from a real SQLite hall: the services whose standard is incomplete, read
back from the PDF and the XLSX; IKM samples against the Krejcie–Morgan table; follow-ups and
innovations through the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import requests
from openpyxl import load_workbook
from pypdf import PdfReader

from p4_desk.cli import main
from p4_desk.config import Settings
from p4_desk.errors import NotFound
from p4_desk.services import catalog, catalog_files, complaints, queue, site, standards, surveys, users
from p4_desk.services.central_inbox import CentralInbox
from p4_desk.services.complaints.records import site_holidays
from p4_desk.services.pekppp import build_pack, figures, records
from p4_desk.store.db import Database
from p4_desk.store.models import OutboxEvent
from p4_desk.sync.agent import Backoff, SyncAgent
from p4_desk.sync.enrolment import enrol, open_client
from tests.integration.central_server import REPO_ROOT, running_central
from tests.support.cli import add_cli_admin, login_env
from tests.support.sites import Clock, make_site

FOLLOWED_UP = "Unsur terendah yang sudah ditindaklanjuti"
FULL = {
    "requirements": "KTP-el\nKartu Keluarga",
    "procedure": "Ambil antrian\nPerekaman",
    "time": "± 30 menit",
    "fee": 0,
    "product": "KTP-el",
    "complaints": "Meja pengaduan, SP4N-LAPOR!",
    "legal_basis": "UU 24/2013",
    "published": True,
}


@pytest.fixture
def db(sqlite_url: str, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> Database:
    database = make_site(sqlite_url, clock)
    add_cli_admin(database)
    for key, value in login_env().items():
        if key.startswith("P4_DESK_"):
            monkeypatch.setenv(key, value)
    # KTP complete and published; KK complete but the fee missing; PKB untouched
    standards.set_standard(database, "KTP", **FULL)
    standards.set_standard(database, "KK", **{**FULL, "fee": None})
    site.set_setting(database, "standard.maklumat_text", "Kami sanggup melayani sesuai standar.")
    return database


def run(db: Database, *args: str) -> int:
    return main([*args, "--db", db.url])


def test_pack_lists_exactly_the_incomplete_services_in_pdf_and_xlsx(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a hall where KTP's standard is complete, KK lacks its fee and PKB has nothing
    # When the supervisor prints the pack as PDF and as XLSX
    assert run(db, "pekppp", "--year", "2026", "--out", str(tmp_path / "bukti.pdf")) == 0
    assert run(db, "pekppp", "--year", "2026", "--out", str(tmp_path / "bukti.xlsx")) == 0
    # Then the PDF names KK and PKB as incomplete, not KTP
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "bukti.pdf").pages)
    assert "BUKTI DUKUNG EVALUASI PEKPPP" in text
    assert "Layanan dengan standar lengkap (6 komponen)" in text and "1 dari 3" in text
    assert "Kami sanggup melayani sesuai standar." in text
    assert "diisi manual" in text
    book = load_workbook(tmp_path / "bukti.xlsx", read_only=True)
    sheet = book["Standar pelayanan per layanan"]
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0] and " — " in str(r[0])]
    status = {str(r[0]).split(" — ")[0]: r[-1] for r in rows}
    assert status == {"KTP": "Lengkap", "KK": "Belum lengkap", "PKB": "Belum lengkap"}
    fee_column = list(next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "Layanan")).index(
        "Biaya/tarif"
    )
    assert {str(r[0]).split(" — ")[0]: r[fee_column] for r in rows}["KK"] == "Belum diisi"
    # the PDF's incomplete table rows say the same: exactly two "Belum lengkap"
    assert text.count("Belum lengkap") == 2
    summary = book["Ringkasan"]
    manual = [r for r in summary.iter_rows(values_only=True) if r and r[3] == "diisi manual"]
    assert manual, "what the system cannot know is listed as diisi manual"
    # and the command said which services to complete
    out = capsys.readouterr().out
    assert "KK — Kartu Keluarga: Biaya/tarif" in out and "KTP —" not in out.split("belum lengkap:")[-1]


def test_pack_goes_to_the_province_as_one_event(db: Database, tmp_path: Path) -> None:
    assert run(db, "pekppp", "--year", "2026", "--out", str(tmp_path / "bukti.pdf")) == 0
    with db.read() as s:
        events = [e for e in s.query(OutboxEvent).all() if e.type == "pekppp.summary"]
    assert len(events) == 1
    payload = events[0].payload
    assert payload["year"] == 2026 and payload["site"] == "MPP-TEST"
    assert sorted(line.split(" — ")[0] for line in payload["incomplete_services"]) == ["KK", "PKB"]
    assert [a["weight"] for a in payload["aspects"]] == [24, 25, 18, 11, 10, 12]


def test_bad_output_name_is_refused_in_indonesian_and_nothing_written(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db, "pekppp", "--year", "2026", "--out", str(tmp_path / "bukti.docx")) != 0
    assert "harus berakhiran .pdf atau .xlsx" in capsys.readouterr().err
    assert not list(tmp_path.glob("bukti*"))


@pytest.mark.parametrize(("served", "sample"), [(20, 19)])  # Krejcie & Morgan (1970), table 1
def test_ikm_sample_size_per_service_is_the_krejcie_morgan_table(
    db: Database, clock: Clock, served: int, sample: int
) -> None:
    # Given `served` finished KTP tickets in the first quarter and 3 survey answers
    officer = users.get_user(db, "petugas1").actor
    queue.set_counter_state(db, "L1", "open", officer)
    for n in range(served):
        ticket = queue.issue_ticket(db, "KTP")
        assert queue.call_next(db, "L1") is not None
        queue.start(db, ticket.id)
        clock.advance(minutes=1)
        queue.finish(db, ticket.id)
        if n < 3:
            surveys.record_survey(db, {f"U{i}": 3 if i != 3 else 2 for i in range(1, 10)}, ticket=ticket.id)
    # When the pack is built, Then its IKM table has the published minimum sample for that population
    pack = build_pack(db, 2026)
    ikm = next(t for t in pack.aspects[0].tables if t.title.startswith("IKM per layanan"))
    row = next(r for r in ikm.rows if r[0].startswith("KTP") and r[1] == "Triwulan I 2026")
    assert row[2:6] == (str(served), str(sample), "3", "Tidak")
    assert row[-1].startswith("U3 Waktu penyelesaian")  # the weakest element, to follow up
    followed = next(
        f for f in pack.aspects[0].figures if f.label == "Unsur terendah yang sudah ditindaklanjuti"
    )
    assert followed.value == "0 dari 1"
    # When the supervisor records an action on U3 for that quarter, Then the run is followed up
    records.add_ikm_action(
        db, element="U3", action="Tambah petugas", owner="Koordinator", due_on=date(2026, 4, 30),
        period_from=date(2026, 1, 1), period_to=date(2026, 3, 31), service="KTP",
    )  # fmt: skip
    pack = build_pack(db, 2026)
    followed = next(
        f for f in pack.aspects[0].figures if f.label == "Unsur terendah yang sudah ditindaklanjuti"
    )
    assert followed.value == "1 dari 1"


def test_follow_up_and_innovation_from_the_command_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(
        db, "ikm-action", "add", "--element", "u3", "--action", "Tambah petugas pada jam sibuk",
        "--owner", "Koordinator Dukcapil", "--due", "2026-04-30", "--from", "2026-01-01",
        "--to", "2026-03-31", "--service", "KTP", "--json",
    ) == 0  # fmt: skip
    added = json.loads(capsys.readouterr().out)
    assert run(db, "ikm-action", "done", str(added["id"]), "--date", "2026-03-04") == 0
    assert (
        run(
            db, "innovation", "add", "--service", "KTP", "--name", "Antrian daring", "--started", "2026-02-01"
        )
        == 0
    )
    capsys.readouterr()
    assert run(db, "ikm-action", "add", "--element", "U10", "--action", "x", "--owner", "y",
               "--due", "2026-04-30", "--from", "2026-01-01", "--to", "2026-03-31") != 0  # fmt: skip
    assert "Unsur IKM 'U10' tidak dikenal" in capsys.readouterr().err
    pack = build_pack(db, 2026)
    actions = next(t for t in pack.aspects[0].tables if t.title == "Tindak lanjut hasil IKM")
    assert len(actions.rows) == 1
    assert actions.rows[0][4:] == (
        "Tambah petugas pada jam sibuk", "Koordinator Dukcapil", "30 April 2026", "4 Maret 2026", "Selesai",
    )  # fmt: skip
    innovations = pack.aspects[5].tables[0]
    assert [r[0] for r in innovations.rows] == ["Antrian daring"]
    assert innovations.rows[0][2] == "1 Februari 2026"


@pytest.mark.usefixtures("memory_keyring")
def test_the_province_sees_the_hall_pack_after_sync(db: Database, tmp_path: Path) -> None:
    # Given a hall enrolled with the real central server that printed its 2026 pack
    with running_central(tmp_path / "central") as central:
        enrol(db, Settings.load(), central.url, "MPP-TEST", central.add_site("MPP-TEST", "MPP Uji Coba"))
        assert run(db, "pekppp", "--year", "2026", "--out", str(tmp_path / "bukti.xlsx")) == 0
        # When the sync agent pushes
        agent = SyncAgent(db, open_client(db, Settings.load()), CentralInbox(db), backoff=Backoff(0.01, 0.05))
        report = agent.run_once()
        assert report.failed == 0 and report.pending == 0
        # Then the province reads the same incomplete services and figures as the hall printed
        url = f"{central.url}/api/v1/province/sites/MPP-TEST/pekppp"
        headers = {"Authorization": f"Bearer {central.admin_token}"}
        answer = requests.get(url, params={"year": 2026}, headers=headers, timeout=10)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert sorted(line.split(" — ")[0] for line in body["incomplete_services"]) == ["KK", "PKB"]
        policy = body["aspects"][0]
        assert policy["name"] == "Kebijakan pelayanan" and policy["weight"] == 24
        assert {"label": "Layanan dengan standar lengkap (6 komponen)", "value": "1 dari 3"}.items() <= next(
            f for f in policy["figures"] if f["label"].startswith("Layanan dengan standar")
        ).items()
        # a year the hall never sent is a 404 in Indonesian
        missing = requests.get(url, params={"year": 2025}, headers=headers, timeout=10)
        assert missing.status_code == 404 and "belum mengirim bukti PEKPPP tahun 2025" in missing.text
        # the province's staff read it with their own login (as on /provinsi); nobody else does
        staff = subprocess.run(
            [sys.executable, "-m", "p4_desk.central", "province-staff", "add", "rina", "Rina Wulandari",
             "--password-stdin", "--db", central.db_url],
            input="Sandi-Provinsi-2026\n", capture_output=True, text=True, cwd=REPO_ROOT, timeout=120,
            env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        )  # fmt: skip
        assert staff.returncode == 0, staff.stderr
        login = requests.post(
            f"{central.url}/provinsi/masuk",
            data={"username": "rina", "password": "Sandi-Provinsi-2026"},
            allow_redirects=False,
            timeout=10,
        )
        assert login.status_code == 303, login.text
        as_staff = requests.get(url, params={"year": 2026}, cookies=login.cookies, timeout=10)
        assert (
            as_staff.status_code == 200
            and as_staff.json()["incomplete_services"] == body["incomplete_services"]
        )
        assert requests.get(url, params={"year": 2026}, timeout=10).status_code == 401


def test_the_catalogue_file_carries_the_standards_and_the_maklumat(
    db: Database, tmp_path: Path, clock: Clock
) -> None:
    # Given the hall's catalogue exported to a file
    path = tmp_path / "katalog.json"
    catalog_files.export_catalog_file(db, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["maklumat"]["text"] == "Kami sanggup melayani sesuai standar."
    # When a second hall with the same services imports it
    other = make_site(f"sqlite:///{tmp_path / 'kedua.sqlite3'}", clock)
    catalog_files.import_catalog_file(other, path)
    # Then its standards and maklumat are the first hall's
    assert standards.list_standards(other) == standards.list_standards(db)
    assert standards.maklumat(other).text == "Kami sanggup melayani sesuai standar."
    # When a file names a service the hall does not have, nothing of it is applied
    data["service_standards"].append({"service": "PASPOR", "requirements": ["KTP-el"]})
    data["maklumat"]["text"] = "Teks baru"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(NotFound, match="Layanan 'PASPOR' tidak ditemukan"):
        catalog_files.import_catalog_file(other, path)
    assert standards.maklumat(other).text == "Kami sanggup melayani sesuai standar."
    other.dispose()


def test_hours_open_are_the_counters_open_time_inside_the_standard_hours(db: Database, clock: Clock) -> None:
    # Given KTP open 08:00–12:00 on Wednesdays only, served by Loket 1 and Loket 2
    catalog.update_service(db, "KTP", hours={"wed": [["08:00", "12:00"]]})
    # When Loket 1 opens at 10:00 WIB and Loket 2 at 10:30, Loket 1 closes 11:00, Loket 2 12:30
    queue.set_counter_state(db, "L1", "open")
    clock.advance(minutes=30)
    queue.set_counter_state(db, "L2", "open")
    clock.advance(minutes=30)
    queue.set_counter_state(db, "L1", "closed")
    clock.advance(minutes=90)
    queue.set_counter_state(db, "L2", "closed")
    clock.advance(hours=2)  # 14:30 WIB, after the standard hours
    # Then KTP was open 2 of its hours that day (10:00–12:00; 12:00–12:30 is outside them)
    hours = {h.service: h for h in figures.opening_hours_kept(db, 2026, site_holidays(db))}
    assert hours["KTP"].open_hours == pytest.approx(2.0)
    calendar = site_holidays(db)
    first = date(2026, 1, 1).toordinal()
    wednesdays = [
        day for day in map(date.fromordinal, range(first, date(2026, 3, 5).toordinal()))
        if day.weekday() == 2 and calendar.is_working_day(day)
    ]  # fmt: skip
    assert hours["KTP"].days_standard == len(wednesdays)
    assert hours["KTP"].standard_hours == pytest.approx(4.0 * hours["KTP"].days_standard)
    assert hours["PKB"].standard_hours is None  # always open: no standard to hold it against


def test_a_counter_left_open_over_new_year_counts_as_in_the_officers_statistics(
    db: Database, clock: Clock
) -> None:
    # Given KTP open 08:00–12:00 on Wednesdays, and Loket 1 opened on Wednesday 30 December 2026
    # at 10:00 WIB and left open over the New Year until Wednesday 6 January 2027, 11:00 WIB
    catalog.update_service(db, "KTP", hours={"wed": [["08:00", "12:00"]]})
    clock.now = datetime(2026, 12, 30, 3, 0, tzinfo=UTC)
    queue.set_counter_state(db, "L1", "open")
    clock.now = datetime(2027, 1, 6, 4, 0, tzinfo=UTC)
    queue.set_counter_state(db, "L1", "closed")
    clock.advance(hours=3)
    # Then the year 2027 counts 08:00–11:00 of 6 January (the statistics' rule: a counter's
    # open span is read back up to a week before the period, not one day)
    hours = {h.service: h for h in figures.opening_hours_kept(db, 2027, site_holidays(db))}
    assert hours["KTP"].open_hours == pytest.approx(3.0)
    # And 2026 counts 30 December 10:00–12:00 (the last Wednesday of the year)
    hours_2026 = {h.service: h for h in figures.opening_hours_kept(db, 2026, site_holidays(db))}
    assert hours_2026["KTP"].open_hours == pytest.approx(2.0)


def test_complaints_against_their_deadlines(db: Database, clock: Clock) -> None:
    # Given two complaints on Wednesday 4 March 2026: one forwarded the same day, one never
    def file() -> str:
        return complaints.file_complaint(
            db, kind="pengaduan", agency="DUKCAPIL", service="KTP", description="KTP-el belum jadi.",
            identity="anonymous",
        ).number  # fmt: skip

    on_time, _never_forwarded = file(), file()
    complaints.step_complaint(db, on_time, "verified")
    complaints.step_complaint(db, on_time, "forwarded")
    # When the pack is built ten days later (verify and forward: 3 working days, due 9 March)
    clock.advance(days=10)
    count, kinds, tallies = figures.complaint_deadlines(db, 2026, date(2026, 3, 14))
    # Then one met "verifikasi dan penerusan" on time and one is past it without the step
    assert (count, kinds) == (2, {"pengaduan": 2})
    forward = next(t for t in tallies if t.name == "verify_forward")
    assert (forward.on_time, forward.late, forward.overdue_open, forward.pending) == (1, 0, 1, 0)
    table = next(t for t in build_pack(db, 2026).aspects[4].tables)
    assert table.rows[0] == ("Verifikasi dan penerusan", "1", "0", "1", "0")

"""Reports written by ``p4-desk report`` read back: PDF text (pypdf), CSV rows, XLSX cells."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from p4_desk.cli import main
from p4_desk.services import queue, reports, site, users
from p4_desk.services.stats import Period, compute_statistics
from p4_desk.store.db import Database
from tests.support.cli import add_cli_admin, login_env
from tests.support.sites import Clock, make_site

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def hall(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Database, str]]:
    """Wednesday 4 March 2026: three KTP tickets, two served at L1, one cancelled.

    Waits: 5 and 9 minutes; service times: 4 and 8 minutes (computed by hand below).
    """
    clock = Clock(datetime(2026, 3, 4, 2, 0, tzinfo=UTC))  # 09:00 WIB
    db = make_site(sqlite_url, clock)
    add_cli_admin(db)  # the report commands below log in as this supervisor-or-better
    for name, value in login_env().items():
        if name.startswith("P4_DESK_"):
            monkeypatch.setenv(name, value)
    site.set_setting(db, "report.head_name", "Drs. Hendra Wijaya, M.Si.")
    site.set_setting(db, "report.head_nip", "197001011990031001")
    officer = users.get_user(db, "petugas1").actor
    queue.set_counter_state(db, "L1", "open", officer)
    a = queue.issue_ticket(db, "KTP")
    clock.advance(minutes=1)
    b = queue.issue_ticket(db, "KTP")
    c = queue.issue_ticket(db, "KTP")
    clock.advance(minutes=4)
    queue.call_next(db, "L1", officer)  # a waited 5 min
    queue.start(db, a.id, officer)
    clock.advance(minutes=4)
    queue.finish(db, a.id, officer)
    clock.advance(minutes=1)
    queue.call_next(db, "L1", officer)  # b waited 1 + 4 + 4 + 1 - 1 = 9 min
    queue.start(db, b.id, officer)
    clock.advance(minutes=8)
    queue.finish(db, b.id, officer)
    queue.cancel(db, c.id, "Pemohon pulang")
    yield db, sqlite_url
    db.dispose()


def pdf_text(path: Path) -> str:
    """The text of every page, whitespace collapsed (table cells come out one per line)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_daily_pdf_shows_header_period_figures_and_signature(
    hall: tuple[Database, str], tmp_path: Path
) -> None:
    db, url = hall
    out = tmp_path / "harian.pdf"
    assert main(["report", "--db", url, "--period", "daily", "--date", "2026-03-04", "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "MPP UJI COBA" in text
    assert "LAPORAN HARIAN PELAYANAN ANTRIAN" in text
    assert "Periode: Rabu, 4 Maret 2026" in text
    assert "Tiket diambil 3" in text
    assert "Selesai dilayani 2" in text
    assert "Dibatalkan 1" in text
    assert "Waktu tunggu rata-rata (menit) 7,0" in text  # (5 + 9) / 2
    assert "Waktu layanan rata-rata (menit) 6,0" in text  # (4 + 8) / 2
    assert "Dilayani dalam target waktu tunggu 100,0%" in text  # both within 15 minutes
    assert "Kepala MPP" in text and "Drs. Hendra Wijaya, M.Si." in text
    assert "NIP. 197001011990031001" in text
    # the same figures as the one computation behind the window and the CLI
    stats = compute_statistics(db, Period.day(date(2026, 3, 4)))
    assert (stats.totals.issued, stats.totals.served, stats.totals.cancelled) == (3, 2, 1)
    assert stats.totals.wait_avg == pytest.approx(7 * 60)


def test_the_service_table_prints_every_header_word_whole(hall: tuple[Database, str], tmp_path: Path) -> None:
    """The per-service table's narrow columns: a header word such as "Dialihkan" is never split
    over two lines ("Dialihka" / "n"), which a supervisor reading the printout would stumble on."""
    db, url = hall
    out = tmp_path / "harian.pdf"
    assert main(["report", "--db", url, "--period", "daily", "--date", "2026-03-04", "--out", str(out)]) == 0
    text = pdf_text(out)  # the header row's cells, line by line: the first words, then the second
    assert "Layanan Instansi Diambil Selesai Tidak hadir Batal Dialihkan Tidak terlayani Tunggu" in text


def test_monthly_pdf_names_the_month_and_has_a_row_per_day(
    hall: tuple[Database, str], tmp_path: Path
) -> None:
    _db, url = hall
    out = tmp_path / "bulanan.pdf"
    assert (
        main(["report", "--db", url, "--period", "monthly", "--date", "2026-03-20", "--out", str(out)]) == 0
    )
    text = pdf_text(out)
    assert "LAPORAN BULANAN PELAYANAN ANTRIAN" in text
    assert "Periode: Maret 2026" in text
    assert "Tren harian" in text
    assert "4 Maret 2026 3 2 0 0 7,0" in text  # the daily table row of the only busy day (0 unserved)
    assert "31 Maret 2026" in text


def test_csv_and_xlsx_read_back(hall: tuple[Database, str], tmp_path: Path) -> None:
    _db, url = hall
    for ext in ("csv", "xlsx"):
        out = tmp_path / f"laporan.{ext}"
        assert (
            main(["report", "--db", url, "--period", "daily", "--date", "2026-03-04", "--out", str(out)]) == 0
        )

    rows = list(csv.DictReader(io.StringIO((tmp_path / "laporan.csv").read_text("utf-8-sig"))))
    value = {(r["tabel"], r["baris"], r["kolom"]): r["nilai"] for r in rows}
    assert value[("ringkasan", "total", "issued")] == "3"
    assert value[("ringkasan", "total", "served")] == "2"
    assert float(value[("ringkasan", "total", "wait_avg")]) == pytest.approx(420)  # seconds
    assert value[("layanan", "KTP", "cancelled")] == "1"
    assert value[("petugas", "petugas1", "served")] == "2"
    assert value[("kedatangan", "Rabu", "09")] == "3"  # all three arrived between 09:00 and 10:00 WIB

    wb = load_workbook(tmp_path / "laporan.xlsx")
    summary = {row[0]: row[1] for row in wb["Ringkasan"].iter_rows(values_only=True) if row and row[0]}
    assert summary["Tiket diambil"] == 3
    assert summary["Tunggu rata-rata (menit)"] == pytest.approx(7.0)
    services = list(wb["Layanan"].iter_rows(values_only=True))
    assert services[0][:4] == ("Kode", "Layanan", "Instansi", "Diambil")
    assert services[1][:6] == ("KTP", "KTP-el", "DUKCAPIL", 3, 3, 2)
    assert list(wb["Kedatangan"].iter_rows(values_only=True))[3][10] == 3  # Rabu, column 09


def test_report_refuses_an_unknown_extension(hall: tuple[Database, str], tmp_path: Path, capsys) -> None:
    _db, url = hall
    code = main(
        ["report", "--db", url, "--period", "daily", "--date", "2026-03-04", "--out", str(tmp_path / "x.doc")]
    )
    assert code == 1
    assert ".pdf, .csv atau .xlsx" in capsys.readouterr().err
    assert not (tmp_path / "x.doc").exists()


def test_stats_command_in_its_own_process_prints_the_same_figures(hall: tuple[Database, str]) -> None:
    db, url = hall
    proc = subprocess.run(
        [sys.executable, "-m", "p4_desk", "stats", "--db", url, "--from", "2026-03-01", "--to", "2026-03-31",
         "--service", "KTP", "--json"],
        capture_output=True, text=True, cwd=REPO, timeout=60, check=True, env=login_env(),
    )  # fmt: skip
    got = json.loads(proc.stdout)
    assert got["period"] == {"first": "2026-03-01", "last": "2026-03-31"}
    assert got["filters"]["service"] == "KTP"
    assert got["totals"]["issued"] == 3 and got["totals"]["served"] == 2
    assert got["totals"]["wait_median"] == pytest.approx(420)
    expected = compute_statistics(db, Period(date(2026, 3, 1), date(2026, 3, 31))).to_json()
    assert got["totals"] == expected["totals"]
    assert got["days"] == expected["days"]


def test_a_period_of_some_days_is_neither_daily_nor_monthly(
    hall: tuple[Database, str], tmp_path: Path
) -> None:
    # Given the figures of Monday 2 to Friday 6 March, as the supervisor window exports them
    db, _url = hall
    stats = compute_statistics(db, Period(date(2026, 3, 2), date(2026, 3, 6)))
    out = tmp_path / "pekan.pdf"
    out.write_bytes(reports.report_file(db, stats, "pdf"))
    # Then the report says which days it covers and is not called monthly
    text = pdf_text(out)
    assert "LAPORAN PELAYANAN ANTRIAN" in text and "BULANAN" not in text and "HARIAN" not in text
    assert "Periode: 2 Maret 2026 s.d. 6 Maret 2026" in text
    assert "Rincian harian" in text and "6 Maret 2026 0 0 0 0 -" in text
    assert "Dicetak Rabu, 4 Maret 2026 pukul 09.18 WIB oleh P4 Desk" in text

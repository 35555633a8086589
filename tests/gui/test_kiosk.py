"""The ticket kiosk on a real database, printing through real ESC/POS files and a closed port."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from reportlab.lib.units import mm

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.kiosk.pages import touch_px
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.gui.printing import paint_ticket, pdf_page_image, set_roll_page
from p4_desk.printing import TicketPrintData, render_ticket_pdf
from p4_desk.services import catalog, queue
from p4_desk.store.db import Database
from tests.gui.conftest import Translation
from tests.support.sites import Clock, make_site

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output"


@pytest.fixture
def site(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(sqlite_url, clock)
    yield db
    db.dispose()


@pytest.fixture
def printer_file(tmp_path: Path) -> Path:
    return tmp_path / "lp0"


def closed_port_target() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"escpos-net:127.0.0.1:{sock.getsockname()[1]}"


def open_kiosk(qtbot: QtBot, db: Database, target: str, tmp_path: Path) -> KioskWindow:
    settings = Settings(
        {"printer.ticket_target": target, "printer.ticket_paper_mm": 58}, path=tmp_path / "settings.toml"
    )
    window = KioskWindow(AppContext(db=db, settings=settings, role="kiosk"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=3000)
    return window


@pytest.fixture
def kiosk(
    qtbot: QtBot,
    site: Database,
    printer_file: Path,
    tmp_path: Path,
    translation: Translation,
    inline_tasks: None,
) -> Iterator[KioskWindow]:
    translation("kiosk")
    window = open_kiosk(qtbot, site, f"escpos-file:{printer_file}", tmp_path)
    yield window
    window.close()


def tap(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_tap_agency_then_service_issues_a_ticket_and_prints_it(
    qtbot: QtBot, kiosk: KioskWindow, site: Database, printer_file: Path
) -> None:
    # Given two citizens already waiting for KTP, and Loket 1 open
    queue.set_counter_state(site, "L1", "open")
    queue.issue_ticket(site, "KTP")
    queue.issue_ticket(site, "KTP")
    qtbot.waitUntil(lambda: "2 menunggu" in kiosk.home.buttons["DUKCAPIL"].detail.text(), timeout=3000)
    assert kiosk.clock_label.text() == "10.00 WIB"  # the site's clock, Indonesian style
    OUTPUT.mkdir(exist_ok=True)
    kiosk.grab().save(str(OUTPUT / "kiosk-home-1366x768.png"))

    # When a citizen taps Dukcapil, then KTP-el
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    assert kiosk.stack.currentWidget() is kiosk.services
    ktp = kiosk.services.buttons["KTP"]
    assert ktp.title.text() == "KTP-el"
    assert "Menunggu: 2 orang" in ktp.detail.text()
    assert "Jam layanan hari ini: Buka 24 jam" in ktp.detail.text()
    tap(qtbot, ktp)

    # Then a real ticket is in the database, shown on screen, and printed
    assert kiosk.stack.currentWidget() is kiosk.ticket_page
    page = kiosk.ticket_page
    assert page.number.text() == "A003"
    assert page.service.text() == "KTP-el"
    assert page.ahead.text() == "Jumlah antrian di depan Anda: 2"
    assert page.wait.text().startswith("Perkiraan waktu tunggu: ±")
    assert page.status.text() == "Silakan ambil tiket Anda dan tunggu panggilan."
    ticket = queue.get_ticket(site, "A003")
    assert (ticket.state, ticket.print_state, ticket.priority) == ("waiting", "printed", None)
    assert b"A003" in printer_file.read_bytes()
    kiosk.grab().save(str(OUTPUT / "kiosk-ticket-1366x768.png"))

    # And "Selesai" brings the next citizen back to the agencies
    tap(qtbot, page.done)
    assert kiosk.stack.currentWidget() is kiosk.home


def test_priority_flow_asks_the_group_and_puts_it_on_the_ticket(
    qtbot: QtBot, kiosk: KioskWindow, site: Database, printer_file: Path
) -> None:
    queue.issue_ticket(site, "KK")
    # When a citizen taps the priority button and chooses "Lansia"
    tap(qtbot, kiosk.priority_button)
    assert kiosk.stack.currentWidget() is kiosk.groups
    assert set(kiosk.groups.buttons) == {"lansia", "disabilitas", "ibu_hamil", "anak"}
    tap(qtbot, kiosk.groups.buttons["lansia"])
    assert kiosk.stack.currentWidget() is kiosk.home
    assert kiosk.banner.isVisible() and "Prioritas: Lansia" in kiosk.banner_label.text()

    # Then the ticket taken next is a priority ticket, ahead of the regular one
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.services.buttons["KK"])
    page = kiosk.ticket_page
    assert page.number.text() == "B002"
    assert page.priority.text() == "Prioritas: Lansia"
    assert page.ahead.text() == "Jumlah antrian di depan Anda: 0"
    assert queue.get_ticket(site, "B002").priority == "lansia"
    assert b"Prioritas: Lansia" in printer_file.read_bytes()

    # And the next citizen starts without priority
    tap(qtbot, page.done)
    assert kiosk.priority is None and not kiosk.banner.isVisible()


def test_priority_can_be_dropped_before_choosing(qtbot: QtBot, kiosk: KioskWindow, site: Database) -> None:
    tap(qtbot, kiosk.priority_button)
    tap(qtbot, kiosk.groups.buttons["ibu_hamil"])
    tap(qtbot, kiosk.clear_priority_button)
    tap(qtbot, kiosk.home.buttons["SAMSAT"])
    tap(qtbot, kiosk.services.buttons["PKB"])
    assert queue.get_ticket(site, "D001").priority is None


@pytest.mark.translation("kiosk")
def test_closed_service_and_used_up_quota_are_disabled_with_the_reason(
    qtbot: QtBot, site: Database, printer_file: Path, tmp_path: Path, inline_tasks: None
) -> None:
    # Given KK closed all week and PKB with a quota of one ticket, already taken
    catalog.update_service(site, "KK", hours={})
    catalog.update_service(site, "PKB", daily_quota=1)
    queue.issue_ticket(site, "PKB")
    kiosk = open_kiosk(qtbot, site, f"escpos-file:{printer_file}", tmp_path)

    # Then Samsat (only PKB) is disabled with the quota reason, and so is its service
    samsat = kiosk.home.buttons["SAMSAT"]
    assert not samsat.isEnabled()
    assert samsat.reason.isVisible() and samsat.reason.text() == "Kuota hari ini sudah habis"
    # the reason's badge is whole: as tall as its text and padding need (descenders not cut)
    assert samsat.reason.height() >= samsat.reason.heightForWidth(samsat.reason.width())
    # Dukcapil stays open; inside it KK is disabled as closed, KTP can be taken
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    kk, ktp = kiosk.services.buttons["KK"], kiosk.services.buttons["KTP"]
    assert not kk.isEnabled() and kk.reason.text() == "Sedang tutup"
    assert "Jam layanan hari ini: Tutup" in kk.detail.text()
    assert ktp.isEnabled() and not ktp.reason.isVisible()
    kiosk.grab().save(str(OUTPUT / "kiosk-closed-1366x768.png"))
    tap(qtbot, kk)
    assert kiosk.stack.currentWidget() is kiosk.services  # nothing happened
    assert [t.service for t in queue.waiting_list(site)] == ["PKB"]

    # When KTP's quota is used up at another kiosk, this one disables it by itself
    catalog.update_service(site, "KTP", daily_quota=1)
    queue.issue_ticket(site, "KTP")
    qtbot.waitUntil(lambda: not kiosk.services.buttons["KTP"].isEnabled(), timeout=3000)
    assert kiosk.services.buttons["KTP"].reason.text() == "Kuota hari ini sudah habis"
    kiosk.close()


@pytest.mark.translation("kiosk")
def test_print_failure_then_retry(
    qtbot: QtBot, site: Database, printer_file: Path, tmp_path: Path, inline_tasks: None
) -> None:
    # Given a kiosk whose printer is offline
    kiosk = open_kiosk(qtbot, site, closed_port_target(), tmp_path)
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.services.buttons["KTP"])

    # Then the number is on screen, the failure is explained, retry and cancel are offered
    page = kiosk.ticket_page
    assert page.number.text() == "A001"
    assert page.status.text() == "Tiket tidak dapat dicetak."
    # the citizen is not told to check cables: that is in the log for the staff
    assert page.error.text() == "Maaf, tiket Anda belum dapat dicetak. Coba lagi, atau minta bantuan petugas."
    assert page.retry.isVisible() and page.retry.text() == "Coba lagi"
    assert page.cancel.isVisible() and page.cancel.text() == "Batal"
    assert not page.done.isVisible()
    assert queue.get_ticket(site, "A001").print_state == "failed"
    kiosk.grab().save(str(OUTPUT / "kiosk-print-failed-1366x768.png"))

    # When the printer is back and the citizen taps "Coba lagi"
    kiosk.ctx.settings.set("printer.ticket_target", f"escpos-file:{printer_file}")
    tap(qtbot, page.retry)

    # Then the same ticket is printed, not a new one
    assert page.status.text() == "Silakan ambil tiket Anda dan tunggu panggilan."
    assert not page.error.isVisible() and not page.retry.isVisible()
    assert queue.get_ticket(site, "A001").print_state == "printed"
    assert b"A001" in printer_file.read_bytes()
    assert [t.number for t in queue.waiting_list(site)] == ["A001"]
    kiosk.close()


@pytest.mark.translation("kiosk")
def test_print_failure_then_cancel(qtbot: QtBot, site: Database, tmp_path: Path, inline_tasks: None) -> None:
    kiosk = open_kiosk(qtbot, site, closed_port_target(), tmp_path)
    tap(qtbot, kiosk.home.buttons["SAMSAT"])
    tap(qtbot, kiosk.services.buttons["PKB"])

    tap(qtbot, kiosk.ticket_page.cancel)

    ticket = queue.get_ticket(site, "D001")
    assert (ticket.state, ticket.cancel_reason) == ("cancelled", "gagal cetak")
    assert kiosk.stack.currentWidget() is kiosk.home
    assert "Nomor antrian dibatalkan" in kiosk.home.notice.text()
    kiosk.close()


@pytest.mark.translation("kiosk")
def test_citizen_walks_away_from_a_failed_print(
    qtbot: QtBot, site: Database, clock: Clock, tmp_path: Path, inline_tasks: None
) -> None:
    # Given a failed print nobody answers
    kiosk = open_kiosk(qtbot, site, closed_port_target(), tmp_path)
    kiosk.print_failed_idle_ms = 100
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.services.buttons["KK"])
    assert kiosk.ticket_page.retry.isVisible()

    # Then the kiosk goes back home by itself, and after the site timeout the number is cancelled
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.home, timeout=3000)
    kiosk.cancel_unprinted()
    assert queue.get_ticket(site, "B001").state == "waiting"  # not yet: 5 minutes
    clock.advance(minutes=6)
    kiosk.cancel_unprinted()
    ticket = queue.get_ticket(site, "B001")
    assert (ticket.state, ticket.cancel_reason) == ("cancelled", "gagal cetak")
    kiosk.close()


def test_buttons_are_touch_sized(qtbot: QtBot, kiosk: KioskWindow) -> None:
    # 15 mm on a 96 dpi screen is 56.7 px
    assert touch_px(96) == 57
    assert touch_px(160) == 95
    target = kiosk.touch_target_px()
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    buttons = [*kiosk.services.buttons.values(), kiosk.back_button, kiosk.services_priority_button]
    assert min(b.height() for b in buttons) >= target
    assert min(b.height() for b in kiosk.home.buttons.values()) >= target
    assert kiosk.priority_button.height() >= target


def test_os_printer_page_is_the_roll_not_a4(qapp: QApplication, tmp_path: Path) -> None:
    # Given the ticket PDF of an 80 mm roll
    data = TicketPrintData(
        site_name="MPP Uji Coba",
        agency_name="Samsat",
        service_name="Pajak Kendaraan",
        number="D017",
        issued_at=datetime(2026, 3, 4, 3, 0, tzinfo=UTC),
        people_ahead=3,
        estimated_wait_minutes=12,
        ticket_uid="uid-1",
    )
    pdf = render_ticket_pdf(data, 80)
    image, width_mm, height_mm = pdf_page_image(pdf)
    assert width_mm == pytest.approx(80, abs=0.5)

    # When it goes through the Qt printer path (here into Qt's own PDF output)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "spooled.pdf"
    printer.setOutputFileName(str(out))
    set_roll_page(printer, 80, height_mm)
    paint_ticket(printer, image)

    # Then the page is 80 mm wide and as tall as the ticket: never an A4 sheet
    page = PdfReader(io.BytesIO(out.read_bytes())).pages[0]
    assert float(page.mediabox.width) == pytest.approx(80 * mm, abs=2)
    assert float(page.mediabox.height) == pytest.approx(height_mm * mm, abs=2)
    assert float(page.mediabox.height) < 200 * mm

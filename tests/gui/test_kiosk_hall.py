"""The kiosk of a real MPP: 250 services over 30 agencies, portrait and landscape, the keypad,
printer trouble told to the right person, no "± 0 menit", and an admin to close it.

Real widgets on a real SQLite site, the Indonesian catalogue loaded and its texts asserted.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.kiosk.pages import wrapped_height
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.services import catalog, queue, users
from p4_desk.store.db import Database
from tests.support.sites import make_site

pytestmark = pytest.mark.translation("kiosk")

SIZES = ((1080, 1920), (1920, 1080))  # the kiosk screens of issue 12
#: services per agency in a Lampung Selatan-sized hall: 30 agencies, 250 services
PER_AGENCY = [24, 16, 12, 12, 10, 10, 9, 9, 8, 8] + [7] * 12 + [6] * 8


def big_hall(db: Database) -> list[tuple[str, str]]:
    """30 agencies with long names and 250 services; returns (agency, service) codes."""
    assert sum(PER_AGENCY) == 250 and len(PER_AGENCY) == 30
    pairs = []
    prefixes = iter(f"{a}{b}" for a in "ABCDEFGHJKLMNPQRSTUVWXYZ" for b in "ABCDEFGHJKLMNPQRSTUVWXYZ")
    for a, count in enumerate(PER_AGENCY):
        agency = f"INS{a:02d}"
        catalog.add_agency(db, agency, f"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu {a + 1}")
        for s in range(count):
            code = f"L{a:02d}{s:02d}"
            name = f"Izin Usaha Perdagangan dan Rekomendasi Teknis Nomor {s + 1}"
            catalog.add_service(db, code, name, agency, next(prefixes))
            pairs.append((agency, code))
    return pairs


def open_kiosk(qtbot: QtBot, db: Database, tmp_path: Path, size: tuple[int, int], target: str) -> KioskWindow:
    settings = Settings(
        {"printer.ticket_target": target, "printer.ticket_paper_mm": 58, "voice.enabled": False},
        path=tmp_path / "settings.toml",
    )
    window = KioskWindow(AppContext(db=db, settings=settings, role="kiosk"), audio="none")
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=2000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


@pytest.fixture
def site(sqlite_url: str) -> Iterator[Database]:
    db = make_site(sqlite_url)
    yield db
    db.dispose()


def tap(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()  # the new page is laid out as the citizen sees it


def clipped(label: QLabel) -> bool:
    """Wrapped text taller than its label, or a label outside its tile."""
    if not label.isVisible() or not label.text():
        return False
    tile = label.parentWidget()
    assert tile is not None
    too_tall = wrapped_height(label, label.width()) > label.height() + 1
    return too_tall or not tile.rect().contains(label.geometry())


def inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(top_left) and window.rect().contains(top_left + widget.rect().bottomRight())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_any_of_250_services_in_three_touches(
    qtbot: QtBot, site: Database, tmp_path: Path, size: tuple[int, int], inline_tasks: None
) -> None:
    pairs = big_hall(site)
    kiosk = open_kiosk(qtbot, site, tmp_path, size, "pdf")
    short_side = min(size)
    home, services = kiosk.home, kiosk.services
    assert home.title.text() == "Silakan pilih instansi"

    # Then every tile on every page is whole, inside the screen, and its subtitle readable
    for page in (home,):
        for button in page.visible_buttons():
            assert inside(button, kiosk)
            assert not clipped(button.title) and not clipped(button.detail), button.title.text()
            assert button.detail.font().pixelSize() >= 0.018 * short_side
            assert button.detail.text().endswith("menunggu")
    worst = 0
    by_agency: dict[str, list[str]] = {}
    for agency, service in pairs:
        by_agency.setdefault(agency, []).append(service)
    for agency, wanted in by_agency.items():
        # When a citizen looks for a service of this agency, tapping only what the screen shows
        # (one walk per agency: every service page of it is looked at on the way)
        kiosk.go_home()
        touches = 0
        while agency not in {b.key for b in home.visible_buttons()}:
            tap(qtbot, home.next_page)
            touches += 1
        tap(qtbot, home.buttons[agency])
        touches += 1
        found: set[str] = set()
        while True:
            for button in services.visible_buttons():
                if button.key in wanted and button.key not in found:
                    assert button.isVisible() and inside(button, kiosk)
                    assert not clipped(button.title) and not clipped(button.detail), button.title.text()
                    found.add(button.key)
                    worst = max(worst, touches + 1)  # and the tap on the service itself
            if found == set(wanted) or not services.next_page.isEnabled():
                break
            tap(qtbot, services.next_page)
            touches += 1
        assert found == set(wanted), f"{agency}: never shown {sorted(set(wanted) - found)}"
    # Then no service is more than three touches away
    assert worst <= 3
    if services.pages > 1:
        assert services.page_label.text().startswith("Halaman ")
        assert services.next_page.text() == "Berikutnya ›"


def closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"escpos-net:127.0.0.1:{sock.getsockname()[1]}"


def test_printer_trouble_is_for_the_staff_not_the_citizen(
    qtbot: QtBot, site: Database, tmp_path: Path, inline_tasks: None, caplog: pytest.LogCaptureFixture
) -> None:
    # Given a kiosk whose printer cannot be reached
    kiosk = open_kiosk(qtbot, site, tmp_path, (1080, 1920), closed_port())
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.services.buttons["KTP"])

    # Then the citizen reads an apology and what to do, not how to fix a printer
    page = kiosk.ticket_page
    assert page.status.text() == "Tiket tidak dapat dicetak."
    assert page.error.text() == "Maaf, tiket Anda belum dapat dicetak. Coba lagi, atau minta bantuan petugas."
    assert "kabel" not in page.error.text() and "printer" not in page.error.text().lower()
    # the staff find the cause in the log
    assert any("Periksa kabel/daya printer" in r.getMessage() for r in caplog.records)
    # and the next citizen is not kept waiting: the kiosk goes home by itself well within 30 s
    assert kiosk.print_failed_idle_ms <= 15_000
    kiosk.print_failed_idle_ms = 100
    tap(qtbot, page.retry)
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.home, timeout=3000)


def test_no_counter_open_says_so_instead_of_zero_minutes(
    qtbot: QtBot, site: Database, tmp_path: Path, inline_tasks: None
) -> None:
    # Given no counter is open yet (early morning)
    paper = tmp_path / "lp0"
    kiosk = open_kiosk(qtbot, site, tmp_path, (1920, 1080), f"escpos-file:{paper}")

    # When a citizen takes a KTP number
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.services.buttons["KTP"])

    # Then no "± 0 menit" is promised, and the ticket tells where the citizen will be served
    page = kiosk.ticket_page
    assert page.number.text() == "A001"
    assert page.wait.text() == "Belum ada loket yang buka untuk layanan ini; silakan tunggu panggilan."
    assert "± 0" not in page.wait.text()
    assert page.where.text() == "Dilayani di: Loket 1, Loket 2"
    # and so does the paper, for a citizen who cannot hear the call
    assert b"Dilayani di: Loket 1, Loket 2" in paper.read_bytes()
    assert b"Perkiraan waktu tunggu" not in paper.read_bytes()

    # When Loket 1 opens, the next number gets an estimate again
    queue.set_counter_state(site, "L1", "open")
    tap(qtbot, page.done)
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.services.buttons["KTP"])
    assert page.wait.text() == "Perkiraan waktu tunggu: ± 5 menit"


def test_ctrl_q_asks_an_admin_before_closing(
    qtbot: QtBot, site: Database, tmp_path: Path, inline_tasks: None
) -> None:
    users.add_user(site, "admin", "Admin Situs", "admin", "admin12345")
    kiosk = open_kiosk(qtbot, site, tmp_path, (1920, 1080), "pdf")

    # When someone presses Ctrl+Q
    qtbot.keyClick(kiosk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

    # Then the kiosk stays and asks for an admin
    dialog = kiosk.exit_guard.dialog
    assert dialog is not None and dialog.isVisible() and kiosk.isVisible()
    assert dialog.intro.text() == "Hanya admin yang dapat menutup layar ini."
    assert dialog.close_button.text() == "Tutup layar"

    # A citizen's guess or an officer's account does not close it
    qtbot.keyClicks(dialog.username, "petugas1")
    qtbot.keyClicks(dialog.password, "rahasia123")
    tap(qtbot, dialog.close_button)
    assert dialog.error.text() == "Akun ini bukan akun admin." and kiosk.isVisible()

    # An admin's does
    dialog.username.setText("admin")
    qtbot.keyClicks(dialog.password, "admin12345")
    tap(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: not kiosk.isVisible(), timeout=2000)


def test_keypad_alone_takes_a_ticket_and_every_step_is_spoken(
    qtbot: QtBot, site: Database, tmp_path: Path, inline_tasks: None
) -> None:
    # Given a kiosk used without looking at it: only keys
    queue.set_counter_state(site, "L3", "open")
    kiosk = open_kiosk(qtbot, site, tmp_path, (1080, 1920), "pdf")
    kiosk.activateWindow()
    said = kiosk.access.said

    def press(key: Qt.Key) -> None:
        target = QApplication.focusWidget() or kiosk
        qtbot.keyClick(target, key)

    # When the citizen presses the arrow: the first agency is read out with its number
    press(Qt.Key.Key_Right)
    assert said[-1].text() == "Pilihan 1: Dinas Kependudukan dan Pencatatan Sipil"
    press(Qt.Key.Key_Right)
    assert said[-1].text() == "Pilihan 2: Samsat"
    # Enter opens it and the page says where the citizen is
    press(Qt.Key.Key_Enter)
    assert kiosk.stack.currentWidget() is kiosk.services
    assert said[-1].text() == "Samsat — pilih layanan. Pilihan 1: Pajak Kendaraan"
    # 0 goes back; the digit 1 takes the first agency, then 2 its second service (KTP-el)
    press(Qt.Key.Key_0)
    assert kiosk.stack.currentWidget() is kiosk.home
    press(Qt.Key.Key_1)
    assert kiosk.agency == "DUKCAPIL"
    press(Qt.Key.Key_2)

    # Then the ticket is issued and its number and the estimated wait are spoken
    assert kiosk.ticket_page.number.text() == "A001"
    assert said[-1].text() == "Nomor antrian A satu, belum ada loket yang buka"
    assert said[-1].words() == ["nomor_antrian", "a", "satu", "belum_ada_loket_buka"]
    press(Qt.Key.Key_Enter)  # "Selesai"
    assert kiosk.stack.currentWidget() is kiosk.home


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_site_name_and_the_clock_keep_clear_of_the_screen_edges(
    qtbot: QtBot, site: Database, tmp_path: Path, size: tuple[int, int], inline_tasks: None
) -> None:
    from p4_desk.services import site as site_service

    long_name = "Mal Pelayanan Publik Kabupaten Lampung Selatan Kalianda"
    site_service.update_site(site, name=long_name)
    kiosk = open_kiosk(qtbot, site, tmp_path, size, "pdf")
    qtbot.waitUntil(lambda: kiosk.site_label.text() == long_name, timeout=3000)
    QApplication.processEvents()
    header = kiosk.header
    name, clock = kiosk.site_label.geometry(), kiosk.clock_label.geometry()
    edge = min(size) * 0.02  # 2 % of the short side between the text and the screen's edge
    assert name.left() >= edge and header.width() - clock.right() >= edge, (name, clock)
    # and the wrapped name is whole inside the header
    assert wrapped_height(kiosk.site_label, kiosk.site_label.width()) <= name.height() + 1
    assert header.rect().contains(name)


def two_service_hall(db: Database) -> None:
    """The smallest hall: one agency, two services (on top of the test site's)."""
    catalog.add_agency(db, "KECIL", "Kantor Pelayanan Terpadu Kecamatan Natar")
    catalog.add_service(db, "SKU", "Surat Keterangan Usaha", "KECIL", "U")
    catalog.add_service(db, "SKD", "Surat Keterangan Domisili", "KECIL", "V")


KIOSK_SIZES = ((1080, 1920), (1920, 1080), (1366, 768), (1280, 800))


@pytest.mark.parametrize("services", [2, 250])
@pytest.mark.parametrize("size", KIOSK_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_buttons_under_the_tiles_stay_readable_and_leave_the_tiles_whole(
    qtbot: QtBot, site: Database, tmp_path: Path, size: tuple[int, int], services: int, inline_tasks: None
) -> None:
    # Given a kiosk of a small or of the largest hall, at every kiosk screen size
    if services == 250:
        big_hall(site)
        agency = "INS00"  # 24 services: the fullest service page
    else:
        two_service_hall(site)
        agency = "KECIL"
    kiosk = open_kiosk(qtbot, site, tmp_path, size, "pdf")
    unit = kiosk.text_unit()
    assert kiosk.checkin.button.text() == "Saya sudah punya janji"
    for page in (kiosk.home, kiosk.services):
        if page is kiosk.services:
            tap(qtbot, kiosk.home.buttons[agency])
        QApplication.processEvents()
        bar = page.action_row
        buttons = [b for b in bar.buttons if b.isVisible()]
        assert len(buttons) == 3  # priority, information and appointment; back, priority, several
        for button in buttons:
            # Then every label is whole, as large as a standing citizen reads, inside the screen
            assert button.sizeHint().width() <= button.width() + 2, button.text()
            assert button.font().pixelSize() >= 0.6 * unit, (button.text(), button.font().pixelSize())
            assert inside(button, kiosk)
            others = [o for o in buttons if o is not button]
            assert not any(button.geometry().intersects(o.geometry()) for o in others)
        # and the tiles are whole and above the buttons
        bar_top = bar.mapTo(kiosk, bar.rect().topLeft()).y()
        for tile in page.visible_buttons():
            assert inside(tile, kiosk) and tile.mapTo(kiosk, tile.rect().bottomLeft()).y() < bar_top
            assert not clipped(tile.title) and not clipped(tile.detail), tile.title.text()
    # In portrait the long priority label has a row of its own rather than being squeezed
    if size[1] > size[0]:
        assert [b.text() for b in kiosk.home.action_row.rows[0]] == [kiosk.priority_button.text()]

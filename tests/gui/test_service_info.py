"""The published service standard in the hall: the kiosk's "Informasi layanan" mode and the
maklumat in the display board's rotation (issue 18.4), on a real database, in Indonesian."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.admin.window import AdminWindow
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.display.window import DisplayWindow
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.services import site, standards
from p4_desk.store.db import Database
from tests.gui.conftest import Translation
from tests.support.sites import Clock, make_site

PLEDGE = "Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan."


@pytest.fixture
def db(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    database = make_site(sqlite_url, clock)
    standards.set_standard(
        database,
        "KTP",
        requirements="Fotokopi Kartu Keluarga\nSurat pengantar RT/RW",
        procedure="Ambil nomor antrian\nPerekaman biometrik",
        time="± 60 menit",
        fee=0,
        product="KTP-el",
        complaints="Meja pengaduan lantai 1",
        legal_basis="UU 24/2013 tentang Administrasi Kependudukan",
        published=True,
    )
    # PKB published without its fee, KK not published at all
    standards.set_standard(database, "PKB", requirements="STNK asli", fee=None, published=True)
    standards.set_standard(database, "KK", requirements="KK lama", fee=25000, published=False)
    site.set_setting(database, "standard.maklumat_text", PLEDGE)
    yield database
    database.dispose()


def tap(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_kiosk_shows_the_published_standard_in_indonesian(
    qtbot: QtBot, db: Database, tmp_path: Path, translation: Translation, inline_tasks: None
) -> None:
    translation("kiosk")
    kiosk = KioskWindow(AppContext(db=db, settings=Settings({}, path=tmp_path / "s.toml"), role="kiosk"))
    qtbot.addWidget(kiosk)
    kiosk.resize(1366, 768)
    kiosk.show()
    qtbot.waitUntil(lambda: kiosk.snapshot is not None, timeout=3000)
    # Given the home page, When the citizen touches "Informasi layanan"
    assert kiosk.info.button.text() == "Informasi layanan"
    tap(qtbot, kiosk.info.button)
    # Then only the published services are offered
    assert kiosk.stack.currentWidget() is kiosk.info.list_page
    assert kiosk.info.list_page.title.text() == "Informasi layanan: pilih layanan"
    assert sorted(kiosk.info.list_page.buttons) == ["KTP", "PKB"]
    # When they pick KTP-el, Then the six parts and the legal basis are shown, the fee in words
    tap(qtbot, kiosk.info.list_page.buttons["KTP"])
    page = kiosk.info.page
    assert kiosk.stack.currentWidget() is page and page.title.text() == "KTP-el"
    text = page.text.text()
    for part in ("Persyaratan", "Prosedur", "Jangka waktu", "Biaya/tarif", "Produk", "Penanganan pengaduan"):
        assert f"<b>{part}</b>" in text
    assert "Surat pengantar RT/RW" in text and "Gratis" in text and "UU 24/2013" in text
    assert "Belum tersedia" not in text
    # When they go back and open PKB, whose fee is not filled in, the kiosk says to ask an officer
    tap(qtbot, page.back)
    tap(qtbot, kiosk.info.list_page.buttons["PKB"])
    assert "Belum tersedia: silakan tanyakan kepada petugas." in page.text.text()
    kiosk.go_home()
    assert kiosk.stack.currentWidget() is kiosk.home
    kiosk.close()


def test_a_citizen_on_the_keypad_hears_the_standard_read_out(
    qtbot: QtBot, db: Database, tmp_path: Path, translation: Translation, inline_tasks: None
) -> None:
    translation("kiosk")
    settings = Settings({"voice.enabled": False}, path=tmp_path / "s.toml")
    kiosk = KioskWindow(AppContext(db=db, settings=settings, role="kiosk"), audio="none")
    qtbot.addWidget(kiosk)
    kiosk.resize(1080, 1920)
    kiosk.show()
    qtbot.waitUntil(lambda: kiosk.snapshot is not None, timeout=3000)
    kiosk.activateWindow()
    qtbot.waitUntil(kiosk.isActiveWindow, timeout=2000)
    said = kiosk.access.said

    def press(key: Qt.Key) -> None:
        qtbot.keyClick(QApplication.focusWidget() or kiosk, key)

    def arrow_to(button: QPushButton) -> None:
        for _ in range(30):  # as a citizen does: right until the voice names it
            if kiosk.focusWidget() is button:
                return
            press(Qt.Key.Key_Right)
        raise AssertionError(f"the arrows never reached {button.text()!r}")

    # Given a citizen who cannot see the screen: the arrows reach "Informasi layanan"
    arrow_to(kiosk.info.button)
    assert said[-1].text().endswith(": Informasi layanan")
    press(Qt.Key.Key_Enter)
    assert kiosk.stack.currentWidget() is kiosk.info.list_page
    assert said[-1].text().startswith("Informasi layanan: pilih layanan. Pilihan 1: ")
    # When they reach KTP-el (its recorded name clip is offered) and take it
    arrow_to(kiosk.info.list_page.buttons["KTP"])
    assert said[-1].text().endswith(": KTP-el") and "layanan_ktp" in said[-1].words()
    press(Qt.Key.Key_Enter)
    # Then the whole standard is read out, each part as the page shows it, then the way back
    assert kiosk.stack.currentWidget() is kiosk.info.page
    spoken = said[-1].text()
    assert spoken.startswith("KTP-el. Dinas Kependudukan dan Pencatatan Sipil. Persyaratan: ")
    for part in (
        "Persyaratan: Fotokopi Kartu Keluarga; Surat pengantar RT/RW.",
        "Prosedur: 1. Ambil nomor antrian. 2. Perekaman biometrik.",
        "Jangka waktu: ± 60 menit.",
        "Biaya/tarif: Gratis.",
        "Produk: KTP-el.",
        "Penanganan pengaduan: Meja pengaduan lantai 1.",
        "Dasar hukum: UU 24/2013 tentang Administrasi Kependudukan.",
    ):
        assert part in spoken, part
    assert spoken.endswith("Pilihan 1: Kembali ke daftar")
    assert said[-1].words()[:3] == ["layanan_ktp", "pilihan", "satu"]
    # When they ask again ("*"), the same is said again
    press(Qt.Key.Key_Asterisk)
    assert said[-1].text() == spoken
    # When they go back (0) and take PKB, its missing parts send them to an officer
    press(Qt.Key.Key_0)
    assert kiosk.stack.currentWidget() is kiosk.info.list_page
    arrow_to(kiosk.info.list_page.buttons["PKB"])
    press(Qt.Key.Key_Enter)
    assert "Persyaratan: STNK asli." in said[-1].text()
    assert "Biaya/tarif: Belum tersedia: silakan tanyakan kepada petugas." in said[-1].text()
    # And Escape on the list takes the kiosk home
    press(Qt.Key.Key_0)
    press(Qt.Key.Key_Escape)
    assert kiosk.stack.currentWidget() is kiosk.home
    kiosk.close()


def test_board_rotation_shows_the_maklumat_and_complaint_channels(
    qtbot: QtBot, db: Database, tmp_path: Path, translation: Translation, inline_tasks: None
) -> None:
    translation("display")
    board = DisplayWindow(
        AppContext(
            db=db, settings=Settings({"voice.enabled": False}, path=tmp_path / "s.toml"), role="display"
        ),
        audio="none",
    )
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    qtbot.waitUntil(lambda: board.marker is not None, timeout=3000)
    view = board.view
    # Given the counters first
    assert view._right.currentWidget() is view.counters_panel
    # When the rotation turns, Then the maklumat is read from the catalogue's settings
    view.rotation.advance()
    assert view._right.currentWidget() is view.notice
    assert view.notice.title.text() == "MAKLUMAT PELAYANAN"
    assert view.notice.body.text() == PLEDGE
    assert view.notice.body.font().pixelSize() >= 20  # readable across the hall at 1080 lines
    # and then the complaint channels, then the counters again
    view.rotation.advance()
    assert view.notice.title.text() == "PENGADUAN DAN SARAN"
    assert "SP4N-LAPOR!" in view.notice.body.text()
    view.rotation.advance()
    assert view._right.currentWidget() is view.counters_panel
    # When the site stops showing it, the board shows the counters only
    site.set_setting(db, "display.show_maklumat", False)
    qtbot.waitUntil(lambda: not view.rotation.notices, timeout=3000)
    view.rotation.advance()
    assert view._right.currentWidget() is view.counters_panel
    board.close()


@pytest.mark.translation("admin")
def test_admin_fills_in_a_standard_and_the_list_says_what_is_missing(
    qtbot: QtBot, admin_window: AdminWindow
) -> None:
    tab = admin_window.standards
    admin_window.tabs.setCurrentWidget(tab)
    assert admin_window.tabs.tabText(admin_window.tabs.currentIndex()) == "Standar layanan"
    qtbot.waitUntil(lambda: bool(tab.records), timeout=3000)
    # Given a new hall: every part of KK is missing
    row = tab.table.findItems("KK", Qt.MatchFlag.MatchExactly)[0].row()
    assert "Persyaratan" in tab.table.item(row, 3).text()
    # When the admin picks KK, types its parts with a fee that is not a number
    tab.table.selectRow(row)
    qtbot.keyClicks(tab.requirements, "Kartu Keluarga lama")
    qtbot.keyClicks(tab.procedure, "Ambil nomor antrian")
    for field, text in ((tab.time, "1 hari kerja"), (tab.product, "Kartu Keluarga"),
                        (tab.complaints, "Meja pengaduan"), (tab.legal_basis, "UU 24/2013")):  # fmt: skip
        qtbot.keyClicks(field, text)
    qtbot.keyClicks(tab.fee, "dua puluh")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    # Then it is refused under the fee, in Indonesian, and what was typed stays
    assert tab.errors["fee"].text() == "Biaya berupa bilangan bulat rupiah, misalnya 50000."
    assert tab.requirements.toPlainText() == "Kartu Keluarga lama"
    # When the fee is corrected and it is published
    tab.fee.clear()
    qtbot.keyClicks(tab.fee, "0")
    tab.published.setChecked(True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Standar layanan KK disimpan."
    saved = standards.get_standard(admin_window.ctx.db, "KK")
    assert saved.complete and saved.published and saved.fee == 0
    qtbot.waitUntil(lambda: tab.table.item(row, 3).text() == "tidak ada", timeout=3000)

"""Admin window (pytest-qt): set up a hall from the screens; other workstations see it at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.errors import AuthError
from p4_desk.gui.admin import open_window
from p4_desk.gui.admin.window import AdminWindow
from p4_desk.gui.common.context import AppContext
from p4_desk.services import catalog, site, users
from p4_desk.services.backup.restore import opened
from p4_desk.store.db import Database
from p4_desk.store.journal import change_marker
from tests.support.sites import make_site

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output"


@pytest.fixture
def window(admin_window: AdminWindow) -> AdminWindow:
    return admin_window


@pytest.fixture
def kiosk(sqlite_url: str) -> Iterator[Database]:
    """A second, already running workstation on the same database file."""
    other = Database(sqlite_url, workstation="kiosk-1")
    yield other
    other.dispose()


def type_into(qtbot: QtBot, widget: object, text: str) -> None:
    widget.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def test_new_agency_service_and_counter_reach_a_running_kiosk(
    window: AdminWindow, kiosk: Database, qtbot: QtBot
) -> None:
    # Given a kiosk that is already running and knows three services
    assert [s.code for s in catalog.list_services(kiosk)] == ["KK", "KTP", "PKB"]
    marker_before = change_marker(kiosk)

    # When the admin adds an agency
    tab = window.agencies
    window.tabs.setCurrentWidget(tab)
    type_into(qtbot, tab.code, "BPN")
    type_into(qtbot, tab.name, "Kantor Pertanahan")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Agency BPN added."
    assert tab.table.findItems("Kantor Pertanahan", Qt.MatchFlag.MatchExactly)

    # and a service of that agency, open Monday with a lunch break, quota 40
    tab_s = window.services
    window.tabs.setCurrentWidget(tab_s)
    type_into(qtbot, tab_s.code, "SERT")
    type_into(qtbot, tab_s.name, "Pengecekan Sertifikat")
    tab_s.agency.setCurrentIndex(tab_s.agency.findData("BPN"))
    type_into(qtbot, tab_s.prefix, "S")
    tab_s.quota.setValue(40)
    type_into(qtbot, tab_s.hours["mon"], "08:00-12:00, 13:00-15:00")
    qtbot.mouseClick(tab_s.add_button, Qt.MouseButton.LeftButton)
    assert tab_s.message.text() == "Service SERT added with ticket prefix S.", tab_s.message.text()

    # and a counter that serves it
    tab_c = window.counters
    window.tabs.setCurrentWidget(tab_c)
    type_into(qtbot, tab_c.code, "L9")
    type_into(qtbot, tab_c.name, "Loket 9")
    tab_c.check_services(["SERT"])
    qtbot.mouseClick(tab_c.add_button, Qt.MouseButton.LeftButton)
    assert tab_c.message.text() == "Counter L9 added."
    SCREENSHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "admin_counters.png"))

    # Then the running kiosk sees them on its next poll, without a restart
    assert change_marker(kiosk) > marker_before
    new = {s.code: s for s in catalog.list_services(kiosk)}["SERT"]
    assert (new.agency, new.prefix, new.daily_quota) == ("BPN", "S", 40)
    assert new.opening_hours is not None and new.opening_hours["mon"] == [
        ["08:00", "12:00"],
        ["13:00", "15:00"],
    ]
    assert "tue" not in new.opening_hours  # a day left empty is closed
    assert {c.code: c.services for c in catalog.list_counters(kiosk)}["L9"] == ("SERT",)

    # and each change is in the audit log under the admin's name
    window.tabs.setCurrentWidget(window.audit)
    window.audit.entity.setCurrentIndex(window.audit.entity.findData("service"))
    qtbot.mouseClick(window.audit.show_button, Qt.MouseButton.LeftButton)
    rows = [(r.username, r.action, r.entity_id) for r in window.audit.rows]
    assert ("admin", "service.add", "SERT") in rows
    assert all(r.entity == "service" for r in window.audit.rows)


def test_a_refused_service_keeps_what_was_typed(window: AdminWindow, qtbot: QtBot) -> None:
    tab = window.services
    window.tabs.setCurrentWidget(tab)
    type_into(qtbot, tab.code, "AKTA")
    type_into(qtbot, tab.name, "Akta Kelahiran")
    tab.agency.setCurrentIndex(tab.agency.findData("DUKCAPIL"))
    type_into(qtbot, tab.prefix, "A")  # already KTP's prefix
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert "Awalan 'A' sudah dipakai" in tab.message.text()
    assert (tab.code.text(), tab.name.text(), tab.prefix.text()) == ("AKTA", "Akta Kelahiran", "A")

    type_into(qtbot, tab.prefix, "K")
    type_into(qtbot, tab.hours["fri"], "08:00 sampai 11:00")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert "Jumat" in tab.message.text() and "tidak valid" in tab.message.text()
    assert tab.hours["fri"].text() == "08:00 sampai 11:00"


def test_a_disabled_user_cannot_log_in(window: AdminWindow, qtbot: QtBot) -> None:
    tab = window.users
    window.tabs.setCurrentWidget(tab)
    row = tab.table.findItems("petugas1", Qt.MatchFlag.MatchExactly)[0].row()
    tab.table.selectRow(row)
    assert tab.username.text() == "petugas1"
    qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Account petugas1 disabled."
    with pytest.raises(AuthError) as refused:
        users.authenticate(window.ctx.db, "petugas1", "rahasia123")
    assert "dinonaktifkan" in refused.value.message

    # Reset password and enable again: the new password works, the old one does not
    type_into(qtbot, tab.password, "baru-rahasia-9")
    qtbot.mouseClick(tab.password_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.enable_button, Qt.MouseButton.LeftButton)
    assert users.authenticate(window.ctx.db, "petugas1", "baru-rahasia-9").username == "petugas1"
    with pytest.raises(AuthError):
        users.authenticate(window.ctx.db, "petugas1", "rahasia123")


@pytest.mark.usefixtures("memory_keyring")  # the backup on demand is encrypted with a key kept there
def test_test_print_to_pdf_and_site_settings(window: AdminWindow, kiosk: Database, qtbot: QtBot) -> None:
    tab = window.printers
    window.tabs.setCurrentWidget(tab)
    type_into(qtbot, tab.target, "pdf")
    tab.paper.setCurrentIndex(tab.paper.findData(58))
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    path = Path(tab.message.text().split(": ", 1)[1])
    text = PdfReader(path).pages[0].extract_text()
    assert "T001" in text and "MPP Uji Coba" in text

    type_into(qtbot, tab.target, "escpos-net:")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "tidak dikenali" in tab.message.text()
    assert window.ctx.settings.get("printer.ticket_target") == "pdf"  # nothing half-saved

    site_tab = window.site
    window.tabs.setCurrentWidget(site_tab)
    site_tab.running_text.setPlainText("Layanan KTP hari ini sampai pukul 14.00.")
    site_tab.idle_lock.setValue(10)
    qtbot.mouseClick(site_tab.save_button, Qt.MouseButton.LeftButton)
    assert site_tab.message.text() == "Settings saved."
    assert site.get_setting(kiosk, "display.running_text") == "Layanan KTP hari ini sampai pukul 14.00."
    assert Settings.load(window.ctx.settings.path).get("workstation.idle_lock_minutes") == 10

    # A backup on demand, encrypted, and once opened with the site's key a site database with its name
    qtbot.mouseClick(site_tab.backup_button, Qt.MouseButton.LeftButton)
    copy = Path(site_tab.message.text().split(": ", 1)[1])
    assert not copy.read_bytes().startswith(b"SQLite format 3")
    with opened(copy, key=None, folder=copy.parent) as plain:
        assert site.get_site(Database(f"sqlite:///{plain.as_posix()}")).name == "MPP Uji Coba"


@pytest.mark.translation("admin")
def test_the_window_speaks_indonesian_with_its_translation(
    sqlite_url: str, tmp_path: Path, qtbot: QtBot, inline_tasks: None
) -> None:
    db = make_site(sqlite_url)
    try:
        win = open_window(AppContext(db=db, settings=Settings(path=tmp_path / "s.toml"), role="admin"))
        assert isinstance(win, AdminWindow)
        qtbot.addWidget(win)
        titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
        assert titles == [
            "Instansi",
            "Layanan",
            "Loket",
            "Standar layanan",
            "Jenis Izin",
            "Pengguna",
            "Printer",
            "Situs",
            "Aturan situs",
            "Janji temu",
            "Log audit",
        ]
        assert win.agencies.add_button.text() == "Tambah instansi"
        assert win.counters.table.item(0, 4).text() == "ya"
        win.agencies.add()  # empty form: the service's own Indonesian message
        assert "tidak valid" in win.agencies.message.text()
    finally:
        db.dispose()

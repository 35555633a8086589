"""The admin's audit tab reads in Indonesian (issue 12 item 8): actions, entities and details in
words, times in the one date form, the period filter's dates and calendar in Indonesian."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCalendarWidget
from pytestqt.qtbot import QtBot

from p4_desk.gui.admin.window import AdminWindow
from p4_desk.services import queue, site
from p4_desk.services.users import Actor

pytestmark = pytest.mark.translation("admin", "app", "qtbase")


def _rows(window: AdminWindow) -> list[list[str]]:
    table = window.audit.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_audit_rows_are_in_indonesian(admin_window: AdminWindow, qtbot: QtBot) -> None:
    # Given a ticket marked no-show, reactivated, and a site rule changed by the admin
    db = admin_window.ctx.db
    admin: Actor = admin_window.ctx.actor
    queue.issue_ticket(db, "KTP", "lansia")
    queue.set_counter_state(db, "L1", "open", admin)
    queue.call_next(db, "L1", admin)
    queue.recall(db, "A001", admin)
    queue.no_show(db, "A001", admin)
    queue.reactivate(db, "A001", admin)
    site.set_settings(db, {"queue.recalls_before_no_show": 2}, admin)

    # When the admin opens the audit tab
    admin_window.tabs.setCurrentWidget(admin_window.audit)
    qtbot.mouseClick(admin_window.audit.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: admin_window.audit.table.rowCount() >= 7, timeout=3000)
    rows = _rows(admin_window)

    # Then the headers, actions, entities and details are Indonesian words, not codes or JSON
    headers = [admin_window.audit.table.horizontalHeaderItem(c).text() for c in range(7)]
    assert headers == ["No.", "Waktu", "Pengguna", "Workstation", "Tindakan", "Entitas", "Rincian"]
    by_action = {row[4]: row for row in rows}
    assert "Tiket ditandai tidak hadir" in by_action
    assert "Tiket tidak hadir diaktifkan kembali" in by_action
    assert "Loket dibuka" in by_action
    issued = by_action["Tiket diambil"]
    assert issued[5].startswith("Tiket ")
    assert issued[6] == "nomor: A001 · layanan: KTP · prioritas: Lansia"
    rule = by_action["Aturan situs diubah"]
    assert rule[5] == "Aturan situs queue.recalls_before_no_show"
    assert rule[6] == "lama: – · baru: 2"  # it had its default, never stored
    assert [row for row in rows if "ticket." in row[4] or "{" in row[6]] == []
    # and the time is the one date form of every screen, in site time (10.00 WIB on 4 March)
    assert issued[1] == "4 Maret 2026 10.00.00"
    # the entity filter names entities in words too
    entity = admin_window.audit.entity
    assert entity.itemText(entity.findData("ticket")) == "Tiket"
    assert entity.itemText(0) == "semua"


def test_the_period_filter_shows_indonesian_dates(admin_window: AdminWindow, qtbot: QtBot) -> None:
    tab = admin_window.audit
    admin_window.tabs.setCurrentWidget(tab)
    tab.period.setChecked(True)
    tab.date_to.setDate(tab.date_to.date().fromString("2026-12-04", Qt.DateFormat.ISODate))

    assert tab.date_to.text() == "4 Desember 2026"
    calendar = tab.date_to.calendarWidget()
    assert isinstance(calendar, QCalendarWidget)
    assert calendar.locale().monthName(12) == "Desember"
    assert calendar.locale().dayName(1, calendar.locale().FormatType.ShortFormat) == "Sen"

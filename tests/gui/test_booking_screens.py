"""The appointment screens (pytest-qt): the admin's *Janji temu* tab and the supervisor's
*Janji temu hari ini* tab on a real database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.domain.booking_rules import BookingRule
from p4_desk.gui.admin.window import AdminWindow
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.supervisor.bookings import BookingsPanel
from p4_desk.services import booking
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

WIB = ZoneInfo("Asia/Jakarta")


def test_the_admin_sets_a_services_appointment_rule_and_a_wrong_one_is_refused_by_its_field(
    admin_window: AdminWindow, qtbot: QtBot
) -> None:
    tab = admin_window.booking_rules
    admin_window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3, timeout=3000)
    tab.select("KTP")
    assert tab.service.text() == "KTP — KTP-el"

    # No hours at all: refused under the hours, nothing saved, the form kept
    tab.enabled.setChecked(True)
    tab.capacity.setValue(4)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.errors["hours"].text() == "Pilih paling sedikit satu hari dan jam janji temu."
    assert booking.get_rule(admin_window.ctx.db, "KTP").rule is None
    assert tab.capacity.value() == 4

    # Wednesday mornings, 20-minute slots, called at the slot time
    tab.hours["wed"].setText("08:00-10:00")
    tab.slot_minutes.setValue(20)
    tab.policy.setCurrentIndex(tab.policy.findData("slot"))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == "Appointment rule of KTP-el saved."
    saved = booking.get_rule(admin_window.ctx.db, "KTP")
    assert saved.enabled and saved.rule is not None
    assert (saved.rule.slot_minutes, saved.rule.capacity, saved.rule.policy) == (20, 4, "slot")
    assert dict(saved.rule.hours) == {"wed": [["08:00", "10:00"]]}
    slots = booking.slots_for(admin_window.ctx.db, "KTP", datetime(2026, 3, 4).date())
    assert [s.start.strftime("%H.%M") for s in slots] == [
        f"{h:02d}.{m:02d}" for h in (8, 9) for m in (0, 20, 40)
    ]


@pytest.fixture
def hall(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(sqlite_url, clock)
    booking.set_rule(db, "KTP", BookingRule(hours={"wed": [["08:00", "12:00"]]}, capacity=3))
    yield db
    db.dispose()


def test_the_supervisor_sees_todays_bookings_per_service(
    hall: Database, clock: Clock, qtbot: QtBot, inline_tasks: None
) -> None:
    clock.now = datetime(2026, 3, 4, 8, 0, tzinfo=WIB).astimezone(UTC)
    early = booking.add_booking(hall, "KTP", datetime(2026, 3, 4, 9, 0, tzinfo=WIB), "Satu", "081211110001")
    booking.add_booking(hall, "KTP", datetime(2026, 3, 4, 9, 0, tzinfo=WIB), "Dua", "081211110002")
    booking.add_booking(hall, "KTP", datetime(2026, 3, 4, 11, 0, tzinfo=WIB), "Tiga", "081211110003")
    clock.now = datetime(2026, 3, 4, 8, 50, tzinfo=WIB).astimezone(UTC)
    booking.check_in(hall, early.code)
    clock.now = datetime(2026, 3, 4, 10, 0, tzinfo=WIB).astimezone(UTC)  # the 9.00 window closed

    panel = BookingsPanel(AppContext(db=hall, settings=Settings.load(), role="supervisor"))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=3000)
    row = [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
    assert row == ["KTP-el", "3", "1", "0", "1", "1", "0"]
    assert panel.summary.text() == "Today: 3 booked, 1 checked in, 0 late, 1 no-show, 1 still expected."
    panel.live.stop()

"""'Ingatkan saya' at the kiosk, as a citizen does it: print a ticket, tap the offer, type the
mobile number on the on-screen keypad, send. Real widgets, a real SQLite site, the real ticket
printed into an ESC/POS file, the Indonesian catalogue loaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.services import queue, site
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

pytestmark = pytest.mark.translation("kiosk")


@pytest.fixture
def hall(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(sqlite_url, clock)
    queue.set_counter_state(db, "L1", "open")
    yield db
    db.dispose()


def open_kiosk(qtbot: QtBot, db: Database, tmp_path: Path) -> KioskWindow:
    settings = Settings(
        {"printer.ticket_target": f"escpos-file:{tmp_path / 'lp0'}", "printer.ticket_paper_mm": 58,
         "voice.enabled": False},
        path=tmp_path / "settings.toml",
    )  # fmt: skip
    window = KioskWindow(AppContext(db=db, settings=settings, role="kiosk"), audio="none")
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=3000)
    return window


def tap(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def take_ticket(qtbot: QtBot, kiosk: KioskWindow) -> None:
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.services.buttons["KTP"])
    assert kiosk.ticket_page.status.text() == "Silakan ambil tiket Anda dan tunggu panggilan."


def type_on_keypad(qtbot: QtBot, kiosk: KioskWindow, digits: str) -> None:
    for digit in digits:
        tap(qtbot, kiosk.reminder.page.digits[digit])


def kept_phones(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return [row[0] for row in conn.execute(text("SELECT phone FROM reminder_request"))]


def test_a_citizen_types_a_mobile_number_on_the_keypad_and_is_told_where_the_message_goes(
    qtbot: QtBot, hall: Database, tmp_path: Path, inline_tasks: None
) -> None:
    # Given a hall connected to the province's pages
    site.set_setting(hall, "central.public_url", "https://antrian.lampungprov.go.id")
    kiosk = open_kiosk(qtbot, hall, tmp_path)
    take_ticket(qtbot, kiosk)
    offer = kiosk.reminder.offer_button
    assert offer.text() == "Ingatkan saya saat giliran saya dekat"

    # When the citizen taps it, a landline is refused and what was typed stays
    tap(qtbot, offer)
    page = kiosk.reminder.page
    assert kiosk.stack.currentWidget() is page
    assert page.title.text() == "Ingatkan saya saat giliran saya dekat"
    assert "boleh dikosongkan" in page.explain.text()
    type_on_keypad(qtbot, kiosk, "0721123456")
    tap(qtbot, page.send)
    assert page.message.isVisible()
    assert page.message.text() == "Gunakan nomor ponsel (diawali 08), bukan telepon rumah."
    assert page.number.text() == "0721123456"
    assert kept_phones(hall) == []

    # And corrected with "Hapus" / "Kosongkan", a mobile number is kept
    tap(qtbot, page.erase)
    assert page.number.text() == "072112345"
    tap(qtbot, page.clear)
    assert page.number.text() == ""
    type_on_keypad(qtbot, kiosk, "081234567890")
    tap(qtbot, page.send)

    # Then the ticket page says where the message goes, never the whole number
    assert kiosk.stack.currentWidget() is kiosk.ticket_page
    assert kiosk.reminder.kept.text() == (
        "Kami akan mengirim pesan ke ****7890 ketika giliran Anda sudah dekat."
    )
    assert "081234567890" not in kiosk.reminder.kept.text()
    assert not offer.isVisible()
    assert kept_phones(hall) == ["+6281234567890"]

    # And the next citizen starts with an empty field and no message of the last one
    tap(qtbot, kiosk.ticket_page.done)
    assert kiosk.stack.currentWidget() is kiosk.home
    take_ticket(qtbot, kiosk)
    tap(qtbot, kiosk.reminder.offer_button)
    assert page.number.text() == "" and not page.message.isVisible()
    tap(qtbot, page.skip)
    assert kiosk.stack.currentWidget() is kiosk.ticket_page and not kiosk.reminder.kept.isVisible()


def test_a_hall_without_a_central_server_offers_no_reminder(
    qtbot: QtBot, hall: Database, tmp_path: Path, inline_tasks: None
) -> None:
    kiosk = open_kiosk(qtbot, hall, tmp_path)
    take_ticket(qtbot, kiosk)
    assert not kiosk.reminder.offer_button.isVisible()
    assert kiosk.ticket_page.done.isVisible()

"""Kiosk check-in with a booking code, driven as a citizen would: touching the keypad, or a USB QR
scanner typing the code and Enter; the ticket printed through a real ESC/POS file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from p4_desk.domain.booking_rules import BookingRule
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.services import booking, queue
from p4_desk.store.db import Database
from tests.gui.conftest import Translation
from tests.gui.test_kiosk import open_kiosk, tap
from tests.support.sites import Clock, make_site

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def site(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(sqlite_url, clock)  # Wednesday 4 March 2026, 10.00 WIB
    booking.set_rule(db, "KTP", BookingRule(hours={"wed": [["08:00", "12:00"]], "thu": [["08:00", "12:00"]]}))
    yield db
    db.dispose()


@pytest.fixture
def kiosk(
    qtbot: QtBot, site: Database, tmp_path: Path, translation: Translation, inline_tasks: None
) -> Iterator[KioskWindow]:
    translation("kiosk")
    window = open_kiosk(qtbot, site, f"escpos-file:{tmp_path / 'lp0'}", tmp_path)
    yield window
    window.close()


def test_a_citizen_types_the_code_on_the_keypad_and_gets_a_ticket_with_the_appointment(
    qtbot: QtBot, kiosk: KioskWindow, site: Database, tmp_path: Path
) -> None:
    # Given a booking for 10.30 and a walk-in already waiting
    made = booking.add_booking(site, "KTP", datetime(2026, 3, 4, 10, 30, tzinfo=WIB), "Budi", "081234567890")
    queue.issue_ticket(site, "KTP")
    checkin = kiosk.checkin

    # When the citizen touches "Saya sudah punya janji" and types the code on the keypad
    assert checkin.button.text() == "Saya sudah punya janji"
    tap(qtbot, checkin.button)
    assert kiosk.stack.currentWidget() is checkin.page
    for digit in made.code[:4]:
        tap(qtbot, checkin.page.digits[digit])
    tap(qtbot, checkin.page.submit)  # too short: told, nothing issued
    assert checkin.page.message.text() == "Kode janji temu terdiri dari 8 angka."
    for digit in made.code[4:]:
        tap(qtbot, checkin.page.digits[digit])
    assert checkin.page.code.text() == made.code
    tap(qtbot, checkin.page.submit)

    # Then the ticket page shows the number and the appointment, and the ticket prints with it
    page = kiosk.ticket_page
    assert kiosk.stack.currentWidget() is page
    assert page.number.text() == "A002"
    assert page.priority.text() == "Janji temu 10.30 WIB"
    printed = (tmp_path / "lp0").read_bytes()
    assert b"A002" in printed and b"Janji temu 10.30 WIB" in printed
    assert queue.get_ticket(site, "A002").print_state == "printed"

    # When the same code is typed again, no second ticket: the kiosk names the one it has
    tap(qtbot, page.done)
    tap(qtbot, checkin.button)
    for digit in made.code:
        tap(qtbot, checkin.page.digits[digit])
    tap(qtbot, checkin.page.submit)
    assert checkin.page.message.text() == "Kode ini sudah dipakai: nomor antrian Anda A002."
    assert [b.ticket_number for b in booking.list_bookings(site, made.slot_start.date())] == ["A002"]


def test_a_scanner_types_the_code_and_enter(
    qtbot: QtBot, kiosk: KioskWindow, site: Database, clock: Clock
) -> None:
    clock.advance(hours=-1)  # booked by phone at 09.00 for 10.00; now it is 10.00
    today = booking.add_booking(site, "KTP", datetime(2026, 3, 4, 10, 0, tzinfo=WIB), "Siti", "081234567890")
    clock.advance(hours=1)
    tomorrow = booking.add_booking(site, "KTP", datetime(2026, 3, 5, 9, 0, tzinfo=WIB), "Ani", "081234567891")
    tap(qtbot, kiosk.checkin.button)
    field = kiosk.checkin.page.code
    assert field.hasFocus() or kiosk.focusWidget() is field

    # A code for another day: said in Indonesian, the code stays to be corrected
    qtbot.keyClicks(field, tomorrow.code)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "untuk Kamis, 5 Maret 2026 pukul 09.00 WIB, bukan hari ini" in kiosk.checkin.page.message.text()
    assert kiosk.stack.currentWidget() is kiosk.checkin.page

    field.clear()
    qtbot.keyClicks(field, today.code[:4] + " " + today.code[4:])  # scanners may send a space
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert kiosk.stack.currentWidget() is kiosk.ticket_page
    assert kiosk.ticket_page.number.text() == "A001"
    assert kiosk.ticket_page.priority.text() == "Janji temu 10.00 WIB"


def test_a_booked_citizen_adds_a_second_service_to_the_visit(
    qtbot: QtBot, kiosk: KioskWindow, site: Database, tmp_path: Path
) -> None:
    # Given a booking for KTP at 10.30 (now 10.00)
    made = booking.add_booking(site, "KTP", datetime(2026, 3, 4, 10, 30, tzinfo=WIB), "Budi", "081234567890")
    checkin = kiosk.checkin
    tap(qtbot, checkin.button)
    more = checkin.page.more
    assert more.text() == "Tambah layanan lain"
    tap(qtbot, more)  # no code yet: told, nothing else happens
    assert checkin.page.message.text() == "Kode janji temu terdiri dari 8 angka."
    assert kiosk.stack.currentWidget() is checkin.page

    # When the citizen types the code and asks for another service, then picks the vehicle tax
    for digit in made.code:
        tap(qtbot, checkin.page.digits[digit])
    tap(qtbot, more)
    assert kiosk.stack.currentWidget() is kiosk.home
    assert kiosk.home.notice.text() == "Layanan ke-2 dari maksimal 3: pilih instansi, lalu layanannya."
    assert booking.list_bookings(site, made.slot_start.date())[0].state == "booked"  # not used yet
    tap(qtbot, kiosk.home.buttons["SAMSAT"])
    tap(qtbot, kiosk.services.buttons["PKB"])
    page = kiosk.visit.page
    assert kiosk.stack.currentWidget() is page
    assert page.steps.text() == "1. KTP-el — janji temu 10.30 WIB\n2. Pajak Kendaraan"
    tap(qtbot, page.take)

    # Then one ticket: the appointment's place in KTP, then the vehicle tax on the same number
    ticket_page = kiosk.ticket_page
    assert kiosk.stack.currentWidget() is ticket_page
    assert ticket_page.number.text() == "A001"
    assert ticket_page.priority.text() == "Janji temu 10.30 WIB"
    assert kiosk.visit.plan_label.text().endswith("1. KTP-el\n2. Pajak Kendaraan")
    printed = (tmp_path / "lp0").read_bytes()
    assert b"Janji temu 10.30 WIB" in printed and b"Lanjut ke: Pajak Kendaraan" in printed
    ticket = queue.get_ticket(site, "A001")
    assert booking.list_bookings(site, made.slot_start.date())[0].ticket_number == "A001"
    assert kiosk.visit.booking is None and kiosk.visit.codes == []
    assert ticket.state == "waiting"

    # The same code with "add another service" again: the number it already has, no new visit
    tap(qtbot, ticket_page.done)
    tap(qtbot, checkin.button)
    for digit in made.code:
        tap(qtbot, checkin.page.digits[digit])
    tap(qtbot, more)
    assert checkin.page.message.text() == "Kode ini sudah dipakai: nomor antrian Anda A001."
    assert kiosk.stack.currentWidget() is checkin.page


def test_keys_alone_reach_the_appointment_and_the_visit_buttons(
    qtbot: QtBot, kiosk: KioskWindow, site: Database
) -> None:
    # Given a citizen with a booking who uses only the keypad and the voice
    made = booking.add_booking(site, "KTP", datetime(2026, 3, 4, 10, 30, tzinfo=WIB), "Budi", "081234567890")
    kiosk.activateWindow()
    said = kiosk.access.said

    def press(key: Qt.Key) -> None:
        qtbot.keyClick(QApplication.focusWidget() or kiosk, key)

    # The arrows go past the agencies to the action buttons, each read out with its number
    for _ in range(8):
        press(Qt.Key.Key_Right)
        if said[-1].text().endswith(": Saya sudah punya janji"):
            break
    assert said[-1].text().endswith(": Saya sudah punya janji")
    press(Qt.Key.Key_Enter)
    page = kiosk.checkin.page
    assert kiosk.stack.currentWidget() is page
    assert said[-1].text() == "Ketik atau pindai kode janji temu Anda. Pilihan 1: Check-in"

    # The keypad types the code; the arrows reach "Tambah layanan lain", a digit goes back to the code
    for digit in made.code[:7]:
        press(getattr(Qt.Key, f"Key_{digit}"))
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Right)
    assert said[-1].text() == "Pilihan 2: Tambah layanan lain"
    press(getattr(Qt.Key, f"Key_{made.code[7]}"))
    assert page.code.text() == made.code
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Enter)

    # Then the agencies for the second service; 2 takes Samsat, 1 its vehicle tax
    assert kiosk.stack.currentWidget() is kiosk.home
    press(Qt.Key.Key_2)
    press(Qt.Key.Key_1)
    visit = kiosk.visit.page
    assert kiosk.stack.currentWidget() is visit
    assert said[-1].text() == "Layanan kunjungan Anda. Pilihan 1: Ambil nomor antrian"
    press(Qt.Key.Key_Right)
    assert said[-1].text() == "Pilihan 2: Tambah layanan lain"
    press(Qt.Key.Key_Left)
    press(Qt.Key.Key_Enter)

    # One number for both, with the appointment, and it is spoken
    assert kiosk.stack.currentWidget() is kiosk.ticket_page
    assert kiosk.ticket_page.number.text() == "A001"
    assert said[-1].text().startswith("Nomor antrian A satu")
    assert booking.list_bookings(site, made.slot_start.date())[0].ticket_number == "A001"
    assert "2. Pajak Kendaraan" in kiosk.visit.plan_label.text()

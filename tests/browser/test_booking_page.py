"""/booking in a real headless Chromium at a phone's size, against the real central server fed by
a real desk database through the real sync agent (issue 17.2): book, read the QR, check in at
the hall with the scanned code, cancel another."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from p4_desk.domain.booking_rules import BookingRule
from p4_desk.services import booking
from p4_desk.store.db import Database
from tests.browser.conftest import shot
from tests.browser.test_citizen_pages import body_text, wait_for_text
from tests.integration.central_server import CentralServer
from tests.support.citizen import SITE_NAME, live_hall, sync

pytestmark = pytest.mark.usefixtures("memory_keyring")
ALL_DAY = {d: [["00:00", "24:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


@pytest.fixture
def hall(central: CentralServer, sqlite_url: str) -> Iterator[Database]:
    db = live_hall(central, sqlite_url)
    booking.set_rule(db, "KTP", BookingRule(hours=ALL_DAY, slot_minutes=30, capacity=2, days_ahead=3))
    sync(db)
    yield db
    db.dispose()


def fill_booking(phone: Any, central: CentralServer, name: str, number: str) -> None:
    phone.get(central.url + "/booking")
    Select(phone.find_element(By.ID, "site")).select_by_visible_text(SITE_NAME)
    phone.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for_text(phone, "MPP: " + SITE_NAME)
    Select(phone.find_element(By.ID, "service")).select_by_value("KTP")
    phone.find_element(By.XPATH, "//button[text()='Lihat jam yang tersedia']").click()
    wait_for_text(phone, "sisa 2")
    phone.find_elements(By.CSS_SELECTOR, "input[name=slot]")[0].click()
    phone.find_element(By.ID, "name").send_keys(name)
    phone.find_element(By.ID, "phone").send_keys(number)


def test_a_citizen_books_on_the_phone_and_checks_in_with_the_qr(
    phone: Any, central: CentralServer, hall: Database
) -> None:
    # A wrong phone number: said on the page, the name kept
    fill_booking(phone, central, "Budi Santoso", "12345")
    phone.find_element(By.ID, "book").click()
    wait_for_text(phone, "Nomor telepon harus diawali 0, 62, atau +62")
    assert phone.find_element(By.ID, "name").get_attribute("value") == "Budi Santoso"
    shot(phone, "booking-form-error")

    fill_booking(phone, central, "Budi Santoso", "0812-3456-7890")
    shot(phone, "booking-form")
    phone.find_element(By.ID, "book").click()
    wait_for_text(phone, "Janji temu Anda tercatat.")
    code = phone.find_element(By.ID, "code").text
    assert len(code) == 8 and "pukul" in phone.find_element(By.ID, "when").text
    shot(phone, "booking-done")

    # The QR on the page carries the code (what the kiosk's scanner will type)
    png = phone.find_element(By.CSS_SELECTOR, "img.qr").screenshot_as_png
    assert [c.text for c in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))] == [code]

    # The hall pulls it and checks it in with the scanned code
    sync(hall)
    result = booking.check_in(hall, code)
    assert result.booking.name == "Budi Santoso" and result.ticket.service == "KTP"
    sync(hall)
    phone.refresh()
    wait_for_text(phone, "Anda sudah check-in.")
    assert "Batalkan" not in body_text(phone)


def test_a_citizen_cancels_on_the_page(phone: Any, central: CentralServer, hall: Database) -> None:
    fill_booking(phone, central, "Siti Aminah", "081298765432")
    phone.find_element(By.ID, "book").click()
    wait_for_text(phone, "Janji temu Anda tercatat.")
    code = phone.find_element(By.ID, "code").text
    phone.find_element(By.ID, "cancel").click()
    wait_for_text(phone, "Janji temu ini sudah dibatalkan.")
    shot(phone, "booking-cancelled")
    sync(hall)
    assert [b.state for b in booking.list_bookings(hall, booking.rules.today(hall)) if b.code == code] == [
        "cancelled"
    ]

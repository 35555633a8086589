"""The citizens' pages in a real headless Chromium at a phone's size (360 × 640), against a real
central server on 127.0.0.1 fed by a real desk database through the real sync agent (issue 16).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from p4_desk.services import applications as apps
from p4_desk.services import complaints, queue, ticketing, users
from p4_desk.services.applications import DocumentInput, IntakeRequest
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor
from tests.browser.conftest import WIDTH, shot
from tests.integration.central_server import CentralServer, running_central
from tests.support.citizen import (
    APPLICANT,
    APPLICANT_PHONE,
    NIK,
    SITE_NAME,
    FakeGateway,
    agent_for,
    fake_gateway,
    live_hall,
    qr_texts,
    sync,
)

pytestmark = pytest.mark.usefixtures("memory_keyring")
#: a bounded wait for what the page shows (not a speed check: bench/bench_citizen.py measures)
PATIENCE_S = 30


@pytest.fixture
def gateway() -> Iterator[FakeGateway]:
    with fake_gateway() as fake:
        yield fake


@pytest.fixture
def central(tmp_path: Path, gateway: FakeGateway) -> Iterator[CentralServer]:
    env = {"P4_NOTIFY_GATEWAY": "sms", "P4_NOTIFY_URL": gateway.url}
    with running_central(tmp_path / "central", env=env) as server:
        yield server


@pytest.fixture
def hall(central: CentralServer, sqlite_url: str) -> Iterator[Database]:
    db = live_hall(central, sqlite_url)
    yield db
    db.dispose()


def officer(db: Database) -> Actor:
    return users.get_user(db, "petugas1").actor


def body_text(driver: Any) -> str:
    """What the page shows now (read in one script call, so a page being replaced is no error)."""
    return str(driver.execute_script("return document.body ? document.body.innerText : ''"))


def wait_for_text(driver: Any, text: str) -> None:
    """Until the page shows ``text`` (bounded; on failure the message has what it shows)."""
    try:
        WebDriverWait(driver, PATIENCE_S).until(lambda d: text in body_text(d))
    except TimeoutException:
        raise AssertionError(f"{text!r} not shown at {driver.current_url}:\n{body_text(driver)}") from None


def fits_the_phone(driver: Any) -> bool:
    return int(driver.execute_script("return document.documentElement.scrollWidth")) <= WIDTH


@pytest.fixture
def syncing(hall: Database) -> Iterator[None]:
    """The hall's sync loop, as ``p4-desk sync run`` runs it (push every second)."""
    stop = threading.Event()
    agent = agent_for(hall)
    agent.pull_interval_s = 30.0

    def loop() -> None:
        while not stop.is_set():
            agent.run_once(respect_backoff=True)
            stop.wait(1.0)

    thread = threading.Thread(target=loop, name="hall-sync", daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(timeout=60)


def test_the_halls_and_a_halls_queue_on_a_phone(phone: Any, central: CentralServer, hall: Database) -> None:
    for _ in range(3):
        queue.issue_ticket(hall, "KTP")
    queue.issue_ticket(hall, "PKB")
    queue.set_counter_state(hall, "L1", "open", officer(hall))
    called = queue.call_next(hall, "L1", officer(hall))
    assert called is not None
    sync(hall)

    phone.get(central.url + "/")
    text = body_text(phone)
    assert "Antrian Mal Pelayanan Publik" in text and SITE_NAME in text
    assert "Menunggu\n3 orang" in text and "Buka · data langsung" in text
    assert fits_the_phone(phone)
    shot(phone, "halls")

    phone.find_element(By.LINK_TEXT, SITE_NAME).click() if False else phone.find_element(
        By.CSS_SELECTOR, ".card-link"
    ).click()
    wait_for_text(phone, "Dinas Kependudukan")
    text = body_text(phone)
    assert "KTP-el" in text and "Pajak Kendaraan" in text
    assert f"{called.number} di Loket 1" in text and "Perkiraan tunggu" in text
    assert fits_the_phone(phone)
    shot(phone, "hall")

    # When the hall has been out of contact for three minutes, the page says since when
    moment = datetime.now(UTC) - timedelta(minutes=3)
    with sqlite3.connect(central.db_url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE sites SET last_contact_at = ?", (moment.replace(tzinfo=None).isoformat(" "),))
    phone.refresh()
    local = moment.astimezone(ZoneInfo("Asia/Jakarta")).strftime("%H.%M")
    wait_for_text(phone, f"Data terakhir {local} WIB")
    assert "data langsung" not in body_text(phone)
    shot(phone, "hall-stale")


def test_my_ticket_updates_itself_when_a_counter_calls(
    phone: Any, central: CentralServer, hall: Database, syncing: None, tmp_path: Path
) -> None:
    # Given my printed ticket with one citizen ahead, opened from its QR code; my visit goes on
    # to the vehicle tax
    queue.issue_ticket(hall, "KTP")
    mine = queue.issue_ticket(hall, "KTP", print_state="pending", then=["PKB"])
    pdf = ticketing.print_ticket(hall, mine.id, f"pdf:{tmp_path / 't.pdf'}").pdf
    assert pdf is not None
    [url] = qr_texts(pdf)
    phone.get(url)
    wait_for_text(phone, mine.number)
    text = body_text(phone)
    assert "Nomor antrian" in text and "Menunggu" in text and "Masih ada 1 orang di depan Anda." in text
    assert "Ingatkan saya" in text and "Lanjut ke: Pajak Kendaraan" in text
    assert fits_the_phone(phone)
    shot(phone, "ticket-waiting")
    phone.execute_script("window.notReloaded = true")

    # When the counter calls the one before me, then me
    queue.set_counter_state(hall, "L2", "open", officer(hall))
    first = queue.call_next(hall, "L2", officer(hall))
    assert first is not None
    queue.start(hall, first.id, officer(hall))
    queue.finish(hall, first.id, officer(hall))
    wait_for_text(phone, "Anda berikutnya")
    called = queue.call_next(hall, "L2", officer(hall))
    assert called is not None and called.number == mine.number

    # Then the open page says so by itself (no reload), with the counter to go to
    wait_for_text(phone, "Silakan menuju Loket 2")
    text = body_text(phone)
    assert "Dipanggil" in text and "Loket\nLoket 2" in text and "Di depan Anda" not in text
    assert "Ingatkan saya" not in text  # nothing left to be reminded of
    assert phone.execute_script("return window.notReloaded === true")
    shot(phone, "ticket-called")

    # When KTP is done, the number waits for the vehicle tax: nothing is left "to go on to"
    queue.start(hall, called.id, officer(hall))
    queue.finish(hall, called.id, officer(hall))
    wait_for_text(phone, "Menunggu")
    try:
        WebDriverWait(phone, PATIENCE_S).until(lambda d: "Lanjut ke" not in body_text(d))
    except TimeoutException:
        raise AssertionError(f"'Lanjut ke' still shown:\n{body_text(phone)}") from None
    assert phone.execute_script("return window.notReloaded === true")


def test_ingatkan_saya_on_the_ticket_page(phone: Any, central: CentralServer, hall: Database) -> None:
    for _ in range(5):
        queue.issue_ticket(hall, "KTP")
    mine = queue.issue_ticket(hall, "KTP")
    sync(hall)
    phone.get(f"{central.url}/t/{mine.public_token}")
    phone.find_element(By.ID, "phone").send_keys("0812-3456-7890")
    phone.find_element(By.CSS_SELECTOR, "#pengingat button[type=submit]").click()
    wait_for_text(phone, "Centang persetujuan")
    assert phone.find_element(By.ID, "phone").get_attribute("value") == "0812-3456-7890"  # kept
    phone.find_element(By.NAME, "consent").click()
    phone.find_element(By.CSS_SELECTOR, "#pengingat button[type=submit]").click()
    wait_for_text(phone, "Pengingat aktif")
    text = body_text(phone)
    assert "tinggal 3 orang di depan Anda" in text and "****7890" in text and "3456" not in text
    shot(phone, "ticket-reminder")


def test_the_receipt_opens_tracking_and_a_wrong_secret_is_refused(
    phone: Any, central: CentralServer, hall: Database
) -> None:
    documents = (DocumentInput("KTP", True), DocumentInput("STR", False))
    request = IntakeRequest(
        NIK, APPLICANT, APPLICANT_PHONE, "Jl. Teuku Umar 12", "SIP-BIDAN", documents=documents
    )
    info = apps.intake(hall, request, officer(hall))
    [url] = qr_texts(apps.receipt_pdf(hall, info.registration_number, actor=officer(hall)))
    sync(hall)
    apps.change_state(hall, info.registration_number, "verifying", "", officer(hall))
    sync(hall)

    phone.get(url)
    text = body_text(phone)
    assert "Lacak permohonan" in text and info.registration_number in text
    assert "Verifikasi berkas" in text and "Berkas diterima" in text and "S*** A***" in text
    assert "Fotokopi STR Bidan" in text and "Perkiraan selesai" in text
    assert APPLICANT not in text and NIK not in text
    assert fits_the_phone(phone)
    shot(phone, "tracking")

    parts = urlsplit(url)
    phone.get(f"{central.url}{parts.path}?k=salah-tebak")
    assert "Permohonan tidak ditemukan" in body_text(phone) and "Verifikasi" not in body_text(phone)
    shot(phone, "tracking-refused")


def test_a_complaint_filed_on_a_phone_reaches_the_hall(
    phone: Any, central: CentralServer, hall: Database
) -> None:
    sync(hall)
    phone.get(central.url + "/pengaduan")
    Select(phone.find_element(By.ID, "situs")).select_by_visible_text(SITE_NAME)
    phone.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(phone, PATIENCE_S).until(lambda d: d.find_elements(By.ID, "agency"))
    Select(phone.find_element(By.ID, "agency")).select_by_visible_text("Samsat")
    # only Samsat's services are offered once Samsat is chosen
    offered = [o.text for o in Select(phone.find_element(By.ID, "service")).options if o.is_enabled()]
    assert offered == ["— tidak tahu / lainnya —", "Pajak Kendaraan"]
    Select(phone.find_element(By.ID, "service")).select_by_visible_text("Pajak Kendaraan")
    phone.find_element(By.ID, "description").send_keys("Loket pajak tutup sebelum jam layanan berakhir.")
    shot(phone, "complaint-form")
    phone.find_element(By.CSS_SELECTOR, "form[method=post] > button[type=submit]").click()
    wait_for_text(phone, "Pengaduan terkirim")
    text = body_text(phone)
    assert "Kode pelacakan" in text and "Terkirim, menunggu diterima MPP" in text
    code = phone.find_element(By.CSS_SELECTOR, ".regno").text
    assert fits_the_phone(phone)
    shot(phone, "complaint-sent")

    sync(hall)
    [filed] = complaints.list_complaints(hall)
    assert filed.web_code == code and filed.agency == "SAMSAT" and filed.identity == "anonymous"
    complaints.step_complaint(hall, filed.number, "verified", None, officer(hall))
    complaints.step_complaint(hall, filed.number, "forwarded", None, officer(hall))
    complaints.step_complaint(
        hall, filed.number, "answered", "Jam loket disesuaikan mulai besok.", officer(hall)
    )
    sync(hall)
    phone.get(f"{central.url}/pengaduan/{code}")
    text = body_text(phone)
    assert "Ditanggapi" in text and "Jam loket disesuaikan mulai besok." in text and filed.number in text
    shot(phone, "complaint-answered")


def test_the_phones_position_goes_with_a_complaint_only_after_the_citizen_asks(
    phone: Any, central: CentralServer, hall: Database
) -> None:
    sync(hall)
    phone.get(central.url + "/pengaduan")
    Select(phone.find_element(By.ID, "situs")).select_by_visible_text(SITE_NAME)
    phone.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(phone, PATIENCE_S).until(lambda d: d.find_elements(By.ID, "agency"))
    Select(phone.find_element(By.ID, "agency")).select_by_visible_text("Samsat")
    phone.find_element(By.ID, "description").send_keys("Parkir di depan MPP penuh, antrean kendaraan.")
    locate = phone.find_element(By.CSS_SELECTOR, "[data-role=locate]")
    assert "Lokasi tidak disertakan." in body_text(phone)

    # When the citizen refuses the phone's permission prompt, nothing is sent
    phone.execute_cdp_cmd(
        "Browser.setPermission",
        {"permission": {"name": "geolocation"}, "setting": "denied", "origin": central.url},
    )
    locate.click()
    wait_for_text(phone, "Lokasi tidak disertakan (izin ditolak atau tidak tersedia).")

    # When the citizen allows it, the phone's position is shown before it is sent
    phone.execute_cdp_cmd(
        "Browser.setPermission",
        {"permission": {"name": "geolocation"}, "setting": "granted", "origin": central.url},
    )
    phone.execute_cdp_cmd(
        "Emulation.setGeolocationOverride", {"latitude": -5.397141, "longitude": 105.266789, "accuracy": 10}
    )
    locate.click()
    wait_for_text(phone, "Lokasi disertakan: -5.39714, 105.26679")
    shot(phone, "complaint-location")

    # And the citizen can take it back, and give it again
    phone.find_element(By.CSS_SELECTOR, "[data-role=unlocate]").click()
    assert "Lokasi tidak disertakan." in body_text(phone) and locate.is_displayed()
    assert phone.find_element(By.NAME, "latitude").get_attribute("value") == ""
    locate.click()
    wait_for_text(phone, "Lokasi disertakan: -5.39714, 105.26679")
    phone.find_element(By.CSS_SELECTOR, "form[method=post] > button[type=submit]").click()
    wait_for_text(phone, "Pengaduan terkirim")

    # Then the hall's complaint carries the position the citizen saw
    sync(hall)
    [filed] = complaints.list_complaints(hall)
    assert (filed.latitude, filed.longitude) == (-5.39714, 105.26679)
    assert filed.place == "Dilaporkan lewat formulir web"

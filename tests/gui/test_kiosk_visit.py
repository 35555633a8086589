"""Several services in one visit, as a citizen does it at the kiosk and an officer sees it at the
counter: real widgets, a real SQLite site, the ticket printed to a real ESC/POS file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.services import catalog, queue
from p4_desk.store.db import Database
from tests.gui.conftest import MakeCtx, Translation
from tests.gui.test_counter_window import WAIT, open_counter, press, wait_idle
from tests.support.sites import Clock, make_site


@pytest.fixture
def site(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(sqlite_url, clock)
    yield db
    db.dispose()


@pytest.fixture
def kiosk(
    qtbot: QtBot, site: Database, tmp_path: Path, translation: Translation, inline_tasks: None
) -> Iterator[KioskWindow]:
    translation("kiosk")
    settings = Settings(
        {"printer.ticket_target": f"escpos-file:{tmp_path / 'lp0'}", "printer.ticket_paper_mm": 58},
        path=tmp_path / "settings.toml",
    )
    window = KioskWindow(AppContext(db=site, settings=settings, role="kiosk"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=3000)
    yield window
    window.close()


def tap(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_citizen_takes_one_number_for_three_services(
    qtbot: QtBot, kiosk: KioskWindow, site: Database, tmp_path: Path
) -> None:
    # Dukcapil first: the citizen says "several services", then taps KTP-el
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    several = kiosk.visit.start_button
    assert several.text() == "Pilih beberapa layanan"
    tap(qtbot, several)
    assert kiosk.services.notice.text() == "Pilih layanan pertama kunjungan Anda."
    tap(qtbot, kiosk.services.buttons["KTP"])
    page = kiosk.visit.page
    assert kiosk.stack.currentWidget() is page
    assert page.title.text() == "Layanan kunjungan Anda"
    assert page.steps.text() == "1. KTP-el"
    assert queue.waiting_list(site) == []  # no number yet

    # then Samsat: back to the agencies, and "Kembali" on the way keeps the visit
    assert page.add.text() == "Tambah layanan lain"
    tap(qtbot, page.add)
    assert kiosk.stack.currentWidget() is kiosk.home
    assert kiosk.home.notice.text() == "Layanan ke-2 dari maksimal 3: pilih instansi, lalu layanannya."
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.back_button)
    assert kiosk.stack.currentWidget() is kiosk.home
    tap(qtbot, kiosk.home.buttons["SAMSAT"])
    tap(qtbot, kiosk.services.buttons["PKB"])
    assert page.steps.text() == "1. KTP-el\n2. Pajak Kendaraan"

    # and Kartu Keluarga: three is the most, so "add" is off
    tap(qtbot, page.add)
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.services.buttons["KK"])
    assert page.steps.text() == "1. KTP-el\n2. Pajak Kendaraan\n3. Kartu Keluarga"
    assert not page.add.isEnabled() and page.add.text() == "Maksimal 3 layanan"

    tap(qtbot, page.take)
    ticket_page = kiosk.ticket_page
    assert kiosk.stack.currentWidget() is ticket_page
    assert (ticket_page.number.text(), ticket_page.service.text()) == ("A001", "KTP-el")
    assert kiosk.visit.plan_label.text() == (
        "Nomor ini berlaku untuk seluruh kunjungan Anda, berurutan:\n"
        "1. KTP-el\n2. Pajak Kendaraan\n3. Kartu Keluarga"
    )
    qtbot.waitUntil(lambda: ticket_page.done.isVisible(), timeout=3000)
    printed = " ".join((tmp_path / "lp0").read_bytes().decode("cp437").split())  # 32 columns: wrapped
    assert "A001" in printed and "Lanjut ke: Pajak Kendaraan, lalu Kartu Keluarga" in printed
    ticket = queue.with_plan(site, queue.get_ticket(site, "A001"))
    assert [step.service for step in ticket.plan] == ["KTP", "PKB", "KK"]
    assert ticket.print_state == "printed"

    # the next citizen starts afresh: one tap, one service
    tap(qtbot, ticket_page.done)
    tap(qtbot, kiosk.home.buttons["SAMSAT"])
    tap(qtbot, kiosk.services.buttons["PKB"])
    assert ticket_page.number.text() == "D001"
    assert not kiosk.visit.plan_label.isVisible()
    assert queue.with_plan(site, queue.get_ticket(site, "D001")).plan == ()


def test_a_visit_the_kiosk_cannot_take_says_why_and_keeps_the_choice(
    qtbot: QtBot, kiosk: KioskWindow, site: Database
) -> None:
    tap(qtbot, kiosk.home.buttons["DUKCAPIL"])
    tap(qtbot, kiosk.visit.start_button)
    tap(qtbot, kiosk.services.buttons["KTP"])
    tap(qtbot, kiosk.visit.page.add)
    tap(qtbot, kiosk.home.buttons["SAMSAT"])
    tap(qtbot, kiosk.services.buttons["PKB"])
    catalog.update_service(site, "PKB", active=False)  # meanwhile, Samsat stopped taking numbers
    tap(qtbot, kiosk.visit.page.take)
    page = kiosk.visit.page
    assert kiosk.stack.currentWidget() is page
    assert page.notice.isVisible() and page.notice.text() == "Layanan Pajak Kendaraan tidak aktif."
    assert page.steps.text() == "1. KTP-el\n2. Pajak Kendaraan"
    assert queue.waiting_list(site) == []
    tap(qtbot, page.cancel)
    assert kiosk.stack.currentWidget() is kiosk.home and kiosk.visit.codes == []


@pytest.mark.translation("counter")
def test_the_counter_shows_where_the_citizen_goes_next(qtbot, site_db: Database, make_ctx: MakeCtx) -> None:
    queue.issue_ticket(site_db, "KTP", then=["PKB"])
    shell, window = open_counter(qtbot, make_ctx(site_db))
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.number_label.text() == "A001", timeout=WAIT)
    shown = "KTP-el — Dinas Kependudukan dan Pencatatan Sipil\nLanjut ke: Pajak Kendaraan"
    qtbot.waitUntil(lambda: window.service_label.text() == shown, timeout=WAIT)
    wait_idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.ticket is not None and window.ticket.state == "serving", timeout=WAIT)
    wait_idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.number_label.text() == "—", timeout=WAIT)
    assert window.notice.isVisible()
    assert "A001 lanjut ke Pajak Kendaraan dengan nomor yang sama." in window.notice.text()
    moved = queue.get_ticket(site_db, "A001")
    assert (moved.state, moved.service) == ("waiting", "PKB")


@pytest.mark.translation("supervisor")
def test_the_supervisor_sees_the_visits_in_the_day_s_figures(qtbot, site: Database, clock: Clock) -> None:
    from p4_desk.gui.supervisor import open_window
    from p4_desk.services import users
    from tests.gui.test_supervisor import show_period

    for code in ("L2", "L3"):
        queue.set_counter_state(site, code, "open")
    queue.issue_ticket(site, "KTP", then=["PKB"])
    queue.call_next(site, "L2")
    queue.start(site, "A001")
    queue.finish(site, "A001")  # on to Samsat
    clock.advance(minutes=4)
    queue.call_next(site, "L3")
    queue.start(site, "A001")
    queue.finish(site, "A001")
    queue.cancel(site, queue.issue_ticket(site, "KK", then=["PKB"]).id, "warga pulang")

    users.add_user(site, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    ctx = AppContext(db=site, settings=Settings.load(), role="supervisor")
    ctx.user = users.get_user(site, "kepala")
    window = open_window(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    show_period(qtbot, window)
    figure = window.statistics.figures["visits"]
    qtbot.waitUntil(lambda: figure.text() != "–", timeout=WAIT)
    assert (
        figure.text()
        == "2: 1 tuntas, 1 layanan tidak dilanjutkan; tunggu layanan berikutnya rata-rata 4 menit"
    )
    window.live.live.stop()

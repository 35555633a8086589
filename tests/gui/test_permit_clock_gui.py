"""The deadline clock, the fiktif-positif badge and list, and the hand-over by proxy, driven like an
officer and a supervisor would, with real widgets on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, Qt, QThreadPool

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.intake import open_applications
from p4_desk.gui.intake.applications import ApplicationsDialog
from p4_desk.gui.supervisor import open_window
from p4_desk.gui.supervisor.window import SupervisorWindow
from p4_desk.services import applications as apps
from p4_desk.services import catalog, permits, site, users
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database
from tests.support.pdf import pdf_text
from tests.support.permits import make_ready
from tests.support.sites import Clock, make_site

LEFT = Qt.MouseButton.LeftButton
NIK = "1871015708900003"
PROXY_NIK = "1871021203850001"

# the officer and the supervisor read the shipped Indonesian translations
pytestmark = pytest.mark.translation("intake", "supervisor")


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 3, day, hour - 7, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(at(4))


@pytest.fixture
def db(sqlite_url: str, clock: Clock, inline_tasks: None) -> Iterator[Database]:
    database = make_site(sqlite_url, clock)
    catalog.add_agency(database, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    reqs = [Requirement("KTP", "Fotokopi KTP-el"), Requirement("STR", "Fotokopi STR Bidan")]
    permits.add_permit_type(
        database, "SIP", "Surat Izin Praktik Bidan", "DPMPTSP", working_days=10, requirements=reqs
    )
    permits.add_permit_type(
        database, "REKLAME", "Izin Reklame", "DPMPTSP", working_days=3, fiktif_positif=True, requirements=reqs
    )
    yield database
    QThreadPool.globalInstance().waitForDone(10_000)
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> AppContext:
    return AppContext(
        db=db, settings=Settings.load(), role="counter", counter="L1", user=users.get_user(db, "petugas1")
    )


def take(ctx: AppContext, permit: str = "SIP") -> str:
    request = apps.IntakeRequest(
        nik=NIK, name="Siti Aminah", phone="081277889900", address="Jl. Teuku Umar No. 12",
        permit_type=permit, documents=(apps.DocumentInput("KTP", True), apps.DocumentInput("STR", True)),
    )  # fmt: skip
    number = apps.intake(ctx.db, request, ctx.actor).registration_number
    apps.receipt_pdf(ctx.db, number, actor=ctx.actor)  # the applicant has the first receipt
    return number


def open_on(ctx: AppContext, qtbot, number: str) -> ApplicationsDialog:
    dialog = open_applications(ctx, None)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, number)
    qtbot.mouseClick(dialog.search_button, LEFT)
    assert dialog.current is not None and dialog.current.registration_number == number
    return dialog


def test_stop_and_resume_the_clock_then_print_the_changed_receipt(
    ctx: AppContext, clock: Clock, qtbot
) -> None:
    # Given a ten-day permit received on 4 March, due 25 March
    number = take(ctx)
    clock.now = at(9)
    dialog = open_on(ctx, qtbot, number)
    box = dialog.clock_box
    dialog.action_tabs.setCurrentWidget(box)  # the officer opens the deadline clock's tab
    assert "Berjalan: 3 dari 10 hari kerja terpakai, sisa 7" in box.summary.text()
    assert box.buttons["stop"].isEnabled() and not box.buttons["resume"].isEnabled()
    # When the officer finds the STR expired: untick it, say why, stop the clock
    box.waiting_for.setCurrentIndex(box.waiting_for.findData("documents"))
    qtbot.keyClicks(box.reason, "STR kedaluwarsa")
    box.documents.item(1).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(box.buttons["stop"], LEFT)
    # Then the clock stands, the STR is missing, no date is shown
    assert dialog.current is not None and dialog.current.clock.state == "stopped"
    assert "Berhenti sejak 9 Maret 2026 (menunggu kelengkapan berkas)" in box.summary.text()
    assert "jangka waktu berhenti (sisa 7 hari kerja)" in dialog.details.text()
    assert not box.buttons["stop"].isEnabled() and box.buttons["resume"].isEnabled()
    assert not box.buttons["restart"].isEnabled()  # this permit type resumes on a resubmission
    # When on Monday 16 March the officer resumes without ticking the new STR, it is refused
    clock.now = at(16)
    dialog.load(number)
    qtbot.mouseClick(box.buttons["resume"], LEFT)
    assert "Berkas masih belum lengkap: Fotokopi STR Bidan" in dialog.status.text()
    assert dialog.current.clock.state == "stopped"
    # and with it ticked the clock runs again, due Wednesday 1 April
    box.documents.item(1).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(box.buttons["resume"], LEFT)
    assert dialog.current.clock.state == "running"
    assert "Rabu, 1 April 2026" in dialog.status.text() and "Rabu, 1 April 2026" in box.summary.text()
    # The receipt the applicant holds is outdated: the button prints the changed one
    assert dialog.reprint_button.text() == "Cetak tanda terima dengan perkiraan selesai yang baru"
    qtbot.mouseClick(dialog.reprint_button, LEFT)
    text = pdf_text(dialog.archive_path)
    assert "PERUBAHAN PERKIRAAN SELESAI" in text and "SALINAN" not in text
    assert "Perkiraan selesai (baru) : Rabu, 1 April 2026" in text
    assert dialog.archive_path.name.endswith("-tanda-terima-perubahan.pdf")
    dialog.preview.close()
    assert dialog.reprint_button.text() == "Cetak ulang tanda terima (salinan)"


def test_the_fiktif_positif_badge_lists_the_applications_near_their_deadline(
    ctx: AppContext, clock: Clock, qtbot
) -> None:
    site.set_setting(ctx.db, "permits.fiktif_positif_warning_days", 1)
    near = take(ctx, "REKLAME")  # due Monday 9 March
    take(ctx, "SIP")
    clock.now = at(6)  # Friday: one working day left
    dialog = open_applications(ctx, None)
    qtbot.addWidget(dialog)
    assert dialog.fiktif_button.text() == "Fiktif positif: 1"
    qtbot.mouseClick(dialog.fiktif_button, LEFT)
    assert dialog.results.rowCount() == 1 and dialog.results.item(0, 0).text() == near
    assert dialog.results.item(0, 5).text() == "Batas waktu mendekat: 1 hari kerja lagi"
    assert dialog.current is not None and dialog.current.registration_number == near


def test_hand_over_to_a_representative_with_the_letter_checked(ctx: AppContext, qtbot) -> None:
    number = take(ctx)
    make_ready(ctx.db, number, ctx.actor)
    dialog = open_on(ctx, qtbot, number)
    form = dialog.handover_form
    assert dialog.action_tabs.currentWidget() is form  # ready: the hand-over tab is in front
    assert not form.proxy_box.isVisibleTo(dialog)
    form.by_proxy.setChecked(True)
    assert form.proxy_box.isVisibleTo(dialog) and form.nik_label.text() == "NIK pada KTP-el penerima kuasa"
    qtbot.keyClicks(form.nik, PROXY_NIK)
    qtbot.keyClicks(form.name, "Budi Santoso")
    qtbot.keyClicks(form.letter_number, "12/SK/2026")
    qtbot.mouseClick(form.button, LEFT)
    # not checked yet: refused, what was typed stays
    assert "Surat kuasa wajib diperiksa" in dialog.status.text()
    assert dialog.current is not None and dialog.current.state == "ready" and form.nik.text() == PROXY_NIK
    form.letter_checked.setChecked(True)
    form.letter_date.setDate(QDate(2026, 3, 2))
    qtbot.mouseClick(form.button, LEFT)
    assert dialog.current.state == "handed_over"
    assert (
        "Diserahkan kepada Budi Santoso, penerima kuasa (NIK 1871********0001), surat kuasa diperiksa"
        in dialog.details.text()
    )
    text = pdf_text(dialog.archive_path)
    assert "Diserahkan kepada : Budi Santoso (penerima kuasa)" in text and PROXY_NIK not in text
    assert "Surat kuasa : Tanggal 2 Maret 2026, nomor 12/SK/2026, diperiksa petugas" in text
    dialog.preview.close()
    assert form.nik.text() == "" and not form.by_proxy.isChecked()


def test_the_supervisor_sees_the_deadlines_and_the_on_time_figures(
    db: Database, ctx: AppContext, clock: Clock, qtbot
) -> None:
    users.add_user(db, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    near = take(ctx, "REKLAME")
    waiting = take(ctx, "SIP")
    apps.stop_clock(db, waiting, "payment", "Menunggu pembayaran retribusi", actor=ctx.actor)
    clock.now = at(9)  # the REKLAME deadline is today
    supervisor = AppContext(
        db=db, settings=Settings.load(), role="supervisor", user=users.get_user(db, "kepala")
    )
    window = open_window(supervisor)
    assert isinstance(window, SupervisorWindow)
    qtbot.addWidget(window)
    window.show()
    try:
        watch = window.deadlines
        assert window.tabs.tabText(window.deadlines_tab) == "Jangka waktu izin (1)"
        assert watch.fiktif.rowCount() == 1 and watch.fiktif.item(0, 0).text() == near
        assert watch.fiktif.item(0, 5).text() == "Batas waktu hari ini"
        assert watch.waiting.rowCount() == 1 and watch.waiting.item(0, 3).text() == "pembayaran"
        assert watch.waiting.item(0, 5).text() == "3"  # working days waited: Thu 5, Fri 6, Mon 9
        # the decision of the REKLAME in time shows in the statistics of the month
        for state in ("verifying", "processing", "approved"):
            apps.change_state(db, near, state, actor=ctx.actor)
        watch.refresh()
        assert window.tabs.tabText(window.deadlines_tab) == "Jangka waktu izin"
        panel = window.statistics
        panel.date_from.setDate(QDate(2026, 3, 1))
        panel.date_to.setDate(QDate(2026, 3, 31))
        with qtbot.waitSignal(panel.computed, timeout=10_000):
            qtbot.mouseClick(panel.show_button, LEFT)
        assert panel.figures["permits_decided"].text() == "1"
        assert panel.figures["permits_on_time"].text() == "1 (100,0%)"
        assert panel.figures["unserved"].text() == "0"
    finally:
        window.live.live.stop()
        watch.live.stop()
        QThreadPool.globalInstance().waitForDone(10_000)

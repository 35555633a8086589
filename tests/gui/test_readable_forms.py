"""What the officer reads on the forms, in Indonesian: every document of the intake checklist in
full, a paper-survey ticket field of its full height, a disabled hand-over form that looks
disabled and says why, and a screen-lock message about the password only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.errors import P4Error
from p4_desk.gui.app.shell import ShellWindow
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.counter.window import CounterWindow
from p4_desk.gui.intake import open_applications, open_intake
from p4_desk.gui.survey.paper_form import PaperSurveyDialog
from p4_desk.services import applications as apps
from p4_desk.services import catalog, permits, users
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database
from tests.gui.conftest import MakeCtx
from tests.support.sites import Clock, make_site

pytestmark = [
    pytest.mark.translation("app", "intake", "feedback", "counter"),
    pytest.mark.usefixtures("inline_tasks"),
]
NIK = "1871015708900003"
LONG_NAMES = {
    "KTP": "Fotokopi KTP-el pemohon yang masih berlaku (dilegalisir kelurahan)",
    "STR": "Fotokopi Surat Tanda Registrasi (STR) Bidan yang masih berlaku",
    "IBI": "Surat rekomendasi dari organisasi profesi Ikatan Bidan Indonesia (IBI) cabang setempat",
    "FOTO": "Pas foto berwarna 4x6 sebanyak 3 lembar",
}


@pytest.fixture
def ctx(sqlite_url: str) -> AppContext:
    db = make_site(sqlite_url, Clock(datetime(2026, 3, 4, 3, 0, tzinfo=UTC)))
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    permits.add_permit_type(
        db, "SIP-BIDAN", "Surat Izin Praktik Bidan", "DPMPTSP", working_days=5,
        requirements=[Requirement(code, name, mandatory=code != "FOTO") for code, name in LONG_NAMES.items()],
    )  # fmt: skip
    return AppContext(
        db=db, settings=Settings.load(), role="counter", counter="L1", user=users.get_user(db, "petugas1")
    )


def test_every_checklist_document_is_readable_in_full(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_intake(ctx, None, None)
    qtbot.addWidget(dialog)
    dialog.resize(1240, 700)  # the size it opens at on a 1366x768 counter PC
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.permit_type.setCurrentIndex(form.permit_type.findData("SIP-BIDAN"))
    QApplication.processEvents()
    table = form.documents
    header = table.horizontalHeaderItem(0)
    assert header is not None and header.text() == "Dokumen (centang bila diterima)"
    # the document column has most of the width (no column of its own for the tick boxes)
    assert table.columnWidth(0) > table.viewport().width() / 2
    metrics = QFontMetrics(table.font())
    for row, name in enumerate(LONG_NAMES.values()):
        item = table.item(row, 0)
        assert item is not None and item.text() == name
        assert item.toolTip() == name
        assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable  # ticked in front of its name
        # the whole name fits its cell, wrapped: no "…"
        cell = table.visualItemRect(item)
        text_width = cell.width() - 34  # the tick box and the cell's margins
        needed = metrics.boundingRect(QRect(0, 0, text_width, 10_000), Qt.TextFlag.TextWordWrap, name)
        assert needed.height() <= cell.height(), (name, needed, cell)
    # ticking the box in front of the name is what the form hands to the service
    form.set_document("IBI", True)
    received = {d.requirement: d.received for d in form.document_inputs()}
    assert received == {"KTP": False, "STR": False, "IBI": True, "FOTO": False}


def test_the_paper_survey_ticket_field_keeps_its_height(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = PaperSurveyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # even when the window is made as short as it allows, and with a message under the field
    dialog.resize(dialog.width(), 200)
    QApplication.processEvents()
    assert dialog.ticket.height() >= dialog.ticket.sizeHint().height()
    dialog._show_error(P4Error("Tiket 'A099' tidak ditemukan.", field="ticket"))
    dialog.resize(dialog.width(), 200)
    QApplication.processEvents()
    assert dialog.ticket.height() >= dialog.ticket.sizeHint().height()
    assert dialog.ticket.placeholderText() == "A017"


def background(edit: QLineEdit) -> QColor:
    image = edit.grab().toImage()
    return image.pixelColor(image.width() - 6, image.height() // 2)


def test_a_disabled_hand_over_form_looks_disabled_and_says_why(qtbot: QtBot, ctx: AppContext) -> None:
    request = apps.IntakeRequest(
        nik=NIK, name="Siti Aminah", phone="081277889900", address="Jl. Teuku Umar No. 12",
        permit_type="SIP-BIDAN", documents=(apps.DocumentInput("KTP", True),),
    )  # fmt: skip
    apps.intake(ctx.db, request, ctx.actor)
    dialog = open_applications(ctx, None)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.handover_reason.text() == "Pilih dulu permohonan di daftar."
    qtbot.keyClicks(dialog.query, "aminah")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.current is not None and dialog.current.state == "received"
    # the officer opens the hand-over tab: its fields are disabled, look it, and the reason is there
    dialog.action_tabs.setCurrentWidget(dialog.handover_form)
    assert not dialog.handover_nik.isEnabled() and not dialog.handover_button.isEnabled()
    assert dialog.handover_reason.isVisible()
    assert dialog.handover_reason.text() == (
        'Penyerahan baru bisa setelah status "Siap diambil" (sekarang: Berkas diterima).'
    )
    assert background(dialog.handover_nik) != background(dialog.query)  # not the white of a live field
    for _ in range(4):  # verifying, processing, approved, ready
        qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert dialog.current.state == "ready"
    assert dialog.handover_nik.isEnabled() and dialog.handover_reason.text() == ""
    assert background(dialog.handover_nik) == background(dialog.query)


def test_the_screen_lock_speaks_of_the_password_only(
    qtbot: QtBot, site_db: Database, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(site_db)
    shell = ShellWindow(ctx, CounterWindow(ctx))
    qtbot.addWidget(shell)
    shell.show()
    shell.lock()
    assert shell.is_locked
    qtbot.keyClicks(shell.lock_screen.password, "salah-sekali")
    qtbot.keyClick(shell.lock_screen.password, Qt.Key.Key_Return)
    assert shell.lock_screen.message.text() == "Kata sandi salah. Coba lagi."
    assert "pengguna" not in shell.lock_screen.message.text().lower()
    assert shell.is_locked

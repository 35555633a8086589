"""Every form dialog behaves the same (gui.common.form_guard), in Indonesian: "Simpan" is the
default (Enter in a field saves, never "Batal"), the cursor starts in the first free-text field,
closing with typed text asks first, and a field's message goes once the field is valid —
complaint, intake, paper survey and the admin record forms."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.admin import open_window as open_admin
from p4_desk.gui.admin.window import AdminWindow
from p4_desk.gui.app.shell import ShellWindow
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.complaints import ComplaintDialog, open_complaint
from p4_desk.gui.intake import IntakeDialog, open_applications, open_intake
from p4_desk.gui.survey.paper_form import PaperSurveyDialog
from p4_desk.services import catalog, complaints, permits, users
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

pytestmark = [
    pytest.mark.translation("app", "feedback", "intake", "admin"),
    pytest.mark.usefixtures("inline_tasks"),
]


@pytest.fixture
def db(sqlite_url: str) -> Database:
    database = make_site(sqlite_url, Clock(datetime(2026, 3, 4, 3, 0, tzinfo=UTC)))
    catalog.add_agency(database, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    permits.add_permit_type(
        database, "SIP-BIDAN", "Surat Izin Praktik Bidan", "DPMPTSP", working_days=5,
        requirements=[Requirement("KTP", "Fotokopi KTP-el")],
    )  # fmt: skip
    return database


@pytest.fixture
def ctx(db: Database) -> AppContext:
    return AppContext(
        db=db, settings=Settings.load(), role="counter", counter="L1", user=users.get_user(db, "petugas1")
    )


def shown(qtbot: QtBot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(QApplication.focusWidget())
    )
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def message_of(widget: QWidget, field: str) -> str:
    label = widget.findChild(QLabel, f"error_{field}")
    assert label is not None
    return label.text() if label.isVisible() else ""


def close_question(qtbot: QtBot, dialog: QWidget) -> QMessageBox:
    def open_question() -> QMessageBox | None:
        boxes = [b for b in dialog.findChildren(QMessageBox, "confirmClose") if b.isVisible()]
        return boxes[0] if boxes else None  # asked by the form in sight, over it

    qtbot.waitUntil(lambda: open_question() is not None)
    box = open_question()
    assert box is not None
    return box


def answer(qtbot: QtBot, box: QMessageBox, name: str) -> None:
    choice = box.findChild(QPushButton, name)
    assert choice is not None
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())


# --- complaint --------------------------------------------------------------------------------


def complaint_dialog(qtbot: QtBot, ctx: AppContext) -> ComplaintDialog:
    dialog = open_complaint(ctx)
    dialog.resize(720, 760)
    shown(qtbot, dialog)
    return dialog


def test_complaint_focus_starts_in_uraian_and_enter_saves(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    dialog = complaint_dialog(qtbot, ctx)
    assert dialog.windowTitle() == "Catat pengaduan"
    # the cursor is in "Uraian": typing never changes the kind
    assert focused() is dialog.description
    qtbot.keyClicks(focused(), "Petugas loket 2 meminta uang tambahan.")
    assert dialog.kind.currentData() == "pengaduan"
    assert dialog.save_button.isDefault() and dialog.save_button.text() == "Simpan pengaduan"
    assert not dialog.cancel_button.isDefault()
    dialog.agency.setCurrentIndex(dialog.agency.findData("DUKCAPIL"))
    qtbot.keyClicks(dialog.reporter_name, "Siti Aminah")
    qtbot.keyClicks(dialog.reporter_phone, "0812 7000 1234")
    # When the officer presses Enter in a one-line field
    qtbot.keyClicks(dialog.place, "Loket 2")
    qtbot.keyClick(dialog.place, Qt.Key.Key_Return)
    # Then the complaint is saved (not cancelled)
    assert dialog.isVisible() and dialog.pages.currentWidget() is dialog.done_page
    assert dialog.done_title.text() == "Pengaduan diterima"
    assert [c.description for c in complaints.list_complaints(db)] == [
        "Petugas loket 2 meminta uang tambahan."
    ]
    # a filed complaint closes without a question
    dialog.reject()
    assert not dialog.isVisible()


def test_complaint_closing_with_typed_text_asks_and_keeps_it(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    dialog = complaint_dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.description, "Antrian tidak bergerak.")
    # When Escape is pressed with typed text
    qtbot.keyClick(dialog.description, Qt.Key.Key_Escape)
    box = close_question(qtbot, dialog)
    assert box.windowTitle() == "Tutup formulir?"
    assert box.text() == "Formulir berisi isian yang belum disimpan. Tetap tutup?"
    assert box.defaultButton() is box.findChild(QPushButton, "backToForm")
    assert box.findChild(QPushButton, "backToForm").text() == "Kembali ke isian"
    answer(qtbot, box, "backToForm")
    # Then the dialog stays with what was typed
    assert dialog.isVisible() and dialog.description.toPlainText() == "Antrian tidak bergerak."
    # "Batal" asks too; "Tutup tanpa menyimpan" closes and nothing is stored
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    box = close_question(qtbot, dialog)
    assert box.findChild(QPushButton, "closeAnyway").text() == "Tutup tanpa menyimpan"
    answer(qtbot, box, "closeAnyway")
    assert not dialog.isVisible()
    assert complaints.list_complaints(db) == []


def test_complaint_without_typed_text_closes_at_once(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = complaint_dialog(qtbot, ctx)
    qtbot.keyClick(dialog.description, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_complaint_message_goes_once_the_field_is_changed(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = complaint_dialog(qtbot, ctx)
    dialog.agency.setCurrentIndex(dialog.agency.findData("DUKCAPIL"))
    qtbot.keyClick(dialog.place, Qt.Key.Key_Return)
    assert message_of(dialog, "description") == "Uraian pengaduan wajib diisi."
    qtbot.keyClicks(dialog.description, "Ruang tunggu panas.")
    assert message_of(dialog, "description") == ""


# --- intake -----------------------------------------------------------------------------------


def test_intake_enter_saves_and_no_stale_message_stays(qtbot: QtBot, ctx: AppContext, tmp_path) -> None:
    ctx.settings.set("printer.receipt_archive", str(tmp_path))
    dialog = open_intake(ctx, None, None)
    assert isinstance(dialog, IntakeDialog)
    shown(qtbot, dialog)
    form = dialog.form
    assert focused() is form.nik
    assert dialog.save_button.isDefault() and dialog.save_button.text() == "Simpan dan cetak tanda terima"
    qtbot.keyClicks(form.nik, "1871015708900003")
    qtbot.keyClicks(form.name, "Siti Aminah")
    qtbot.keyClicks(form.phone, "081277889900")
    qtbot.keyClicks(form.address, "Jl. Teuku Umar No. 12")
    # Enter without a permit type: refused, the message by the permit type
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert message_of(dialog, "permit_type") == "Jenis izin wajib dipilih"
    # choosing one takes the message away at once
    form.permit_type.setCurrentIndex(form.permit_type.findData("SIP-BIDAN"))
    assert message_of(dialog, "permit_type") == ""
    form.set_document("KTP", True)
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.application is not None)
    assert all(
        message_of(dialog, field) == "" for field in ("nik", "name", "phone", "address", "permit_type")
    )
    if dialog.preview is not None:
        dialog.preview.close()


def test_intake_closing_with_typed_text_asks_and_says_the_draft_stays(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_intake(ctx, None, None)
    shown(qtbot, dialog)
    qtbot.keyClicks(dialog.form.name, "Budi")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    box = close_question(qtbot, dialog)
    assert "draf" in box.text()
    answer(qtbot, box, "backToForm")
    assert dialog.isVisible() and dialog.form.name.text() == "Budi"
    dialog.close()  # the window's close button asks as well
    answer(qtbot, close_question(qtbot, dialog), "closeAnyway")
    assert not dialog.isVisible()


# --- paper survey -----------------------------------------------------------------------------


def test_paper_survey_closing_with_answers_asks(qtbot: QtBot, ctx: AppContext, db: Database) -> None:
    dialog = PaperSurveyDialog(ctx)
    shown(qtbot, dialog)
    assert focused() is dialog.ticket
    qtbot.keyClick(dialog.ticket, Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_3)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    box = close_question(qtbot, dialog)
    answer(qtbot, box, "backToForm")
    assert dialog.isVisible() and dialog.rows[0].score() == 3
    # a missing answer's message goes once the row is answered by a mouse click
    dialog.save(then_next=True)
    assert message_of(dialog, "U2").startswith("Semua sembilan unsur wajib dijawab")
    qtbot.mouseClick(
        dialog.rows[1].buttons[2],
        Qt.MouseButton.LeftButton,
        pos=dialog.rows[1].buttons[2].rect().topLeft() + QPoint(8, 8),
    )
    assert dialog.rows[1].score() == 3
    assert message_of(dialog, "U2") == ""
    # an unknown ticket's message goes once the ticket is edited
    for row in dialog.rows[2:]:
        row.setFocus()
        qtbot.keyClick(row, Qt.Key.Key_4)
    qtbot.keyClicks(dialog.ticket, "Z999")
    dialog.save(then_next=True)
    assert "Z999" in message_of(dialog, "ticket")
    qtbot.keyClick(dialog.ticket, Qt.Key.Key_Backspace)
    assert message_of(dialog, "ticket") == ""


# --- admin record forms -----------------------------------------------------------------------


def test_admin_record_form_enter_saves_and_leaving_edits_asks(
    qtbot: QtBot, admin_window: AdminWindow
) -> None:
    tab = admin_window.agencies
    admin_window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    # Enter in a field of a new record adds it
    tab.code.setFocus()
    qtbot.keyClicks(tab.code, "BPN")
    qtbot.keyClicks(tab.name, "Badan Pertanahan Nasional")
    qtbot.keyClick(tab.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3)
    assert tab.message.text() == "Instansi BPN ditambahkan."
    # a selected record: Enter saves the change
    tab.select("SAMSAT")
    tab.name.clear()
    qtbot.keyClicks(tab.name, "Samsat Lampung")
    # choosing another record with unsaved edits asks first; "Kembali ke isian" keeps them
    tab.select("DUKCAPIL")
    box = close_question(qtbot, tab)
    assert box.windowTitle() == "Buang perubahan?"
    answer(qtbot, box, "backToForm")
    assert tab.name.text() == "Samsat Lampung" and tab.selected() is not None
    assert tab.selected().code == "SAMSAT"
    qtbot.keyClick(tab.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "SAMSAT" in tab.message.text())
    assert tab.message.text() == "Instansi SAMSAT disimpan."
    agencies = {a.code: a.name for a in catalog.list_agencies(tab.ctx.db)}
    assert agencies["SAMSAT"] == "Samsat Lampung"


def test_application_dialog_with_a_typed_hand_over_asks_before_closing(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_applications(ctx, None)
    shown(qtbot, dialog)
    assert focused() is dialog.query  # the search comes first
    qtbot.keyClick(dialog.query, Qt.Key.Key_Escape)  # nothing typed in a form field: closes
    assert not dialog.isVisible()
    dialog = open_applications(ctx, None)
    shown(qtbot, dialog)
    dialog.handover_name.setEnabled(True)
    qtbot.keyClicks(dialog.handover_name, "Siti Aminah")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Escape)
    answer(qtbot, close_question(qtbot, dialog), "backToForm")
    assert dialog.isVisible() and dialog.handover_name.text() == "Siti Aminah"


def test_logging_out_with_an_unsaved_admin_form_asks(
    qtbot: QtBot, sqlite_url: str, tmp_path, inline_tasks
) -> None:
    db = make_site(sqlite_url)
    users.add_user(db, "admin", "Admin Situs", "admin", "admin12345")
    ctx = AppContext(
        db=db, settings=Settings(path=tmp_path / "pc.toml"), role="admin", user=users.get_user(db, "admin")
    )
    content = open_admin(ctx)
    assert isinstance(content, AdminWindow)
    shell = ShellWindow(ctx, content)
    qtbot.addWidget(shell)
    shell.show()
    tab = content.agencies
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    tab.select("SAMSAT")
    qtbot.keyClicks(tab.name, " Provinsi")
    logged_out: list[bool] = []
    shell.logout_requested.connect(lambda: logged_out.append(True))
    shell.logout_action.trigger()
    box = close_question(qtbot, tab)
    assert box.windowTitle() == "Buang perubahan?"
    answer(qtbot, box, "backToForm")
    assert logged_out == [] and tab.name.text() == "Samsat Provinsi"
    shell.logout_action.trigger()
    answer(qtbot, close_question(qtbot, tab), "closeAnyway")
    assert logged_out == [True]
    shell.close()  # as the session does after a log out (leaving it to teardown crashed PySide)
    QApplication.processEvents()
    db.dispose()

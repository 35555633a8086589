"""Complaint dialog (errors next to the field, form kept, receipt) and the supervisor panels."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.complaints import ComplaintDialog, ComplaintsPanel, IkmPanel, open_complaint
from p4_desk.services import complaints, queue, surveys, users
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

pytestmark = [pytest.mark.translation("feedback"), pytest.mark.usefixtures("inline_tasks")]

OUT = Path(__file__).resolve().parents[2] / "test-output"


@pytest.fixture
def db(sqlite_url: str, clock: Clock) -> Database:
    return make_site(sqlite_url, clock)


@pytest.fixture
def ctx(db: Database) -> AppContext:
    return AppContext(
        db=db, settings=Settings.load(), role="counter", counter="L1", user=users.get_user(db, "petugas1")
    )


def error_of(widget: QWidget, field: str) -> str:
    label = widget.findChild(QLabel, f"error_{field}")
    assert label is not None
    return label.text() if label.isVisible() else ""


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def shot(widget: QWidget, name: str) -> None:
    OUT.mkdir(exist_ok=True)
    widget.grab().save(str(OUT / f"{name}.png"))


def dialog_for(qtbot: QtBot, ctx: AppContext, ticket: queue.TicketInfo | None = None) -> ComplaintDialog:
    dialog = open_complaint(ctx, ticket)
    qtbot.addWidget(dialog)
    dialog.resize(720, 760)
    return dialog


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_bad_coordinates_are_shown_next_to_the_field_and_the_form_is_kept(
    qtbot: QtBot, ctx: AppContext
) -> None:
    # Given a complaint typed in full, but with a latitude out of range
    dialog = dialog_for(qtbot, ctx)
    dialog.agency.setCurrentIndex(dialog.agency.findData("DUKCAPIL"))
    dialog.service.setCurrentIndex(dialog.service.findData("KTP"))
    qtbot.keyClicks(dialog.description, "Antrian KTP-el tidak dipanggil selama dua jam.")
    qtbot.keyClicks(dialog.reporter_name, "Siti Aminah")
    qtbot.keyClicks(dialog.reporter_phone, "0812 7000 1234")
    qtbot.keyClicks(dialog.latitude, "95")
    qtbot.keyClicks(dialog.longitude, "105,26")
    # When the officer saves
    click(qtbot, dialog.save_button)
    # Then the Indonesian message is under the latitude, the form is still there as typed
    assert error_of(dialog, "latitude") == "Lintang (latitude) harus antara -90 dan 90"
    assert error_of(dialog, "longitude") == ""
    shot(dialog, "complaint_dialog_error")
    assert dialog.pages.currentWidget() is dialog.form_page
    assert dialog.description.toPlainText() == "Antrian KTP-el tidak dipanggil selama dua jam."
    assert dialog.reporter_name.text() == "Siti Aminah" and dialog.latitude.text() == "95"
    assert complaints.list_complaints(ctx.db) == []

    # When the latitude is corrected, the complaint is received and its error is gone
    dialog.latitude.setText("-5,43")
    click(qtbot, dialog.save_button)
    assert dialog.filed is not None and dialog.filed.latitude == -5.43
    assert dialog.pages.currentWidget() is dialog.done_page
    assert dialog.done_number.text() == dialog.filed.number
    shot(dialog, "complaint_dialog_done")


@pytest.mark.parametrize(
    ("fill", "field", "message"),
    [
        ({}, "agency", "Pilih instansi yang diadukan."),
        ({"agency": "DUKCAPIL"}, "description", "Uraian pengaduan wajib diisi."),
        ({"agency": "DUKCAPIL", "description": "Loket tutup"}, "reporter_name", "Nama pelapor wajib diisi"),
        (
            {"agency": "DUKCAPIL", "description": "Loket tutup", "name": "Budi", "phone": "12"},
            "reporter_phone",
            "Nomor",
        ),
    ],
)
def test_missing_fields_get_their_message(
    qtbot: QtBot, ctx: AppContext, fill: dict[str, str], field: str, message: str
) -> None:
    dialog = dialog_for(qtbot, ctx)
    if "agency" in fill:
        dialog.agency.setCurrentIndex(dialog.agency.findData(fill["agency"]))
    qtbot.keyClicks(dialog.description, fill.get("description", ""))
    qtbot.keyClicks(dialog.reporter_name, fill.get("name", ""))
    qtbot.keyClicks(dialog.reporter_phone, fill.get("phone", ""))
    click(qtbot, dialog.save_button)
    assert error_of(dialog, field).startswith(message)
    assert dialog.description.toPlainText() == fill.get("description", "")
    assert dialog.filed is None


def test_complaint_about_the_ticket_being_served_prints_a_receipt_without_an_anonymous_name(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    queue.set_counter_state(db, "L1", "open", ctx.actor)
    ticket = queue.issue_ticket(db, "KK")
    queue.call_next(db, "L1", ctx.actor)
    served = queue.start(db, ticket.id, ctx.actor)
    dialog = dialog_for(qtbot, ctx, served)
    # the ticket, its agency and service are filled in
    assert dialog.ticket_number.text() == ticket.number
    assert dialog.agency.currentData() == "DUKCAPIL" and dialog.service.currentData() == "KK"
    qtbot.keyClicks(dialog.description, "Diminta fotokopi berkas yang tidak ada di persyaratan.")
    qtbot.keyClicks(dialog.reporter_name, "Budi Santoso")
    dialog.identity.setCurrentIndex(dialog.identity.findData("anonymous"))
    assert not dialog.reporter_name.isEnabled()
    shot(dialog, "complaint_dialog_form")
    click(qtbot, dialog.save_button)
    assert dialog.filed is not None and dialog.filed.identity == "anonymous"

    dialog.save_receipt()
    assert dialog.receipt_path is not None and dialog.receipt_path.exists()
    text = pypdf.PdfReader(io.BytesIO(dialog.receipt_path.read_bytes())).pages[0].extract_text()
    assert dialog.filed.number in text and ticket.number in text and "Anonim" in text
    assert "Budi" not in text and "Santoso" not in text


# --- the supervisor's panels ----------------------------------------------------------------


def test_overdue_complaint_is_highlighted_and_can_be_moved_on(
    qtbot: QtBot, ctx: AppContext, db: Database, clock: Clock
) -> None:
    late = complaints.file_complaint(
        db,
        kind="pengaduan",
        agency="DUKCAPIL",
        description="KTP belum jadi",
        identity="anonymous",
        actor=ctx.actor,
    )
    clock.advance(days=7)  # Wednesday a week later: verification (due Monday) is late
    fresh = complaints.file_complaint(
        db,
        kind="aspirasi",
        agency="SAMSAT",
        description="Tambah kursi",
        identity="anonymous",
        actor=ctx.actor,
    )
    panel = ComplaintsPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 600)
    panel.show()
    panel.reload()
    assert [c.number for c in panel.rows] == [fresh.number, late.number]
    late_row = 1
    assert cell(panel.table, late_row, 7).text() == "Verifikasi dan penerusan"
    assert cell(panel.table, late_row, 0).background().color().name() == "#fde2e1"
    assert cell(panel.table, 0, 7).text() == ""
    assert panel.summary.text() == "Terlambat per instansi: DUKCAPIL 1. Per petugas: Petugas Satu 1."
    shot(panel, "complaints_panel")

    panel.select_number(late.number)
    assert panel.step_buttons["verified"].isEnabled() and not panel.step_buttons["answered"].isEnabled()
    click(qtbot, panel.step_buttons["verified"])
    click(qtbot, panel.step_buttons["forwarded"])
    assert complaints.get_complaint(db, late.number).state == "forwarded"
    click(qtbot, panel.step_buttons["answered"])  # no note: refused with the reason
    assert panel.message.text() == "Isi tanggapan / rencana tindak lanjut instansi."
    assert complaints.get_complaint(db, late.number).state == "forwarded"
    panel.scope.setCurrentIndex(panel.scope.findData("overdue"))
    assert panel.rows == [] and panel.summary.text() == "Tidak ada pengaduan yang melewati batas waktu."


def test_ikm_panel_shows_the_month_and_prints_the_report(
    qtbot: QtBot, ctx: AppContext, db: Database, clock: Clock
) -> None:
    for scores in ([4] * 9, [3] * 9, [3, 3, 2, 3, 3, 3, 3, 3, 3]):
        surveys.record_survey(db, {f"U{i}": s for i, s in enumerate(scores, start=1)}, service="KTP")
    clock.advance(days=30)  # April: the panel opens on the current month
    panel = IkmPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    assert panel.ikm_value.text() == "-" and not panel.print_button.isEnabled()
    panel.month.setCurrentIndex(2)  # Maret
    assert panel.month.currentText() == "Maret"
    # NRR U3 = (4 + 3 + 2) / 3 = 3; other elements (4 + 3 + 3) / 3 = 3.33...;
    # Σ NRR = 8 × 10/3 + 3 = 29.67; IKM = 29.67 / 9 × 25 = 82.41 → B
    assert panel.ikm_value.text() == "82,41" and panel.grade.text() == "B · Baik"
    assert cell(panel.table, 0, 1).text() == "3,33" and cell(panel.table, 2, 1).text() == "3,00"
    assert cell(panel.table, 2, 2).text() == "0,333"
    shot(panel, "ikm_panel")
    panel.save_report()
    assert panel.report_path is not None and panel.report_path.name == "IKM-2026-03.pdf"
    text = pypdf.PdfReader(io.BytesIO(panel.report_path.read_bytes())).pages[0].extract_text()
    assert "82,41" in text and "Maret 2026" in text


@pytest.mark.translation("feedback", "app")
def test_a_nik_typed_in_the_description_is_flagged_but_the_complaint_is_still_received(
    qtbot: QtBot, ctx: AppContext
) -> None:
    # Given the complaint form, with a description and no number in it yet
    dialog = dialog_for(qtbot, ctx)
    dialog.show()
    dialog.agency.setCurrentIndex(dialog.agency.findData("DUKCAPIL"))
    qtbot.keyClicks(dialog.description, "Loket KTP tutup sebelum jam.")
    hint = dialog.hints["description"]
    assert not hint.isVisible()
    # When the officer types the reporter's NIK into the description
    qtbot.keyClicks(dialog.description, " NIK saya 1871 0312 0378 0002")
    # Then a warning in Indonesian appears under the field, without blocking the save
    assert hint.isVisible()
    assert hint.text() == "Teks ini memuat NIK/nomor telepon; akan disamarkan saat dikirim dan dicetak"
    qtbot.keyClicks(dialog.reporter_name, "Siti Aminah")
    qtbot.keyClicks(dialog.reporter_phone, "0812 7000 1234")
    click(qtbot, dialog.save_button)
    assert dialog.filed is not None
    assert dialog.filed.description.endswith("1871 0312 0378 0002")  # the hall keeps it as typed

"""Intake dialog and application dialog driven like an officer would, on a real SQLite file."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from p4_desk.config import Settings, data_dir
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.intake import open_applications, open_intake
from p4_desk.services import applications as apps
from p4_desk.services import catalog, permits, queue, site, users
from p4_desk.services.permits import Requirement
from tests.support.sites import Clock, make_site

NIK = "1871015708900003"  # woman born 17 August 1990, Kota Bandar Lampung
MASKED = "1871********0003"


@pytest.fixture
def ctx(sqlite_url: str, inline_tasks: None):
    db = make_site(sqlite_url, Clock(datetime(2026, 3, 4, 3, 0, tzinfo=UTC)))
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    permits.add_permit_type(
        db,
        "SIP-BIDAN",
        "Surat Izin Praktik Bidan",
        "DPMPTSP",
        working_days=5,
        requirements=[
            Requirement("KTP", "Fotokopi KTP-el"),
            Requirement("STR", "Fotokopi STR Bidan"),
            Requirement("DENAH", "Denah lokasi praktik", mandatory=False),
        ],
    )
    context = AppContext(
        db=db, settings=Settings.load(), role="counter", counter="L1", user=users.get_user(db, "petugas1")
    )
    yield context
    db.dispose()


@pytest.fixture
def ticket(ctx: AppContext):
    queue.set_counter_state(ctx.db, "L1", "open", ctx.actor)
    queue.issue_ticket(ctx.db, "KTP")
    called = queue.call_next(ctx.db, "L1", ctx.actor)
    assert called is not None
    return called


def _fill_valid(dialog, qtbot) -> None:
    form = dialog.form
    qtbot.keyClicks(form.nik, NIK)
    qtbot.keyClicks(form.name, "Siti Aminah")
    qtbot.keyClicks(form.phone, "0812 7788 9900")
    form.phone.editingFinished.emit()
    qtbot.keyClicks(form.address, "Jl. Teuku Umar No. 12, Kedaton")
    form.permit_type.setCurrentIndex(form.permit_type.findData("SIP-BIDAN"))


def _pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_intake_from_called_ticket_to_archived_receipt(ctx: AppContext, ticket, qtbot) -> None:
    # Given the officer has called ticket A001 and opens the intake form
    dialog = open_intake(ctx, ticket, None)
    qtbot.addWidget(dialog)
    assert "A001" in dialog.heading.text()
    # When the applicant's data is typed in
    _fill_valid(dialog, qtbot)
    # Then the NIK is decoded on the spot and the phone number normalised
    decoded = dialog.form.nik_decoded.text()
    assert "17 Agustus 1990" in decoded and "Kota Bandar Lampung" in decoded
    assert dialog.form.phone.text() == "+6281277889900"
    # When both mandatory documents are ticked and the form saved
    dialog.form.set_document("KTP", True)
    dialog.form.set_document("STR", True, "asli diperlihatkan")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # Then the application exists, linked to the ticket, and its receipt is archived
    info = dialog.application
    assert info is not None and info.ticket_number == "A001" and not info.incomplete
    assert info.registration_number in dialog.outcome.text()
    assert dialog.archive_path is not None and dialog.archive_path.parent == data_dir() / "receipts"
    text = _pdf_text(dialog.archive_path)
    assert info.registration_number in text and MASKED in text and NIK not in text
    assert "asli diperlihatkan" in text
    assert dialog.preview is not None and dialog.preview.isVisible()
    dialog.preview.close()
    found = apps.search_applications(ctx.db, NIK)
    assert [a.registration_number for a in found] == [info.registration_number]


def test_incomplete_dossier_is_accepted_and_flagged(ctx: AppContext, ticket, qtbot) -> None:
    site.set_setting(ctx.db, "permits.incomplete_policy", "accept")
    dialog = open_intake(ctx, ticket, None)
    qtbot.addWidget(dialog)
    _fill_valid(dialog, qtbot)
    dialog.form.set_document("KTP", True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.application is not None and dialog.application.incomplete
    assert "Fotokopi STR Bidan" in dialog.outcome.text()
    # the deadline clock waits for the missing document: no due date is promised yet
    assert dialog.application.clock.state == "stopped"
    assert "counted from the day the missing documents arrive" in dialog.outcome.text()
    assert "BELUM DISERAHKAN" in _pdf_text(dialog.archive_path)
    assert "Jangka waktu berhenti sejak" in _pdf_text(dialog.archive_path)
    dialog.preview.close()


def test_bad_input_in_every_field_is_named_next_to_it_and_kept(ctx: AppContext, ticket, qtbot) -> None:
    dialog = open_intake(ctx, ticket, None)
    qtbot.addWidget(dialog)
    form = dialog.form
    typed = {"nik": "1871abc", "name": "12345", "phone": "12", "email": "siti@", "nib": "123"}
    for field, text in typed.items():
        qtbot.keyClicks(getattr(form, field), text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    expected = {
        "nik": "NIK harus 16 digit angka",
        "name": "Nama pemohon harus",
        "phone": "Nomor telepon",
        "email": "Alamat email tidak valid",
        "address": "Alamat wajib diisi",
        "nib": "NIB harus 13 digit angka",
        "permit_type": "Jenis izin wajib dipilih",
    }
    for field, message in expected.items():
        label = form.error_label(field)
        assert label.isVisible(), field
        assert message in label.text(), (field, label.text())
    for field, text in typed.items():
        assert getattr(form, field).text() == text
    assert dialog.application is None and apps.search_applications(ctx.db, "Siti") == []
    # Fixing one field clears its message and leaves the others.
    form.email.clear()
    qtbot.keyClicks(form.email, "siti@contoh.id")
    assert not form.error_label("email").isVisible() and form.error_label("nib").isVisible()


def test_refused_incomplete_dossier_keeps_the_form(ctx: AppContext, ticket, qtbot) -> None:
    site.set_setting(ctx.db, "permits.incomplete_policy", "refuse")
    dialog = open_intake(ctx, ticket, None)
    qtbot.addWidget(dialog)
    _fill_valid(dialog, qtbot)
    dialog.form.set_document("KTP", True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.form.error_label("documents")
    assert label.isVisible()
    assert "Berkas belum lengkap" in label.text() and "Fotokopi STR Bidan" in label.text()
    assert dialog.application is None
    assert dialog.form.name.text() == "Siti Aminah" and dialog.form.document_inputs()[0].received


def test_draft_is_restored_after_closing_without_saving(ctx: AppContext, ticket, qtbot) -> None:
    dialog = open_intake(ctx, ticket, None)
    qtbot.addWidget(dialog)
    _fill_valid(dialog, qtbot)
    dialog.form.set_document("STR", True, "legalisir")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    # typed text: closing asks first (gui.common.form_guard), and says the draft stays
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "confirmClose") is not None)
    question = dialog.findChild(QMessageBox, "confirmClose")
    assert "draft" in question.text() or "draf" in question.text()
    qtbot.mouseClick(question.findChild(QPushButton, "closeAnyway"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    again = open_intake(ctx, ticket, None)
    qtbot.addWidget(again)
    form = again.form
    assert form.nik.text() == NIK and form.name.text() == "Siti Aminah"
    assert form.phone.text() == "+6281277889900"
    assert form.address.toPlainText() == "Jl. Teuku Umar No. 12, Kedaton"
    assert form.permit_type.currentData() == "SIP-BIDAN"
    by_code = {d.requirement: d for d in form.document_inputs()}
    assert by_code["STR"].received and by_code["STR"].note == "legalisir" and not by_code["KTP"].received
    assert "17 Agustus 1990" in form.nik_decoded.text()
    # A walk-in form on the same PC has its own (empty) draft.
    walk_in = open_intake(ctx, None, None)
    qtbot.addWidget(walk_in)
    assert walk_in.form.nik.text() == ""


def test_find_move_and_hand_over(ctx: AppContext, qtbot) -> None:
    request = apps.IntakeRequest(
        nik=NIK,
        name="Siti Aminah",
        phone="081277889900",
        address="Jl. Teuku Umar No. 12",
        permit_type="SIP-BIDAN",
        documents=(apps.DocumentInput("KTP", True), apps.DocumentInput("STR", True)),
    )
    number = apps.intake(ctx.db, request, ctx.actor).registration_number
    dialog = open_applications(ctx, None)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, "aminah")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    assert dialog.results.rowCount() == 1 and number in dialog.details.text()
    assert MASKED in dialog.details.text() and NIK not in dialog.details.text()
    for _ in ("verifying", "processing", "approved", "ready"):
        assert not dialog.handover_button.isEnabled()
        qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    assert dialog.current is not None and dialog.current.state == "ready"
    assert dialog.history.rowCount() == 5
    # The wrong KTP is refused with the reason; the right one hands over and prints.
    qtbot.keyClicks(dialog.handover_nik, "1871015708900004")
    qtbot.keyClicks(dialog.handover_name, "Siti Aminah")
    qtbot.mouseClick(dialog.handover_button, Qt.MouseButton.LeftButton)
    assert "NIK tidak cocok" in dialog.status.text() and dialog.current.state == "ready"
    dialog.handover_nik.clear()
    qtbot.keyClicks(dialog.handover_nik, NIK)
    qtbot.mouseClick(dialog.handover_button, Qt.MouseButton.LeftButton)
    assert dialog.current.state == "handed_over"
    assert dialog.archive_path is not None and "PENYERAHAN" in _pdf_text(dialog.archive_path)
    dialog.preview.close()
    qtbot.mouseClick(dialog.reprint_button, Qt.MouseButton.LeftButton)
    assert "SALINAN" in _pdf_text(dialog.archive_path)
    dialog.preview.close()


@pytest.mark.translation("intake")
def test_indonesian_translation_is_shipped(ctx: AppContext, qtbot) -> None:
    dialog = open_intake(ctx, None, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Penerimaan Permohonan Izin"
    assert dialog.save_button.text() == "Simpan dan cetak tanda terima"


def test_printed_pages_carry_the_receipt(ctx: AppContext, qtbot, tmp_path: Path) -> None:
    # The print path (rasterised PDF pages on a QPrinter) sends the receipt to a PDF "printer";
    # that output is read back and its QR code decoded.
    import pypdfium2 as pdfium
    import zxingcpp
    from PySide6.QtPrintSupport import QPrinter

    from p4_desk.gui.intake.receipt_print import make_printer, paint_pdf

    request = apps.IntakeRequest(
        nik=NIK, name="Siti Aminah", phone="081277889900", address="Jl. Teuku Umar No. 12",
        permit_type="SIP-BIDAN", documents=(apps.DocumentInput("KTP", True), apps.DocumentInput("STR", True)),
    )  # fmt: skip
    number = apps.intake(ctx.db, request, ctx.actor).registration_number
    printer = make_printer("A5")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_pdf(printer, apps.receipt_pdf(ctx.db, number, paper="A5", actor=ctx.actor))
    reader = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == 148
    printed = pdfium.PdfDocument(str(tmp_path / "printed.pdf"))
    try:
        image = printed[0].render(scale=3).to_pil()
    finally:
        printed.close()
    # a desk enrolled nowhere and without central.public_url: the QR carries the bare number
    assert [b.text for b in zxingcpp.read_barcodes(image)] == [number]

"""Indonesian all the way (issue 12 item 8): Qt's own strings (input, message, file and print
dialogs, calendar popups) in Indonesian from the shipped ``qtbase_id`` catalogue, the Indonesian
locale for numbers and dates, one date form; and the report/printer bits of item 9.
Real widgets, the shipped catalogues."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.admin.window import AdminWindow
from p4_desk.gui.app.look import install_translations
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.printing import installed_printers
from p4_desk.gui.supervisor.window import SupervisorWindow
from p4_desk.services import surveys, users
from p4_desk.store.db import Database

pytestmark = pytest.mark.translation("qtbase", "supervisor", "feedback", "admin", "app")


@pytest.fixture
def supervisor(qtbot: QtBot, site_db: Database, tmp_path: Path, inline_tasks: None) -> SupervisorWindow:
    users.add_user(site_db, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    ctx = AppContext(
        db=site_db, settings=Settings(path=tmp_path / "s.toml"), role="supervisor",
        user=users.get_user(site_db, "kepala"),
    )  # fmt: skip
    window = SupervisorWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def when_modal(qtbot: QtBot, look: Callable[[QWidget], None]) -> list[str]:
    """Run ``look`` on the next modal dialog, then close it; returns what went wrong there."""
    failures: list[str] = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inspect)
            return
        try:
            look(dialog)
        except AssertionError as exc:
            failures.append(str(exc) or repr(exc))
        finally:
            dialog.close()

    QTimer.singleShot(0, inspect)
    return failures


def button_texts(dialog: QWidget) -> set[str]:
    return {b.text() for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}


def test_the_application_locale_is_indonesian(qapp: QApplication) -> None:
    install_translations(qapp, "en")  # even an English interface counts in Indonesian
    locale = QLocale()
    assert locale.name() == "id_ID"
    assert locale.toString(12000) == "12.000"
    assert locale.toString(79.53, "f", 2) == "79,53"
    assert locale.monthName(12) == "Desember"


def test_input_and_message_dialogs_speak_indonesian(qtbot: QtBot, supervisor: SupervisorWindow) -> None:
    # The supervisor's "Cetak ulang tiket…" asks for a number in Qt's input dialog
    def input_dialog(dialog: QWidget) -> None:
        assert button_texts(dialog) == {"OK", "Batal"}, button_texts(dialog)

    failures = when_modal(qtbot, input_dialog)
    supervisor.live.reprint()
    assert failures == []

    def question(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert {b.text() for b in dialog.buttons()} == {"&Ya", "&Tidak"}

    failures = when_modal(qtbot, question)
    QMessageBox.question(supervisor, "Tutup loket", "Tutup loket L1?")
    assert failures == []


def test_the_file_dialog_speaks_indonesian(qtbot: QtBot, supervisor: SupervisorWindow) -> None:
    dialog = QFileDialog(supervisor, "Simpan laporan")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()

    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Cari di:", "&Nama berkas:", "&Jenis berkas:"} <= labels
    assert {"&Simpan", "Batal"} <= {b.text() for b in dialog.findChildren(QPushButton)}
    tips = {w.toolTip() for w in dialog.findChildren(QWidget) if w.toolTip()}
    assert {"Mundur", "Maju", "Folder induk", "Buat folder baru"} <= tips
    dialog.reject()


def test_print_preview_tooltips_are_indonesian(qtbot: QtBot) -> None:
    preview = QPrintPreviewDialog()
    qtbot.addWidget(preview)
    texts = {action.text() for action in preview.findChildren(QAction)}
    assert {"Halaman berikutnya", "Halaman sebelumnya", "Perbesar", "Perkecil", "Cetak"} <= texts


def test_supervisor_dates_use_the_one_date_form(supervisor: SupervisorWindow) -> None:
    stats = supervisor.statistics
    stats.date_to.setDate(QDate(2026, 12, 4))

    assert stats.date_from.text() == "1 Maret 2026"  # the site clock is at 4 March 2026
    assert stats.date_to.text() == "4 Desember 2026"
    calendar = stats.date_to.calendarWidget()
    assert calendar.locale().monthName(3) == "Maret"
    assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) == "Sen"


def test_decimals_in_spin_boxes_use_a_comma(admin_window: AdminWindow) -> None:
    volume = admin_window.site.volume
    assert isinstance(volume, QDoubleSpinBox)
    volume.setValue(0.8)

    assert volume.text() == "0,80"


def test_print_report_without_a_pdf_viewer_says_where_the_file_is(
    qtbot: QtBot, supervisor: SupervisorWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Given a month with one survey (offscreen, no PDF viewer can open: as on a bare counter PC)
    monkeypatch.setenv("P4_DESK_DATA_DIR", str(tmp_path))
    db = supervisor.ctx.db
    surveys.record_survey(db, {f"U{i}": 4 for i in range(1, 10)}, service="KTP", channel="paper")
    ikm = supervisor.ikm
    supervisor.tabs.setCurrentWidget(ikm)
    ikm.reload()
    qtbot.waitUntil(lambda: ikm.print_button.isEnabled(), timeout=3000)

    # When the supervisor presses "Cetak laporan"
    qtbot.mouseClick(ikm.print_button, Qt.MouseButton.LeftButton)

    # Then the PDF is saved and the message says where, and that no viewer opened
    qtbot.waitUntil(lambda: ikm.report_path is not None, timeout=3000)
    assert ikm.report_path is not None and ikm.report_path.exists()
    assert len(PdfReader(str(ikm.report_path)).pages) >= 1
    assert ikm.message.text() == (
        f"Laporan tersimpan sebagai {ikm.report_path}, tetapi tidak ada penampil PDF yang terbuka di "
        "komputer ini. Buka berkas itu dengan penampil PDF untuk mencetaknya."
    )


def test_the_printer_field_lists_printers_and_takes_a_pdf_path(
    qtbot: QtBot, admin_window: AdminWindow, tmp_path: Path
) -> None:
    tab = admin_window.printers
    admin_window.tabs.setCurrentWidget(tab)
    # The choices: a PDF in the data folder and every printer installed on this computer
    choices = [tab.target.itemText(i) for i in range(tab.target.count())]
    assert choices == ["pdf"] + [f"printer:{name}" for name in installed_printers()]
    assert tab.target.itemData(0, Qt.ItemDataRole.ToolTipRole) == "Berkas PDF di folder data"

    # The README's pdf:PATH form is accepted: the test ticket goes there and the setting is kept
    target = tmp_path / "tiket-uji.pdf"
    tab.target.setCurrentText(f"pdf:{target}")
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=3000)
    assert "T001" in PdfReader(str(target)).pages[0].extract_text()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() == "Pengaturan printer disimpan.", timeout=3000)
    assert Settings.load(admin_window.ctx.settings.path).get("printer.ticket_target") == f"pdf:{target}"


def test_numbers_group_thousands_but_coordinates_keep_their_point(admin_window: AdminWindow) -> None:
    rules = admin_window.site_rules.fields
    rules["queue.print_fail_cancel_minutes"].widget.setValue(1440)  # type: ignore[attr-defined]
    rules["site.latitude"].widget.setValue(-5.4292)  # type: ignore[attr-defined]
    admin_window.services.quota.setValue(12000)

    assert rules["queue.print_fail_cancel_minutes"].widget.text() == "1.440"  # type: ignore[attr-defined]
    assert rules["site.latitude"].widget.text() == "-5.429200"  # type: ignore[attr-defined]
    assert admin_window.services.quota.text() == "12.000"

"""Printers of this workstation (with a test print) and the site / workstation settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from p4_desk.gui.admin.tab import AdminTab
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.printing import installed_printers, print_pdf_on_os_printer
from p4_desk.services.admin import (
    SiteSettingsForm,
    print_test_ticket,
    save_site_settings,
    set_workstation_settings,
)
from p4_desk.services.backup import SEALED_SUFFIX, backup, backup_dir
from p4_desk.services.screens import admin as screens
from p4_desk.services.site import TIMEZONES


class PrintersTab(AdminTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        s = ctx.settings
        # the installed printers to choose from; any other target (pdf:BERKAS, escpos-…) is typed
        self.target = QComboBox(self)
        self.target.setEditable(True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target.addItem("pdf")
        self.target.setItemData(0, self.tr("A PDF file in the data folder"), Qt.ItemDataRole.ToolTipRole)
        for name in installed_printers():
            self.target.addItem(f"printer:{name}")
            self.target.setItemData(
                self.target.count() - 1,
                self.tr("Printer installed on this computer"),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.target.setCurrentText(str(s.get("printer.ticket_target")))
        line = self.target.lineEdit()
        assert line is not None
        line.setPlaceholderText("pdf | pdf:BERKAS | printer:NAMA | escpos-net:192.168.1.50:9100")
        self.target.setToolTip(
            self.tr(
                "Choose an installed printer, or type a target: pdf, pdf:FILE, printer:NAME, "
                "escpos-net:HOST:PORT, escpos-file:DEVICE, escpos-usb:VID:PID, escpos-serial:PORT."
            )
        )
        self.target.setMinimumContentsLength(32)
        self.paper = QComboBox(self)
        for mm in (58, 80):
            self.paper.addItem(f"{mm} mm", mm)
        self.paper.setCurrentIndex(max(0, self.paper.findData(int(s.get("printer.ticket_paper_mm")))))
        self.receipt = QComboBox(self)
        self.receipt.addItems(["A4", "A5"])
        self.receipt.setCurrentText(str(s.get("printer.receipt_paper")))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.test_button = QPushButton(self.tr("Test print"), self)

        form = QFormLayout()
        form.addRow(self.tr("Ticket printer"), self.target)
        form.addRow(self.tr("Ticket paper width"), self.paper)
        form.addRow(self.tr("Receipt paper"), self.receipt)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch()
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test_print)

    def save(self) -> None:
        db, settings, actor = self.ctx.db, self.ctx.settings, self.ctx.actor
        values = {
            "printer.ticket_target": self.target.currentText().strip(),
            "printer.ticket_paper_mm": int(self.paper.currentData()),
            "printer.receipt_paper": self.receipt.currentText(),
        }
        self.call(
            lambda: set_workstation_settings(db, settings, values, actor),
            lambda _: self.show_done(self.tr("Printer settings saved.")),
        )

    def test_print(self) -> None:
        target, paper, db = (
            self.target.currentText().strip() or "pdf",
            int(self.paper.currentData()),
            self.ctx.db,
        )
        self.call(
            lambda: print_test_ticket(db, target, paper, os_printer=print_pdf_on_os_printer), self._printed
        )

    def _printed(self, where: str) -> None:
        self.show_done(self.tr("Test ticket sent: %1").replace("%1", where))


class SiteTab(AdminTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        s = ctx.settings
        self.site_name = QLineEdit(self)
        self.timezone = QComboBox(self)
        for zone, label in TIMEZONES.items():
            self.timezone.addItem(f"{label} ({zone})", zone)
        self.running_text = QPlainTextEdit(self)
        self.running_text.setMaximumHeight(80)
        self.voice = QCheckBox(self.tr("Voice announcements on this display"), self)
        self.voice.setChecked(bool(s.get("voice.enabled")))
        self.volume = QDoubleSpinBox(self)
        self.volume.setRange(0.0, 1.0)
        self.volume.setSingleStep(0.1)
        self.volume.setValue(float(s.get("voice.volume")))
        self.idle_lock = QSpinBox(self)
        self.idle_lock.setRange(1, 240)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setValue(int(s.get("workstation.idle_lock_minutes")))
        self.daily_backup = QCheckBox(self.tr("Daily automatic backup of the database"), self)
        self.daily_backup.setChecked(bool(s.get("backup.daily")))
        self.backups_kept = QSpinBox(self)
        self.backups_kept.setRange(1, 365)
        self.backups_kept.setValue(int(s.get("backup.keep")))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.backup_button = QPushButton(self.tr("Back up now"), self)

        form = QFormLayout()
        form.addRow(self.tr("Site name"), self.site_name)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Running text on the display"), self.running_text)
        form.addRow("", self.voice)
        form.addRow(self.tr("Voice volume (this PC)"), self.volume)
        form.addRow(self.tr("Lock the screen after (this PC)"), self.idle_lock)
        form.addRow("", self.daily_backup)
        form.addRow(self.tr("Automatic backups kept"), self.backups_kept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.backup_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch()
        self.save_button.clicked.connect(self.save)
        self.backup_button.clicked.connect(self.back_up_now)

    def back_up_now(self) -> None:
        db = self.ctx.db
        suffix = (".sqlite3" if db.is_sqlite else ".dump") + SEALED_SUFFIX  # encrypted (issue 15.5)
        target = backup_dir() / f"p4desk-manual-{datetime.now():%Y%m%d-%H%M%S}{suffix}"
        self.call(
            lambda: backup(db, target),
            lambda info: self.show_done(self.tr("Backup written: %1").replace("%1", info.path)),
        )

    def query(self) -> Callable[[], screens.SiteTab]:
        return partial(screens.site_tab, self.ctx.db)

    def draw(self, model: screens.SiteTab) -> None:
        if not self.site_name.isModified():
            self.site_name.setText(model.site.name)
        self.timezone.setCurrentIndex(max(0, self.timezone.findData(model.site.timezone)))
        if not self.running_text.document().isModified():
            self.running_text.setPlainText(model.running_text)

    def save(self) -> None:
        db, settings, actor = self.ctx.db, self.ctx.settings, self.ctx.actor
        form = SiteSettingsForm(
            site_name=self.site_name.text(),
            timezone=str(self.timezone.currentData()),
            running_text=self.running_text.toPlainText(),
            workstation={
                "voice.enabled": self.voice.isChecked(),
                "voice.volume": round(self.volume.value(), 2),
                "workstation.idle_lock_minutes": self.idle_lock.value(),
                "backup.daily": self.daily_backup.isChecked(),
                "backup.keep": self.backups_kept.value(),
            },
        )

        def outcome(_: None) -> str:
            self.site_name.setModified(False)
            self.running_text.document().setModified(False)
            return self.tr("Settings saved.")

        self.act(lambda: save_site_settings(db, settings, form, actor), outcome)

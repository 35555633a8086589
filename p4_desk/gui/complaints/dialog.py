"""Dialog to file a complaint at the counter or the supervisor desk, then print its receipt.

A refused form stays as typed; the Indonesian message of the error appears under the field it
is about (``P4Error.field``), or on top when it is about the whole form, and goes once the field
is changed. The form behaves as every form (``gui.common.form_guard``): the cursor starts in
"Uraian", Enter in a one-line field saves, closing with typed text asks first.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from p4_desk.config import data_dir
from p4_desk.domain.wording import format_date
from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.form_guard import FormGuard, GuardedDialog
from p4_desk.gui.common.personal_text import PersonalNumberHint
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import catalog, complaints
from p4_desk.services.complaints import ComplaintInfo
from p4_desk.services.queue import TicketInfo
from p4_desk.services.screens.forms import ComplaintChoices, complaint_choices

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #B00020;"


def receipts_dir() -> Path:
    return data_dir() / "tanda-terima" / "pengaduan"


#: free-text fields whose NIKs and phone numbers are masked when sent or printed
PERSONAL_TEXT = ("description", "place")


class ComplaintDialog(GuardedDialog):
    def __init__(
        self, ctx: AppContext, ticket: TicketInfo | str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ticket = ticket
        self.filed: ComplaintInfo | None = None
        self.receipt_path: Path | None = None
        self._services: list[catalog.ServiceInfo] = []
        self.setWindowTitle(self.tr("File a complaint"))
        self.setMinimumWidth(640)
        self.errors: dict[str, QLabel] = {}
        self.hints: dict[str, PersonalNumberHint] = {}
        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        self._build_form()
        self._build_done()
        # after the ticket's own values are in, and once the buttons are inside the dialog
        # (a default set earlier is lost to "Batal")
        self.guard = FormGuard(self, self.fields, self.errors, first=self.description)
        self.guard.make_default(self.save_button, (self.cancel_button,))
        self._load_choices()

    # --- the form ---------------------------------------------------------------------------

    def _with_error(self, name: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if name in PERSONAL_TEXT and isinstance(widget, QLineEdit | QPlainTextEdit):
            self.hints[name] = PersonalNumberHint(widget)
            column.addWidget(self.hints[name])
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.errors[name] = error
        return box

    def _build_form(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        self.form_error = QLabel()
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        column.addWidget(self.form_error)
        form = QFormLayout()
        column.addLayout(form)

        self.kind = QComboBox()
        for label, value in (
            (self.tr("Complaint"), "pengaduan"),
            (self.tr("Aspiration"), "aspirasi"),
            (self.tr("Information request"), "permintaan_informasi"),
        ):
            self.kind.addItem(label, value)
        self.agency = QComboBox()
        self.agency.currentIndexChanged.connect(self._fill_services)
        self.service = QComboBox()
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("What happened, when, and who was involved"))
        self.description.setMinimumHeight(90)
        self.description.setTabChangesFocus(True)  # Tab goes on to the next field
        self.description.setMaximumHeight(150)
        self.ticket_number = QLineEdit()
        self.ticket_number.setPlaceholderText("A017")
        self.registration_number = QLineEdit()
        self.registration_number.setPlaceholderText("BDL-2611-00042-6")
        self.service_date = QDateEdit()
        self.service_date.setCalendarPopup(True)
        self.service_date.setDisplayFormat("dd-MM-yyyy")
        today = self.ctx.db.now().astimezone(self.ctx.db.timezone).date()
        self.service_date.setDate(QDate(today.year, today.month, today.day))
        self.identity = QComboBox()
        for label, value in (
            (self.tr("Named"), "named"),
            (self.tr("Confidential (name kept, never printed or sent)"), "confidential"),
            (self.tr("Anonymous (no name kept)"), "anonymous"),
        ):
            self.identity.addItem(label, value)
        self.identity.currentIndexChanged.connect(self._identity_changed)
        self.reporter_name = QLineEdit()
        self.reporter_phone = QLineEdit()
        self.reporter_phone.setPlaceholderText("0812-3456-7890")
        self.reporter_email = QLineEdit()
        self.latitude = QLineEdit()
        self.longitude = QLineEdit()
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. Counter 3, parking area"))

        rows: list[tuple[str, str, QWidget]] = [
            ("kind", self.tr("Kind"), self.kind),
            ("agency", self.tr("Agency"), self.agency),
            ("service", self.tr("Service"), self.service),
            ("description", self.tr("Description"), self.description),
            ("ticket", self.tr("Ticket number"), self.ticket_number),
            ("registration_number", self.tr("Registration number"), self.registration_number),
            ("service_date", self.tr("Date of service"), self.service_date),
            ("identity", self.tr("Reporter identity"), self.identity),
            ("reporter_name", self.tr("Reporter name"), self.reporter_name),
            ("reporter_phone", self.tr("Phone"), self.reporter_phone),
            ("reporter_email", self.tr("Email"), self.reporter_email),
            ("latitude", self.tr("Latitude"), self.latitude),
            ("longitude", self.tr("Longitude"), self.longitude),
            ("place", self.tr("Place"), self.place),
        ]
        for name, label, widget in rows:
            widget.setObjectName(name)
            form.addRow(label, self._with_error(name, widget))
        self.fields = {name: widget for name, _label, widget in rows}

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("Save complaint"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        self.form_page = page
        self.pages.addWidget(page)

        if isinstance(self.ticket, TicketInfo):
            self.ticket_number.setText(self.ticket.number)
            day = self.ticket.service_day
            self.service_date.setDate(QDate(day.year, day.month, day.day))
        elif self.ticket:
            self.ticket_number.setText(str(self.ticket))

    def _build_done(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        self.done_title = QLabel(self.tr("Complaint received"))
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.done_title.setFont(font)
        self.done_number = QLabel()
        big = QFont(font)
        big.setPointSize(font.pointSize() + 8)
        self.done_number.setFont(big)
        self.done_details = QLabel()
        self.done_details.setWordWrap(True)
        self.done_error = QLabel()
        self.done_error.setStyleSheet(ERROR_STYLE)
        self.done_error.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print receipt"))
        self.print_button.clicked.connect(self.print_receipt)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.print_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        for widget in (self.done_title, self.done_number, self.done_details, self.done_error):
            column.addWidget(widget)
        column.addStretch(1)
        column.addLayout(buttons)
        self.done_page = page
        self.pages.addWidget(page)

    # --- choices ----------------------------------------------------------------------------

    def _load_choices(self) -> None:
        run_task(self, partial(complaint_choices, self.ctx.db), self._on_choices, self._show_error)

    def _on_choices(self, choices: ComplaintChoices) -> None:
        self._services = list(choices.services)
        self.latitude.setPlaceholderText(str(choices.latitude))
        self.longitude.setPlaceholderText(str(choices.longitude))
        self.agency.blockSignals(True)
        self.agency.clear()
        self.agency.addItem(self.tr("— choose an agency —"), "")
        for agency in choices.agencies:
            self.agency.addItem(agency.name, agency.code)
        self.agency.blockSignals(False)
        if isinstance(self.ticket, TicketInfo):
            self.agency.setCurrentIndex(max(0, self.agency.findData(self.ticket.agency)))
        self._fill_services()
        if isinstance(self.ticket, TicketInfo):
            self.service.setCurrentIndex(max(0, self.service.findData(self.ticket.service)))
        if self.guard is not None:
            self.guard.mark_clean(("agency", "service"))  # filled in from the ticket, not typed

    def _fill_services(self) -> None:
        agency = self.agency.currentData()
        self.service.clear()
        self.service.addItem(self.tr("— not about one service —"), "")
        for service in self._services:
            if service.agency == agency:
                self.service.addItem(service.name, service.code)

    def _identity_changed(self) -> None:
        named = self.identity.currentData() != "anonymous"
        for widget in (self.reporter_name, self.reporter_phone, self.reporter_email):
            widget.setEnabled(named)

    # --- saving -----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        d = self.service_date.date()
        return {
            "kind": self.kind.currentData(),
            "agency": self.agency.currentData() or "",
            "service": self.service.currentData() or None,
            "description": self.description.toPlainText(),
            "ticket": self.ticket_number.text(),
            "registration_number": self.registration_number.text(),
            "service_date": f"{d.year():04d}-{d.month():02d}-{d.day():02d}",
            "identity": self.identity.currentData(),
            "reporter_name": self.reporter_name.text(),
            "reporter_phone": self.reporter_phone.text(),
            "reporter_email": self.reporter_email.text(),
            "latitude": self.latitude.text(),
            "longitude": self.longitude.text(),
            "place": self.place.text(),
        }

    def clear_errors(self) -> None:
        self.form_error.hide()
        for label in self.errors.values():
            label.clear()
            label.hide()

    def save(self) -> None:
        self.clear_errors()
        self.save_button.setEnabled(False)
        fields, db, actor = self.values(), self.ctx.db, self.ctx.actor
        run_task(
            self,
            lambda: complaints.file_complaint(db, actor=actor, **fields),
            self._on_filed,
            self._show_error,
        )

    def _show_error(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, P4Error):
            log.error("complaint could not be saved", exc_info=exc)
            self.form_error.setText(self.tr("The complaint could not be saved. Please try again."))
            self.form_error.show()
            return
        label = self.errors.get(exc.field or "")
        if label is None:
            self.form_error.setText(exc.message)
            self.form_error.show()
            return
        label.setText(exc.message)
        label.show()
        target = self.findChild(QWidget, exc.field or "")
        if target is not None:
            target.setFocus()

    def _on_filed(self, info: ComplaintInfo) -> None:
        self.filed = info
        if self.guard is not None:
            self.guard.mark_clean()
        self.done_number.setText(info.number)
        due = info.deadlines.get("verify_forward")
        lines = [f"{info.kind_label} — {info.agency_name}"]
        if due is not None:
            lines.append(self.tr("Verification due: %1").replace("%1", format_date(due)))
        if info.location_warning:
            lines.append(info.location_warning)
        self.done_details.setText("\n".join(lines))
        self.pages.setCurrentWidget(self.done_page)

    # --- receipt ----------------------------------------------------------------------------

    def save_receipt(self, on_saved: Any = None) -> None:
        """Write the receipt PDF into the data folder (off the UI thread)."""
        if self.filed is None:
            return
        from p4_desk.services.complaint_receipt import complaint_receipt_pdf

        number, db = self.filed.number, self.ctx.db
        path = receipts_dir() / f"{number}.pdf"

        def write() -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(complaint_receipt_pdf(db, number))
            return path

        def saved(result: Path) -> None:
            self.receipt_path = result
            if on_saved is not None:
                on_saved(result)

        run_task(self, write, saved, self._receipt_error)

    def print_receipt(self) -> None:
        """Save the receipt and hand it to the system's PDF viewer to print."""
        self.save_receipt(_open_file)

    def _receipt_error(self, exc: BaseException) -> None:
        log.error("complaint receipt failed", exc_info=exc)
        message = exc.message if isinstance(exc, P4Error) else self.tr("The receipt could not be made.")
        self.done_error.setText(message)


def open_complaint(
    ctx: AppContext, ticket: TicketInfo | str | None = None, parent: QWidget | None = None
) -> ComplaintDialog:
    """Open the complaint dialog (window-modal) for the ticket being served, if any."""
    dialog = ComplaintDialog(ctx, ticket, parent)
    dialog.open()
    return dialog


def _open_file(path: Path) -> None:
    """Hand a PDF to the system viewer, which prints it on the OS printer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

"""Supervisor widgets: the complaint list with overdue ones flagged, and the month's IKM."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.config import data_dir
from p4_desk.domain.complaint_deadlines import DEADLINE_LABELS
from p4_desk.domain.complaint_lifecycle import allowed_next
from p4_desk.domain.ikm import ELEMENTS
from p4_desk.domain.wording import format_date, format_number, month_name
from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import catalog, complaints, surveys
from p4_desk.services.complaints import ComplaintInfo, OverdueGroup
from p4_desk.services.surveys import IkmSummary
from p4_desk.store import journal

log = logging.getLogger(__name__)

OVERDUE_FILL = QColor("#FDE2E1")
POLL_MS = 2000


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, P4Error):
        return exc.message
    log.error("background task failed", exc_info=exc)
    return "Terjadi kesalahan; lihat log aplikasi."


class ComplaintsPanel(QWidget):
    """Complaints newest first; overdue rows in red; step buttons for the selected complaint."""

    COLUMNS = 8

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ComplaintInfo] = []
        self._marker = -1
        self._busy = False
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Open complaints"), "open")
        self.scope.addItem(self.tr("Overdue only"), "overdue")
        self.scope.addItem(self.tr("All, including closed"), "all")
        self.scope.currentIndexChanged.connect(self.reload)
        self.agency = QComboBox()
        self.agency.addItem(self.tr("All agencies"), "")
        self.agency.currentIndexChanged.connect(self.reload)
        self.new_button = QPushButton(self.tr("New complaint…"))
        self.new_button.clicked.connect(self._new_complaint)
        filters.addWidget(self.scope)
        filters.addWidget(self.agency)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        layout.addLayout(filters)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Received"),
                self.tr("Kind"),
                self.tr("Agency"),
                self.tr("Status"),
                self.tr("Officer"),
                self.tr("Next deadline"),
                self.tr("Overdue"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.detail)
        actions = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (answer, reason for closing, …)"))
        actions.addWidget(self.note, 1)
        self.step_buttons: dict[str, QPushButton] = {}
        for state, label in (
            ("verified", self.tr("Verify")),
            ("forwarded", self.tr("Forward to agency")),
            ("answered", self.tr("Record answer")),
            ("closed", self.tr("Close")),
        ):
            button = QPushButton(label)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, s=state: self.step(s))
            self.step_buttons[state] = button
            actions.addWidget(button)
        layout.addLayout(actions)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        run_task(lambda: catalog.list_agencies(ctx.db), self._on_agencies, self._on_error)
        # answered complaints nobody replied to close themselves (idempotent, cheap)
        run_task(lambda: complaints.auto_close_due(ctx.db), lambda _closed: self.reload(), self._on_error)

    # --- loading ----------------------------------------------------------------------------

    def _on_agencies(self, agencies: list[catalog.AgencyInfo]) -> None:
        self.agency.blockSignals(True)
        for agency in agencies:
            self.agency.addItem(agency.code, agency.code)
        self.agency.blockSignals(False)

    def poll(self) -> None:
        if self._busy or not self.isVisible():
            return
        self._busy = True
        run_task(lambda: journal.change_marker(self.ctx.db), self._on_marker, self._on_error)

    def _on_marker(self, marker: Any) -> None:
        self._busy = False
        if marker != self._marker:
            self._marker = int(marker)
            self.reload()

    def reload(self) -> None:
        scope, agency, db = self.scope.currentData(), self.agency.currentData() or None, self.ctx.db

        def load() -> tuple[list[ComplaintInfo], list[OverdueGroup], list[OverdueGroup]]:
            found = complaints.list_complaints(
                db, overdue_only=scope == "overdue", include_closed=scope == "all", agency=agency
            )
            return found, complaints.overdue_by_agency(db), complaints.overdue_by_officer(db)

        run_task(load, self._on_loaded, self._on_error)

    def _on_loaded(self, loaded: tuple[list[ComplaintInfo], list[OverdueGroup], list[OverdueGroup]]) -> None:
        rows, by_agency, by_officer = loaded
        selected = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, c in enumerate(rows):
            upcoming = c.open_deadlines
            next_due = (
                f"{format_date(upcoming[0][0])} ({DEADLINE_LABELS[upcoming[0][1]].lower()})"
                if upcoming
                else "-"
            )
            cells = [
                c.number,
                format_date(c.received_on),
                self.tr("%1 (web)").replace("%1", c.kind_label) if c.web_code else c.kind_label,
                c.agency,
                c.state_label,
                c.officer_name or "-",
                next_due,
                ", ".join(DEADLINE_LABELS[n] for n in c.overdue),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c.overdue:
                    item.setBackground(QBrush(OVERDUE_FILL))
                    item.setFont(bold)
                self.table.setItem(r, col, item)
        if selected is not None:
            for r, c in enumerate(rows):
                if c.number == selected.number:
                    self.table.selectRow(r)
        self.summary.setText(self._summary_text(by_agency, by_officer))
        self.summary.setStyleSheet("color: #8B0000; font-weight: bold;" if by_agency else "")
        self._selection_changed()

    def _summary_text(self, by_agency: list[OverdueGroup], by_officer: list[OverdueGroup]) -> str:
        if not by_agency:
            return self.tr("No complaint is past its deadline.")
        agencies = ", ".join(f"{g.key} {g.count}" for g in by_agency)
        officers = ", ".join(f"{g.name} {g.count}" for g in by_officer)
        return (
            self.tr("Overdue per agency: %1. Per officer: %2.")
            .replace("%1", agencies)
            .replace("%2", officers)
        )

    # --- selection and steps ----------------------------------------------------------------

    def selected(self) -> ComplaintInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select_number(self, number: str) -> None:
        for r, c in enumerate(self.rows):
            if c.number == number:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        c = self.selected()
        allowed = {s.value for s in allowed_next(c.state)} if c else set()
        for state, button in self.step_buttons.items():
            button.setEnabled(state in allowed)
        if c is None:
            self.detail.setText("")
            return
        detail = f"{c.number} · {c.reporter_label} · {c.description}"
        if c.web_code:
            # the citizen follows it on the central server's page under this code
            detail += " · " + self.tr("Filed on the web form, tracking code %1").replace("%1", c.web_code)
        self.detail.setText(detail)

    def step(self, state: str) -> None:
        c = self.selected()
        if c is None:
            return
        self.message.setText("")
        number, note, db, actor = c.number, self.note.text(), self.ctx.db, self.ctx.actor

        def done(_info: ComplaintInfo) -> None:
            self.note.clear()
            self.reload()

        run_task(lambda: complaints.step_complaint(db, number, state, note, actor), done, self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.message.setText(_error_text(exc))

    def _new_complaint(self) -> None:
        from p4_desk.gui.complaints.dialog import open_complaint

        dialog = open_complaint(self.ctx, None, self)
        dialog.finished.connect(lambda _result: self.reload())


class IkmPanel(QWidget):
    """NRR per element, IKM and grade for one month, and the printed report."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: IkmSummary | None = None
        self.report_path: Path | None = None
        layout = QVBoxLayout(self)
        today = ctx.db.now().astimezone(ctx.db.timezone).date()

        chooser = QHBoxLayout()
        self.month = QComboBox()
        for m in range(1, 13):
            self.month.addItem(month_name(m), m)
        self.month.setCurrentIndex(today.month - 1)
        self.year = QSpinBox()
        self.year.setRange(2020, 2099)
        self.year.setValue(today.year)
        self.service = QComboBox()
        self.service.addItem(self.tr("All services"), "")
        self.print_button = QPushButton(self.tr("Print report"))
        self.print_button.clicked.connect(self.print_report)
        self.paper_button = QPushButton(self.tr("Enter paper survey…"))
        self.paper_button.clicked.connect(self.open_paper_form)
        self.paper_dialog: QDialog | None = None
        for widget in (self.month, self.year, self.service):
            chooser.addWidget(widget)
        chooser.addStretch(1)
        chooser.addWidget(self.paper_button)
        chooser.addWidget(self.print_button)
        layout.addLayout(chooser)
        self.month.currentIndexChanged.connect(self.reload)
        self.year.valueChanged.connect(self.reload)
        self.service.currentIndexChanged.connect(self.reload)

        figures = QGridLayout()
        self.ikm_value = QLabel("-")
        big = QFont(self.font())
        big.setPointSize(big.pointSize() + 14)
        big.setBold(True)
        self.ikm_value.setFont(big)
        self.grade = QLabel()
        grade_font = QFont(self.font())
        grade_font.setPointSize(grade_font.pointSize() + 4)
        self.grade.setFont(grade_font)
        self.respondents = QLabel()
        self.respondents.setWordWrap(True)
        figures.addWidget(QLabel(self.tr("IKM")), 0, 0)
        figures.addWidget(self.ikm_value, 1, 0)
        figures.addWidget(self.grade, 1, 1)
        figures.addWidget(self.respondents, 2, 0, 1, 3)
        figures.setColumnStretch(2, 1)
        layout.addLayout(figures)

        self.table = QTableWidget(len(ELEMENTS), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Element"), self.tr("NRR"), self.tr("Weighted NRR")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, (code, name) in enumerate(ELEMENTS.items()):
            self.table.setItem(row, 0, QTableWidgetItem(f"{code} {name}"))
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        run_task(lambda: catalog.list_services(ctx.db), self._on_services, self._on_error)
        self.reload()

    def _on_services(self, services: list[catalog.ServiceInfo]) -> None:
        self.service.blockSignals(True)
        for service in services:
            self.service.addItem(service.name, service.code)
        self.service.blockSignals(False)

    def period(self) -> tuple[date, date]:
        return surveys.month_range(self.year.value(), int(self.month.currentData()))

    def reload(self) -> None:
        (start, end), service, db = self.period(), self.service.currentData() or None, self.ctx.db
        run_task(
            lambda: surveys.ikm_summary(db, start, end, service=service), self._on_summary, self._on_error
        )

    def _on_summary(self, summary: IkmSummary) -> None:
        self.summary = summary
        self.message.setText("")
        result = summary.result
        self.print_button.setEnabled(result is not None)
        self.respondents.setText(
            self.tr("Respondents: %1 · visitors: %2 · minimum sample (Krejcie-Morgan): %3")
            .replace("%1", format_number(summary.respondents))
            .replace("%2", format_number(summary.visitors))
            .replace("%3", format_number(summary.sample_size))
        )
        if result is None:
            self.ikm_value.setText("-")
            self.grade.setText(self.tr("No respondents in this month yet"))
        else:
            self.ikm_value.setText(format_number(result.ikm, 2))
            self.grade.setText(f"{result.grade} · {result.mutu}")
        for row, code in enumerate(ELEMENTS):
            nrr = format_number(result.nrr[code], 2) if result else "-"
            weighted = format_number(result.weighted_nrr[code], 3) if result else "-"
            for col, text in ((1, nrr), (2, weighted)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)

    def save_report(self, on_saved: Callable[[Path], None] | None = None) -> None:
        """Write the month's report PDF into the data folder (off the UI thread)."""
        (start, end), service, db = self.period(), self.service.currentData() or None, self.ctx.db
        path = data_dir() / "laporan" / f"IKM-{start:%Y-%m}{'-' + service if service else ''}.pdf"

        def write() -> Path:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(surveys.ikm_report_pdf(db, start, end, service=service))
            return path

        def saved(result: Path) -> None:
            self.report_path = result
            if on_saved is not None:
                on_saved(result)

        run_task(write, saved, self._on_error)

    def print_report(self) -> None:
        self.save_report(_open_file)

    def open_paper_form(self) -> None:
        """The officer types paper questionnaires; the figures refresh after each one."""
        from p4_desk.gui.survey.paper_form import PaperSurveyDialog

        dialog = PaperSurveyDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _info: self.reload())
        self.paper_dialog = dialog
        dialog.open()

    def _on_error(self, exc: BaseException) -> None:
        self.message.setText(_error_text(exc))


def _open_file(path: Path) -> None:
    """Hand a PDF to the system viewer, which prints it on the OS printer."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

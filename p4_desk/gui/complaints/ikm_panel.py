"""The month's IKM (satisfaction index) for the supervisor, the paper-survey form and the report.

Kept current by a ``LiveQuery`` of ``screens.supervisor.ikm_screen`` while visible.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.config import data_dir
from p4_desk.domain.ikm import ELEMENTS
from p4_desk.domain.wording import format_number, month_name
from p4_desk.gui.common.choices import refill
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.live import LiveQuery
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import surveys
from p4_desk.services.screens.supervisor import IkmScreen, ikm_screen
from p4_desk.services.surveys import IkmSummary

log = logging.getLogger(__name__)


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
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, (code, name) in enumerate(ELEMENTS.items()):
            self.table.setItem(row, 0, QTableWidgetItem(f"{code} {name}"))
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.live = LiveQuery(
            self, ctx.db, self._query, self._on_screen, self._on_error, active=self.isVisible
        )
        self.live.start()

    def _query(self) -> Callable[[], IkmScreen]:
        (start, end), service = self.period(), self.service.currentData() or None
        return partial(ikm_screen, self.ctx.db, start, end, service)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.live.resume()

    def period(self) -> tuple[date, date]:
        return surveys.month_range(self.year.value(), int(self.month.currentData()))

    def reload(self) -> None:
        self.live.refresh()

    def _on_screen(self, screen: IkmScreen) -> None:
        refill(self.service, [(sv.name, sv.code) for sv in screen.services], keep=1)
        self._on_summary(screen.summary)

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

        run_task(self, write, saved, self._on_error)

    def print_report(self) -> None:
        """Save the report and hand it to the PDF viewer, which prints it; say where it is when
        no viewer opens (a counter PC without one), so the supervisor is never left guessing."""
        self.save_report(self._opened)

    def _opened(self, path: Path) -> None:
        if _open_file(path):
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Report opened in the PDF viewer: %1").replace("%1", str(path)))
        else:
            self.message.setStyleSheet("color: #B00020;")
            self.message.setText(
                self.tr(
                    "The report is saved as %1, but no PDF viewer opened on this computer. "
                    "Open that file with a PDF viewer to print it."
                ).replace("%1", str(path))
            )

    def open_paper_form(self) -> None:
        """The officer types paper questionnaires; the figures refresh after each one."""
        from p4_desk.gui.survey.paper_form import PaperSurveyDialog

        dialog = PaperSurveyDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _info: self.reload())
        self.paper_dialog = dialog
        dialog.open()

    def _on_error(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #B00020;")
        self.message.setText(error_text(exc))


def _open_file(path: Path) -> bool:
    """Hand a PDF to the system viewer, which prints it on the OS printer; False when none opened."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

"""Deadlines to watch: fiktif-positif warnings and clocks waiting for the applicant.

The supervisor's window shows this panel as a tab; the counter's application dialog shows the
same warnings behind its badge. Both read ``applications.fiktif_positif_warnings`` and
``applications.stopped_clocks``, kept current by a ``LiveQuery`` (on every change, and every minute).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.wording import format_date, format_time
from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.live import LiveQuery
from p4_desk.gui.common.tables import read_only_table
from p4_desk.gui.intake.form import named
from p4_desk.services import applications
from p4_desk.services.applications import DeadlineWarningEntry, StoppedClock

REFRESH_MS = 60_000
LEVEL_COLOURS = {"overdue": QColor("#F8D7DA"), "today": QColor("#FFE5B4"), "upcoming": QColor("#FFF8DC")}


def fill_warnings(table: QTableWidget, warnings: list[DeadlineWarningEntry]) -> None:
    """One row per warning, coloured by how urgent it is."""
    table.setRowCount(len(warnings))
    for row, w in enumerate(warnings):
        cells = [w.registration_number, w.applicant_name, w.permit_name, w.state_label,
                 format_date(w.due_date, weekday=True), w.label]  # fmt: skip
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setBackground(QBrush(LEVEL_COLOURS[w.level]))
            table.setItem(row, column, item)


class DeadlineWatch(QWidget):
    """Both lists; ``counted`` carries how many fiktif-positif warnings there are (a badge)."""

    counted = Signal(int)
    chosen = Signal(str)  # a registration number double-clicked

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.warnings: list[DeadlineWarningEntry] = []
        self.stopped: list[StoppedClock] = []
        self.fiktif = named(
            read_only_table(
                [self.tr("Registration no."), self.tr("Applicant"), self.tr("Permit"), self.tr("Status"),
                 self.tr("Deadline"), self.tr("Warning")]
            ),
            "fiktif_positif",
        )  # fmt: skip
        self.waiting = named(
            read_only_table(
                [self.tr("Registration no."), self.tr("Applicant"), self.tr("Phone"), self.tr("Waiting for"),
                 self.tr("Since"), self.tr("Working days"), self.tr("Reason")]
            ),
            "clock_stopped",
        )  # fmt: skip
        self.message = named(QLabel(wordWrap=True), "deadline_message")
        self.refresh_button = named(QPushButton(self.tr("Refresh")), "deadline_refresh")
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Deemed approval (fiktif positif): deadlines near, today or missed")))
        layout.addWidget(self.fiktif, 2)
        layout.addWidget(QLabel(self.tr("Clocks stopped, waiting for the applicant")))
        layout.addWidget(self.waiting, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.fiktif.cellDoubleClicked.connect(lambda row, _c: self._choose(self.warnings, row))
        self.waiting.cellDoubleClicked.connect(lambda row, _c: self._choose(self.stopped, row))
        # reloaded on every change of the data, and each minute (a deadline ages with the clock)
        self.live: LiveQuery[tuple[list[DeadlineWarningEntry], list[StoppedClock]]] = LiveQuery(
            self, ctx.db, self._query, self._show, self._failed, active=self.isVisible, every_ms=REFRESH_MS
        )

    def _query(self) -> Callable[[], tuple[list[DeadlineWarningEntry], list[StoppedClock]]]:
        db = self.ctx.db

        def read() -> tuple[list[DeadlineWarningEntry], list[StoppedClock]]:
            with db.read(snapshot=True):  # both lists from one moment
                return applications.fiktif_positif_warnings(db), applications.stopped_clocks(db)

        return read

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.live.resume()

    def refresh(self) -> None:
        """Load now; the owner calls it once its signals are connected (then it stays current)."""
        if self.live.running:
            self.live.refresh()
        else:
            self.live.start()

    def _show(self, result: tuple[list[DeadlineWarningEntry], list[StoppedClock]]) -> None:
        self.warnings, self.stopped = result
        fill_warnings(self.fiktif, self.warnings)
        self.waiting.setRowCount(len(self.stopped))
        for row, c in enumerate(self.stopped):
            cells = [c.registration_number, c.applicant_name, c.phone, c.waiting_label, format_date(c.since),
                     str(c.working_days_waited), c.reason]  # fmt: skip
            for column, text in enumerate(cells):
                self.waiting.setItem(row, column, QTableWidgetItem(text))
        now = format_time(self.ctx.db.now(), self.ctx.db.timezone)
        self.message.setText(
            self.tr(
                "{warnings} fiktif-positif warning(s), {stopped} stopped clock(s); updated {time}."
            ).format(warnings=len(self.warnings), stopped=len(self.stopped), time=now)
        )
        self.counted.emit(len(self.warnings))

    def _choose(self, entries: list[DeadlineWarningEntry] | list[StoppedClock], row: int) -> None:
        if 0 <= row < len(entries):
            self.chosen.emit(entries[row].registration_number)

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(exc.message if isinstance(exc, P4Error) else str(exc))

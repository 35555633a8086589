"""The supervisor's complaint list: overdue ones flagged, the steps of the selected one.

Kept current by a ``LiveQuery`` of ``screens.supervisor.complaints_screen`` while visible; a
change made while the tab was hidden is loaded when it is shown again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.complaint_deadlines import DEADLINE_LABELS
from p4_desk.domain.complaint_lifecycle import allowed_next
from p4_desk.domain.wording import format_date
from p4_desk.gui.common.choices import refill
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.live import LiveQuery
from p4_desk.gui.common.personal_text import PersonalNumberHint
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import complaints
from p4_desk.services.complaints import ComplaintInfo, OverdueGroup
from p4_desk.services.screens.supervisor import ComplaintsScreen, complaints_screen

log = logging.getLogger(__name__)

OVERDUE_FILL = QColor("#FDE2E1")


class ComplaintsPanel(QWidget):
    """Complaints newest first; overdue rows in red; step buttons for the selected complaint."""

    COLUMNS = 8

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ComplaintInfo] = []
        self._looked_at: str | None = None  # the complaint whose reporter's view was logged last
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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the long texts share what is left of the width (elided, read in full on hover), so at
        # 1366 px nothing runs off the right edge
        header.setSectionResizeMode(self.COLUMNS - 2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
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
        self.reveal_button = QPushButton(self.tr("Reporter's identity…"))
        self.reveal_button.setToolTip(self.tr("A confidential reporter's identity, on a stated reason"))
        self.reveal_button.setEnabled(False)
        self.reveal_button.clicked.connect(self._reveal)
        actions.addWidget(self.reveal_button)
        layout.addLayout(actions)
        self.note_hint = PersonalNumberHint(self.note)
        layout.addWidget(self.note_hint)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.live = LiveQuery(
            self, ctx.db, self._query, self._on_loaded, self._on_error, active=self.isVisible
        )
        self.live.start()
        # answered complaints nobody replied to close themselves (idempotent, cheap)
        run_task(
            self, lambda: complaints.auto_close_due(ctx.db), lambda _closed: self.reload(), self._on_error
        )

    # --- loading ----------------------------------------------------------------------------

    def _query(self) -> Callable[[], ComplaintsScreen]:
        scope, agency = self.scope.currentData(), self.agency.currentData() or None
        return partial(complaints_screen, self.ctx.db, scope, agency)

    def reload(self) -> None:
        self.live.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.live.resume()

    def _on_loaded(self, screen: ComplaintsScreen) -> None:
        refill(self.agency, [(a.code, a.code) for a in screen.agencies], keep=1)
        rows, by_agency, by_officer = (
            list(screen.complaints),
            screen.overdue_by_agency,
            screen.overdue_by_officer,
        )
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
                item.setToolTip(text)
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

    def _summary_text(self, by_agency: Sequence[OverdueGroup], by_officer: Sequence[OverdueGroup]) -> str:
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
        self.reveal_button.setEnabled(c is not None and c.identity == "confidential")
        if c is None:
            self.detail.setText("")
            return
        self._log_view(c)
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
            self.live.invalidate()

        run_task(
            self, lambda: complaints.step_complaint(db, number, state, note, actor), done, self._on_error
        )

    def _on_error(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))

    def _log_view(self, c: ComplaintInfo) -> None:
        """Showing a named reporter is a read of their data: once per complaint chosen (UU 27/2022)."""
        if c.identity != "named" or c.number == self._looked_at:
            return
        self._looked_at = c.number
        db, actor, number = self.ctx.db, self.ctx.actor, c.number
        run_task(
            self,
            lambda: complaints.get_complaint(db, number, actor=actor),
            lambda _info: None,
            self._on_error,
        )

    def _reveal(self) -> None:
        from p4_desk.gui.complaints.reveal import RevealReporterDialog

        c = self.selected()
        if c is not None:
            RevealReporterDialog(self.ctx, c.number, self).open()

    def _new_complaint(self) -> None:
        from p4_desk.gui.complaints.dialog import open_complaint

        dialog = open_complaint(self.ctx, None, self)
        dialog.finished.connect(lambda _result: self.reload())

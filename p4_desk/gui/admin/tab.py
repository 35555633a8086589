"""What every admin tab shares: background calls, the error line, tables, refresh on change."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.tasks import run_task

log = logging.getLogger(__name__)


class AdminTab(QWidget):
    """One tab of the admin window. Subclasses build their widgets and implement ``refresh``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def refresh(self) -> None:
        """Reload what the tab shows from the services."""

    def call(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        """Run a user's action off the UI thread; a P4Error is shown as its message."""
        self.message.clear()
        self.load(work, done)

    def load(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        """Like ``call`` but keeps the message line (used by refreshes)."""

        def finished(result: Any) -> None:
            if done is not None:
                done(result)

        run_task(self, work, finished, self.show_error)

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, P4Error):
            text = exc.message
        else:
            log.error("admin action failed", exc_info=exc)
            text = QCoreApplication.translate("AdminTab", "Unexpected error; details are in the log file.")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)

    def show_done(self, text: str) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(text)


def yes_no(value: bool) -> str:
    # translate() with a fixed context: self.tr() in a base class uses the subclass's name
    if value:
        return QCoreApplication.translate("AdminTab", "yes")
    return QCoreApplication.translate("AdminTab", "no")


def make_table(headers: Sequence[str], parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[object]]) -> None:
    """Replace the rows, keeping the selected row (same first-column key) without re-announcing it,
    so a refresh never overwrites what is being typed in the form."""
    key = selected_key(table)
    table.blockSignals(True)
    try:
        table.clearSelection()
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        if key is not None:
            for r in range(table.rowCount()):
                item = table.item(r, 0)
                if item is not None and item.text() == key:
                    table.selectRow(r)
                    break
    finally:
        table.blockSignals(False)


def selected_key(table: QTableWidget) -> str | None:
    """The first-column text of the selected row (None when no row is selected)."""
    rows = table.selectionModel().selectedRows()
    item = table.item(rows[0].row(), 0) if rows else None
    return item.text() if item is not None else None

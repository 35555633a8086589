"""Reactivate dialog: a citizen marked no-show today came back; queue the ticket again.

Lists the counter screen's ``no_shows`` (today's no-shows this counter may take back, the latest
first). Typing a number filters the list; Enter or "Aktifkan kembali" accepts the selected row.
The window does the reactivation (``queue.reactivate``: at the back of the queue, same number).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from p4_desk.domain.wording import format_time
from p4_desk.gui.forms.ui_counter_reactivate import Ui_ReactivateForm
from p4_desk.services.queue import TicketInfo


class ReactivateDialog(QDialog):
    """Accepted with ``chosen()`` = the ticket to queue again."""

    def __init__(self, tickets: Sequence[TicketInfo], zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reactivateDialog")
        self.ui = Ui_ReactivateForm()
        self.ui.setupUi(self)
        self.tickets = list(tickets)
        table = self.ui.ticketTable
        table.setRowCount(len(self.tickets))
        for row, t in enumerate(self.tickets):
            marked = format_time(t.finished_at, zone) if t.finished_at else "–"
            items = (
                QTableWidgetItem(t.number),
                QTableWidgetItem(t.service_name),
                QTableWidgetItem(marked),
            )
            items[1].setToolTip(f"{t.service_name} ({t.agency_name})")
            for column, item in enumerate(items):
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Queue again"))
        self.ok_button.setDefault(True)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.filterEdit.textChanged.connect(self._filter)
        table.itemSelectionChanged.connect(self._selection_changed)
        table.itemDoubleClicked.connect(lambda _item: self.accept())
        if self.tickets:
            table.selectRow(0)
        self._selection_changed()
        self.ui.filterEdit.setFocus()

    def _filter(self, text: str) -> None:
        wanted = text.strip().upper()
        table = self.ui.ticketTable
        first = None
        for row, t in enumerate(self.tickets):
            hidden = bool(wanted) and wanted not in t.number
            table.setRowHidden(row, hidden)
            if not hidden and first is None:
                first = row
        if first is None:
            table.clearSelection()
            self.ui.messageLabel.setText(self.tr("No no-show ticket {number} today.").format(number=wanted))
        else:
            table.selectRow(first)
            self.ui.messageLabel.clear()
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.ok_button.setEnabled(self.chosen() is not None)

    def choose(self, number: str) -> None:
        self.ui.filterEdit.setText(number)

    def chosen(self) -> TicketInfo | None:
        table = self.ui.ticketTable
        rows = [i.row() for i in table.selectionModel().selectedRows() if not table.isRowHidden(i.row())]
        return self.tickets[rows[0]] if rows else None

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

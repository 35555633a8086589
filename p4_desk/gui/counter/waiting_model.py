"""The waiting list of one counter as a Qt table model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from p4_desk.domain.queue_rules import PRIORITY_GROUPS
from p4_desk.domain.waiting import wait_minutes
from p4_desk.services.queue import TicketInfo

Index = QModelIndex | QPersistentModelIndex
TICKET_ROLE = Qt.ItemDataRole.UserRole + 1


class WaitingListModel(QAbstractTableModel):
    NUMBER, SERVICE, PRIORITY, WAITED, NOTE = range(5)

    def __init__(self, now: Callable[[], datetime]) -> None:
        super().__init__()
        self.now = now
        self.tickets: list[TicketInfo] = []
        self._headers = [
            self.tr("Number"),
            self.tr("Service"),
            self.tr("Priority"),
            self.tr("Waiting"),
            self.tr("Note"),
        ]

    def set_tickets(self, tickets: Sequence[TicketInfo]) -> None:
        self.beginResetModel()
        self.tickets = list(tickets)
        self.endResetModel()

    def refresh_times(self) -> None:
        if self.tickets:
            self.dataChanged.emit(self.index(0, self.WAITED), self.index(len(self.tickets) - 1, self.WAITED))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.tickets)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # a narrow column elides its header
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self.tickets[index.row()]
        if role == TICKET_ROLE:
            return t
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(t, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.WAITED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:  # the columns that may be elided, in full
            if index.column() == self.SERVICE:
                return f"{t.service_name} ({t.agency_name})"
            if index.column() in (self.PRIORITY, self.NOTE):
                return self._text(t, index.column()) or None
        return None

    def _text(self, t: TicketInfo, column: int) -> str:
        if column == self.NUMBER:
            return t.number
        if column == self.SERVICE:
            return t.service_name
        if column == self.PRIORITY:
            return PRIORITY_GROUPS.get(t.priority, t.priority) if t.priority else ""
        if column == self.WAITED:
            return self.tr("{n} min").format(n=wait_minutes(t.queued_at, self.now()))
        notes = []
        if t.transferred_from:
            notes.append(self.tr("transferred from {service}").format(service=t.transferred_from))
        if t.target_counter:
            notes.append(self.tr("for counter {code}").format(code=t.target_counter))
        return ", ".join(notes)

    def row_of(self, ticket_id: int) -> int | None:
        return next((i for i, t in enumerate(self.tickets) if t.id == ticket_id), None)

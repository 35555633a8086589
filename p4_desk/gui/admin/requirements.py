"""The requirements of one permit type (documents the applicant brings), edited in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from p4_desk.services.permits import Requirement


class RequirementsTable(QTableWidget):
    """The requirements of one permit type, edited in place: code, name, mandatory."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Requirement"), self.tr("Mandatory")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def add_requirement(self, req: Requirement | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(req.code if req else ""))
        self.setItem(row, 1, QTableWidgetItem(req.name if req else ""))
        mandatory = QTableWidgetItem()
        mandatory.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        )
        on = req.mandatory if req else True
        mandatory.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.setItem(row, 2, mandatory)
        return row

    def remove_selected(self) -> None:
        rows = self.selectionModel().selectedRows()
        if rows:
            self.removeRow(rows[0].row())

    def set_requirements(self, requirements: tuple[Requirement, ...]) -> None:
        self.setRowCount(0)
        for req in requirements:
            self.add_requirement(req)

    def set_row(self, row: int, code: str, name: str, mandatory: bool) -> None:
        self.cell(row, 0).setText(code)
        self.cell(row, 1).setText(name)
        self.cell(row, 2).setCheckState(Qt.CheckState.Checked if mandatory else Qt.CheckState.Unchecked)

    def requirements(self) -> tuple[Requirement, ...]:
        """The rows as typed; a row left wholly empty is not a requirement."""
        reqs = []
        for row in range(self.rowCount()):
            code, name = self.cell(row, 0).text(), self.cell(row, 1).text()
            if code.strip() or name.strip():
                checked = self.cell(row, 2).checkState() == Qt.CheckState.Checked
                reqs.append(Requirement(code, name, checked))
        return tuple(reqs)

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.item(row, column)
        if item is None:
            item = QTableWidgetItem("")
            self.setItem(row, column, item)
        return item

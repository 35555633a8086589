"""The intake form: applicant, business and permit fields with a message next to each field.

Layout and field access only; ``dialog.IntakeDialog`` owns the behaviour.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.services.applications import DocumentInput, IntakeRequest
from p4_desk.services.permits import PermitTypeInfo

FIELDS = ("nik", "name", "phone", "email", "address", "nib", "business_name", "permit_type", "documents")
_ERROR_STYLE = "color: #b00020;"
_RECEIVED, _DOCUMENT, _MANDATORY, _NOTE = range(4)

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """Give a widget its object name (tests and style sheets find it by that name)."""
    widget.setObjectName(name)
    return widget


class IntakeForm(QWidget):
    """Everything the officer types; emits ``changed`` on every edit."""

    changed = Signal(str)  # the field that changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._permits: list[PermitTypeInfo] = []
        self._errors: dict[str, QLabel] = {}
        self._filling = False

        self.nik = named(QLineEdit(maxLength=20, placeholderText="1871xxxxxxxxxxxx"), "nik")
        self.nik_decoded = named(QLabel(), "nik_decoded")
        self.name = named(QLineEdit(maxLength=100), "name")
        self.phone = named(QLineEdit(maxLength=24, placeholderText="0812-3456-7890"), "phone")
        self.email = named(QLineEdit(maxLength=200), "email")
        self.address = named(QPlainTextEdit(), "address")
        self.address.setFixedHeight(56)
        self.address.setTabChangesFocus(True)
        self.nib = named(QLineEdit(maxLength=13), "nib")
        self.business_name = named(QLineEdit(maxLength=200), "business_name")
        self.permit_type = named(QComboBox(), "permit_type")
        self.permit_terms = named(QLabel(wordWrap=True), "permit_terms")
        self.documents = named(QTableWidget(0, 4), "documents")
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Received"), self.tr("Document"), self.tr("Mandatory"), self.tr("Note")]
        )
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(_DOCUMENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("Dokumen") + 24)
        self.documents.verticalHeader().setVisible(False)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        applicant = QGroupBox(self.tr("Applicant"))
        form = QFormLayout(applicant)
        self._row(form, self.tr("NIK"), self.nik, "nik", extra=self.nik_decoded)
        self._row(form, self.tr("Full name"), self.name, "name")
        self._row(form, self.tr("Phone"), self.phone, "phone")
        self._row(form, self.tr("E-mail (optional)"), self.email, "email")
        self._row(form, self.tr("Address"), self.address, "address")
        business = QGroupBox(self.tr("Business (optional)"))
        form = QFormLayout(business)
        self._row(form, self.tr("NIB"), self.nib, "nib")
        self._row(form, self.tr("Business name"), self.business_name, "business_name")
        left = QVBoxLayout()
        left.addWidget(applicant)
        left.addWidget(business)
        left.addStretch(1)

        permit = QGroupBox(self.tr("Permit"))
        right = QVBoxLayout(permit)
        right.addWidget(self.permit_type)
        right.addWidget(self._error_label("permit_type"))
        right.addWidget(self.permit_terms)
        right.addWidget(QLabel(self.tr("Documents checklist")))
        right.addWidget(self.documents, 1)
        right.addWidget(self._error_label("documents"))

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(permit, 1)

        for name in ("nik", "name", "phone", "email", "nib", "business_name"):
            widget: QLineEdit = getattr(self, name)
            widget.textEdited.connect(lambda _text, field=name: self._emit(field))
        self.address.textChanged.connect(lambda: self._emit("address"))
        self.permit_type.currentIndexChanged.connect(self._permit_chosen)
        self.documents.itemChanged.connect(lambda _item: self._emit("documents"))

    # -- layout helpers ------------------------------------------------------------------------

    def _error_label(self, field: str) -> QLabel:
        label = named(QLabel(wordWrap=True), f"error_{field}")
        label.setStyleSheet(_ERROR_STYLE)
        label.hide()
        self._errors[field] = label
        return label

    def _row(
        self, form: QFormLayout, title: str, widget: QWidget, field: str, extra: QWidget | None = None
    ) -> None:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        if extra is not None:
            box.addWidget(extra)
        box.addWidget(self._error_label(field))
        form.addRow(title, box)

    def _emit(self, field: str) -> None:
        if not self._filling:
            self.changed.emit(field)

    # -- errors --------------------------------------------------------------------------------

    def error_label(self, field: str) -> QLabel:
        return self._errors[field]

    def show_errors(self, errors: dict[str, str]) -> None:
        for field in self._errors:
            self.set_error(field, errors.get(field, ""))
        first = next((f for f in FIELDS if f in errors), None)
        widget = getattr(self, first, None) if first else None
        if isinstance(widget, QWidget):
            widget.setFocus()

    def set_error(self, field: str, message: str) -> None:
        label = self._errors.get(field)
        if label is None:
            return
        label.setText(message)
        label.setVisible(bool(message))

    # -- permit types and documents ----------------------------------------------------------

    def set_permit_types(self, permits: Sequence[PermitTypeInfo]) -> None:
        self._filling = True
        try:
            self._permits = list(permits)
            self.permit_type.clear()
            self.permit_type.addItem(self.tr("— choose a permit type —"), "")
            for p in self._permits:
                self.permit_type.addItem(f"{p.name} ({p.code})", p.code)
        finally:
            self._filling = False

    def current_permit(self) -> PermitTypeInfo | None:
        code = self.permit_type.currentData()
        return next((p for p in self._permits if p.code == code), None)

    def _permit_chosen(self) -> None:
        self._fill_documents(self.current_permit(), ())
        self._emit("permit_type")

    def _fill_documents(self, permit: PermitTypeInfo | None, given: Sequence[DocumentInput]) -> None:
        was_filling, self._filling = self._filling, True
        try:
            by_code = {d.requirement: d for d in given}
            requirements = permit.requirements if permit else ()
            self.documents.setRowCount(len(requirements))
            for row, req in enumerate(requirements):
                entry = by_code.get(req.code)
                check = QTableWidgetItem()
                check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                check.setCheckState(
                    Qt.CheckState.Checked if entry and entry.received else Qt.CheckState.Unchecked
                )
                check.setData(Qt.ItemDataRole.UserRole, req.code)
                name = QTableWidgetItem(req.name)
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
                mandatory = QTableWidgetItem(self.tr("yes") if req.mandatory else self.tr("no"))
                mandatory.setFlags(Qt.ItemFlag.ItemIsEnabled)
                note = QTableWidgetItem(entry.note if entry else "")
                for column, item in enumerate((check, name, mandatory, note)):
                    self.documents.setItem(row, column, item)
            self.documents.resizeColumnToContents(_RECEIVED)
            self.documents.resizeColumnToContents(_MANDATORY)
        finally:
            self._filling = was_filling

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.documents.item(row, column)
        assert item is not None  # every cell is filled by _fill_documents
        return item

    def document_inputs(self) -> tuple[DocumentInput, ...]:
        out = []
        for row in range(self.documents.rowCount()):
            check = self._cell(row, _RECEIVED)
            out.append(
                DocumentInput(
                    requirement=str(check.data(Qt.ItemDataRole.UserRole)),
                    received=check.checkState() == Qt.CheckState.Checked,
                    note=self._cell(row, _NOTE).text().strip(),
                )
            )
        return tuple(out)

    def set_document(self, requirement: str, received: bool, note: str = "") -> None:
        """Tick (or untick) one document of the checklist, as the officer would."""
        for row in range(self.documents.rowCount()):
            check = self._cell(row, _RECEIVED)
            if check.data(Qt.ItemDataRole.UserRole) == requirement:
                check.setCheckState(Qt.CheckState.Checked if received else Qt.CheckState.Unchecked)
                self._cell(row, _NOTE).setText(note)
                return
        raise KeyError(requirement)

    # -- values --------------------------------------------------------------------------------

    def request(self, ticket: str | None) -> IntakeRequest:
        return IntakeRequest(
            nik=self.nik.text().strip(),
            name=self.name.text().strip(),
            phone=self.phone.text().strip(),
            address=self.address.toPlainText().strip(),
            permit_type=str(self.permit_type.currentData() or ""),
            email=self.email.text().strip(),
            nib=self.nib.text().strip(),
            business_name=self.business_name.text().strip(),
            documents=self.document_inputs(),
            ticket=ticket,
        )

    def values(self) -> dict[str, Any]:
        """What a draft keeps (also what was typed but is not valid yet)."""
        return self.request(None).to_json()

    def set_values(self, data: dict[str, Any]) -> None:
        request = IntakeRequest.from_json(data)
        self._filling = True
        try:
            for name in ("nik", "name", "phone", "email", "nib", "business_name"):
                getattr(self, name).setText(getattr(request, name))
            self.address.setPlainText(request.address)
            index = self.permit_type.findData(request.permit_type)
            self.permit_type.setCurrentIndex(max(index, 0))
            self._fill_documents(self.current_permit(), request.documents)
        finally:
            self._filling = False

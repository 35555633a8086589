"""Permit catalogue: permit types with their requirements (create, edit, retire), catalogue
JSON import/export, and the holidays that working-day deadlines skip."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
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

from p4_desk.domain.wording import format_date, format_fee
from p4_desk.domain.working_days import KIND_LABELS, Holiday, holidays_from_json
from p4_desk.errors import P4Error, ValidationError
from p4_desk.gui.admin.tab import AdminTab, fill_table, make_table, selected_key, yes_no
from p4_desk.gui.common.context import AppContext
from p4_desk.services import catalog, permits
from p4_desk.services.catalog import AgencyInfo
from p4_desk.services.permits import CatalogImportSummary, PermitTypeInfo, Requirement

_ERROR_STYLE = "color: #b00020;"
MAX_FEE = 2_000_000_000  # rupiah; the largest a spin box holds comfortably
JSON_FILTER = "JSON (*.json)"


@dataclass(frozen=True)
class PermitForm:
    """What the permit form holds, read on the UI thread and handed to the worker."""

    code: str
    name: str
    agency: str
    working_days: int
    fee: int
    legal_basis: str
    product: str
    requirements: tuple[Requirement, ...]


def read_json_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(f"Berkas {path} tidak dapat dibaca: {exc.strerror}.", field="file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValidationError(f"Berkas {path} bukan JSON yang sah: {exc}.", field="file") from None


def write_json_file(path: Path, data: Any) -> None:
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ValidationError(f"Berkas {path} tidak dapat ditulis: {exc.strerror}.", field="file") from None


def holidays_in_file(path: Path) -> list[Holiday]:
    """A holidays file is either the catalogue form (``{"holidays": [...]}``) or a bare list."""
    raw = read_json_file(path)
    rows = raw.get("holidays") if isinstance(raw, dict) else raw
    if not isinstance(rows, list):
        raise ValidationError("Berkas hari libur harus berisi daftar 'holidays'.", field="file")
    return holidays_from_json(rows)


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


class PermitsTab(AdminTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.permits: dict[str, PermitTypeInfo] = {}
        self.holidays: list[Holiday] = []
        self._select_after_refresh: str | None = None
        self.table = make_table(
            [
                self.tr("Code"), self.tr("Name"), self.tr("Agency"), self.tr("Working days"),
                self.tr("Fee"), self.tr("Retired"),
            ],
            self,
        )  # fmt: skip
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.agency = QComboBox(self)
        self.working_days = QSpinBox(self)
        self.working_days.setRange(0, 365)
        self.working_days.setValue(5)
        self.working_days.setSuffix(self.tr(" working days"))
        self.fee = QSpinBox(self)
        self.fee.setRange(0, MAX_FEE)
        self.fee.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))  # Rp 150.000
        self.fee.setGroupSeparatorShown(True)
        self.fee.setPrefix("Rp ")
        self.fee.setSpecialValueText(self.tr("free"))
        self.legal_basis = QLineEdit(self)
        self.legal_basis.setPlaceholderText(self.tr("e.g. Perbup No. 12 Tahun 2024"))
        self.product = QLineEdit(self)
        self.product.setPlaceholderText(self.tr("document the applicant receives"))
        self.requirements = RequirementsTable(self)
        self.add_requirement_button = QPushButton(self.tr("Add requirement"), self)
        self.remove_requirement_button = QPushButton(self.tr("Remove requirement"), self)
        self.errors: dict[str, QLabel] = {}

        self.new_button = QPushButton(self.tr("New"), self)
        self.add_button = QPushButton(self.tr("Add permit type"), self)
        self.save_button = QPushButton(self.tr("Save changes"), self)
        self.retire_button = QPushButton(self.tr("Retire"), self)
        self.import_button = QPushButton(self.tr("Import catalogue…"), self)
        self.export_button = QPushButton(self.tr("Export catalogue…"), self)

        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.db.now().astimezone(ctx.db.timezone).year)
        self.holiday_table = make_table([self.tr("Date"), self.tr("Holiday")], self)
        self.holiday_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.import_holidays_button = QPushButton(self.tr("Import holidays…"), self)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.table, 3)
        top.addWidget(self._holidays_box(), 1)
        layout.addLayout(top, 1)
        layout.addLayout(self._form_layout())
        buttons = QHBoxLayout()
        for button in (self.new_button, self.add_button, self.save_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.table.itemSelectionChanged.connect(self._selected)
        self.add_requirement_button.clicked.connect(self._add_requirement_row)
        self.remove_requirement_button.clicked.connect(self.requirements.remove_selected)
        self.new_button.clicked.connect(self.clear_form)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.import_button.clicked.connect(self._ask_import)
        self.export_button.clicked.connect(self._ask_export)
        self.import_holidays_button.clicked.connect(self._ask_import_holidays)
        self.year.valueChanged.connect(lambda _: self._show_holidays())

    # -- layout ---------------------------------------------------------------------------------

    def _error_label(self, field: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{field}")
        label.setWordWrap(True)
        label.setStyleSheet(_ERROR_STYLE)
        label.hide()
        self.errors[field] = label
        return label

    def _field(self, widget: QWidget, field: str) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error_label(field))
        return box

    def _form_layout(self) -> QHBoxLayout:
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Code"), self._field(self.code, "code"))
        left.addRow(self.tr("Name"), self._field(self.name, "name"))
        left.addRow(self.tr("Agency"), self._field(self.agency, "agency"))
        left.addRow(self.tr("Processing time"), self._field(self.working_days, "working_days"))
        right.addRow(self.tr("Fee"), self._field(self.fee, "fee"))
        right.addRow(self.tr("Legal basis"), self.legal_basis)
        right.addRow(self.tr("Product"), self.product)
        reqs = QVBoxLayout()
        reqs.addWidget(QLabel(self.tr("Requirements (documents the applicant brings)"), self))
        reqs.addWidget(self.requirements, 1)
        reqs.addWidget(self._error_label("requirements"))
        req_buttons = QHBoxLayout()
        req_buttons.addWidget(self.add_requirement_button)
        req_buttons.addWidget(self.remove_requirement_button)
        req_buttons.addStretch()
        reqs.addLayout(req_buttons)
        fields = QHBoxLayout()
        fields.addLayout(left, 3)
        fields.addLayout(right, 3)
        fields.addLayout(reqs, 4)
        return fields

    def _holidays_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Holidays"), self)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Year"), box))
        year_row.addWidget(self.year)
        year_row.addStretch()
        column = QVBoxLayout(box)
        column.addLayout(year_row)
        column.addWidget(self.holiday_table, 1)
        column.addWidget(self.import_holidays_button)
        return box

    # -- showing --------------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.ctx.db
        self.load(
            lambda: (
                catalog.list_agencies(db, include_inactive=True),
                permits.list_permit_types(db, include_retired=True),
                permits.holiday_calendar(db).holidays,
            ),
            self._show,
        )

    def _show(self, result: tuple[list[AgencyInfo], list[PermitTypeInfo], list[Holiday]]) -> None:
        agencies, permit_types, holidays = result
        current = self.agency.currentData()
        self.agency.clear()
        for a in agencies:
            self.agency.addItem(f"{a.code} — {a.name}", a.code)
        if current is not None:
            self.agency.setCurrentIndex(max(0, self.agency.findData(current)))
        self.permits = {p.code: p for p in permit_types}
        fill_table(
            self.table,
            [
                (p.code, p.name, p.agency_name, p.working_days, format_fee(p.fee), yes_no(p.retired))
                for p in permit_types
            ],
        )
        self.holidays = holidays
        self._show_holidays()
        code, self._select_after_refresh = self._select_after_refresh, None
        found = [i for i in self.table.findItems(code or "", Qt.MatchFlag.MatchExactly) if i.column() == 0]
        if code and found:  # a just-added permit type is selected, ready to retire or edit
            self.table.selectRow(found[0].row())
        self._update_retire_button()

    def _show_holidays(self) -> None:
        shown = [h for h in self.holidays if h.date.year == self.year.value()]
        fill_table(self.holiday_table, [(format_date(h.date), h.name) for h in shown])
        for row, h in enumerate(shown):  # the names are long for the narrow column
            tip = f"{h.name} ({KIND_LABELS.get(h.kind, h.kind)})"
            for column in (0, 1):
                item = self.holiday_table.item(row, column)
                if item is not None:
                    item.setToolTip(tip)

    def _selected(self) -> None:
        permit = self.permits.get(selected_key(self.table) or "")
        if permit is None:
            return
        self.show_field_errors({})
        self.code.setText(permit.code)
        self.name.setText(permit.name)
        index = self.agency.findData(permit.agency)
        if index < 0:  # an agency the catalogue names but this site has not set up
            self.agency.addItem(permit.agency, permit.agency)
            index = self.agency.count() - 1
        self.agency.setCurrentIndex(index)
        self.working_days.setValue(permit.working_days)
        self.fee.setValue(permit.fee)
        self.legal_basis.setText(permit.legal_basis)
        self.product.setText(permit.product)
        self.requirements.set_requirements(permit.requirements)
        self._update_retire_button()

    def _update_retire_button(self) -> None:
        permit = self.permits.get(selected_key(self.table) or "")
        self.retire_button.setEnabled(permit is not None)
        retired = permit is not None and permit.retired
        self.retire_button.setText(self.tr("Reinstate") if retired else self.tr("Retire"))

    def clear_form(self) -> None:
        self.table.clearSelection()
        for edit in (self.code, self.name, self.legal_basis, self.product):
            edit.clear()
        self.working_days.setValue(5)
        self.fee.setValue(0)
        self.requirements.setRowCount(0)
        self.show_field_errors({})
        self.message.clear()
        self._update_retire_button()
        self.code.setFocus()

    def _add_requirement_row(self) -> None:
        row = self.requirements.add_requirement()
        self.requirements.setCurrentCell(row, 0)
        self.requirements.editItem(self.requirements.cell(row, 0))

    # -- errors ---------------------------------------------------------------------------------

    def show_field_errors(self, errors: dict[str, str]) -> None:
        for field, label in self.errors.items():
            text = errors.get(field, "")
            label.setText(text)
            label.setVisible(bool(text))

    def show_error(self, exc: BaseException) -> None:
        """An error about one field is shown under that field; anything else on the message line."""
        if isinstance(exc, P4Error) and exc.field in self.errors:
            self.message.clear()
            self.show_field_errors({exc.field: exc.message})
            return
        super().show_error(exc)

    def call(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        self.show_field_errors({})
        super().call(work, done)

    # -- actions --------------------------------------------------------------------------------

    def form(self) -> PermitForm:
        return PermitForm(
            code=self.code.text(),
            name=self.name.text(),
            agency=str(self.agency.currentData() or ""),
            working_days=self.working_days.value(),
            fee=self.fee.value(),
            legal_basis=self.legal_basis.text(),
            product=self.product.text(),
            requirements=self.requirements.requirements(),
        )

    def add(self) -> None:
        f, db, actor = self.form(), self.ctx.db, self.ctx.actor

        def work() -> PermitTypeInfo:
            return permits.add_permit_type(
                db, f.code, f.name, f.agency, working_days=f.working_days, fee=f.fee,
                legal_basis=f.legal_basis, product=f.product, requirements=f.requirements, actor=actor,
            )  # fmt: skip

        def done(permit: PermitTypeInfo) -> None:
            self.show_done(self.tr("Permit type %1 added.").replace("%1", permit.code))
            self._select_after_refresh = permit.code
            self.refresh()

        self.call(work, done)

    def save(self) -> None:
        f, db, actor = self.form(), self.ctx.db, self.ctx.actor

        def work() -> PermitTypeInfo:
            return permits.update_permit_type(
                db, f.code, name=f.name, agency=f.agency, working_days=f.working_days, fee=f.fee,
                legal_basis=f.legal_basis, product=f.product, requirements=f.requirements, actor=actor,
            )  # fmt: skip

        def done(permit: PermitTypeInfo) -> None:
            self.show_done(self.tr("Permit type %1 saved.").replace("%1", permit.code))
            self.refresh()

        self.call(work, done)

    def toggle_retired(self) -> None:
        permit = self.permits.get(selected_key(self.table) or "")
        if permit is None:
            return
        code, retire, db, actor = permit.code, not permit.retired, self.ctx.db, self.ctx.actor

        def done(info: PermitTypeInfo) -> None:
            if info.retired:
                text = self.tr("Permit type %1 retired: it takes no new applications.")
            else:
                text = self.tr("Permit type %1 reinstated.")
            self.show_done(text.replace("%1", info.code))
            self.refresh()

        self.call(lambda: permits.retire_permit_type(db, code, retired=retire, actor=actor), done)

    def import_catalog_file(self, path: Path) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(summary: CatalogImportSummary) -> None:
            text = self.tr("Catalogue imported: %1 new, %2 changed, %3 unchanged, %4 holidays.")
            for number, value in enumerate(
                (summary.added, summary.updated, summary.unchanged, summary.holidays), start=1
            ):
                text = text.replace(f"%{number}", str(value))
            self.show_done(text)
            self.refresh()

        self.call(lambda: permits.import_catalog(db, read_json_file(path), actor), done)

    def export_catalog_file(self, path: Path) -> None:
        db = self.ctx.db

        def work() -> int:
            data = permits.export_catalog(db)
            write_json_file(path, data)
            return len(data["permit_types"])

        def done(count: int) -> None:
            text = self.tr("Catalogue (%1 permit types) saved to %2.")
            self.show_done(text.replace("%1", str(count)).replace("%2", str(path)))

        self.call(work, done)

    def import_holidays_file(self, path: Path) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(count: int) -> None:
            self.show_done(self.tr("%1 holidays stored.").replace("%1", str(count)))
            self.refresh()

        self.call(lambda: permits.import_holidays(db, holidays_in_file(path), actor), done)

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import catalogue"), "", JSON_FILTER)
        if name:
            self.import_catalog_file(Path(name))

    def _ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export catalogue"), "katalog-izin.json", JSON_FILTER
        )
        if name:
            self.export_catalog_file(Path(name))

    def _ask_import_holidays(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import holidays"), "", JSON_FILTER)
        if name:
            self.import_holidays_file(Path(name))

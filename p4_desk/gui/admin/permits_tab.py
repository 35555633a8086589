"""Permit catalogue: permit types with their requirements (create, edit, retire), catalogue
JSON import/export, and the holidays that working-day deadlines skip."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.wording import format_date, format_fee
from p4_desk.domain.working_days import KIND_LABELS, Holiday
from p4_desk.gui.admin.catalog_tabs import fill_agencies
from p4_desk.gui.admin.requirements import RequirementsTable
from p4_desk.gui.admin.tab import RecordTab, fill_table, make_table, yes_no
from p4_desk.gui.common.context import AppContext
from p4_desk.services import catalog_files, permits
from p4_desk.services.permits import CatalogImportSummary, PermitTypeInfo, Requirement
from p4_desk.services.screens import admin as screens

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


class PermitsTab(RecordTab[screens.PermitsTab, PermitTypeInfo]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.holidays: tuple[Holiday, ...] = ()
        self._select_after_refresh: str | None = None
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.agency = QComboBox(self)
        self.working_days = QSpinBox(self)
        self.working_days.setRange(0, 365)
        self.working_days.setValue(5)
        self.working_days.setSuffix(self.tr(" working days"))
        self.fee = QSpinBox(self)
        self.fee.setRange(0, MAX_FEE)
        self.fee.setGroupSeparatorShown(True)
        self.fee.setPrefix("Rp ")
        self.fee.setSpecialValueText(self.tr("free"))
        self.legal_basis = QLineEdit(self)
        self.legal_basis.setPlaceholderText(self.tr("e.g. Perbup No. 12 Tahun 2024"))
        self.product = QLineEdit(self)
        self.product.setPlaceholderText(self.tr("document the applicant receives"))
        self.requirements = RequirementsTable(self)
        self.add_requirement_button = self.button(self.tr("Add requirement"), self._add_requirement_row)
        self.remove_requirement_button = self.button(
            self.tr("Remove requirement"), self.requirements.remove_selected
        )

        self.new_button = self.button(self.tr("New"), self.clear_form)
        self.add_button = self.button(self.tr("Add permit type"), self.add)
        self.save_button = self.button(self.tr("Save changes"), self.save)
        self.retire_button = self.button(self.tr("Retire"), self.toggle_retired)
        self.import_button = self.button(self.tr("Import catalogue…"), self._ask_import)
        self.export_button = self.button(self.tr("Export catalogue…"), self._ask_export)

        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.db.now().astimezone(ctx.db.timezone).year)
        self.holiday_table = make_table([self.tr("Date"), self.tr("Holiday")], self)
        self.holiday_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.import_holidays_button = self.button(self.tr("Import holidays…"), self._ask_import_holidays)
        self.year.valueChanged.connect(lambda _: self._show_holidays())

        columns = [
            self.tr("Code"), self.tr("Name"), self.tr("Agency"), self.tr("Working days"),
            self.tr("Fee"), self.tr("Retired"),
        ]  # fmt: skip
        buttons = [
            self.new_button, self.add_button, self.save_button, self.retire_button,
            None, self.import_button, self.export_button,
        ]  # fmt: skip
        self.lay_out(columns, self._form_layout(), buttons, beside_list=self._holidays_box())

    # -- layout ---------------------------------------------------------------------------------

    def _form_layout(self) -> QHBoxLayout:
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Code"), self.with_error(self.code, "code"))
        left.addRow(self.tr("Name"), self.with_error(self.name, "name"))
        left.addRow(self.tr("Agency"), self.with_error(self.agency, "agency"))
        left.addRow(self.tr("Processing time"), self.with_error(self.working_days, "working_days"))
        right.addRow(self.tr("Fee"), self.with_error(self.fee, "fee"))
        right.addRow(self.tr("Legal basis"), self.legal_basis)
        right.addRow(self.tr("Product"), self.product)
        reqs = QVBoxLayout()
        heading = QLabel(self.tr("Requirements (documents the applicant brings)"), self)
        heading.setWordWrap(True)  # a portrait screen (1080 px) has no room for it on one line
        reqs.addWidget(heading)
        reqs.addWidget(self.requirements, 1)
        reqs.addWidget(self.error_label("requirements"))
        # one under the other: side by side they widen the form past a portrait screen
        req_buttons = QVBoxLayout()
        req_buttons.addWidget(self.add_requirement_button)
        req_buttons.addWidget(self.remove_requirement_button)
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

    def query(self) -> Callable[[], screens.PermitsTab]:
        return partial(screens.permits_tab, self.ctx.db)

    def show_choices(self, model: screens.PermitsTab) -> None:
        fill_agencies(self.agency, model.agencies)
        self.holidays = model.holidays
        self._show_holidays()

    def records_of(self, model: screens.PermitsTab) -> Sequence[PermitTypeInfo]:
        return model.permit_types

    def row(self, p: PermitTypeInfo) -> Sequence[object]:
        return (p.code, p.name, p.agency_name, p.working_days, format_fee(p.fee), yes_no(p.retired))

    def shown(self) -> None:
        code, self._select_after_refresh = self._select_after_refresh, None
        if code:  # a just-added permit type is selected, ready to retire or edit
            self.select(code)
        permit = self.selected()
        self.retire_button.setEnabled(permit is not None)
        retired = permit is not None and permit.retired
        self.retire_button.setText(self.tr("Reinstate") if retired else self.tr("Retire"))

    def _show_holidays(self) -> None:
        shown = [h for h in self.holidays if h.date.year == self.year.value()]
        fill_table(self.holiday_table, [(format_date(h.date), h.name) for h in shown])
        for row, h in enumerate(shown):  # the names are long for the narrow column
            tip = f"{h.name} ({KIND_LABELS.get(h.kind, h.kind)})"
            for column in (0, 1):
                item = self.holiday_table.item(row, column)
                if item is not None:
                    item.setToolTip(tip)

    def fill(self, permit: PermitTypeInfo) -> None:
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

    def clear_form(self) -> None:
        self.table.clearSelection()
        for edit in (self.code, self.name, self.legal_basis, self.product):
            edit.clear()
        self.working_days.setValue(5)
        self.fee.setValue(0)
        self.requirements.setRowCount(0)
        self.show_field_errors({})
        self.message.clear()
        self.shown()
        self.code.setFocus()

    def _add_requirement_row(self) -> None:
        row = self.requirements.add_requirement()
        self.requirements.setCurrentCell(row, 0)
        self.requirements.editItem(self.requirements.cell(row, 0))

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

        def outcome(permit: PermitTypeInfo) -> str:
            self._select_after_refresh = permit.code
            return self.tr("Permit type %1 added.").replace("%1", permit.code)

        self.act(work, outcome)

    def save(self) -> None:
        f, db, actor = self.form(), self.ctx.db, self.ctx.actor

        def work() -> PermitTypeInfo:
            return permits.update_permit_type(
                db, f.code, name=f.name, agency=f.agency, working_days=f.working_days, fee=f.fee,
                legal_basis=f.legal_basis, product=f.product, requirements=f.requirements, actor=actor,
            )  # fmt: skip

        self.act(work, lambda p: self.tr("Permit type %1 saved.").replace("%1", p.code))

    def toggle_retired(self) -> None:
        permit = self.selected()
        if permit is None:
            return
        code, retire, db, actor = permit.code, not permit.retired, self.ctx.db, self.ctx.actor

        def outcome(info: PermitTypeInfo) -> str:
            if info.retired:
                text = self.tr("Permit type %1 retired: it takes no new applications.")
            else:
                text = self.tr("Permit type %1 reinstated.")
            return text.replace("%1", info.code)

        self.act(lambda: permits.retire_permit_type(db, code, retired=retire, actor=actor), outcome)

    def import_catalog_file(self, path: Path) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def outcome(summary: CatalogImportSummary) -> str:
            text = self.tr("Catalogue imported: %1 new, %2 changed, %3 unchanged, %4 holidays.")
            for number, value in enumerate(
                (summary.added, summary.updated, summary.unchanged, summary.holidays), start=1
            ):
                text = text.replace(f"%{number}", str(value))
            return text

        self.act(lambda: catalog_files.import_catalog_file(db, path, actor), outcome)

    def export_catalog_file(self, path: Path) -> None:
        db = self.ctx.db

        def done(count: int) -> None:
            text = self.tr("Catalogue (%1 permit types) saved to %2.")
            self.show_done(text.replace("%1", str(count)).replace("%2", str(path)))

        self.call(lambda: catalog_files.export_catalog_file(db, path), done)

    def import_holidays_file(self, path: Path) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.act(
            lambda: catalog_files.import_holidays_file(db, path, actor),
            lambda count: self.tr("%1 holidays stored.").replace("%1", str(count)),
        )

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

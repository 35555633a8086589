"""The admin's *Standar layanan* tab: each service's published standard (issue 18.3/18.4).

The six citizen-facing parts, the legal basis and whether citizens see it (the kiosk's
"Informasi layanan"); the list shows which parts are still missing, so the site fills in what
the PEKPPP pack would list as incomplete. Services themselves are added in *Layanan*.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from p4_desk.gui.admin.tab import RecordTab, yes_no
from p4_desk.gui.common.context import AppContext
from p4_desk.services import standards
from p4_desk.services.standards import ServiceStandard


class StandardsTab(RecordTab[list[ServiceStandard], ServiceStandard]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.code = QLineEdit(self)
        self.code.setReadOnly(True)
        self.requirements = QPlainTextEdit(self)
        self.procedure = QPlainTextEdit(self)
        for edit in (self.requirements, self.procedure):
            edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.time = QLineEdit(self)
        self.fee = QLineEdit(self)
        self.fee.setPlaceholderText(self.tr("rupiah; 0 = free; empty = not filled in"))
        self.product = QLineEdit(self)
        self.complaints = QLineEdit(self)
        self.legal_basis = QLineEdit(self)
        self.published = QCheckBox(self.tr("Published to citizens (kiosk, board)"), self)
        self.save_button = self.button(self.tr("Save standard"), self.save)
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Service"), self.code)
        left.addRow(
            self.tr("Requirements (one per line)"), self.with_error(self.requirements, "requirements")
        )
        left.addRow(self.tr("Procedure (one step per line)"), self.with_error(self.procedure, "procedure"))
        right.addRow(self.tr("Time to complete"), self.with_error(self.time, "time"))
        right.addRow(self.tr("Fee (Rp)"), self.with_error(self.fee, "fee"))
        right.addRow(self.tr("Product"), self.with_error(self.product, "product"))
        right.addRow(self.tr("Complaint handling"), self.with_error(self.complaints, "complaints"))
        right.addRow(self.tr("Legal basis"), self.with_error(self.legal_basis, "legal_basis"))
        right.addRow("", self.published)
        form = QHBoxLayout()
        form.addLayout(left, 1)
        form.addLayout(right, 1)
        columns = [self.tr("Code"), self.tr("Service"), self.tr("Published"), self.tr("Missing parts")]
        self.lay_out(columns, form, [self.save_button])

    def query(self) -> Callable[[], list[ServiceStandard]]:
        return partial(standards.list_standards, self.ctx.db)

    def records_of(self, model: list[ServiceStandard]) -> Sequence[ServiceStandard]:
        return model

    def row(self, st: ServiceStandard) -> Sequence[object]:
        missing = ", ".join(self.part_name(part) for part in st.missing) or self.tr("none")
        return (st.code, st.name, yes_no(st.published), missing)

    def part_name(self, part: str) -> str:
        names = {
            "requirements": self.tr("Requirements"),
            "procedure": self.tr("Procedure"),
            "time": self.tr("Time to complete"),
            "fee": self.tr("Fee"),
            "product": self.tr("Product"),
            "complaints": self.tr("Complaint handling"),
        }
        return names[part]

    def fill(self, st: ServiceStandard) -> None:
        self.code.setText(st.code)
        self.requirements.setPlainText(st.requirements)
        self.procedure.setPlainText(st.procedure)
        self.time.setText(st.time)
        self.fee.setText("" if st.fee is None else str(st.fee))
        self.product.setText(st.product)
        self.complaints.setText(st.complaints)
        self.legal_basis.setText(st.legal_basis)
        self.published.setChecked(st.published)

    def save(self) -> None:
        code = self.code.text()
        if not code:
            self.show_field_errors({"requirements": self.tr("Choose a service in the list first.")})
            return
        fee_text = self.fee.text().strip().replace(".", "")
        if fee_text and not fee_text.isdigit():
            self.show_field_errors({"fee": self.tr("The fee is a whole number of rupiah, e.g. 50000.")})
            return
        values = {
            "requirements": self.requirements.toPlainText(),
            "procedure": self.procedure.toPlainText(),
            "time": self.time.text(),
            "fee": int(fee_text) if fee_text else None,
            "product": self.product.text(),
            "complaints": self.complaints.text(),
            "legal_basis": self.legal_basis.text(),
            "published": self.published.isChecked(),
        }
        db, actor = self.ctx.db, self.ctx.actor
        self.act(
            lambda: standards.set_standard(db, code, actor, **values),
            lambda st: self.tr("Standard of %1 saved.").replace("%1", st.code),
        )

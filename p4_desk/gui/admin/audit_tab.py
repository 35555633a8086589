"""The audit log viewer: who changed what, from which workstation, when (site time).

Actions, entities and details are shown in words (``audit_words``), times in the one date form
(``4 Maret 2026 10.30.15``, site time); the filter's period uses the same form.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.wording import format_date, format_time
from p4_desk.gui.admin.audit_words import AuditWords
from p4_desk.gui.admin.tab import AdminTab, fill_table, make_table
from p4_desk.gui.common.context import AppContext
from p4_desk.services.admin import AuditRow
from p4_desk.services.screens import admin as screens

#: Qt's pattern of ``domain.wording.format_date`` (``4 Maret 2026``; month names from the locale)
DATE_FORMAT = "d MMMM yyyy"


class AuditTab(AdminTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.words = AuditWords(self)
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("all users"))
        self.entity = QComboBox(self)
        self.entity.addItem(self.tr("all"), "")
        self.period = QCheckBox(self.tr("Period"), self)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7), self)
        self.date_to = QDateEdit(today, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setEnabled(False)
        self.period.toggled.connect(self.date_from.setEnabled)
        self.period.toggled.connect(self.date_to.setEnabled)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.table = make_table(
            [
                self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Workstation"),
                self.tr("Action"), self.tr("Entity"), self.tr("Details"),
            ],
            self,
        )  # fmt: skip
        self.rows: list[AuditRow] = []

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("User"), self))
        filters.addWidget(self.user)
        filters.addWidget(QLabel(self.tr("Entity"), self))
        filters.addWidget(self.entity)
        filters.addWidget(self.period)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.date_to)
        filters.addWidget(self.show_button)
        filters.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.show_button.clicked.connect(self.refresh)

    def query(self) -> Callable[[], screens.AuditTab]:
        user, entity = self.user.text().strip() or None, self.entity.currentData() or None
        period = self.period.isChecked()
        start = _day(self.date_from.date()) if period else None
        end = _day(self.date_to.date()) if period else None
        return partial(
            screens.audit_tab, self.ctx.db, entity=entity, username=user, date_from=start, date_to=end
        )

    def draw(self, model: screens.AuditTab) -> None:
        self.rows = list(model.rows)
        current = self.entity.currentData()
        self.entity.blockSignals(True)
        self.entity.clear()
        self.entity.addItem(self.tr("all"), "")
        for name in model.entities:
            self.entity.addItem(self.words.entity(name), name)
        self.entity.setCurrentIndex(max(0, self.entity.findData(current)))
        self.entity.blockSignals(False)
        fill_table(
            self.table,
            [
                (r.id, self.when(r), r.username or self.tr("system"), r.workstation,
                 self.words.action(r.action), f"{self.words.entity(r.entity)} {r.entity_id or ''}".strip(),
                 self.words.details(r.details))
                for r in self.rows
            ],
        )  # fmt: skip
        for row in range(self.table.rowCount()):  # long details are read in full on hover
            for column in (4, 6):
                item = self.table.item(row, column)
                if item is not None and item.text():
                    item.setToolTip(item.text())

    def when(self, row: AuditRow) -> str:
        """``4 Maret 2026 10.30.15`` in the site's time zone."""
        local = row.at.astimezone(self.ctx.db.timezone)
        return f"{format_date(local.date())} {format_time(local, seconds=True, with_zone=False)}"


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())

"""Agencies, services (prefix, target wait, quota, opening hours, priority head start) and counters."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.opening_hours import WEEKDAYS
from p4_desk.domain.queue_rules import MAX_HEAD_START_MINUTES
from p4_desk.gui.admin.tab import AdminTab, fill_table, make_table, selected_key, yes_no
from p4_desk.gui.common.context import AppContext
from p4_desk.services import catalog
from p4_desk.services.admin import hours_from_text, hours_to_text
from p4_desk.services.catalog import AgencyInfo, CounterInfo, ServiceInfo
from p4_desk.services.queue import COUNTER_STATE_LABELS


class AgenciesTab(AdminTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.agencies: dict[str, AgencyInfo] = {}
        self.table = make_table([self.tr("Code"), self.tr("Name"), self.tr("Active")], self)
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setChecked(True)
        self.add_button = QPushButton(self.tr("Add agency"), self)
        self.save_button = QPushButton(self.tr("Save changes"), self)

        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> None:
        self.load(lambda: catalog.list_agencies(self.ctx.db, include_inactive=True), self._show)

    def _show(self, agencies: list[AgencyInfo]) -> None:
        self.agencies = {a.code: a for a in agencies}
        fill_table(self.table, [(a.code, a.name, yes_no(a.active)) for a in agencies])

    def _selected(self) -> None:
        agency = self.agencies.get(selected_key(self.table) or "")
        if agency is not None:
            self.code.setText(agency.code)
            self.name.setText(agency.name)
            self.active.setChecked(agency.active)

    def add(self) -> None:
        code, name, actor = self.code.text(), self.name.text(), self.ctx.actor

        def done(agency: AgencyInfo) -> None:
            self.show_done(self.tr("Agency %1 added.").replace("%1", agency.code))
            self.refresh()

        self.call(lambda: catalog.add_agency(self.ctx.db, code, name, actor), done)

    def save(self) -> None:
        code, name, active, actor = (
            self.code.text(),
            self.name.text(),
            self.active.isChecked(),
            self.ctx.actor,
        )

        def done(agency: AgencyInfo) -> None:
            self.show_done(self.tr("Agency %1 saved.").replace("%1", agency.code))
            self.refresh()

        self.call(
            lambda: catalog.update_agency(self.ctx.db, code, name=name, active=active, actor=actor), done
        )


@dataclass(frozen=True)
class ServiceForm:
    """What the service form holds, read on the UI thread and handed to the worker."""

    code: str
    name: str
    agency: str
    prefix: str
    target_wait: int
    quota: int | None
    head_start: int
    service_minutes: int
    hours_text: dict[str, str]
    always_open: bool
    active: bool


class ServicesTab(AdminTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.services: dict[str, ServiceInfo] = {}
        self.table = make_table(
            [
                self.tr("Code"), self.tr("Name"), self.tr("Agency"), self.tr("Prefix"),
                self.tr("Target wait (min)"), self.tr("Daily quota"), self.tr("Active"),
            ],
            self,
        )  # fmt: skip
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.agency = QComboBox(self)
        self.prefix = QLineEdit(self)
        self.prefix.setMaxLength(3)
        self.target_wait = QSpinBox(self)
        self.target_wait.setRange(1, 600)
        self.target_wait.setValue(15)
        self.quota = QSpinBox(self)
        self.quota.setRange(0, 100_000)
        self.quota.setSpecialValueText(self.tr("no quota"))
        self.head_start = QSpinBox(self)
        self.head_start.setRange(0, MAX_HEAD_START_MINUTES)
        self.head_start.setValue(15)
        self.service_minutes = QSpinBox(self)
        self.service_minutes.setRange(1, 240)
        self.service_minutes.setValue(5)
        self.always_open = QCheckBox(self.tr("Open around the clock"), self)
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setChecked(True)
        day_names = [
            self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
            self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"),
        ]  # fmt: skip
        self.hours: dict[str, QLineEdit] = {}
        hours_grid = QGridLayout()
        for row, (day, label) in enumerate(zip(WEEKDAYS, day_names, strict=True)):
            edit = QLineEdit(self)
            edit.setPlaceholderText(self.tr("closed (e.g. 08:00-12:00, 13:00-15:30)"))
            self.hours[day] = edit
            hours_grid.addWidget(QLabel(label, self), row % 4, (row // 4) * 2)
            hours_grid.addWidget(edit, row % 4, (row // 4) * 2 + 1)
        self.always_open.toggled.connect(self._always_open_toggled)
        self.add_button = QPushButton(self.tr("Add service"), self)
        self.save_button = QPushButton(self.tr("Save changes"), self)

        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Code"), self.code)
        left.addRow(self.tr("Name"), self.name)
        left.addRow(self.tr("Agency"), self.agency)
        left.addRow(self.tr("Ticket prefix"), self.prefix)
        right.addRow(self.tr("Target waiting time (min)"), self.target_wait)
        right.addRow(self.tr("Daily quota"), self.quota)
        right.addRow(self.tr("Priority head start (min)"), self.head_start)
        right.addRow(self.tr("Usual service time (min)"), self.service_minutes)
        fields = QHBoxLayout()
        fields.addLayout(left, 1)
        fields.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(fields)
        layout.addWidget(QLabel(self.tr("Opening hours (breaks separated by commas)"), self))
        layout.addWidget(self.always_open)
        layout.addLayout(hours_grid)
        layout.addWidget(self.active)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)

    def _always_open_toggled(self, on: bool) -> None:
        for edit in self.hours.values():
            edit.setEnabled(not on)

    def refresh(self) -> None:
        db = self.ctx.db
        self.load(
            lambda: (catalog.list_agencies(db, include_inactive=True), catalog.list_services(db, True)),
            self._show,
        )

    def _show(self, result: tuple[list[AgencyInfo], list[ServiceInfo]]) -> None:
        agencies, services = result
        current = self.agency.currentData()
        self.agency.clear()
        for a in agencies:
            self.agency.addItem(f"{a.code} — {a.name}", a.code)
        if current is not None:
            self.agency.setCurrentIndex(max(0, self.agency.findData(current)))
        self.services = {s.code: s for s in services}
        fill_table(
            self.table,
            [
                (s.code, s.name, s.agency, s.prefix, s.target_wait_minutes, s.daily_quota or "-",
                 yes_no(s.active))
                for s in services
            ],
        )  # fmt: skip

    def _selected(self) -> None:
        s = self.services.get(selected_key(self.table) or "")
        if s is None:
            return
        self.code.setText(s.code)
        self.name.setText(s.name)
        self.agency.setCurrentIndex(max(0, self.agency.findData(s.agency)))
        self.prefix.setText(s.prefix)
        self.target_wait.setValue(s.target_wait_minutes)
        self.quota.setValue(s.daily_quota or 0)
        self.head_start.setValue(s.priority_head_start_minutes)
        self.service_minutes.setValue(s.default_service_minutes)
        self.always_open.setChecked(s.opening_hours is None)
        texts = hours_to_text(s.opening_hours)
        for day, edit in self.hours.items():
            edit.setText(texts.get(day, ""))
        self.active.setChecked(s.active)

    def _form(self) -> ServiceForm:
        return ServiceForm(
            code=self.code.text(),
            name=self.name.text(),
            agency=str(self.agency.currentData() or ""),
            prefix=self.prefix.text(),
            target_wait=self.target_wait.value(),
            quota=self.quota.value() or None,
            head_start=self.head_start.value(),
            service_minutes=self.service_minutes.value(),
            hours_text={day: edit.text() for day, edit in self.hours.items()},
            always_open=self.always_open.isChecked(),
            active=self.active.isChecked(),
        )

    def add(self) -> None:
        f, db, actor = self._form(), self.ctx.db, self.ctx.actor

        def work() -> ServiceInfo:
            return catalog.add_service(
                db, f.code, f.name, f.agency, f.prefix,
                target_wait_minutes=f.target_wait, daily_quota=f.quota,
                hours=hours_from_text(f.hours_text, f.always_open),
                priority_head_start_minutes=f.head_start, default_service_minutes=f.service_minutes,
                actor=actor,
            )  # fmt: skip

        def done(service: ServiceInfo) -> None:
            text = self.tr("Service %1 added with ticket prefix %2.")
            self.show_done(text.replace("%1", service.code).replace("%2", service.prefix))
            self.refresh()

        self.call(work, done)

    def save(self) -> None:
        f, db, actor = self._form(), self.ctx.db, self.ctx.actor

        def work() -> ServiceInfo:
            return catalog.update_service(
                db, f.code, name=f.name, prefix=f.prefix,
                target_wait_minutes=f.target_wait, daily_quota=f.quota,
                hours=hours_from_text(f.hours_text, f.always_open),
                priority_head_start_minutes=f.head_start, default_service_minutes=f.service_minutes,
                active=f.active, actor=actor,
            )  # fmt: skip

        def done(service: ServiceInfo) -> None:
            self.show_done(self.tr("Service %1 saved.").replace("%1", service.code))
            self.refresh()

        self.call(work, done)


class CountersTab(AdminTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.counters: dict[str, CounterInfo] = {}
        self.table = make_table(
            [self.tr("Code"), self.tr("Name"), self.tr("Services"), self.tr("State"), self.tr("Active")], self
        )
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.services = QListWidget(self)
        self.services.setMaximumHeight(160)
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setChecked(True)
        self.add_button = QPushButton(self.tr("Add counter"), self)
        self.save_button = QPushButton(self.tr("Save changes"), self)

        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Services served"), self.services)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> None:
        db = self.ctx.db
        self.load(lambda: (catalog.list_services(db), catalog.list_counters(db, True)), self._show)

    def _show(self, result: tuple[list[ServiceInfo], list[CounterInfo]]) -> None:
        services, counters = result
        checked = set(self.checked_services())
        self.services.clear()
        for s in services:
            item = QListWidgetItem(f"{s.code} — {s.name}", self.services)
            item.setData(Qt.ItemDataRole.UserRole, s.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.code in checked else Qt.CheckState.Unchecked)
        self.counters = {c.code: c for c in counters}
        fill_table(
            self.table,
            [
                (
                    c.code,
                    c.name,
                    ", ".join(c.services),
                    COUNTER_STATE_LABELS.get(c.state, c.state),
                    yes_no(c.active),
                )
                for c in counters
            ],
        )

    def checked_services(self) -> list[str]:
        return [
            str(self.services.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.services.count())
            if self.services.item(i).checkState() == Qt.CheckState.Checked
        ]

    def check_services(self, codes: list[str] | tuple[str, ...]) -> None:
        for i in range(self.services.count()):
            item = self.services.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _selected(self) -> None:
        c = self.counters.get(selected_key(self.table) or "")
        if c is not None:
            self.code.setText(c.code)
            self.name.setText(c.name)
            self.check_services(c.services)
            self.active.setChecked(c.active)

    def add(self) -> None:
        code, name, services, actor = (
            self.code.text(),
            self.name.text(),
            self.checked_services(),
            self.ctx.actor,
        )

        def done(counter: CounterInfo) -> None:
            self.show_done(self.tr("Counter %1 added.").replace("%1", counter.code))
            self.refresh()

        self.call(lambda: catalog.add_counter(self.ctx.db, code, name, services, actor), done)

    def save(self) -> None:
        code, name, services = self.code.text(), self.name.text(), self.checked_services()
        active, actor = self.active.isChecked(), self.ctx.actor

        def done(counter: CounterInfo) -> None:
            self.show_done(self.tr("Counter %1 saved.").replace("%1", counter.code))
            self.refresh()

        self.call(
            lambda: catalog.update_counter(
                self.ctx.db, code, name=name, services=services, active=active, actor=actor
            ),
            done,
        )

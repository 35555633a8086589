"""Agencies, services (prefix, target wait, quota, opening hours, priority head start) and counters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.opening_hours import WEEKDAYS
from p4_desk.domain.queue_rules import MAX_HEAD_START_MINUTES
from p4_desk.gui.admin.tab import RecordTab, yes_no
from p4_desk.gui.common.choices import refill
from p4_desk.gui.common.context import AppContext
from p4_desk.services import catalog
from p4_desk.services.admin import hours_from_text, hours_to_text
from p4_desk.services.catalog import AgencyInfo, CounterInfo, ServiceInfo
from p4_desk.services.queue import COUNTER_STATE_LABELS
from p4_desk.services.screens import admin as screens

AGENCY_CHARS = 20  # characters an agency box shows before its list opens


def fill_agencies(combo: QComboBox, agencies: Sequence[AgencyInfo]) -> None:
    """The agency choice of a form, keeping what is chosen.

    Agency names are long ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu ..."): the
    box keeps a modest width (a portrait screen is 1080 px) and its list opens as wide as the
    longest name."""
    refill(combo, [(f"{a.code} — {a.name}", a.code) for a in agencies])
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(AGENCY_CHARS)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
    combo.setToolTip(combo.currentText())
    if not combo.property("tipFollowsChoice"):
        combo.currentTextChanged.connect(combo.setToolTip)
        combo.setProperty("tipFollowsChoice", True)


class AgenciesTab(RecordTab[screens.AgenciesTab, AgencyInfo]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setChecked(True)
        self.add_button = self.button(self.tr("Add agency"), self.add)
        self.save_button = self.button(self.tr("Save changes"), self.save)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.active)
        columns = [self.tr("Code"), self.tr("Name"), self.tr("Active")]
        self.lay_out(columns, form, [self.add_button, self.save_button])

    def query(self) -> Callable[[], screens.AgenciesTab]:
        return partial(screens.agencies_tab, self.ctx.db)

    def records_of(self, model: screens.AgenciesTab) -> Sequence[AgencyInfo]:
        return model.agencies

    def row(self, a: AgencyInfo) -> Sequence[object]:
        return (a.code, a.name, yes_no(a.active))

    def fill(self, agency: AgencyInfo) -> None:
        self.code.setText(agency.code)
        self.name.setText(agency.name)
        self.active.setChecked(agency.active)

    def add(self) -> None:
        code, name, db, actor = self.code.text(), self.name.text(), self.ctx.db, self.ctx.actor
        self.act(
            lambda: catalog.add_agency(db, code, name, actor),
            lambda a: self.tr("Agency %1 added.").replace("%1", a.code),
        )

    def save(self) -> None:
        code, name, active = self.code.text(), self.name.text(), self.active.isChecked()
        db, actor = self.ctx.db, self.ctx.actor
        self.act(
            lambda: catalog.update_agency(db, code, name=name, active=active, actor=actor),
            lambda a: self.tr("Agency %1 saved.").replace("%1", a.code),
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


class ServicesTab(RecordTab[screens.ServicesTab, ServiceInfo]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
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
        self.quota.setGroupSeparatorShown(True)  # 12.000, as the locale writes it
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
        self.add_button = self.button(self.tr("Add service"), self.add)
        self.save_button = self.button(self.tr("Save changes"), self.save)

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
        form = QVBoxLayout()
        form.addLayout(fields)
        form.addWidget(QLabel(self.tr("Opening hours (breaks separated by commas)"), self))
        form.addWidget(self.always_open)
        form.addLayout(hours_grid)
        form.addWidget(self.active)
        columns = [
            self.tr("Code"), self.tr("Name"), self.tr("Agency"), self.tr("Prefix"),
            self.tr("Target wait (min)"), self.tr("Daily quota"), self.tr("Active"),
        ]  # fmt: skip
        self.lay_out(columns, form, [self.add_button, self.save_button])

    def _always_open_toggled(self, on: bool) -> None:
        for edit in self.hours.values():
            edit.setEnabled(not on)

    def query(self) -> Callable[[], screens.ServicesTab]:
        return partial(screens.services_tab, self.ctx.db)

    def show_choices(self, model: screens.ServicesTab) -> None:
        fill_agencies(self.agency, model.agencies)

    def records_of(self, model: screens.ServicesTab) -> Sequence[ServiceInfo]:
        return model.services

    def row(self, s: ServiceInfo) -> Sequence[object]:
        return (
            s.code,
            s.name,
            s.agency,
            s.prefix,
            s.target_wait_minutes,
            s.daily_quota or "-",
            yes_no(s.active),
        )

    def fill(self, s: ServiceInfo) -> None:
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

        text = self.tr("Service %1 added with ticket prefix %2.")
        self.act(work, lambda s: text.replace("%1", s.code).replace("%2", s.prefix))

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

        self.act(work, lambda s: self.tr("Service %1 saved.").replace("%1", s.code))


class CountersTab(RecordTab[screens.CountersTab, CounterInfo]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.services = QListWidget(self)
        self.services.setMaximumHeight(160)
        self.active = QCheckBox(self.tr("Active"), self)
        self.active.setChecked(True)
        self.add_button = self.button(self.tr("Add counter"), self.add)
        self.save_button = self.button(self.tr("Save changes"), self.save)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Services served"), self.services)
        form.addRow("", self.active)
        columns = [self.tr("Code"), self.tr("Name"), self.tr("Services"), self.tr("State"), self.tr("Active")]
        self.lay_out(columns, form, [self.add_button, self.save_button])

    def query(self) -> Callable[[], screens.CountersTab]:
        return partial(screens.counters_tab, self.ctx.db)

    def show_choices(self, model: screens.CountersTab) -> None:
        checked = set(self.checked_services())
        self.services.clear()
        for s in model.services:
            item = QListWidgetItem(f"{s.code} — {s.name}", self.services)
            item.setData(Qt.ItemDataRole.UserRole, s.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.code in checked else Qt.CheckState.Unchecked)

    def records_of(self, model: screens.CountersTab) -> Sequence[CounterInfo]:
        return model.counters

    def row(self, c: CounterInfo) -> Sequence[object]:
        state = COUNTER_STATE_LABELS.get(c.state, c.state)
        return (c.code, c.name, ", ".join(c.services), state, yes_no(c.active))

    def checked_services(self) -> list[str]:
        return [
            str(self.services.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.services.count())
            if self.services.item(i).checkState() == Qt.CheckState.Checked
        ]

    def check_services(self, codes: Sequence[str]) -> None:
        for i in range(self.services.count()):
            item = self.services.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def fill(self, c: CounterInfo) -> None:
        self.code.setText(c.code)
        self.name.setText(c.name)
        self.check_services(c.services)
        self.active.setChecked(c.active)

    def add(self) -> None:
        code, name, services = self.code.text(), self.name.text(), self.checked_services()
        db, actor = self.ctx.db, self.ctx.actor
        self.act(
            lambda: catalog.add_counter(db, code, name, services, actor),
            lambda c: self.tr("Counter %1 added.").replace("%1", c.code),
        )

    def save(self) -> None:
        code, name, services = self.code.text(), self.name.text(), self.checked_services()
        active, db, actor = self.active.isChecked(), self.ctx.db, self.ctx.actor
        self.act(
            lambda: catalog.update_counter(
                db, code, name=name, services=services, active=active, actor=actor
            ),
            lambda c: self.tr("Counter %1 saved.").replace("%1", c.code),
        )

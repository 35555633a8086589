"""The admin window's *Janji temu* tab: each service's appointment rule (issue 17.1).

Days and hours (as the opening hours are typed: "08:00-12:00, 13:00-15:00"), slot length,
seats per slot, days ahead, the walk-in share of the daily quota, the check-in policy and its
head start. The check-in window (minutes before and after the slot) is a site rule, in the
*Aturan situs* tab. A refusal is shown under the field it is about; the form keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.booking_rules import MAX_CAPACITY, MAX_DAYS_AHEAD, MAX_HEAD_START_MINUTES, BookingRule
from p4_desk.domain.opening_hours import WEEKDAYS
from p4_desk.gui.admin.tab import RecordTab, yes_no
from p4_desk.gui.common.context import AppContext
from p4_desk.services import booking
from p4_desk.services.admin import hours_from_text, hours_to_text
from p4_desk.services.booking import ServiceRule


def _spin(parent: QWidget, low: int, high: int, value: int) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setValue(value)
    return spin


class BookingRulesTab(RecordTab[list[ServiceRule], ServiceRule]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        default = BookingRule()
        self.service = QLabel(self)
        self.enabled = QCheckBox(self.tr("Takes appointments"), self)
        self.slot_minutes = _spin(self, 5, 240, default.slot_minutes)
        self.capacity = _spin(self, 1, MAX_CAPACITY, default.capacity)
        self.days_ahead = _spin(self, 0, MAX_DAYS_AHEAD, default.days_ahead)
        self.walkin_share = _spin(self, 0, 100, default.walkin_share_percent)
        self.walkin_share.setSuffix(" %")
        self.policy = QComboBox(self)
        self.policy.addItem(self.tr("Arrival order at check-in"), "arrival")
        self.policy.addItem(self.tr("Called at the appointment time"), "slot")
        self.head_start = _spin(self, 0, MAX_HEAD_START_MINUTES, default.head_start_minutes)
        day_names = [
            self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
            self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"),
        ]  # fmt: skip
        self.hours: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        for n, (day, label) in enumerate(zip(WEEKDAYS, day_names, strict=True)):
            edit = QLineEdit(self)
            edit.setPlaceholderText(self.tr("none (e.g. 08:00-12:00, 13:00-15:00)"))
            self.hours[day] = edit
            grid.addWidget(QLabel(label, self), n % 4, (n // 4) * 2)
            grid.addWidget(edit, n % 4, (n // 4) * 2 + 1)
        self.save_button = self.button(self.tr("Save rule"), self.save)
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Service"), self.service)
        left.addRow("", self.enabled)
        left.addRow(self.tr("Slot length (min)"), self.with_error(self.slot_minutes, "slot_minutes"))
        left.addRow(self.tr("Seats per slot"), self.with_error(self.capacity, "capacity"))
        right.addRow(self.tr("Days ahead"), self.with_error(self.days_ahead, "days_ahead"))
        right.addRow(self.tr("Daily quota kept for walk-ins"),
                     self.with_error(self.walkin_share, "walkin_share_percent"))  # fmt: skip
        right.addRow(self.tr("Check-in policy"), self.with_error(self.policy, "policy"))
        right.addRow(self.tr("Head start at the appointment time (min)"),
                     self.with_error(self.head_start, "head_start_minutes"))  # fmt: skip
        fields = QHBoxLayout()
        fields.addLayout(left, 1)
        fields.addLayout(right, 1)
        form = QVBoxLayout()
        form.addLayout(fields)
        form.addWidget(QLabel(self.tr("Appointment hours (several periods separated by commas)"), self))
        form.addLayout(grid)
        form.addWidget(self.error_label("hours"))
        columns = [
            self.tr("Code"), self.tr("Service"), self.tr("Appointments"), self.tr("Slot (min)"),
            self.tr("Seats"), self.tr("Walk-in share"), self.tr("Check-in policy"),
        ]  # fmt: skip
        self.lay_out(columns, form, [self.save_button])

    def query(self) -> Callable[[], list[ServiceRule]]:
        return partial(booking.list_rules, self.ctx.db)

    def records_of(self, model: list[ServiceRule]) -> Sequence[ServiceRule]:
        return model

    def row(self, r: ServiceRule) -> Sequence[object]:
        rule = r.rule
        policy = self.policy.itemText(max(0, self.policy.findData(rule.policy))) if rule else "-"
        return (
            r.service,
            r.service_name,
            yes_no(r.enabled),
            rule.slot_minutes if rule else "-",
            rule.capacity if rule else "-",
            f"{rule.walkin_share_percent} %" if rule else "-",
            policy,
        )

    def fill(self, r: ServiceRule) -> None:
        rule = r.rule or BookingRule(hours={})
        self.service.setText(f"{r.service} — {r.service_name}")
        self.enabled.setChecked(r.enabled)
        self.slot_minutes.setValue(rule.slot_minutes)
        self.capacity.setValue(rule.capacity)
        self.days_ahead.setValue(rule.days_ahead)
        self.walkin_share.setValue(rule.walkin_share_percent)
        self.policy.setCurrentIndex(max(0, self.policy.findData(rule.policy)))
        self.head_start.setValue(rule.head_start_minutes)
        texts = hours_to_text({k: [list(p) for p in v] for k, v in rule.hours.items()})
        for day, edit in self.hours.items():
            edit.setText(texts.get(day, ""))

    def save(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.show_done(self.tr("Choose a service in the list first."))
            return
        per_day = {day: edit.text() for day, edit in self.hours.items()}
        values = (
            self.slot_minutes.value(),
            self.capacity.value(),
            self.days_ahead.value(),
            self.walkin_share.value(),
            str(self.policy.currentData()),
            self.head_start.value(),
        )
        enabled, db, actor, code = self.enabled.isChecked(), self.ctx.db, self.ctx.actor, chosen.service

        def work() -> ServiceRule:
            hours = hours_from_text(per_day) or {}
            rule = BookingRule(hours, *values)
            return booking.set_rule(db, code, rule, actor, enabled=enabled)

        self.act(work, lambda r: self.tr("Appointment rule of %1 saved.").replace("%1", r.service_name))

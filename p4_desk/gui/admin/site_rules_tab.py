"""The site rules tab: a form generated from ``p4_desk.config.SITE_SETTINGS``.

One row per editable site setting, labelled with its declared (Indonesian) title; the widget
follows the declared type and check (choices → list, bounds → spin box, yes/no → check box).
A setting added to the declaration appears here by itself. Saving checks every value against
its declaration and writes them in one transaction (``site.set_settings``): all or none.
The values shown are the tab's read model (``services.screens.admin.site_rules_tab``), kept
current by the tab's live query like every admin tab.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from p4_desk.config import SITE_SETTINGS, Setting
from p4_desk.gui.admin.tab import AdminTab
from p4_desk.gui.common.context import AppContext
from p4_desk.services import site as site_service
from p4_desk.services.screens import admin as screens

# edited on the Site tab, next to the site's name and time zone
ON_SITE_TAB = frozenset({"display.running_text"})
# coordinates keep the decimal point, every other number follows the Indonesian locale
COORDINATES = frozenset({"site.latitude", "site.longitude"})


class SettingField:
    """The widget of one setting: shows a value, says when it was edited, reads it back."""

    def __init__(self, setting: Setting, parent: QWidget) -> None:
        self.setting = setting
        self.edited = False
        self.widget: QWidget
        if setting.type is bool:
            box = QCheckBox(parent)
            box.toggled.connect(self._mark)
            self.widget = box
        elif setting.choices:
            combo = QComboBox(parent)
            for choice in setting.choices:
                combo.addItem(setting.show(choice), choice)
            combo.activated.connect(self._mark)
            self.widget = combo
        elif setting.type is int:
            spin = QSpinBox(parent)
            low, high = setting.bounds or (-(2**31), 2**31 - 1)
            spin.setRange(int(low), int(high))
            spin.setGroupSeparatorShown(True)  # 1.440, as the Indonesian locale writes it
            spin.valueChanged.connect(self._mark)
            self.widget = spin
        elif setting.type is float:
            number = QDoubleSpinBox(parent)
            number.setDecimals(6)
            low, high = setting.bounds or (-1e9, 1e9)
            number.setRange(low, high)
            if setting.key in COORDINATES:  # maps and GPS devices write a decimal point (DESIGN §6)
                number.setLocale(QLocale.c())
            number.valueChanged.connect(self._mark)
            self.widget = number
        else:
            line = QLineEdit(parent)
            line.textEdited.connect(self._mark)
            self.widget = line
        self.widget.setObjectName(setting.key)
        self.widget.setToolTip(setting.key)

    def _mark(self, *_: object) -> None:
        self.edited = True

    def show(self, value: Any) -> None:
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(value)))
            elif isinstance(w, QSpinBox):
                w.setValue(int(value))
            elif isinstance(w, QDoubleSpinBox):
                w.setValue(float(value))
            elif isinstance(w, QLineEdit):
                w.setText("" if value is None else str(value))
        finally:
            w.blockSignals(False)
        self.edited = False

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QSpinBox | QDoubleSpinBox):
            return w.value()
        assert isinstance(w, QLineEdit)
        return w.text().strip()


class SiteRulesTab(AdminTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        body = QWidget(self)
        form = QFormLayout(body)
        self.fields: dict[str, SettingField] = {}
        for setting in SITE_SETTINGS:
            if setting.editable and setting.key not in ON_SITE_TAB:
                field = SettingField(setting, body)
                self.fields[setting.key] = field
                form.addRow(setting.title, field.widget)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.save_button = QPushButton(self.tr("Save"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.save_button.clicked.connect(self.save)

    def query(self) -> Callable[[], screens.SiteRulesTab]:
        return partial(screens.site_rules_tab, self.ctx.db)

    def draw(self, model: screens.SiteRulesTab) -> None:
        for key, field in self.fields.items():
            if not field.edited:  # never overwrite what is being typed
                field.show(model.values[key])

    def save(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        values = {key: field.value() for key, field in self.fields.items()}

        def outcome(changed: list[str]) -> str:
            for field in self.fields.values():
                field.edited = False
            return self.tr("Site rules saved (%n changed).", "", len(changed))

        self.act(lambda: site_service.set_settings(db, values, actor), outcome)

"""The admin window's site rules tab, generated from the settings declaration (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from p4_desk.config import SITE_SETTINGS
from p4_desk.gui.admin.window import AdminWindow
from p4_desk.services import admin, site


@pytest.fixture
def window(admin_window: AdminWindow) -> AdminWindow:
    admin_window.tabs.setCurrentWidget(admin_window.site_rules)
    return admin_window


def test_every_editable_site_setting_has_a_row_with_its_title(window: AdminWindow) -> None:
    tab = window.site_rules
    form = tab.findChild(QFormLayout)
    assert isinstance(form, QFormLayout)
    labels = {}
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel)
        labels[field.objectName()] = label.text()

    expected = {s.key: s.title for s in SITE_SETTINGS if s.editable and s.key != "display.running_text"}
    assert labels == expected
    assert isinstance(tab.fields["permits.incomplete_policy"].widget, QComboBox)
    recalls = tab.fields["queue.recalls_before_no_show"].widget
    assert isinstance(recalls, QSpinBox) and (recalls.minimum(), recalls.maximum(), recalls.value()) == (
        0,
        10,
        1,
    )


def test_saving_writes_the_changed_rules_in_one_go_and_audits_them(window: AdminWindow, qtbot: QtBot) -> None:
    tab = window.site_rules
    recalls = tab.fields["queue.recalls_before_no_show"].widget
    signer = tab.fields["report.head_name"].widget
    assert isinstance(recalls, QSpinBox) and isinstance(signer, QLineEdit)

    recalls.setValue(2)
    qtbot.keyClicks(signer, "Drs. Hendra Wijaya, M.Si.")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    db = window.ctx.db
    assert tab.message.text() == "Site rules saved (2 changed)."
    assert site.get_setting(db, "queue.recalls_before_no_show") == 2
    assert site.get_setting(db, "report.head_name") == "Drs. Hendra Wijaya, M.Si."
    changed = {e.entity_id: e.username for e in admin.audit_entries(db, entity="site_setting")}
    assert changed == {"queue.recalls_before_no_show": "admin", "report.head_name": "admin"}


def test_one_bad_value_saves_nothing_and_says_why_in_indonesian(window: AdminWindow, qtbot: QtBot) -> None:
    tab = window.site_rules
    prefix = tab.fields["permits.registration_prefix"].widget
    recalls = tab.fields["queue.recalls_before_no_show"].widget
    assert isinstance(prefix, QLineEdit) and isinstance(recalls, QSpinBox)

    recalls.setValue(3)
    qtbot.keyClicks(prefix, "X1")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    assert tab.message.text() == "Awalan nomor pendaftaran harus 2–6 huruf A–Z."
    assert site.get_setting(window.ctx.db, "queue.recalls_before_no_show") == 1  # nothing half-saved
    # the officer's typing survives the refresh that follows any change on the site
    tab.refresh()
    assert prefix.text() == "X1" and recalls.value() == 3

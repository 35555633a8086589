"""The first-run wizard's three paths, driven at the keyboard with the Indonesian catalogue:
a new site with its first admin (embedded or on PostgreSQL), joining an existing PostgreSQL site
after "Tes koneksi", and errors that keep the wizard open with what was typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWizard
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings, data_dir, settings_path
from p4_desk.gui.app.first_run import FirstRunWizard
from p4_desk.services import catalog, site, users
from p4_desk.store.migrate import open_database
from tests.support.sites import make_site

pytestmark = [pytest.mark.translation("app"), pytest.mark.usefixtures("inline_tasks")]
ADMIN_PASSWORD = "Lampung-2026"


def start(qtbot: QtBot) -> FirstRunWizard:
    wizard = FirstRunWizard(Settings.load())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return wizard


def key(qtbot: QtBot, k: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, k)


def type_into(qtbot: QtBot, wizard: FirstRunWizard, name: str, text: str) -> None:
    edit = wizard.new_site_page.guard.fields[name]
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def error(wizard: FirstRunWizard, name: str) -> QLabel:
    label = wizard.findChild(QLabel, f"error_{name}")
    assert label is not None
    return label


def button(wizard: FirstRunWizard, which: QWizard.WizardButton) -> tuple[bool, str]:
    b = wizard.button(which)
    return b.isVisible(), b.text()


def test_choosing_a_new_site_offers_next_not_finish(qtbot: QtBot) -> None:
    wizard = start(qtbot)
    assert wizard.choice_page.title() == "Selamat datang di P4 Desk"
    assert button(wizard, QWizard.WizardButton.FinishButton) == (True, "Selesai")
    # When the officer moves to "Siapkan situs baru" with the arrow key
    key(qtbot, Qt.Key.Key_Down)
    assert wizard.choice_page.new_site.isChecked()
    assert wizard.choice_page.new_site.text() == "Siapkan situs baru"
    # Then the wizard offers "Lanjut", and Enter opens the form instead of finishing
    assert button(wizard, QWizard.WizardButton.NextButton) == (True, "Lanjut >")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.isVisible() and wizard.currentId() == FirstRunWizard.NEW_SITE_PAGE
    assert QApplication.focusWidget() is wizard.new_site_page.code  # the first field to type in


def test_a_new_site_with_its_first_admin_is_created_from_the_wizard(qtbot: QtBot) -> None:
    wizard = start(qtbot)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    type_into(qtbot, wizard, "site_code", "MPP-LSL")
    type_into(qtbot, wizard, "site_name", "MPP Kabupaten Lampung Selatan")
    type_into(qtbot, wizard, "admin_full_name", "Rina Admin")
    type_into(qtbot, wizard, "admin_password", "admin")
    type_into(qtbot, wizard, "admin_password_again", "admin")
    # When Enter is pressed with a weak password
    key(qtbot, Qt.Key.Key_Return)
    # Then the wizard stays on the form, says why by the field, and keeps what was typed
    assert wizard.isVisible() and wizard.currentId() == FirstRunWizard.NEW_SITE_PAGE
    assert error(wizard, "admin_password").text() == "Kata sandi admin minimal 10 karakter."
    assert error(wizard, "admin_password").isVisible()
    assert wizard.new_site_page.name.text() == "MPP Kabupaten Lampung Selatan"
    assert not settings_path().exists() and not list(data_dir().glob("*.sqlite3"))
    # the message goes once the password is good, and the repeat is checked next
    wizard.new_site_page.password.clear()
    type_into(qtbot, wizard, "admin_password", ADMIN_PASSWORD)
    assert not error(wizard, "admin_password").isVisible()
    key(qtbot, Qt.Key.Key_Return)
    assert error(wizard, "admin_password_again").text() == "Kedua kata sandi tidak sama."
    wizard.new_site_page.password2.clear()
    type_into(qtbot, wizard, "admin_password_again", ADMIN_PASSWORD)
    assert not error(wizard, "admin_password_again").isVisible()
    key(qtbot, Qt.Key.Key_Return)
    # the role page: a new site's first PC is the admin's
    assert wizard.currentId() == FirstRunWizard.ROLE_PAGE
    assert wizard.role_page.role.currentText() == "Administrasi"
    assert button(wizard, QWizard.WizardButton.FinishButton) == (True, "Selesai")
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        key(qtbot, Qt.Key.Key_Return)
    # Then the PC is set up: settings saved, the site and its admin in the embedded database
    saved = Settings.load()
    assert saved.get("workstation.role") == "admin"
    db = open_database(saved.database_url())
    try:
        assert Path(db.url.database or "").parent == data_dir()
        assert site.get_site(db).name == "MPP Kabupaten Lampung Selatan"
        assert site.get_site(db).code == "MPP-LSL"
        assert users.authenticate(db, "admin", ADMIN_PASSWORD).role == "admin"
    finally:
        db.dispose()


def fill_new_site(qtbot: QtBot, wizard: FirstRunWizard, url: str) -> None:
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    type_into(qtbot, wizard, "site_code", "MPP-PSW")
    type_into(qtbot, wizard, "site_name", "MPP Pesawaran")
    type_into(qtbot, wizard, "database_url", url)
    type_into(qtbot, wizard, "admin_full_name", "Budi Admin")
    type_into(qtbot, wizard, "admin_password", ADMIN_PASSWORD)
    type_into(qtbot, wizard, "admin_password_again", ADMIN_PASSWORD)


@pytest.mark.postgres
def test_a_new_site_on_postgresql_after_test_connection(qtbot: QtBot, pg_url: str) -> None:
    wizard = start(qtbot)
    fill_new_site(qtbot, wizard, pg_url)
    page = wizard.new_site_page
    assert page.test_button.text() == "Tes koneksi"
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.connection.text() == "Terhubung. Situs akan dibuat di basis data ini."
    key(qtbot, Qt.Key.Key_Return)
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        key(qtbot, Qt.Key.Key_Return)
    assert Settings.load().database_url() == pg_url
    db = open_database(pg_url)
    try:
        assert site.get_site(db).code == "MPP-PSW"
        assert users.authenticate(db, "admin", ADMIN_PASSWORD).full_name == "Budi Admin"
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_database_that_already_holds_a_site_keeps_the_wizard_open(
    qtbot: QtBot, pg_url: str, site_clock
) -> None:
    make_site(pg_url, site_clock).dispose()
    wizard = start(qtbot)
    fill_new_site(qtbot, wizard, pg_url)
    key(qtbot, Qt.Key.Key_Return)  # Lanjut: the form itself is valid
    assert wizard.currentId() == FirstRunWizard.ROLE_PAGE
    # When Finish meets the existing site
    key(qtbot, Qt.Key.Key_Return)
    # Then the wizard is back on the form with everything typed and says why by the URL
    assert wizard.isVisible() and wizard.result() == 0
    assert wizard.currentId() == FirstRunWizard.NEW_SITE_PAGE
    assert "sudah berisi situs" in error(wizard, "database_url").text()
    assert wizard.new_site_page.name.text() == "MPP Pesawaran"
    assert wizard.new_site_page.password.text() == ADMIN_PASSWORD
    assert not settings_path().exists()
    db = open_database(pg_url)
    try:
        assert site.get_site(db).code == "MPP-TEST"  # untouched
        assert [u.username for u in users.list_users(db)] == ["petugas1", "petugas2"]
    finally:
        db.dispose()


@pytest.mark.postgres
def test_a_second_pc_joins_an_existing_postgresql_site(qtbot: QtBot, pg_url: str, site_clock) -> None:
    make_site(pg_url, site_clock).dispose()
    wizard = start(qtbot)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    assert wizard.choice_page.existing.text() == "Sambungkan PC ini ke basis data situs yang sudah ada"
    key(qtbot, Qt.Key.Key_Return)
    page = wizard.existing_page
    assert wizard.currentId() == FirstRunWizard.EXISTING_PAGE
    assert QApplication.focusWidget() is page.url
    assert page.test_button.text() == "Tes koneksi"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # needs a tested connection
    qtbot.keyClicks(page.url, pg_url)
    key(qtbot, Qt.Key.Key_Return)  # Enter in the URL tests it
    assert page.result.text() == "Terhubung ke MPP-TEST — MPP Uji Coba. Situs ini punya 3 loket."
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == FirstRunWizard.ROLE_PAGE
    assert wizard.role_page.role.currentText() == "Loket (petugas)"
    wizard.role_page.counter.setCurrentIndex(wizard.role_page.counter.findData("L2"))
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    saved = Settings.load()
    assert saved.database_url() == pg_url
    assert (saved.get("workstation.role"), saved.get("workstation.counter")) == ("counter", "L2")
    db = open_database(saved.database_url())
    try:
        assert [c.code for c in catalog.list_counters(db)] == ["L1", "L2", "L3"]
    finally:
        db.dispose()


def test_joining_a_database_without_a_site_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.sqlite3"
    wizard = start(qtbot)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(wizard.existing_page.url, str(missing))
    key(qtbot, Qt.Key.Key_Return)
    assert "tidak ada" in wizard.existing_page.result.text()
    assert not missing.exists()  # a test never creates a file
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.existing_page.url.text() == str(missing)

"""Admin "Permit types" tab (pytest-qt, real SQLite): create, edit and retire permit types,
catalogue export/import, holidays."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from p4_desk.gui.admin import open_window
from p4_desk.gui.admin.permits_tab import PermitsTab
from p4_desk.gui.admin.window import AdminWindow
from p4_desk.services import permits
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database
from tests.support.sites import make_site

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output"


@pytest.fixture
def window(admin_window: AdminWindow) -> AdminWindow:
    admin_window.resize(1366, 768)
    admin_window.tabs.setCurrentWidget(admin_window.permit_types)
    return admin_window


@pytest.fixture
def intake_desk(sqlite_url: str) -> Iterator[Database]:
    """The intake workstation, already running on the same database file."""
    other = Database(sqlite_url, workstation="intake-1")
    yield other
    other.dispose()


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def add_requirement(qtbot: QtBot, tab: PermitsTab, code: str, name: str, mandatory: bool) -> None:
    click(qtbot, tab.add_requirement_button)
    tab.requirements.set_row(tab.requirements.rowCount() - 1, code, name, mandatory)


def select_permit(tab: PermitsTab, code: str) -> None:
    tab.table.selectRow(tab.table.findItems(code, Qt.MatchFlag.MatchExactly)[0].row())


def fill_siup(qtbot: QtBot, tab: PermitsTab) -> None:
    type_into(qtbot, tab.code, "SIP-APT")
    type_into(qtbot, tab.name, "Surat Izin Praktik Apoteker")
    tab.agency.setCurrentIndex(tab.agency.findData("DUKCAPIL"))
    tab.working_days.setValue(7)
    tab.fee.setValue(150_000)
    type_into(qtbot, tab.legal_basis, "Perbup No. 12 Tahun 2024")
    type_into(qtbot, tab.product, "SIPA")


def test_create_edit_and_retire_a_permit_type(
    window: AdminWindow, intake_desk: Database, qtbot: QtBot
) -> None:
    tab = window.permit_types

    # Given an admin who fills in a new permit type with two requirements, one optional
    fill_siup(qtbot, tab)
    add_requirement(qtbot, tab, "KTP", "KTP pemohon", mandatory=True)
    add_requirement(qtbot, tab, "STR", "Surat Tanda Registrasi Apoteker", mandatory=False)
    click(qtbot, tab.add_requirement_button)  # a row added by mistake and left empty

    # When they add it
    click(qtbot, tab.add_button)

    # Then the catalogue has it, with both requirements in order, and the list shows it
    assert tab.message.text() == "Permit type SIP-APT added.", tab.message.text()
    added = permits.get_permit_type(intake_desk, "SIP-APT")
    assert (added.name, added.agency, added.working_days, added.fee) == (
        "Surat Izin Praktik Apoteker", "DUKCAPIL", 7, 150_000,
    )  # fmt: skip
    assert (added.legal_basis, added.product) == ("Perbup No. 12 Tahun 2024", "SIPA")
    assert added.requirements == (
        Requirement("KTP", "KTP pemohon", True),
        Requirement("STR", "Surat Tanda Registrasi Apoteker", False),
    )
    row = tab.table.findItems("SIP-APT", Qt.MatchFlag.MatchExactly)[0].row()
    assert tab.table.item(row, 4).text() == "Rp 150.000"  # type: ignore[union-attr]
    assert "SIP-APT" in [p.code for p in permits.list_permit_types(intake_desk)]
    assert tab.table.selectionModel().selectedRows()[0].row() == row  # selected, ready to retire
    assert tab.retire_button.isEnabled()

    # When the admin selects it, changes the processing time and drops the optional requirement
    tab.clear_form()
    select_permit(tab, "SIP-APT")
    assert tab.name.text() == "Surat Izin Praktik Apoteker"
    assert tab.requirements.rowCount() == 2
    tab.working_days.setValue(10)
    tab.requirements.selectRow(1)
    click(qtbot, tab.remove_requirement_button)
    click(qtbot, tab.save_button)

    # Then the intake desk sees the new terms
    assert tab.message.text() == "Permit type SIP-APT saved.", tab.message.text()
    saved = permits.get_permit_type(intake_desk, "SIP-APT")
    assert saved.working_days == 10
    assert [r.code for r in saved.requirements] == ["KTP"]
    SCREENSHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "admin_permit_types.png"))

    # When the admin retires it
    select_permit(tab, "SIP-APT")
    assert tab.retire_button.text() == "Retire"
    click(qtbot, tab.retire_button)

    # Then the intake desk no longer offers it, while the list still shows it as retired
    assert "SIP-APT" not in [p.code for p in permits.list_permit_types(intake_desk)]
    row = tab.table.findItems("SIP-APT", Qt.MatchFlag.MatchExactly)[0].row()
    assert tab.table.item(row, 5).text() == "yes"  # type: ignore[union-attr]
    assert tab.retire_button.text() == "Reinstate"

    # and reinstating it brings it back
    click(qtbot, tab.retire_button)
    assert "SIP-APT" in [p.code for p in permits.list_permit_types(intake_desk)]
    assert tab.table.selectionModel().selectedRows()[0].row() == row  # selected, ready to retire
    assert tab.retire_button.isEnabled()


def test_a_refused_permit_type_shows_the_reason_by_the_field_and_keeps_the_form(
    window: AdminWindow, qtbot: QtBot
) -> None:
    tab = window.permit_types

    # Given a form with everything but the name
    fill_siup(qtbot, tab)
    type_into(qtbot, tab.name, "   ")
    add_requirement(qtbot, tab, "KTP", "KTP pemohon", mandatory=True)

    # When it is added, it is refused with the reason under the name field
    click(qtbot, tab.add_button)
    assert tab.errors["name"].isVisible()
    assert tab.errors["name"].text() == "Nama izin SIP-APT wajib diisi."
    assert not tab.errors["code"].isVisible()
    assert permits.list_permit_types(window.ctx.db, include_retired=True) == []
    # and everything typed is still there
    assert (tab.code.text(), tab.working_days.value(), tab.fee.value()) == ("SIP-APT", 7, 150_000)
    assert tab.requirements.requirements() == (Requirement("KTP", "KTP pemohon", True),)

    # Given a requirement typed twice, the reason is shown under the requirements table
    type_into(qtbot, tab.name, "Surat Izin Praktik Apoteker")
    add_requirement(qtbot, tab, "ktp", "KTP lagi", mandatory=False)
    click(qtbot, tab.add_button)
    assert not tab.errors["name"].isVisible()
    assert "KTP tercantum dua kali" in tab.errors["requirements"].text()
    assert tab.requirements.rowCount() == 2

    # When the duplicate row is removed, the permit type is added and the errors are gone
    tab.requirements.selectRow(1)
    click(qtbot, tab.remove_requirement_button)
    click(qtbot, tab.add_button)
    assert tab.message.text() == "Permit type SIP-APT added."
    assert not any(label.isVisible() for label in tab.errors.values())


def test_export_then_import_round_trips_the_catalogue(
    window: AdminWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.permit_types
    db = window.ctx.db
    permits.add_permit_type(
        db, "IMB", "Persetujuan Bangunan Gedung", "DUKCAPIL", working_days=14, fee=500_000,
        requirements=[Requirement("SERT", "Sertifikat tanah"), Requirement("GAMBAR", "Gambar", False)],
    )  # fmt: skip
    permits.add_permit_type(db, "SKCK", "Surat Keterangan", "SAMSAT", working_days=1)
    permits.retire_permit_type(db, "SKCK")
    expected = {p.code: p for p in permits.list_permit_types(db, include_retired=True)}

    # Given the catalogue exported through the button (the file dialog answers with a path)
    path = tmp_path / "katalog.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "JSON (*.json)"))
    click(qtbot, tab.export_button)
    assert tab.message.text() == f"Catalogue (2 permit types) saved to {path}.", tab.message.text()
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "p4-desk-catalog"

    # When another site (a fresh database) imports that file
    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    other = make_site(other_url)
    try:
        window.ctx.db = other
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), "JSON (*.json)"))
        click(qtbot, tab.import_button)

        # Then it has the same permit types, requirements and retired flags
        assert tab.message.text().startswith("Catalogue imported: 2 new, 0 changed"), tab.message.text()
        imported = {p.code: p for p in permits.list_permit_types(other, include_retired=True)}
        assert imported == expected
        assert tab.table.rowCount() == 2

        # and importing the same file again changes nothing
        click(qtbot, tab.import_button)
        assert tab.message.text().startswith("Catalogue imported: 0 new, 0 changed, 2 unchanged")
    finally:
        window.ctx.db = db
        other.dispose()


def test_a_broken_catalogue_file_is_refused_with_a_message(
    window: AdminWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    tab = window.permit_types
    path = tmp_path / "rusak.json"
    path.write_text('{"format": "p4-desk-catalog", "version": 1, "permit_types": [{"code": "X"', "utf-8")
    tab.import_catalog_file(path)
    assert "bukan JSON yang sah" in tab.message.text()
    assert permits.list_permit_types(window.ctx.db, include_retired=True) == []


def test_holidays_of_the_chosen_year_and_import(window: AdminWindow, tmp_path: Path) -> None:
    tab = window.permit_types

    # Given the shipped seed list, 2026 shows New Year's Day
    tab.year.setValue(2026)
    dates = [tab.holiday_table.item(r, 0).text() for r in range(tab.holiday_table.rowCount())]  # type: ignore[union-attr]
    assert "1 Januari 2026" in dates

    # When a 2027 list is imported
    path = tmp_path / "libur-2027.json"
    rows = [
        {"date": "2027-01-01", "name": "Tahun Baru 2027 Masehi", "kind": "national"},
        {"date": "2027-08-17", "name": "Hari Kemerdekaan RI", "kind": "national"},
    ]
    path.write_text(json.dumps({"holidays": rows}), encoding="utf-8")
    tab.import_holidays_file(path)

    # Then the working-day calendar counts them and the 2027 list shows them
    assert tab.message.text() == "2 holidays stored."
    assert not permits.holiday_calendar(window.ctx.db).is_working_day(date(2027, 8, 17))
    tab.year.setValue(2027)
    names = [tab.holiday_table.item(r, 1).text() for r in range(tab.holiday_table.rowCount())]  # type: ignore[union-attr]
    assert names == ["Tahun Baru 2027 Masehi", "Hari Kemerdekaan RI"]


@pytest.mark.translation("admin")
def test_the_tab_speaks_indonesian_with_its_translation(window: AdminWindow, qtbot: QtBot) -> None:
    win = open_window(window.ctx)
    assert isinstance(win, AdminWindow)
    qtbot.addWidget(win)
    titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    assert "Jenis Izin" in titles
    tab = win.permit_types
    assert (tab.retire_button.text(), tab.import_button.text()) == ("Pensiunkan", "Impor katalog…")
    tab.add()  # empty form: the service's own Indonesian message, under the code field
    assert "Kode izin '' tidak valid" in tab.errors["code"].text()

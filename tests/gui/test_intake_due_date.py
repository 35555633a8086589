"""The intake form's due date, as the officer reads it before saving: marked as an estimate when
a year without an official holiday list is counted, and counted with the permit type's rule for
cuti bersama (Indonesian translation installed, as at a real counter)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from p4_desk.config import Settings
from p4_desk.gui.common import tasks
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.intake import open_intake
from p4_desk.resources import resource
from p4_desk.services import catalog, permits, users
from p4_desk.services.permits import Requirement
from tests.support.sites import Clock, make_site


def _ctx(url: str, when: datetime) -> AppContext:
    db = make_site(url, Clock(when))
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    for code, name in (("REKLAME", "Izin Reklame"), ("SIP-BIDAN", "Surat Izin Praktik Bidan")):
        permits.add_permit_type(
            db, code, name, "DPMPTSP", working_days=5, requirements=[Requirement("KTP", "Fotokopi KTP-el")]
        )
    permits.set_cuti_bersama_rule(db, "SIP-BIDAN", True)
    return AppContext(
        db=db, settings=Settings.load(), role="counter", counter="L1", user=users.get_user(db, "petugas1")
    )


@pytest.fixture
def indonesian():
    translator = QTranslator()
    assert translator.load(str(resource("translations", "intake_id.qm")))
    QCoreApplication.installTranslator(translator)
    tasks.set_synchronous(True)
    yield
    tasks.set_synchronous(False)
    QCoreApplication.removeTranslator(translator)


def _terms_for(dialog, code: str) -> str:
    form = dialog.form
    form.permit_type.setCurrentIndex(form.permit_type.findData(code))
    return form.permit_terms.text()


def test_due_date_in_an_estimated_year_is_marked(sqlite_url: str, indonesian, qtbot) -> None:
    # Given an officer on Friday 5 March 2027 (no official 2027 holiday list yet)
    ctx = _ctx(sqlite_url, datetime(2027, 3, 5, 3, 0, tzinfo=UTC))
    dialog = open_intake(ctx, None, None)
    qtbot.addWidget(dialog)
    # When a permit closed on cuti bersama is chosen, then Idulfitri and its cuti bersama are
    # skipped and the date says it is an estimate
    terms = _terms_for(dialog, "REKLAME")
    assert "perkiraan selesai Senin, 22 Maret 2027 (perkiraan: libur resmi belum terbit)" in terms
    # When a permit that works on cuti bersama is chosen, then those days count
    assert "Rabu, 17 Maret 2027 (perkiraan: libur resmi belum terbit)" in _terms_for(dialog, "SIP-BIDAN")
    ctx.db.dispose()


def test_due_date_in_an_official_year_is_not_marked(sqlite_url: str, indonesian, qtbot) -> None:
    # Given Tuesday 17 March 2026, inside the shipped official list
    ctx = _ctx(sqlite_url, datetime(2026, 3, 17, 3, 0, tzinfo=UTC))
    dialog = open_intake(ctx, None, None)
    qtbot.addWidget(dialog)
    terms = _terms_for(dialog, "REKLAME")
    assert "perkiraan selesai Selasa, 31 Maret 2026 · " in terms and "libur resmi belum terbit" not in terms
    # The NIK is decoded down to its district
    qtbot.keyClicks(dialog.form.nik, "1871015708900003")
    assert "Kedaton, Kota Bandar Lampung, Lampung" in dialog.form.nik_decoded.text()
    ctx.db.dispose()

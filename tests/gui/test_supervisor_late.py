"""The supervisor's *Keterlambatan pengaduan* tab (real widgets, offscreen, a real SQLite file):
a complaint answered one working day after its follow-up plan was due is listed with the
officer who answered it and the delay, in Indonesian."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.supervisor.late import LatePanel
from p4_desk.services import complaints, users
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

pytestmark = pytest.mark.translation("supervisor")
WIB = ZoneInfo("Asia/Jakarta")


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=WIB).astimezone(UTC)


@pytest.fixture
def hall(sqlite_url: str) -> Iterator[Database]:
    clock = Clock(at(date(2026, 10, 5), 10))  # Monday
    db = make_site(sqlite_url, clock)
    first, second = (users.get_user(db, name).actor for name in ("petugas1", "petugas2"))
    filed = complaints.file_complaint(
        db,
        kind="pengaduan",
        agency="DUKCAPIL",
        description="Antrean KTP-el tidak jelas.",
        identity="anonymous",
        actor=first,
    )
    for day, state, who in (
        (date(2026, 10, 6), "verified", first),
        (date(2026, 10, 7), "forwarded", first),  # the follow-up plan is due 5 working days later: 14 Oct
        (date(2026, 10, 15), "answered", second),
    ):
        clock.now = at(day, 11)
        complaints.step_complaint(db, filed.number, state, "Tindak lanjut instansi.", who)
    clock.now = at(date(2026, 11, 2), 9)
    yield db
    db.dispose()


def test_the_late_tab_lists_the_officer_and_the_working_days_late(
    qtbot, hall: Database, inline_tasks: None
) -> None:
    ctx = AppContext(db=hall, settings=Settings.load(), role="supervisor")
    panel = LatePanel(ctx)
    qtbot.addWidget(panel)
    # the default period is last month: October 2026 on this hall's clock
    assert panel.period() == (date(2026, 10, 1), date(2026, 10, 31))
    rows = [
        [panel.table.item(r, c).text() for c in range(panel.table.columnCount())]
        for r in range(panel.table.rowCount())
    ]
    assert rows[0][:2] == ["Dinas Kependudukan dan Pencatatan Sipil", "petugas2"]
    late = [row for row in rows if row[3] == "Rencana tindak lanjut instansi"]
    assert late == [
        [
            "Dinas Kependudukan dan Pencatatan Sipil",
            "petugas2",
            "PGD-2026-00001",
            "Rencana tindak lanjut instansi",
            "14 Oktober 2026",
            "15 Oktober 2026",
            "1",
            "Ditanggapi",
        ]
    ]
    assert panel.table.horizontalHeaderItem(6).text() == "Hari kerja terlambat"
    assert "batas waktu terlewati" in panel.summary.text()

    # a period with nothing due says so
    panel.date_from.setDate(QDate(2026, 9, 1))
    panel.date_to.setDate(QDate(2026, 9, 30))
    panel.show_button.click()
    assert panel.table.rowCount() == 0
    assert panel.summary.text() == "Tidak ada batas waktu pengaduan yang terlewati pada periode ini."

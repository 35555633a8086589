"""The supervisor window with real widgets (pytest-qt, offscreen) on a real SQLite file.

"Another workstation" is a second ``Database`` on the same file, as a counter PC would open it;
the window must show its changes by itself (no clicks), through its background refresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.supervisor import open_window
from p4_desk.gui.supervisor.window import SupervisorWindow
from p4_desk.services import queue, users
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from tests.support.sites import Clock, make_site

LEFT = Qt.MouseButton.LeftButton
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@pytest.fixture
def supervisor_db(sqlite_url: str, clock: Clock) -> Iterator[Database]:
    db = make_site(sqlite_url, clock)
    users.add_user(db, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    yield db
    db.dispose()


@pytest.fixture
def counter_pc(sqlite_url: str, clock: Clock, supervisor_db: Database) -> Iterator[Database]:
    """The database as a counter workstation opens it: its own engine, the same file."""
    db = open_database(sqlite_url, clock=clock)
    yield db
    db.dispose()


@pytest.fixture
def window(qtbot, supervisor_db: Database) -> Iterator[SupervisorWindow]:
    ctx = AppContext(db=supervisor_db, settings=Settings.load(), role="supervisor")
    ctx.user = users.get_user(supervisor_db, "kepala")
    w = open_window(ctx)
    assert isinstance(w, SupervisorWindow)
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    yield w
    w.live.live.stop()
    QThreadPool.globalInstance().waitForDone(10_000)


def counter_row(w: SupervisorWindow, name: str) -> list[str]:
    """The cells of a counter's row; empty cells while the first refresh has not arrived."""
    t = w.live.counters
    for row in range(t.rowCount()):
        if t.item(row, 0).text() == name:
            return [t.item(row, c).text() for c in range(t.columnCount())]
    return [""] * t.columnCount()


def service_row(w: SupervisorWindow, code: str) -> int:
    t = w.live.services
    return next(r for r in range(t.rowCount()) if t.item(r, 0).text().startswith(code + " "))


def test_live_monitor_shows_a_call_made_at_another_workstation(
    qtbot, window: SupervisorWindow, counter_pc: Database, clock: Clock
) -> None:
    # Given the window is showing an empty hall
    qtbot.waitUntil(lambda: counter_row(window, "Loket 1")[0] == "Loket 1", timeout=2000)
    assert counter_row(window, "Loket 1")[3] == "–"
    # When a counter PC opens Loket 1 and calls the next citizen
    officer = users.get_user(counter_pc, "petugas1").actor
    queue.set_counter_state(counter_pc, "L1", "open", officer)
    ticket = queue.issue_ticket(counter_pc, "KTP")
    queue.issue_ticket(counter_pc, "KTP")
    queue.call_next(counter_pc, "L1", officer)
    # Then within 2 s the supervisor sees the ticket at Loket 1 with its officer, untouched
    qtbot.waitUntil(lambda: counter_row(window, "Loket 1")[3].startswith(ticket.number), timeout=2000)
    assert counter_row(window, "Loket 1")[2] == "Petugas Satu"
    assert window.live.services.item(service_row(window, "KTP"), 1).text() == "1"  # one still waiting
    assert window.live.alerts.isHidden()

    # When the second citizen has waited past the 15-minute target
    clock.advance(minutes=16)
    qtbot.waitUntil(lambda: not window.live.alerts.isHidden(), timeout=2000)
    # Then the service is listed as an alert and its row is highlighted
    assert "KTP" in window.live.alerts.text()
    item = window.live.services.item(service_row(window, "KTP"), 0)
    assert item.background().color().name() == "#f8d7da"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "supervisor_live.png"))


def served_day(db: Database, clock: Clock) -> None:
    """Two KTP and one KK ticket served at Loket 1 on Wednesday 4 March."""
    officer = users.get_user(db, "petugas1").actor
    queue.set_counter_state(db, "L1", "open", officer)
    for service in ("KTP", "KK", "KTP"):
        t = queue.issue_ticket(db, service)
        clock.advance(minutes=2)
        queue.call_ticket(db, t.id, "L1", officer)
        queue.start(db, t.id, officer)
        clock.advance(minutes=5)
        queue.finish(db, t.id, officer)


def show_period(qtbot, w: SupervisorWindow, service: str | None = None) -> None:
    panel = w.statistics
    w.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.service.count() > 1, timeout=5000)
    panel.date_from.setDate(QDate(2026, 3, 1))
    panel.date_to.setDate(QDate(2026, 3, 31))
    panel.service.setCurrentIndex(panel.service.findData(service) if service else 0)
    with qtbot.waitSignal(panel.computed, timeout=10_000):
        qtbot.mouseClick(panel.show_button, LEFT)


def test_statistics_tab_filters_by_service(
    qtbot, window: SupervisorWindow, counter_pc: Database, clock: Clock
) -> None:
    served_day(counter_pc, clock)
    show_period(qtbot, window)
    figures = window.statistics.figures
    assert (figures["issued"].text(), figures["served"].text()) == ("3", "3")
    assert figures["wait"].text() == "2 / 2 / 2"
    assert window.statistics.trend.chart().series()[0].barSets()[0].at(3) == 3  # 4 March

    show_period(qtbot, window, service="KK")
    assert (figures["issued"].text(), figures["served"].text()) == ("1", "1")
    assert window.statistics.services.rowCount() == 1
    assert window.statistics.services.item(0, 0).text().startswith("KK ")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "supervisor_statistics.png"))


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_export_writes_the_figures_shown(
    qtbot, window: SupervisorWindow, counter_pc: Database, clock: Clock, tmp_path: Path, monkeypatch, fmt: str
) -> None:
    served_day(counter_pc, clock)
    show_period(qtbot, window)
    target = tmp_path / f"maret.{fmt}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(window.statistics.exported, timeout=15_000):
        qtbot.mouseClick(window.statistics.export_buttons[fmt], LEFT)
    if fmt == "pdf":
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
        assert "Periode: Maret 2026" in text and "Tiket diambil 3" in text
    else:
        summary = {r[0]: r[1] for r in load_workbook(target)["Ringkasan"].iter_rows(values_only=True) if r}
        assert summary["Tiket diambil"] == 3 and summary["Selesai dilayani"] == 3


def test_close_counter_left_open_with_a_called_ticket(
    qtbot, window: SupervisorWindow, counter_pc: Database, monkeypatch
) -> None:
    officer = users.get_user(counter_pc, "petugas2").actor
    queue.set_counter_state(counter_pc, "L2", "open", officer)
    t = queue.issue_ticket(counter_pc, "KTP")
    queue.call_next(counter_pc, "L2", officer)
    qtbot.waitUntil(lambda: counter_row(window, "Loket 2")[3].startswith(t.number), timeout=2000)
    rows = window.live.counters
    rows.selectRow(next(r for r in range(rows.rowCount()) if rows.item(r, 0).text() == "Loket 2"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Petugas pulang sakit", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    qtbot.mouseClick(window.live.close_button, LEFT)

    qtbot.waitUntil(lambda: counter_row(window, "Loket 2")[1] == "Closed", timeout=3000)
    assert queue.get_ticket(counter_pc, t.id).state == "waiting"  # back in the queue


def test_overdue_complaint_is_flagged_in_the_supervisor_window(
    qtbot, window: SupervisorWindow, supervisor_db: Database, clock: Clock
) -> None:
    from p4_desk.services import complaints

    late = complaints.file_complaint(
        supervisor_db, kind="pengaduan", agency="DUKCAPIL", description="KTP belum jadi", identity="anonymous"
    )
    clock.advance(days=7)  # a week later: verification (3 working days) is late
    window.tabs.setCurrentWidget(window.complaints)
    window.complaints.reload()
    qtbot.waitUntil(lambda: [c.number for c in window.complaints.rows] == [late.number], timeout=5000)
    assert "DUKCAPIL 1" in window.complaints.summary.text()
    assert window.tabs.indexOf(window.ikm) > window.tabs.indexOf(window.complaints) > 0

"""Tables an officer or supervisor reads at 1366 x 768 (issue 12 item 9): no column runs off the
right edge (no sideways scrolling), every header fits its column, and a text cut short by its
column can be read in full on hover. Real widgets on the demo hall, Indonesian catalogues."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.demo.hall import load_demo_data
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.supervisor.window import SupervisorWindow
from p4_desk.services import catalog, queue, users
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from tests.gui.conftest import MakeCtx
from tests.gui.test_counter_window import WAIT, open_counter

pytestmark = pytest.mark.translation("supervisor", "feedback", "counter", "app", "qtbase")
PADDING = 12  # the cell's and header's margins around the text


def clipped(view: QAbstractItemView) -> list[str]:
    """What a reader cannot read in ``view``: one line per problem (empty: all readable)."""
    QApplication.processEvents()
    problems = []
    if view.horizontalScrollBar().maximum() > 0:
        problems.append(f"{view.objectName() or type(view).__name__}: scrolls sideways")
    assert isinstance(view, QTableView)
    header, model = view.horizontalHeader(), view.model()
    header_metrics = header.fontMetrics()
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = header.sectionSize(column)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        title_tip = str(
            model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""
        )
        if header_metrics.horizontalAdvance(title) + PADDING > width and title not in title_tip:
            problems.append(f"header {title!r} is cut ({width} px) without a tooltip")
        for row in range(model.rowCount()):
            index = model.index(row, column, QModelIndex())
            text = str(index.data() or "")
            fits = view.fontMetrics().horizontalAdvance(text) + PADDING <= width
            tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            if not fits and text not in tooltip:
                problems.append(f"{text!r} is cut in column {title!r} without a tooltip")
    return problems


@pytest.fixture
def demo_hall(sqlite_url: str) -> Iterator[Database]:
    db = open_database(sqlite_url)
    load_demo_data(db, days=3)
    users.add_user(db, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    yield db
    db.dispose()


def test_the_supervisor_tables_fit_a_1366_screen(
    qtbot: QtBot, demo_hall: Database, tmp_path, inline_tasks
) -> None:
    ctx = AppContext(
        db=demo_hall, settings=Settings(path=tmp_path / "s.toml"), role="supervisor",
        user=users.get_user(demo_hall, "kepala"),
    )  # fmt: skip
    window = SupervisorWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 700)  # the available height under a task bar
    window.show()
    qtbot.waitUntil(lambda: window.live.services.rowCount() > 10, timeout=WAIT)

    # The live monitor: queues and counters side by side, both readable
    assert window.live.services.horizontalHeaderItem(2).text() == "Terlama"
    assert window.live.services.horizontalHeaderItem(2).toolTip() == "Tunggu terlama saat ini (menit)"
    assert clipped(window.live.services) == []
    assert clipped(window.live.counters) == []
    # Statistics, complaints and IKM
    window.tabs.setCurrentWidget(window.statistics)
    window.statistics.compute()
    qtbot.waitUntil(lambda: window.statistics.stats is not None, timeout=WAIT)
    assert clipped(window.statistics.services) == []
    window.tabs.setCurrentWidget(window.complaints)
    assert clipped(window.complaints.table) == []
    window.tabs.setCurrentWidget(window.ikm)
    assert clipped(window.ikm.table) == []


def test_the_counter_waiting_list_fits_a_1366_screen(
    qtbot: QtBot, site_db: Database, make_ctx: MakeCtx
) -> None:
    # Given a long-named service and a ticket transferred to this counter by name
    catalog.update_service(
        site_db, "KTP", name="Perekaman, Pencetakan dan Penggantian KTP-el yang Rusak atau Hilang"
    )
    queue.issue_ticket(site_db, "KTP", "disabilitas")
    queue.issue_ticket(site_db, "PKB")
    queue.set_counter_state(site_db, "L3", "open")
    moved = queue.call_next(site_db, "L3")
    assert moved is not None and moved.number == "D001"
    queue.transfer(site_db, moved.number, to_counter="L1")
    shell, window = open_counter(qtbot, make_ctx(site_db))
    qtbot.waitUntil(lambda: len(window.model.tickets) == 2, timeout=WAIT)

    notes = [window.model.index(r, window.model.NOTE).data() for r in range(2)]
    assert "dialihkan dari PKB, untuk loket L1" in notes
    assert clipped(window.table) == []

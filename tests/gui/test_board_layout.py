"""The display board at the hall's TV sizes and in portrait, with 2 to 80 counters and long names.

Real widgets on a real SQLite site; the Indonesian catalogue is loaded and its texts asserted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.fit_text import FitLabel
from p4_desk.gui.display.window import DisplayWindow
from p4_desk.services import catalog, queue
from p4_desk.store.db import Database
from tests.support.sites import make_site

Shot = Callable[[QWidget, str], Path]

pytestmark = pytest.mark.translation("display")

SIZES = ((1920, 1080), (1366, 768), (1080, 1920))
LONG_NAME = "Loket 15 Pelayanan Terpadu"


def hall_with(db: Database, counters: int) -> None:
    """``counters`` counters (every fifth with a long name), all open, each serving a ticket."""
    if counters < 3:
        catalog.update_counter(db, "L3", active=False)
    for i in range(4, counters + 1):
        name = f"Loket {i} Pelayanan Terpadu" if i % 5 == 0 else f"Loket {i}"
        catalog.add_counter(db, f"L{i}", name, ["KTP"])
    for i in range(1, counters + 1):
        queue.set_counter_state(db, f"L{i}", "open")
        queue.issue_ticket(db, "KTP" if i != 3 else "PKB")
    for i in range(1, counters + 1):
        queue.call_next(db, f"L{i}")


def open_board(qtbot: QtBot, db: Database, tmp_path: Path, size: tuple[int, int]) -> DisplayWindow:
    settings = Settings({"voice.enabled": False}, path=tmp_path / "settings.toml")
    window = DisplayWindow(AppContext(db=db, settings=settings, role="display"), audio="none")
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.marker is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.view.size().toTuple() == size, timeout=2000)
    return window


@pytest.fixture
def site(sqlite_url: str) -> Iterator[Database]:
    db = make_site(sqlite_url)
    yield db
    db.dispose()


def inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()))


def test_long_counter_name_does_not_squeeze_the_board(qtbot: QtBot, site: Database, tmp_path: Path) -> None:
    # Given a board at 1366x768 with three short counter names
    for code in ("L1", "L2", "L3"):
        queue.set_counter_state(site, code, "open")
    queue.issue_ticket(site, "PKB")
    board = open_board(qtbot, site, tmp_path, (1366, 768))
    before = (board.view.left.geometry(), board.view.right.geometry())

    # When counter L3 is renamed "Loket 15 Pelayanan Terpadu" and calls D001
    catalog.update_counter(site, "L3", name=LONG_NAME)
    queue.call_next(site, "L3")
    qtbot.waitUntil(lambda: board.current_number() == "D001", timeout=3000)

    # Then the panels keep their proportions and every counter tile stays readable
    assert (board.view.left.geometry(), board.view.right.geometry()) == before
    assert board.view.current.counter.text() == LONG_NAME.upper()
    assert not board.view.current.number.elided
    rows = {row.code: row for row in board.view.counter_rows}
    assert rows["L3"].name.text() == LONG_NAME
    assert rows["L3"].number.text() == "D001" and not rows["L3"].number.elided
    for row in rows.values():
        assert row.name.width() > 0.4 * row.width()  # not "Lo 3"
        assert row.name.shown_text().startswith("Loket")
    assert rows["L1"].number.text() == "—"  # open, nobody called yet


@pytest.mark.parametrize("counters", [2, 13, 40, 80])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_board_is_readable_with_many_counters(
    qtbot: QtBot, site: Database, tmp_path: Path, counters: int, size: tuple[int, int], screenshot: Shot
) -> None:
    # Given a hall with this many counters, each serving a ticket
    hall_with(site, counters)
    board = open_board(qtbot, site, tmp_path, size)
    view = board.view
    height = min(size)  # the short side sets the size of text

    # Then all counters are shown, a page at a time when needed, and the pages turn
    shown: dict[str, str] = {}
    for _ in range(view.counter_board.pages):
        visible = [row for row in view.counter_rows if row.isVisible()]
        assert visible, "a page without counters"
        for row in visible:
            assert inside(row, board), f"{row.name.text()} outside the board"
            # a counter's number: whole ("D001", never "0001") and readable from the hall
            assert not row.number.elided, row.number.text()
            assert row.number.fitted_px() >= 0.03 * height, (row.name.text(), row.number.fitted_px())
            assert row.name.fitted_px() >= 0.02 * height
            assert row.name.shown_text()[:5] == "Loket"
            shown[row.code] = row.number.text()
        view.counter_board.next_page()
    assert len(shown) == counters
    assert shown["L1"] == "A001" and shown["L2"] == "A002"
    if view.counter_board.pages > 1:
        assert view.counters_page.text() == f"1/{view.counter_board.pages}"
    # the header and the big call are inside the screen and whole
    assert view.counters_title.text() == "Loket"
    for label in view.findChildren(FitLabel):
        if label.isVisible():
            assert inside(label, board)
    assert not view.current.number.elided and view.current.number.fitted_px() >= 0.18 * height
    for cell in view.recent_cells:
        assert not cell.number.elided, cell.number.text()
    screenshot(board, f"board-{counters}-{size[0]}x{size[1]}")


def test_newest_call_flashes_with_its_counter_row(qtbot: QtBot, site: Database, tmp_path: Path) -> None:
    # Given 40 open counters on a board (several pages)
    hall_with(site, 40)
    board = open_board(qtbot, site, tmp_path, (1366, 768))
    assert board.view.counter_board.pages > 1
    assert not board.view.current.flashing

    # When Loket 38, on the last page, calls its ticket again
    queue.recall(site, "A037")
    qtbot.waitUntil(lambda: board.view.current.flashing, timeout=3000)

    # Then the big panel and Loket 38's row light up together, and its page is the one shown
    row = next(r for r in board.view.counter_rows if r.code == "L38")
    assert board.view.current.lit and row.lit and row.isVisible()
    assert row.name.text() == "Loket 38"
    assert [r.code for r in board.view.counter_rows if r.lit] == ["L38"]
    qtbot.waitUntil(lambda: not board.view.current.lit, timeout=2000)
    assert not row.lit

"""The display board's widgets: layout and looks only (the window feeds them).

Everything is placed in fixed proportions of the window, and every text is drawn by a
``FitLabel`` at the size its box allows: a long counter name ("Loket 15 Pelayanan Terpadu")
shrinks, then is elided, and never widens its panel. Landscape TVs put the current call on the
left and the counters on the right; a portrait screen stacks them. The counters show at a
readable size or not at all: when they do not fit (40 or 80 counters), they are shown a page at
a time and the pages turn by themselves. The newest call flashes: the big panel and its
counter's row turn yellow, so a citizen who cannot hear the voice still sees it.
High contrast: white and yellow on dark blue, readable from the back of the hall.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from p4_desk.gui.common.fit_text import FitLabel
from p4_desk.gui.display.counters import CounterBoard, CounterRow
from p4_desk.gui.display.notice import Notice, NoticePanel, NoticeRotation
from p4_desk.gui.display.parts import (
    BACKGROUND,
    BODY_SHARE,
    FOOTER_SHARE,
    HEADER,
    HEADER_SHARE,
    LEFT,
    MUTED,
    NUMBER,
    PORTRAIT_BANDS,
    RIGHT,
    CallCell,
    CurrentCall,
    RunningText,
    _box,
    _label,
)


class BoardView(QWidget):
    """Header (site, date, clock), current call, recent calls, counters (in turn with the
    notices), running text."""

    RECENT_CELLS = 5
    HEADER_SHARES = {"site": 10, "date": 6, "clock": 5}  # of the header's width
    HEADER_PX = {"site": 0.045, "date": 0.032, "clock": 0.05}  # of the window's height

    def __init__(self, texts: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(f"BoardView {{ background: {BACKGROUND}; }}")
        self.site = _label("", align=LEFT)
        self.date = _label("", bold=False, align=RIGHT)
        self.clock = _label("", color=NUMBER, align=RIGHT)
        header = QFrame()
        header.setObjectName("header")
        header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        header.setStyleSheet(f"#header {{ background: {HEADER}; }}")
        self._header = QGridLayout(header)
        self._header_shape = ""
        self._place_header("landscape")

        self.current = CurrentCall(texts["title"])
        self.recent_title = _label(texts["recent"], align=LEFT)
        self.recent_cells = [CallCell() for _ in range(self.RECENT_CELLS)]
        recent_row = _box(QBoxLayout.Direction.LeftToRight, *((cell, 1) for cell in self.recent_cells))
        self.left = _box(
            QBoxLayout.Direction.TopToBottom, (self.current, 70), (self.recent_title, 7), (recent_row, 23)
        )

        self.counters_title = _label(texts["counters"], align=LEFT)
        self.counters_page = _label("", color=MUTED, align=RIGHT)
        self.counters_page_template = texts.get("page", "{0}/{1}")
        titles = _box(QBoxLayout.Direction.LeftToRight, (self.counters_title, 3), (self.counters_page, 1))
        self.counter_board = CounterBoard()
        self.counter_board.page_changed.connect(self._show_page)
        self.counters_panel = _box(QBoxLayout.Direction.TopToBottom, (titles, 7), (self.counter_board, 93))
        self.notice = NoticePanel()
        self.right = QWidget()
        self.right.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._right = QStackedLayout(self.right)
        self._right.addWidget(self.counters_panel)
        self._right.addWidget(self.notice)
        self.rotation = NoticeRotation(self)
        self.rotation.turned.connect(self._show_panel)

        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addWidget(self.left, 58)
        self._body.addWidget(self.right, 42)

        self.running = RunningText()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(header, HEADER_SHARE)
        outer.addLayout(self._body, BODY_SHARE)
        outer.addWidget(self.running, FOOTER_SHARE)
        self._outer = outer
        self.current.lit_changed.connect(self._light_latest)
        self._latest_counter = ""

    @property
    def counter_rows(self) -> list[CounterRow]:
        return self.counter_board.rows

    @property
    def shape(self) -> str:
        return "portrait" if self.height() > self.width() else "landscape"

    def set_counters(self, rows: Sequence[tuple[str, str, str, bool]]) -> None:
        """``(code, name, number or state, muted)`` per counter."""
        self.counter_board.set_rows(rows)
        self._light_latest(self.current.lit)

    def set_notices(self, notices: tuple[Notice, ...]) -> None:
        """The notices that take turns with the counters (maklumat, complaint channels)."""
        self.rotation.set_notices(notices)
        self._show_panel(self.rotation.current)

    def _show_panel(self, key: str) -> None:
        notice = self.rotation.notice(key)
        if notice is None:
            self._right.setCurrentWidget(self.counters_panel)
        else:
            self.notice.show_notice(notice)
            self._right.setCurrentWidget(self.notice)

    def set_latest(self, counter_code: str) -> None:
        """The counter of the newest call: its page is shown and its row flashes with the call."""
        self._latest_counter = counter_code
        self.rotation.show_counters()
        self.counter_board.show_counter(counter_code)
        self._light_latest(self.current.lit)

    def _light_latest(self, lit: bool) -> None:
        for row in self.counter_board.rows:
            row.set_lit(lit and row.code == self._latest_counter)

    def _show_page(self, page: int, pages: int) -> None:
        self.counters_page.setText(self.counters_page_template.format(page + 1, pages) if pages > 1 else "")

    def set_header(self, site: str | None = None, date: str | None = None, clock: str | None = None) -> None:
        for label, text in ((self.site, site), (self.date, date), (self.clock, clock)):
            if text is not None:
                label.setText(text)

    def set_recent(self, calls: Sequence[tuple[str, str]]) -> None:
        for i, cell in enumerate(self.recent_cells):
            number, caption = calls[i] if i < len(calls) else ("", "")
            cell.fill(number, caption)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._scale()

    def _place_header(self, shape: str) -> None:
        """Landscape: site, date and clock side by side. Portrait: the site name has the whole
        width of the first line (beside the date it was squeezed to a third of a narrow screen),
        date and clock share the second."""
        if shape == self._header_shape:
            return
        self._header_shape = shape
        grid = self._header
        for label in (self.site, self.date, self.clock):
            grid.removeWidget(label)
        for column in range(3):
            grid.setColumnStretch(column, 0)
        if shape == "portrait":
            grid.addWidget(self.site, 0, 0, 1, 2)
            grid.addWidget(self.date, 1, 0)
            grid.addWidget(self.clock, 1, 1)
            grid.setColumnStretch(0, self.HEADER_SHARES["date"])
            grid.setColumnStretch(1, self.HEADER_SHARES["clock"])
        else:
            for column, (name, share) in enumerate(self.HEADER_SHARES.items()):
                grid.addWidget(getattr(self, name), 0, column)
                grid.setColumnStretch(column, share)

    def _scale(self) -> None:
        h, shape = self.height(), self.shape
        portrait = shape == "portrait"
        self._place_header(shape)
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._body.setStretch(0, 45 if portrait else 58)
        self._body.setStretch(1, 55 if portrait else 42)
        bands = PORTRAIT_BANDS if portrait else (HEADER_SHARE, BODY_SHARE, FOOTER_SHARE)
        for index, share in enumerate(bands):
            self._outer.setStretch(index, share)
        # in portrait the width is the short side: texts follow it
        unit = min(h, self.width()) if portrait else h
        margin = int(h * 0.015)
        self._body.setContentsMargins(margin, margin, margin, margin)
        self._body.setSpacing(margin)
        for name, px_share in self.HEADER_PX.items():
            label: FitLabel = getattr(self, name)
            label.set_max_px(unit * px_share)
        self.current.scale(unit)
        for title in (self.recent_title, self.counters_title, self.counters_page):
            title.set_max_px(unit * 0.035)
        for cell in self.recent_cells:
            cell.scale(unit)
        self.counter_board.scale(h, shape)
        self.notice.scale(unit)

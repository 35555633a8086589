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

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from p4_desk.gui.common.fit_text import FitLabel

BACKGROUND = "#0a1628"
PANEL = "#10264a"
HEADER = "#003380"
NUMBER = "#ffd21f"
TEXT = "#ffffff"
MUTED = "#8ea2c0"
FLASH = "#ffd21f"
FLASH_TEXT = "#0a1628"

HEADER_SHARE, BODY_SHARE, FOOTER_SHARE = 10, 80, 10
PORTRAIT_BANDS = (6, 88, 6)  # a tall screen: header and running text need less of its height
#: a counter row is never lower than this share of the board's height (else: pages)
MIN_ROW_SHARE = {"landscape": 0.065, "portrait": 0.04}
MAX_ROW_SHARE = 0.1
COUNTER_PAGE_MS = 8000

LEFT, RIGHT, CENTER = (
    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    Qt.AlignmentFlag.AlignCenter,
)


def _label(
    text: str = "",
    *,
    color: str = TEXT,
    bold: bool = True,
    align: Qt.AlignmentFlag = CENTER,
    min_px: int = 10,
) -> FitLabel:
    label = FitLabel(text, align=align, bold=bold, min_px=min_px)
    _color(label, color)
    return label


def _color(label: FitLabel, color: str) -> None:
    label.setStyleSheet(f"color: {color}; background: transparent;")


def _box(direction: QBoxLayout.Direction, *items: tuple[QWidget, int]) -> QWidget:
    """A container whose children take fixed shares of it, whatever their texts."""
    host = QWidget()
    host.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    layout = QBoxLayout(direction, host)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget, share in items:
        layout.addWidget(widget, share)
    return host


class RunningText(QWidget):
    """A line of text scrolling right to left, forever."""

    STEP_MS = 30

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offset = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._step)
        self._timer.start(self.STEP_MS)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        if text != self._text:
            self._text = text
            self._offset = float(self.width())
            self.update()

    def _step(self) -> None:
        speed = max(1.0, self.height() / 12)  # pixels per step: same pace at any resolution
        self._offset -= speed
        width = QFontMetricsF(self._font()).horizontalAdvance(self._text)
        if self._offset < -width:
            self._offset = float(self.width())
        self.update()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(8, int(self.height() * 0.5)))
        font.setBold(True)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(HEADER))
        painter.setFont(self._font())
        painter.setPen(QColor(TEXT))
        rect = QRectF(self._offset, 0, 1e6, self.height())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self._text)
        painter.end()


class CurrentCall(QFrame):
    """The latest call, very large: "NOMOR ANTRIAN / A123 / LOKET 3"; flashes when new."""

    FLASH_MS = 350
    FLASHES = 10
    lit_changed = Signal(bool)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.title = _label(title)
        self.number = _label("—", color=NUMBER)
        self.counter = _label("")
        layout = QVBoxLayout(self)
        layout.setSpacing(0)
        layout.addWidget(self.title, 2)
        layout.addWidget(self.number, 7)
        layout.addWidget(self.counter, 3)
        self._flash_left = 0
        self._flash_timer = QTimer(self)
        self._flash_timer.timeout.connect(self._toggle)
        self.lit = False
        self._colors(False)

    @property
    def flashing(self) -> bool:
        return self._flash_left > 0

    def show_call(self, number: str, counter: str) -> None:
        self.number.setText(number)
        self.counter.setText(counter)

    def flash(self) -> None:
        self._flash_left = self.FLASHES
        self._flash_timer.start(self.FLASH_MS)
        self._colors(True)

    def _toggle(self) -> None:
        self._flash_left -= 1
        self._colors(self._flash_left > 0 and self._flash_left % 2 == 0)
        if self._flash_left <= 0:
            self._flash_timer.stop()

    def _colors(self, lit: bool) -> None:
        self.lit = lit
        background, number, text = (FLASH, FLASH_TEXT, FLASH_TEXT) if lit else (PANEL, NUMBER, TEXT)
        self.setStyleSheet(f"CurrentCall {{ background: {background}; border-radius: 12px; }}")
        _color(self.number, number)
        for label in (self.title, self.counter):
            _color(label, text)
        self.lit_changed.emit(lit)

    def scale(self, height: int) -> None:
        self.title.set_max_px(height * 0.045)
        self.number.set_max_px(height * 0.25)
        self.counter.set_max_px(height * 0.085)


class CallCell(QFrame):
    """One small box: a number over a counter name (recent calls)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cell")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet(f"#cell {{ background: {PANEL}; border-radius: 8px; }}")
        self.number = _label("", color=NUMBER)
        self.caption = _label("", bold=False)
        self.caption.min_share = 0.7
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(0)
        layout.addWidget(self.number, 3)
        layout.addWidget(self.caption, 2)

    def fill(self, number: str, caption: str, *, muted: bool = False) -> None:
        self.number.setText(number)
        self.caption.setText(caption)
        _color(self.number, MUTED if muted else NUMBER)

    def scale(self, height: int) -> None:
        self.number.set_max_px(height * 0.06)
        self.caption.set_max_px(height * 0.028)


class CounterRow(QFrame):
    """A counter's line: its name on the left, its current number (or its state) on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("row")
        self.code = ""
        self.muted = False
        self.lit = False
        self.name = _label("", align=LEFT)
        self.number = _label("", color=NUMBER, align=RIGHT)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 0, 10, 0)
        layout.addWidget(self.name, 3)
        layout.addWidget(self.number, 2)
        self._colors()

    def fill(self, code: str, name: str, number: str, *, muted: bool = False) -> None:
        self.code, self.muted = code, muted
        self.name.setText(name)
        self.number.setText(number)
        self._colors()

    def set_lit(self, lit: bool) -> None:
        if lit != self.lit:
            self.lit = lit
            self._colors()

    def _colors(self) -> None:
        background = FLASH if self.lit else PANEL
        self.setStyleSheet(f"#row {{ background: {background}; border-radius: 6px; }}")
        _color(self.name, FLASH_TEXT if self.lit else TEXT)
        _color(self.number, FLASH_TEXT if self.lit else MUTED if self.muted else NUMBER)

    def scale(self, row_height: float) -> None:
        self.name.min_share = 0.75
        self.name.set_max_px(row_height * 0.5)
        self.number.set_max_px(row_height * (0.36 if self.muted else 0.6))


class CounterBoard(QWidget):
    """Every counter's row, in one or two columns; a page at a time when they do not fit."""

    page_changed = Signal(int, int)  # page (from 0), pages

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.rows: list[CounterRow] = []
        self.page, self.pages, self.per_page, self.columns = 0, 1, 1, 1
        self.board_height, self.shape = 720, "landscape"
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.next_page)

    def set_rows(self, rows: Sequence[tuple[str, str, str, bool]]) -> None:
        if len(rows) != len(self.rows):
            for row in self.rows:
                row.deleteLater()
            self.rows = [CounterRow(self) for _ in rows]
        for widget, (code, name, number, muted) in zip(self.rows, rows, strict=True):
            widget.fill(code, name, number, muted=muted)
        self.arrange()

    def scale(self, board_height: int, shape: str) -> None:
        self.board_height, self.shape = board_height, shape
        self.arrange()

    def show_counter(self, code: str) -> None:
        """Turn to the page holding ``code``'s row (a new call there)."""
        for i, row in enumerate(self.rows):
            if row.code == code:
                self.page = i // self.per_page
                self.arrange()
                self._timer.start(COUNTER_PAGE_MS)  # the new call stays a full page time
                return

    def next_page(self) -> None:
        self.page = (self.page + 1) % self.pages
        self.arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self.arrange()

    def arrange(self) -> None:
        count, width, height = len(self.rows), self.width(), self.height()
        if not count or width <= 0 or height <= 0:
            return
        min_row = self.board_height * MIN_ROW_SHARE[self.shape]
        fits = max(1, int(height // min_row))
        two_columns = count > fits and width >= 11 * min_row
        self.columns = 2 if two_columns else 1
        per_column = min(fits, math.ceil(count / self.columns))
        self.per_page = per_column * self.columns
        self.pages = math.ceil(count / self.per_page)
        self.page = min(self.page, self.pages - 1)
        row_height = min(height / per_column, self.board_height * MAX_ROW_SHARE)
        column_width = width / self.columns
        gap = max(4, int(row_height * 0.08))
        for i, row in enumerate(self.rows):
            page, place = divmod(i, self.per_page)
            if page != self.page:
                row.hide()
                continue
            column, line = divmod(place, per_column)
            row.setGeometry(
                int(column * column_width + (gap / 2 if column else 0)),
                int(line * row_height),
                int(column_width - gap / 2),
                int(row_height - gap),
            )
            row.scale(row_height - gap)
            row.show()
        if self.pages > 1 and not self._timer.isActive():
            self._timer.start(COUNTER_PAGE_MS)
        elif self.pages == 1:
            self._timer.stop()
        self.page_changed.emit(self.page, self.pages)


class BoardView(QWidget):
    """Header (site, date, clock), current call, recent calls, counters, running text."""

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
        top = QHBoxLayout(header)
        for label, share in self.HEADER_SHARES.items():
            top.addWidget(getattr(self, label), share)

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
        self.right = _box(QBoxLayout.Direction.TopToBottom, (titles, 7), (self.counter_board, 93))

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

    def set_latest(self, counter_code: str) -> None:
        """The counter of the newest call: its page is shown and its row flashes with the call."""
        self._latest_counter = counter_code
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

    def _scale(self) -> None:
        h, shape = self.height(), self.shape
        portrait = shape == "portrait"
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

"""The display board's widgets: layout and looks only (the window feeds them).

Everything is laid out in proportions of the window and every font size is derived from the
window height, so the same board reads the same on a 1280x720 TV and on a 3840x2160 one.
High contrast: white and yellow on dark blue, readable from the back of the hall.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

BACKGROUND = "#0a1628"
PANEL = "#10264a"
HEADER = "#003380"
NUMBER = "#ffd21f"
TEXT = "#ffffff"
MUTED = "#8ea2c0"
FLASH = "#ffd21f"
FLASH_TEXT = "#0a1628"

HEADER_SHARE, BODY_SHARE, FOOTER_SHARE = 10, 80, 10
MAX_COUNTER_ROWS = 8


def _label(
    text: str = "",
    *,
    color: str = TEXT,
    bold: bool = True,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
) -> QLabel:
    label = QLabel(text)
    label.setAlignment(align)
    label.setStyleSheet(f"color: {color}; background: transparent;")
    font = label.font()
    font.setBold(bold)
    label.setFont(font)
    return label


def _elastic(*labels: QLabel) -> None:
    """The layout decides the width; the text never widens the window."""
    for label in labels:
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


def _set_px(label: QLabel, pixels: float) -> None:
    font = label.font()
    font.setPixelSize(max(8, int(pixels)))
    label.setFont(font)


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

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _label(title, color=TEXT)
        self.number = _label("—", color=NUMBER)
        self.counter = _label("", color=TEXT)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title, 2)
        layout.addWidget(self.number, 6)
        layout.addWidget(self.counter, 3)
        self._flash_left = 0
        self._flash_timer = QTimer(self)
        self._flash_timer.timeout.connect(self._toggle)
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
        background, number, text = (FLASH, FLASH_TEXT, FLASH_TEXT) if lit else (PANEL, NUMBER, TEXT)
        self.setStyleSheet(f"CurrentCall {{ background: {background}; border-radius: 12px; }}")
        self.number.setStyleSheet(f"color: {number}; background: transparent;")
        for label in (self.title, self.counter):
            label.setStyleSheet(f"color: {text}; background: transparent;")

    def scale(self, height: int) -> None:
        _set_px(self.title, height * 0.045)
        _set_px(self.number, height * 0.25)
        _set_px(self.counter, height * 0.085)


class CallCell(QFrame):
    """One small box: a number over a counter name (recent calls, counters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cell")
        self.setStyleSheet(f"#cell {{ background: {PANEL}; border-radius: 8px; }}")
        self.number = _label("", color=NUMBER)
        self.caption = _label("", color=TEXT, bold=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(0)
        layout.addWidget(self.number, 3)
        layout.addWidget(self.caption, 2)

    def fill(self, number: str, caption: str, *, muted: bool = False) -> None:
        self.number.setText(number)
        self.caption.setText(caption)
        self.number.setStyleSheet(f"color: {MUTED if muted else NUMBER}; background: transparent;")


class CounterRow(QFrame):
    """A counter's line: its name on the left, its current number (or its state) on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("row")
        self.setStyleSheet(f"#row {{ background: {PANEL}; border-radius: 6px; }}")
        self.muted = False
        self.name = _label("", color=TEXT, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.number = _label(
            "", color=NUMBER, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        _elastic(self.name, self.number)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 0, 10, 0)
        layout.addWidget(self.name, 3)
        layout.addWidget(self.number, 2)

    def fill(self, name: str, number: str, *, muted: bool = False) -> None:
        self.muted = muted
        self.name.setText(name)
        self.number.setText(number)
        self.number.setStyleSheet(f"color: {MUTED if muted else NUMBER}; background: transparent;")


class BoardView(QWidget):
    """Header (site, date, clock), current call, recent calls, counters, running text."""

    RECENT_CELLS = 5
    HEADER_SHARES = {"site": 10, "date": 6, "clock": 5}  # of the header's width
    HEADER_PX = {"site": 0.045, "date": 0.032, "clock": 0.05}  # of the window's height

    def __init__(self, texts: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(f"BoardView {{ background: {BACKGROUND}; }}")
        self.site = _label("", align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.date = _label("", bold=False, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.clock = _label(
            "", color=NUMBER, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        _elastic(self.site, self.date, self.clock)
        header = QFrame()
        header.setObjectName("header")
        header.setStyleSheet(f"#header {{ background: {HEADER}; }}")
        top = QHBoxLayout(header)
        for label, share in self.HEADER_SHARES.items():
            top.addWidget(getattr(self, label), share)

        self.current = CurrentCall(texts["title"])
        self.recent_title = _label(
            texts["recent"], align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.recent_cells = [CallCell() for _ in range(self.RECENT_CELLS)]
        recent_row = QHBoxLayout()
        for cell in self.recent_cells:
            recent_row.addWidget(cell, 1)
        left = QVBoxLayout()
        left.addWidget(self.current, 70)
        left.addWidget(self.recent_title, 0)
        left.addLayout(recent_row, 30)

        self.counters_title = _label(
            texts["counters"], align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.counter_grid = QGridLayout()
        self.counter_rows: list[CounterRow] = []
        right = QVBoxLayout()
        right.addWidget(self.counters_title, 0)
        right.addLayout(self.counter_grid, 0)
        right.addStretch(1)  # few counters: rows keep their height, the rest stays empty

        body = QHBoxLayout()
        body.addLayout(left, 58)
        body.addLayout(right, 42)

        self.running = RunningText()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(header, HEADER_SHARE)
        outer.addLayout(body, BODY_SHARE)
        outer.addWidget(self.running, FOOTER_SHARE)
        self._body = body

    def set_counters(self, rows: Sequence[tuple[str, str, bool]]) -> None:
        """``(name, number or state, muted)`` per counter, laid out in up to two columns."""
        if len(rows) != len(self.counter_rows):
            for row in self.counter_rows:
                self.counter_grid.removeWidget(row)
                row.deleteLater()
            columns = 1 if len(rows) <= MAX_COUNTER_ROWS else 2
            per_column = max(1, math.ceil(len(rows) / columns))
            self.counter_rows = [CounterRow() for _ in rows]
            for i, row in enumerate(self.counter_rows):
                self.counter_grid.addWidget(row, i % per_column, i // per_column)
            for r in range(per_column):
                self.counter_grid.setRowStretch(r, 1)
            self._scale()
        for widget, (name, number, muted) in zip(self.counter_rows, rows, strict=True):
            widget.fill(name, number, muted=muted)
        self._scale_counters()

    def set_header(self, site: str | None = None, date: str | None = None, clock: str | None = None) -> None:
        for label, text in ((self.site, site), (self.date, date), (self.clock, clock)):
            if text is not None:
                label.setText(text)
        self.fit_header()

    def fit_header(self) -> None:
        """Header texts at their share of the height, shrunk when a long site name needs it."""
        total = sum(self.HEADER_SHARES.values())
        for name, share in self.HEADER_SHARES.items():
            label: QLabel = getattr(self, name)
            pixels = self.height() * self.HEADER_PX[name]
            font = QFont(label.font())
            font.setPixelSize(max(8, int(pixels)))
            needed = QFontMetricsF(font).horizontalAdvance(label.text() + "  ")
            available = self.width() * share / total - 12
            if needed > available > 0:
                pixels *= available / needed
            _set_px(label, pixels)

    def set_recent(self, calls: Sequence[tuple[str, str]]) -> None:
        for i, cell in enumerate(self.recent_cells):
            number, caption = calls[i] if i < len(calls) else ("", "")
            cell.fill(number, caption)
            cell.setVisible(True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        h = self.height()
        margin = int(h * 0.015)
        self._body.setContentsMargins(margin, margin, margin, margin)
        self._body.setSpacing(margin)
        self.fit_header()
        self.current.scale(h)
        for title in (self.recent_title, self.counters_title):
            _set_px(title, h * 0.035)
        cell_width = self.width() * 0.58 / self.RECENT_CELLS
        for cell in self.recent_cells:
            _set_px(cell.number, min(h * 0.06, cell_width / 3.8))  # "A1000" fits its box
            _set_px(cell.caption, h * 0.028)
        self.counters_title.setFixedHeight(int(h * 0.06))
        self.recent_title.setFixedHeight(int(h * 0.06))
        self._scale_counters()

    def _scale_counters(self) -> None:
        h = self.height()
        rows = max(1, self.counter_grid.rowCount())
        columns = max(1, self.counter_grid.columnCount())
        row_height = min(h * 0.1, h * 0.7 / rows)
        column_width = self.width() * 0.42 / columns
        # "Loket 13  A1000" must fit its column: about 10 characters of this size
        row_px = min(row_height * 0.5, column_width / 8)
        for row in self.counter_rows:
            row.setFixedHeight(int(row_height * 0.92))
            _set_px(row.name, row_px * 0.8)
            _set_px(row.number, row_px * (0.6 if row.muted else 1.0))

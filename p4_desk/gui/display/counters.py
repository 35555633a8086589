"""The board's counters: one row per counter, in one or two columns, a page at a time when
they do not fit at a readable size (40 or 80 counters); the pages turn by themselves."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QWidget

from p4_desk.gui.display.parts import (
    COUNTER_PAGE_MS,
    FLASH,
    FLASH_TEXT,
    LEFT,
    MAX_ROW_SHARE,
    MIN_ROW_SHARE,
    MUTED,
    NUMBER,
    PANEL,
    RIGHT,
    TEXT,
    _color,
    _label,
)


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

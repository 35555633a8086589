"""The kiosk's screens: layout and looks only; :mod:`p4_desk.gui.kiosk.window` drives them.

Touch first: every button is at least ``touch_px`` high (15 mm on this screen, from its
physical DPI), with large type and a clear pressed/disabled look; a mouse works the same way.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from p4_desk.gui.kiosk.actions import ActionBar
from p4_desk.gui.kiosk.looks import (
    REASON_PAD,
    STYLE,
    fit_button,
    largest_fitting,
    metrics,
    set_px,
    text_height,
    touch_px,
    wrapped_height,
)

__all__ = [
    "STYLE",
    "ChoiceButton",
    "ChoicePage",
    "TicketPage",
    "fit_button",
    "set_px",
    "touch_px",
    "wrapped_height",
]

TILE_ASPECT = 2.6  # width:height a tile is given when there is room to choose


class ChoiceButton(QPushButton):
    """A big button with a title line and smaller detail lines (agency or service).

    Its colours come from the kiosk's style sheet (``QPushButton#choice``), never a sheet of its
    own: a page of new tiles is filled without re-polishing a style per label."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("choice")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)  # the grid sizes it
        self.title = QLabel()
        self.detail = QLabel()
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(2)
        for label in (self.title, self.detail, self.reason):
            label.setWordWrap(True)  # long names wrap inside the tile, never widen it
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.reason.hide()
        self.lines = layout
        self._scaled: tuple[object, ...] = ()  # what the type was last fitted for

    def fill(self, title: str, detail: str, reason: str | None = None) -> None:
        self.title.setText(title)
        self.title.setToolTip(title)
        self.detail.setText(detail)
        self.reason.setText(reason or "")
        self.reason.setVisible(bool(reason))
        self.setEnabled(reason is None)

    def scale(self, unit: float, touch: int, tile_height: float) -> None:
        """Type as large as the tile allows: the wrapped title takes the largest size at which
        all its lines fit (a binary search over cached metrics), never below what a standing
        citizen reads (0.6 unit); the subtitle stays >= 0.6 unit."""
        margins = self.lines.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        texts = (self.title.text(), self.detail.text(), self.reason.text())
        signature = (unit, touch, tile_height, width, *texts)
        if signature == self._scaled:
            return  # the same tile again (a poll, a page turned back): nothing to fit
        self._scaled = signature
        family = self.font().family()
        title = min(unit, max(unit * 0.6, tile_height * 0.24))
        detail = int(max(unit * 0.6, min(title * 0.8, unit * 0.75)))
        longest = max(
            (metrics(family, detail, False).horizontalAdvance(line) for line in texts[1].split("\n")),
            default=0,
        )
        if longest > width > 0:  # one line when a little smaller will do
            detail = int(max(unit * 0.5, detail * width / longest - 0.5))
        set_px(self.detail, detail, bold=False)
        set_px(self.reason, max(unit * 0.6, min(title * 0.8, unit * 0.75)), bold=True)
        room = tile_height - margins.top() - margins.bottom() - 2 * self.lines.spacing()
        # the title takes what they leave; the badge's padding is part of its height
        self.detail.setFixedHeight(wrapped_height(self.detail, width) if texts[1] else 0)
        pad_x, pad_y = REASON_PAD
        badge = wrapped_height(self.reason, width - 2 * pad_x) + 2 * pad_y
        self.reason.setFixedHeight(badge if texts[2] else 0)
        below = self.detail.height() + (self.reason.height() if texts[2] else 0)
        floor = max(1, int(unit * 0.6))
        size = largest_fitting(
            min(floor, int(title)),
            int(title),
            lambda px: text_height(texts[0], family, px, True, width) + below <= room,
        )
        set_px(self.title, size, bold=True)


class ChoicePage(QWidget):
    """A title, an optional notice, a page of ChoiceButtons, page turning, and action buttons.

    The grid is laid out for the space it has: as many tiles per page as fit at a touchable
    size, in as few columns as let them all fit (wide tiles: names wrap less). Everything on one
    page when it fits; otherwise "Sebelumnya"/"Berikutnya" turn the pages. The space is what
    the title, the pager and the action bar (one or more rows) leave: the grid re-arranges
    whenever it changes. Tiles are reused across fillings (another agency's services).
    """

    chosen = Signal(str)
    page_changed = Signal(int, int)  # page (from 0), pages

    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_columns = columns
        self.min_tile_units = 3.2  # tile height in text units: more for longer subtitles
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice.hide()
        self.buttons: dict[str, ChoiceButton] = {}
        self._spare: list[ChoiceButton] = []  # tiles of a longer filling, hidden for the next
        self.grid_host = QWidget()
        self.grid_host.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.grid_host.installEventFilter(self)
        self.previous_page = QPushButton()
        self.previous_page.setObjectName("secondary")
        self.next_page = QPushButton()
        self.next_page.setObjectName("secondary")
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_template = "{0}/{1}"
        self.previous_page.clicked.connect(lambda: self.turn(-1))
        self.next_page.clicked.connect(lambda: self.turn(1))
        self.pager = QWidget()
        pager = QHBoxLayout(self.pager)
        pager.setContentsMargins(0, 0, 0, 0)
        pager.addWidget(self.previous_page, 2)
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.next_page, 2)
        self.pager.hide()
        self.action_row = ActionBar()
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.grid_host, 1)
        layout.addWidget(self.pager)
        layout.addWidget(self.action_row)
        self._unit, self._touch = 20.0, 60
        self.page, self.pages, self.per_page, self.columns = 0, 1, 1, 1
        self.gap = 16

    def set_choices(self, rows: list[tuple[str, str, str, str | None]]) -> None:
        """``(key, title, detail, reason when unavailable)`` per button, in order."""
        keys = [row[0] for row in rows]
        if keys != list(self.buttons):
            tiles = [*self.buttons.values(), *self._spare]
            while len(tiles) < len(keys):
                tile = ChoiceButton("", self.grid_host)
                tile.clicked.connect(lambda _=False, t=tile: self.chosen.emit(t.key))
                tiles.append(tile)
            self.buttons = {}
            for key, tile in zip(keys, tiles, strict=False):
                tile.key = key
                self.buttons[key] = tile
            self._spare = tiles[len(keys) :]
            for tile in self._spare:
                tile.hide()
            self.page = 0
        for key, title, detail, reason in rows:
            self.buttons[key].fill(title, detail, reason)
        self.arrange()

    def show_notice(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def visible_buttons(self) -> list[ChoiceButton]:
        """The tiles of the page on the screen, in reading order."""
        keys = list(self.buttons)[self.page * self.per_page : (self.page + 1) * self.per_page]
        return [self.buttons[key] for key in keys]

    def turn(self, step: int) -> None:
        self.page = max(0, min(self.pages - 1, self.page + step))
        self.arrange()

    def first_page(self) -> None:
        """Back to page 1 (a new agency, the next citizen): never where the last one left it."""
        if self.page:
            self.page = 0
            self.arrange()

    def show_key(self, key: str) -> None:
        """Turn to the page holding ``key``'s tile."""
        index = list(self.buttons).index(key)
        self.page = index // max(1, self.per_page)
        self.arrange()

    def scale(self, unit: float, touch: int) -> None:
        self._unit, self._touch = unit, touch
        set_px(self.title, unit * 1.4, bold=True)
        set_px(self.notice, unit * 0.9, bold=True)
        for button in (self.previous_page, self.next_page):
            set_px(button, unit * 1.0, bold=True)
            button.setMinimumHeight(max(touch, int(unit * 2.6)))
        set_px(self.page_label, unit * 0.9, bold=True)
        self.action_row.scale(unit * 1.05, max(touch, int(unit * 3)), max(touch, int(unit * 2.4)))
        self.arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.grid_host and event.type() == QEvent.Type.Resize:
            self.arrange()  # the window, the pager or the action bar changed the grid's space
        return False

    def _grid_shape(self, count: int, width: int, height: int) -> tuple[int, int]:
        """(columns, rows) of a page: all tiles on one page when they fit, tiles near 2.6:1."""
        unit, gap = self._unit, self.gap
        min_height = max(self._touch, unit * self.min_tile_units)
        min_width = unit * 8.5
        best: tuple[int, int] = (1, 1)
        fitting: list[tuple[float, int, int]] = []
        for columns in range(1, self.max_columns + 1):
            tile_width = (width - gap * (columns - 1)) / columns
            if columns > 1 and (tile_width < min_width or columns > count):
                break
            rows = max(1, int((height + gap) // (min_height + gap)))
            if columns * rows >= count:
                rows = math.ceil(count / columns)
                tile_height = min((height - gap * (rows - 1)) / rows, unit * 7)
                fitting.append((abs(math.log(tile_width / tile_height / TILE_ASPECT)), columns, rows))
            elif columns * rows > best[0] * best[1]:
                best = (columns, rows)
        if fitting:
            _, columns, rows = min(fitting)
            return columns, rows
        return best

    def arrange(self) -> None:
        count = len(self.buttons)
        if not count:
            self.pager.hide()
            return
        width, height = self.grid_host.width(), self.grid_host.height()
        if width <= 0 or height <= 0:
            return
        columns, rows = self._grid_shape(count, width, height)
        paged = columns * rows < count
        if paged == self.pager.isHidden():
            # the pager takes room from the grid (or gives it back): the layout gives the grid its
            # new size now, and the tiles are placed in it before anything is painted (more room
            # never needs the pager, less never removes it: this runs at most once more)
            self.pager.setVisible(paged)
            layout = self.layout()
            if layout is not None:
                layout.activate()
            self.arrange()
            return
        self.columns, self.per_page = columns, columns * rows
        self.pages = math.ceil(count / self.per_page)
        self.page = min(self.page, self.pages - 1)
        gap = self.gap
        tile_width = (width - gap * (columns - 1)) / columns
        tile_height = min((height - gap * (rows - 1)) / rows, self._unit * 7)
        shown = set(map(id, self.visible_buttons()))
        for index, button in enumerate(self.buttons.values()):
            if id(button) not in shown:
                button.hide()
                continue
            row, column = divmod(index % self.per_page, columns)
            button.setGeometry(
                int(column * (tile_width + gap)),
                int(row * (tile_height + gap)),
                int(tile_width),
                int(tile_height),
            )
            button.scale(self._unit, self._touch, tile_height)
            button.show()
        self.previous_page.setEnabled(self.page > 0)
        self.next_page.setEnabled(self.page < self.pages - 1)
        self.page_label.setText(self.page_template.format(self.page + 1, self.pages))
        self.page_changed.emit(self.page, self.pages)


class TicketPage(QWidget):
    """The issued ticket on screen while it prints; then "take your ticket" or the failure."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.number = QLabel()
        self.number.setObjectName("number")
        self.service = QLabel()
        self.priority = QLabel()
        self.priority.setObjectName("reason")
        self.ahead = QLabel()
        self.wait = QLabel()
        self.where = QLabel()
        self.status = QLabel()
        self.status.setObjectName("title")
        self.error = QLabel()
        self.error.setObjectName("notice")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (
            self.caption,
            self.number,
            self.service,
            self.priority,
            self.ahead,
            self.wait,
            self.where,
            self.status,
            self.error,
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        self.error.setWordWrap(True)
        self.error.setMinimumWidth(400)  # keeps the wrapped message from growing tall
        self.retry = QPushButton()
        self.cancel = QPushButton()
        self.cancel.setObjectName("secondary")
        self.done = QPushButton()
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.retry, self.cancel, self.done):
            row.addWidget(button, 2)
        row.addStretch(1)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addStretch(1)

    def scale(self, unit: float, touch: int) -> None:
        set_px(self.caption, unit * 1.3, bold=True)
        set_px(self.number, unit * 6, bold=True)
        set_px(self.service, unit * 1.3, bold=True)
        for label in (self.priority, self.ahead, self.wait, self.where):
            set_px(label, unit * 1.1)
            label.setWordWrap(True)
        set_px(self.status, unit * 1.3, bold=True)
        set_px(self.error, unit * 1.0, bold=True)
        for button in (self.retry, self.cancel, self.done):
            set_px(button, unit * 1.2, bold=True)
            button.setMinimumHeight(max(touch, int(unit * 3)))

"""The buttons under a kiosk page's tiles ("Layanan prioritas", "Informasi layanan", ...).

Side by side when their labels fit at a readable size, otherwise in as many rows as needed
(portrait: the long priority label gets a row of its own). The bar's height follows the rows,
and the page's tile grid is laid out in what is left (``ChoicePage`` re-arranges its tiles when
the grid's space changes), so no tile is clipped and no label is squeezed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from p4_desk.gui.kiosk.looks import fit_button

#: a label may shrink to this share of the page's button size before its row is split
MIN_SHARE = 0.8
PADDING = 40  # the style sheet's horizontal padding and border of a button, both sides


def label_width(button: QPushButton, pixels: float) -> int:
    """Width ``button`` needs for its text, bold at ``pixels``, with the style's padding."""
    font = QFont(button.font())
    font.setPixelSize(max(10, int(pixels)))
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(button.text()) + PADDING


def pack_rows(needs: list[int], width: int, gap: int) -> list[list[int]]:
    """Indexes of ``needs`` in rows, in order, each row no wider than ``width`` (a need wider
    than the whole width still gets a row of its own)."""
    rows: list[list[int]] = []
    used = 0
    for index, need in enumerate(needs):
        if rows and used + gap + need <= width:
            rows[-1].append(index)
            used += gap + need
        else:
            rows.append([index])
            used = need
    return rows


class ActionBar(QWidget):
    """The action buttons of a page, laid out by hand in rows (``addWidget`` as a layout).

    The bar sets its buttons' geometry, height included: nobody else sets their minimum
    height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.buttons: list[QPushButton] = []
        self.gap = 16
        self.pixels = 20.0
        self.row_height = self.stacked_height = 60
        self.rows: list[list[QPushButton]] = []
        self.setFixedHeight(0)

    def addWidget(self, button: QPushButton) -> None:  # noqa: N802 - the QLayout name it replaces
        button.setParent(self)
        button.installEventFilter(self)
        self.buttons.append(button)
        self.arrange()

    def setSpacing(self, gap: int) -> None:  # noqa: N802 - the QLayout name it replaces
        self.gap = gap
        self.arrange()

    def scale(self, pixels: float, row_height: int, stacked_height: int) -> None:
        """The page's button text size, the buttons' height in one row, and in stacked rows
        (lower: a block of rows must not take the tiles' space; still a touch target)."""
        self.pixels, self.row_height, self.stacked_height = pixels, row_height, stacked_height
        self.arrange()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(self.width(), self.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.arrange()  # a button shown or hidden: the rows change
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.arrange()

    def arrange(self) -> None:
        shown = [b for b in self.buttons if not b.isHidden()]
        width = self.width()
        if width <= 0:
            return
        needs = [label_width(b, self.pixels * MIN_SHARE) for b in shown]
        rows = [[shown[i] for i in row] for row in pack_rows(needs, width, self.gap)]
        height = self.row_height if len(rows) == 1 else self.stacked_height
        total = height * len(rows) + self.gap * max(0, len(rows) - 1)
        if self.height() != total:
            self.setFixedHeight(total)  # the page's layout gives the tiles the rest
        self.rows = rows
        top = 0
        for row in rows:
            wanted = [label_width(b, self.pixels) for b in row]
            room = width - self.gap * (len(row) - 1)
            left = 0
            for position, (button, need) in enumerate(zip(row, wanted, strict=True)):
                last = position == len(row) - 1
                share = width - left if last else round(room * need / sum(wanted))
                button.setGeometry(left, top, share, height)
                fit_button(button, self.pixels)
                left += share + self.gap
            top += height + self.gap

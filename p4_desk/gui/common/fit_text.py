"""A one-line label whose text is sized to its space (hall screens: board, kiosk header).

The layout gives the label its box (fixed proportions of the screen); the text never widens
it. The text is drawn at the largest pixel size up to ``max_px`` that fits the box's width and
height; when even ``min_px`` is too wide it is elided ("Loket 15 Pelayanan Ter…") and the full
text becomes the tooltip. ``text()`` always returns the full text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

HEIGHT_SHARE = 0.9  # of the box: room for descenders


class FitLabel(QLabel):
    def __init__(
        self,
        text: str = "",
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
        bold: bool = True,
        min_px: int = 10,
        min_share: float = 0.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.setAlignment(align)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setProperty("fitsText", True)  # the layout check knows this label cannot overflow
        font = self.font()
        font.setBold(bold)
        self.setFont(font)
        self.min_px = min_px
        self.min_share = min_share  # of max_px: shrink no further, elide instead
        self.max_px = 48
        self.elided = False

    def set_max_px(self, pixels: float) -> None:
        self.max_px = max(self.min_px, int(pixels))
        self._fit()

    def _floor_px(self) -> int:
        return max(self.min_px, int(self.max_px * self.min_share))

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        if text != self.text():
            super().setText(text)
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit()

    def fitted_px(self) -> int:
        return self.font().pixelSize()

    def _fit(self) -> None:
        box = self.contentsRect()
        pixels = self.max_px
        if box.height() > 0:
            pixels = min(pixels, int(box.height() * HEIGHT_SHARE))
        font = QFont(self.font())
        floor = min(self._floor_px(), max(self.min_px, pixels))
        font.setPixelSize(max(floor, pixels))
        width = QFontMetricsF(font).horizontalAdvance(self.text())
        if box.width() > 0 and width > box.width():
            pixels = int(font.pixelSize() * box.width() / width)
        font.setPixelSize(max(floor, pixels))
        self.elided = box.width() > 0 and QFontMetricsF(font).horizontalAdvance(self.text()) > box.width()
        self.setToolTip(self.text() if self.elided else "")
        if font != self.font():
            self.setFont(font)
        self.update()

    def shown_text(self) -> str:
        """What is on the screen: the text, or its elided form."""
        metrics = QFontMetricsF(self.font())
        return metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())
        painter.end()

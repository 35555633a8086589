"""The board's notices: the maklumat pelayanan and the complaint channels, in turn with the
counters (issue 18.4). A notice is a title and a paragraph; the paragraph wraps and takes the
largest type that fits its box (so the pledge is readable from the back of the hall at
1366x768 as in portrait), never smaller than the running text's.

``NoticeRotation`` decides what the right-hand panel shows: the counters most of the time, then
each notice for a while; a new call goes back to the counters at once (a citizen looks for the
counter they were called to).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from p4_desk.gui.display.parts import LEFT, NUMBER, PANEL, TEXT, _label

COUNTERS = "counters"
#: how long each panel stays (ms): counters, then every notice in turn
SHOW_MS = {COUNTERS: 20_000, "notice": 10_000}


@dataclass(frozen=True)
class Notice:
    key: str  # "maklumat" | "channels"
    title: str
    body: str


class WrappedText(QLabel):
    """A paragraph that wraps and takes the largest pixel size that lets it fit its box."""

    def __init__(self, max_px: float = 40, min_px: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet(f"color: {TEXT}; background: transparent;")
        self.max_px, self.min_px = max_px, min_px
        self._fitting = False

    def set_max_px(self, px: float) -> None:
        self.max_px = px
        self._fit()

    # the box decides the text's size, never the other way round: a wrapped label's height for
    # its width would otherwise squeeze the notice's title out of the panel
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return False

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(0, 0)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit()

    def fits(self, px: int) -> bool:
        font = QFont(self.font())
        font.setPixelSize(px)
        box = QRect(0, 0, max(1, self.width()), 100_000)
        rect = QFontMetrics(font).boundingRect(box, int(Qt.TextFlag.TextWordWrap), self.text())
        return rect.height() <= self.height() and rect.width() <= self.width()

    def _fit(self) -> None:
        if self._fitting or self.width() <= 0 or self.height() <= 0:
            return  # a font change resizes nothing (size policy Ignored) but may re-enter
        low, high = self.min_px, max(self.min_px, int(self.max_px))
        while low < high:  # the largest size that fits
            mid = (low + high + 1) // 2
            if self.fits(mid):
                low = mid
            else:
                high = mid - 1
        if self.font().pixelSize() != low:
            font = QFont(self.font())
            font.setPixelSize(low)
            self._fitting = True
            try:
                self.setFont(font)
            finally:
                self._fitting = False


class NoticePanel(QFrame):
    """A notice on the board: its title (yellow) over its paragraph."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet(f"#notice {{ background: {PANEL}; border-radius: 12px; }}")
        self.title = _label("", color=NUMBER, align=LEFT)
        self.body = WrappedText()
        layout = QVBoxLayout(self)
        margin = 16
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(self.title, 12)
        layout.addWidget(self.body, 88)
        self.key = ""

    def show_notice(self, notice: Notice) -> None:
        self.key = notice.key
        self.title.setText(notice.title)
        self.body.setText(notice.body)

    def scale(self, unit: int) -> None:
        self.title.set_max_px(unit * 0.05)
        self.body.set_max_px(unit * 0.045)
        self.body.min_px = max(12, int(unit * 0.02))


class NoticeRotation(QObject):
    """Which panel is up: ``COUNTERS`` or a notice's key; turns by itself."""

    turned = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notices: tuple[Notice, ...] = ()
        self.current = COUNTERS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.advance)
        self._timer.start(SHOW_MS[COUNTERS])

    def set_notices(self, notices: tuple[Notice, ...]) -> None:
        if notices == self.notices:
            return
        self.notices = notices
        if self.current != COUNTERS and self.current not in {n.key for n in notices}:
            self.show_counters()

    def notice(self, key: str) -> Notice | None:
        return next((n for n in self.notices if n.key == key), None)

    def advance(self) -> None:
        """The next panel: counters → each notice → counters."""
        keys = [COUNTERS, *(n.key for n in self.notices)]
        index = keys.index(self.current) if self.current in keys else 0
        self.current = keys[(index + 1) % len(keys)]
        self._timer.start(SHOW_MS[COUNTERS if self.current == COUNTERS else "notice"])
        self.turned.emit(self.current)

    def show_counters(self) -> None:
        """Back to the counters for a full turn (a new call)."""
        self.current = COUNTERS
        self._timer.start(SHOW_MS[COUNTERS])
        self.turned.emit(COUNTERS)

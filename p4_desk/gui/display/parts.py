"""The display board's palette and small parts: running text, the current call, a recent call.

Every text is a ``FitLabel``: the largest size its box allows, then elided (``board``).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QSizePolicy, QVBoxLayout, QWidget

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
PORTRAIT_BANDS = (8, 86, 6)  # a tall screen: header and running text need less of its height
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

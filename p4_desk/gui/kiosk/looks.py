"""The kiosk's looks: colours, the style sheet, touch size and the text-fitting helpers.

Text is fitted with font metrics computed once per (font, size) and cached wrapped heights, so
a page of 24 tiles is laid out without setting a font on a label to try it (issue 20.6).
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

TOUCH_TARGET_MM = 15.0
MM_PER_INCH = 25.4
MIN_PX = 10

BACKGROUND = "#eef3f9"
PRIMARY = "#0b4aa2"
PRIMARY_PRESSED = "#083577"
PRIORITY = "#b3261e"
DISABLED = "#c9d2de"
TEXT = "#10223d"
DIMMED = "#3b475a"  # a tile's text while the service cannot be taken
REASON_PAD = (6, 2)  # the "Sedang tutup" badge's padding (x, y): its height counts it

STYLE = f"""
QWidget#kiosk {{ background: {BACKGROUND}; }}
QLabel {{ color: {TEXT}; }}
QLabel#title {{ font-weight: bold; }}
QLabel#notice {{ background: #fdecea; color: {PRIORITY}; border-radius: 8px; padding: 8px; }}
QFrame#banner {{ background: {PRIORITY}; border-radius: 8px; }}
QFrame#banner QLabel {{ color: white; font-weight: bold; }}
QFrame#header {{ background: {PRIMARY}; }}
QFrame#header QLabel {{ color: white; font-weight: bold; }}
QPushButton {{ background: {PRIMARY}; color: white; border: none; border-radius: 12px;
               font-weight: bold; padding: 8px 16px; }}
QPushButton:pressed {{ background: {PRIMARY_PRESSED}; }}
QPushButton:focus {{ border: 6px solid #ffb300; }}
QPushButton:disabled {{ background: {DISABLED}; color: #4d5b70; }}
QPushButton#priority {{ background: {PRIORITY}; }}
QPushButton#secondary {{ background: white; color: {PRIMARY}; border: 3px solid {PRIMARY}; }}
QLabel#reason {{ color: {PRIORITY}; font-weight: bold; }}
QLabel#number {{ color: {PRIMARY}; font-weight: bold; }}
QPushButton#choice QLabel {{ color: white; background: transparent; }}
QPushButton#choice QLabel:disabled {{ color: {DIMMED}; }}
QPushButton#choice QLabel#reason {{ color: {PRIORITY}; background: white; border-radius: 6px;
                                    padding: {REASON_PAD[1]}px {REASON_PAD[0]}px; }}
"""


def touch_px(dots_per_inch: float) -> int:
    """Pixels of a 15 mm touch target on a screen of ``dots_per_inch`` (physical)."""
    return math.ceil(TOUCH_TARGET_MM / MM_PER_INCH * dots_per_inch)


def set_px(widget: QWidget, pixels: float, *, bold: bool | None = None) -> None:
    font = widget.font()
    font.setPixelSize(max(MIN_PX, int(pixels)))
    if bold is not None:
        font.setBold(bold)
    if font != widget.font():
        widget.setFont(font)


@lru_cache(maxsize=256)
def metrics(family: str, pixels: int, bold: bool) -> QFontMetrics:
    """Font metrics of ``family`` at ``pixels``, made once."""
    font = QFont(family)
    font.setPixelSize(max(MIN_PX, pixels))
    font.setBold(bold)
    return QFontMetrics(font)


@lru_cache(maxsize=8192)
def text_height(text: str, family: str, pixels: int, bold: bool, width: int) -> int:
    """Height of ``text`` wrapped at ``width`` in that font (names repeat across pages)."""
    flags = int(Qt.TextFlag.TextWordWrap)
    return (
        metrics(family, pixels, bold).boundingRect(QRect(0, 0, max(1, width), 100_000), flags, text).height()
    )


def wrapped_height(label: QLabel, width: int) -> int:
    """The height ``label``'s text needs when wrapped at ``width`` (its own fixed height aside)."""
    flags = int(Qt.TextFlag.TextWordWrap)
    return label.fontMetrics().boundingRect(QRect(0, 0, max(1, width), 100_000), flags, label.text()).height()


def largest_fitting(low: int, high: int, fits: object) -> int:
    """The largest size in ``low..high`` for which ``fits(size)`` holds (``fits`` is monotone:
    smaller text fits where larger does), or ``low`` when none does. A binary search."""
    assert callable(fits)
    if fits(high):
        return high
    best = low
    while low <= high:
        middle = (low + high) // 2
        if fits(middle):
            best, low = middle, middle + 1
        else:
            high = middle - 1
    return best


def fit_button(button: QPushButton, pixels: float) -> None:
    """Bold text at ``pixels``, smaller when the button's text would not fit its width."""
    # the style's padding and border: what the button's size hint adds to its text
    overhead = button.sizeHint().width() - button.fontMetrics().horizontalAdvance(button.text())
    room = button.width() - max(40, overhead)
    size = max(MIN_PX, int(pixels))
    family = button.font().family()
    if room > 0 and metrics(family, size, True).horizontalAdvance(button.text()) > room:
        needed = metrics(family, size, True).horizontalAdvance(button.text())
        size = max(MIN_PX, int(pixels * room / needed))
        while size > MIN_PX and metrics(family, size, True).horizontalAdvance(button.text()) > room:
            size -= 1  # text does not shrink exactly in proportion
    set_px(button, size, bold=True)

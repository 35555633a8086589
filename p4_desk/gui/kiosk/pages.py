"""The kiosk's screens: layout and looks only; :mod:`p4_desk.gui.kiosk.window` drives them.

Touch first: every button is at least ``touch_px`` high (15 mm on this screen, from its
physical DPI), with large type and a clear pressed/disabled look; a mouse works the same way.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

TOUCH_TARGET_MM = 15.0
MM_PER_INCH = 25.4

BACKGROUND = "#eef3f9"
PRIMARY = "#0b4aa2"
PRIMARY_PRESSED = "#083577"
PRIORITY = "#b3261e"
DISABLED = "#c9d2de"
TEXT = "#10223d"

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
QPushButton:disabled {{ background: {DISABLED}; color: #4d5b70; }}
QPushButton#priority {{ background: {PRIORITY}; }}
QPushButton#secondary {{ background: white; color: {PRIMARY}; border: 3px solid {PRIMARY}; }}
QLabel#reason {{ color: {PRIORITY}; font-weight: bold; }}
QLabel#number {{ color: {PRIMARY}; font-weight: bold; }}
"""


def touch_px(dots_per_inch: float) -> int:
    """Pixels of a 15 mm touch target on a screen of ``dots_per_inch`` (physical)."""
    return math.ceil(TOUCH_TARGET_MM / MM_PER_INCH * dots_per_inch)


def set_px(widget: QWidget, pixels: float, *, bold: bool | None = None) -> None:
    font = widget.font()
    font.setPixelSize(max(10, int(pixels)))
    if bold is not None:
        font.setBold(bold)
    widget.setFont(font)


class ChoiceButton(QPushButton):
    """A big button with a title line and smaller detail lines (agency or service)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("choice")
        self.setMinimumWidth(120)  # long agency names wrap instead of widening the kiosk
        self.title = QLabel()
        self.detail = QLabel()
        self.reason = QLabel()
        self.reason.setObjectName("reason")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        for label in (self.title, self.detail, self.reason):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.reason.hide()

    def fill(self, title: str, detail: str, reason: str | None = None) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.reason.setText(reason or "")
        self.reason.setVisible(bool(reason))
        self.setEnabled(reason is None)
        color = "white" if reason is None else "#3b475a"
        for label in (self.title, self.detail):
            label.setStyleSheet(f"color: {color}; background: transparent;")
        # the reason stays readable on a disabled button
        self.reason.setStyleSheet(
            f"color: {PRIORITY}; background: white; border-radius: 6px; padding: 2px 6px;"
        )

    def scale(self, unit: float, touch: int) -> None:
        set_px(self.title, unit * 1.0, bold=True)
        set_px(self.detail, unit * 0.7, bold=False)
        set_px(self.reason, unit * 0.7, bold=True)
        self.setMinimumHeight(max(touch, int(unit * 4.2)))


class ChoicePage(QWidget):
    """A title, an optional notice, a grid of ChoiceButtons and a row of action buttons."""

    chosen = Signal(str)

    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.buttons: dict[str, ChoiceButton] = {}
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setSpacing(16)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._grid_host)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(16)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        layout.addLayout(self.action_row)
        self._unit, self._touch = 20.0, 60

    def set_choices(self, rows: list[tuple[str, str, str, str | None]]) -> None:
        """``(key, title, detail, reason when unavailable)`` per button, in order."""
        keys = [row[0] for row in rows]
        if keys != list(self.buttons):
            for button in self.buttons.values():
                self._grid.removeWidget(button)
                button.deleteLater()
            self.buttons = {}
            for i, key in enumerate(keys):
                button = ChoiceButton(key)
                button.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
                self._grid.addWidget(button, i // self.columns, i % self.columns)
                self.buttons[key] = button
            self.scale(self._unit, self._touch)
        for key, title, detail, reason in rows:
            self.buttons[key].fill(title, detail, reason)

    def show_notice(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def scale(self, unit: float, touch: int) -> None:
        self._unit, self._touch = unit, touch
        set_px(self.title, unit * 1.5, bold=True)
        set_px(self.notice, unit * 0.9, bold=True)
        for button in self.buttons.values():
            button.scale(unit, touch)


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
        for label in (self.priority, self.ahead, self.wait):
            set_px(label, unit * 1.1)
        set_px(self.status, unit * 1.3, bold=True)
        set_px(self.error, unit * 1.0, bold=True)
        for button in (self.retry, self.cancel, self.done):
            set_px(button, unit * 1.2, bold=True)
            button.setMinimumHeight(max(touch, int(unit * 3)))

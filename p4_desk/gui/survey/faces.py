"""Touch-screen building blocks: millimetre sizes and the four big answer faces."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QWidget

# score → face colour (red … green), the usual SKM tablet palette
FACE_COLOURS = {1: "#D64545", 2: "#F0A030", 3: "#7CBF45", 4: "#2E9E5B"}
TOUCH_MM = 15  # smallest touch target


def mm_to_px(widget: QWidget, mm: float) -> int:
    """Pixels of ``mm`` millimetres on the screen showing ``widget`` (physical DPI, 96 if unknown)."""
    screen = widget.screen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
    if not 50 <= dpi <= 400:  # virtual screens report nonsense
        dpi = 96.0
    return round(mm / 25.4 * dpi)


class FaceButton(QAbstractButton):
    """A big checkable button: a face from frowning (1) to beaming (4) above its label."""

    def __init__(self, score: int, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = score
        self.setText(label)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(label)
        self.factor = 1.0  # the survey window's size factor (``window.size_factor``)
        self.set_factor(1.0)

    def set_factor(self, factor: float) -> None:
        """Draw the face ``factor`` times its millimetre size (a screen larger than the tablet)."""
        self.factor = factor
        side = max(round(mm_to_px(self, 40) * factor), mm_to_px(self, TOUCH_MM))
        self.setMinimumSize(side, side)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        side = round(mm_to_px(self, 48) * self.factor)
        return QSize(side, round(side * 1.1))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(FACE_COLOURS[self.score])
        frame = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        p.setPen(
            QPen(colour.darker(130) if self.isChecked() else QColor("#C8CDD3"), 6 if self.isChecked() else 2)
        )
        p.setBrush(colour.lighter(175) if self.isChecked() or self.isDown() else QColor("#FFFFFF"))
        p.drawRoundedRect(frame, 18, 18)

        label_h = frame.height() * 0.24
        side = min(frame.width(), frame.height() - label_h) * 0.72
        face = QRectF(0, 0, side, side)
        face.moveCenter(frame.center())
        face.moveTop(frame.top() + (frame.height() - label_h - side) / 2)
        p.setPen(QPen(colour.darker(140), max(3.0, side / 28)))
        p.setBrush(colour)
        p.drawEllipse(face)
        eye = side * 0.09
        p.setBrush(QColor("#222222"))
        p.setPen(Qt.PenStyle.NoPen)
        for dx in (-0.18, 0.18):
            p.drawEllipse(QRectF(face.center().x() + dx * side - eye / 2, face.top() + side * 0.33, eye, eye))
        # mouth: a curve bending down (1) … up (4)
        bend = (self.score - 2.5) * side * 0.16
        left_x, right_x, y = face.left() + side * 0.28, face.right() - side * 0.28, face.top() + side * 0.68
        mouth = QPainterPath()
        mouth.moveTo(left_x, y - bend / 2)
        mouth.quadTo(face.center().x(), y + bend * 1.2, right_x, y - bend / 2)
        pen = QPen(QColor("#222222"), max(3.0, side / 20))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(mouth)

        font = QFont(self.font())
        font.setPixelSize(max(16, round(label_h * 0.45)))
        font.setBold(self.isChecked())
        p.setFont(font)
        p.setPen(QColor("#1F2933"))
        text_box = QRectF(frame.left(), frame.bottom() - label_h, frame.width(), label_h * 0.9)
        p.drawText(text_box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.text())
        p.end()

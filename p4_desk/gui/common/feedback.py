"""Showing errors to an officer: a message box for ``P4Error``, a banner for outages.

``show_error(parent, exc)`` shows a ``P4Error``'s Indonesian message (never a traceback); any
other exception is logged with its traceback and shown as a short generic message.
``Banner`` is a coloured strip a window puts above its content (kind ``"error"``/``"info"``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QWidget

from p4_desk.errors import P4Error

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    """The text an officer reads for an error."""
    if isinstance(exc, P4Error):
        return exc.message
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "feedback", "An unexpected error occurred. The details were written to the log file."
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("feedback", "Cannot continue"))
    box.setText(error_text(exc))
    box.setObjectName("errorMessage")
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("feedback", "OK"))
    box.open()


class Banner(QWidget):
    """A full-width message strip; hidden until ``show_message``."""

    def __init__(self, parent: QWidget | None = None, kind: str = "error") -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("kind", kind)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel(self)
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.label)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

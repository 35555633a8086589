"""Role ``survey``: the IKM touch screen next to a counter (or shared by several)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from p4_desk.gui.common.context import AppContext
from p4_desk.gui.survey.window import SurveyWindow

__all__ = ["SurveyWindow", "open_window"]


def open_window(ctx: AppContext) -> QWidget:
    """The survey screen, full screen (the launcher shows it)."""
    window = SurveyWindow(ctx)
    window.setWindowState(Qt.WindowState.WindowFullScreen)
    window.refresh()
    return window

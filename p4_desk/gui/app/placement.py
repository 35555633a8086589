"""Where a main window opens: where this workstation left it, else maximised; never outside the
available area of a screen (the task bar and a monitor unplugged since are taken into account).

The geometry is kept per role in the PC's own settings file (``window.<role>``: Qt's
``saveGeometry`` in base64), so each counter PC remembers its own; a role without a key (none
declared) simply opens maximised. A PC without a settings file (started with ``--db`` before
the wizard ran) keeps the place for this run only: writing the file would skip the wizard.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from p4_desk.config import SETTING_BY_KEY, Settings

log = logging.getLogger(__name__)


def settings_key(role: str) -> str | None:
    key = f"window.{role}"
    return key if key in SETTING_BY_KEY else None


def on_a_screen(frame: QRect) -> bool:
    """The whole window lies inside the available area of one screen."""
    return any(screen.availableGeometry().contains(frame) for screen in QGuiApplication.screens())


def show_placed(window: QWidget, settings: Settings, role: str) -> None:
    """Show ``window`` where this PC left it for ``role``, or maximised."""
    key = settings_key(role)
    saved = str(settings.get(key)) if key else ""
    if saved and window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
        if window.isMaximized() or window.isFullScreen():
            window.showMaximized()
            return
        window.show()
        if on_a_screen(window.frameGeometry()):
            return
        log.info("saved %s window geometry lies outside the screens: maximised instead", role)
    window.showMaximized()


def remember(window: QWidget, settings: Settings, role: str) -> None:
    """Keep the window's geometry for the next start on this PC (best effort: a read-only
    profile only loses the placement)."""
    key = settings_key(role)
    if key is None:
        return
    settings.set(key, bytes(window.saveGeometry().toBase64().data()).decode("ascii"))
    if not settings.path.exists():
        # a PC not set up yet (started with --db): a settings file written only for the window
        # would skip the first-run wizard next time
        return
    try:
        settings.save()
    except OSError as exc:
        log.warning("window placement not saved: %s", exc)


def resize_within_screen(window: QWidget, width: int, height: int, margin: int = 24) -> None:
    """``window.resize(width, height)``, smaller where the screen's available area is smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, area.width() - margin)
        height = min(height, area.height() - margin)
    window.resize(width, height)

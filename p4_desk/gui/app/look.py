"""Translations and the QSS theme, installed once on the application.

Each area keeps its own ``resources/translations/<area>_id.ts`` (English source strings from
``self.tr()`` / ``QCoreApplication.translate()`` and its ``ui/<area>_*.ui`` forms). After
changing strings run ``python3 tools/update_translations.py`` (lupdate and lrelease for every
area), translate what it lists with ``pyside6-linguist``, and run it again.

The compiled ``.qm`` files ship in the package (``p4_desk/assets/translations``), the ``.ts``
sources stay in ``resources/translations``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from p4_desk.resources import resource

log = logging.getLogger(__name__)


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Install one translator per ``translations/*_<language>.qm`` of the shipped assets.

    Every area ships its own file (``counter_id.qm``, ``kiosk_id.qm``, ...), so engineers never
    edit a shared .ts. English is the source language: ``en`` installs nothing.
    """
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    for path in sorted(resource("translations").glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("could not load translation %s", path)
    return installed


def apply_theme(app: QApplication, name: str = "light") -> None:
    path = resource("theme", f"{name}.qss")
    if path.exists():
        # @ICONS@ in the QSS is the folder of the shipped icons
        app.setStyleSheet(path.read_text(encoding="utf-8").replace("@ICONS@", resource("icons").as_posix()))
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 11))
    app.setFont(font)


def icon(name: str) -> QIcon:
    """An SVG icon from the shipped ``icons/<name>.svg`` (an empty icon if it is missing)."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()

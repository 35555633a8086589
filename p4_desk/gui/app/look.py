"""Translations and the QSS theme, installed once on the application.

Each area keeps its own ``resources/translations/<area>_id.ts`` (English source strings from
``self.tr()`` / ``QCoreApplication.translate()`` and its ``ui/<area>_*.ui`` forms). After
changing strings run ``python3 tools/update_translations.py`` (lupdate and lrelease for every
area), translate what it lists with ``pyside6-linguist``, and run it again.

The compiled ``.qm`` files ship in the package (``p4_desk/assets/translations``), the ``.ts``
sources stay in ``resources/translations``. ``qtbase_id`` translates Qt's own strings (standard
buttons, input, file and print dialogs, context menus): Qt ships no Indonesian catalogue.

The locale of the whole application is Indonesian (``id_ID``), whatever the language of the
interface: Qt's own widgets (calendar popups, date edits, spin boxes) show Indonesian month and
day names, a decimal comma and a thousands dot, like ``domain.wording`` does for our own texts.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from p4_desk.resources import resource

log = logging.getLogger(__name__)


#: the locale of every number, date and Qt widget the program shows
INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def install_locale() -> None:
    """Make ``id_ID`` the default locale, before any widget is made (widgets copy it).

    Numbers are shown without grouping a year (``2026``) only where a widget is told so; Qt's
    default ``OmitGroupSeparator`` is left off, so ``12.000`` reads as Indonesians write it.
    """
    QLocale.setDefault(INDONESIAN)


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Set the Indonesian locale and install one translator per
    ``translations/*_<language>.qm`` of the shipped assets.

    Every area ships its own file (``counter_id.qm``, ``kiosk_id.qm``, ...), so engineers never
    edit a shared .ts; ``qtbase_id.qm`` is Qt's own strings. English is the source language:
    ``en`` installs no translator (the locale stays Indonesian: dates and numbers of a hall).
    """
    install_locale()
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

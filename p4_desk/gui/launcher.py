"""Start the GUI: translations, theme, database, login, then the window of the role.

Each role lives in ``p4_desk.gui.<role>`` and exposes ``open_window(ctx: AppContext) -> QWidget``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from PySide6.QtWidgets import QApplication

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.store.migrate import open_database


def launch(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = Settings.load()
    role = args.role or settings.get("workstation.role")
    counter = args.counter or settings.get("workstation.counter") or None
    language = args.lang or settings.get("workstation.language")
    db = open_database(args.db or settings.database_url())
    ctx = AppContext(db=db, settings=settings, role=role, counter=counter, language=language)
    window = importlib.import_module(f"p4_desk.gui.{role}").open_window(ctx)
    window.show()
    return int(app.exec())

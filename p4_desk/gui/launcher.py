"""Start the GUI: log file, crash handler, translations, theme, first-run wizard, database,
login, then the window of the role.

Each role lives in ``p4_desk.gui.<role>`` and exposes ``open_window(ctx: AppContext) -> QWidget``.
Roles in ``LOGIN_ROLES`` (counter, supervisor, admin) get a login and the shell
(``gui.app.shell.ShellWindow``: banner, status bar, screen lock, log out); the others (kiosk,
display, survey) open their window directly.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from p4_desk.config import Settings, settings_path
from p4_desk.errors import ConfigError, P4Error
from p4_desk.gui.app.crash import install_crash_handler
from p4_desk.gui.app.look import apply_theme, install_translations
from p4_desk.gui.app.session import WorkstationSession, quit_when_ended, wait_for
from p4_desk.gui.common import live
from p4_desk.gui.common.context import LOGIN_ROLES, AppContext
from p4_desk.gui.common.tasks import collect_garbage_on_gui_thread
from p4_desk.logs import setup_logging
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database

log = logging.getLogger(__name__)
EXIT_WAIT_MS = 10_000
HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000


def needs_first_run(args: argparse.Namespace) -> bool:
    """No settings file and no database named on the command line or in the environment."""
    return not settings_path().exists() and not args.db and not os.environ.get("P4_DESK_DB")


def window_factory(role: str) -> Callable[[AppContext], QWidget]:
    try:
        module = importlib.import_module(f"p4_desk.gui.{role}")
    except ModuleNotFoundError as exc:
        if exc.name != f"p4_desk.gui.{role}":
            raise
        raise ConfigError(f"Layar untuk peran '{role}' belum tersedia di versi ini.") from exc
    factory: Callable[[AppContext], QWidget] = module.open_window
    return factory


def start_sync_worker(db: Database, settings: Settings) -> QObject | None:
    """The background sync with the central API, when this PC has a central URL configured."""
    if not settings.get("sync.url"):
        return None
    try:
        from p4_desk.gui.sync_worker import SyncWorker  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    worker: QObject = SyncWorker(db, settings)
    worker.start()  # type: ignore[attr-defined]
    return worker


def run_first_start(settings: Settings) -> Settings | None:
    from p4_desk.gui.app.first_run import FirstRunWizard

    # the wizard sets the PC up itself and stays open on an error (DESIGN §1 "First start")
    wizard = FirstRunWizard(settings)
    if not wizard.exec():
        return None
    return wizard.saved


def start_housekeeping(ctx: AppContext) -> QTimer:
    """Auto-close complaints, purge stale drafts, daily backup: now and every hour, off the UI thread."""
    from p4_desk.gui.common.tasks import run_task
    from p4_desk.services.housekeeping import run_housekeeping

    timer = QTimer()

    def run() -> None:
        run_task(timer, lambda: run_housekeeping(ctx.db, ctx.settings, ctx.role))

    timer.setInterval(HOUSEKEEPING_INTERVAL_MS)
    timer.timeout.connect(run)
    timer.start()
    run()
    return timer


def launch(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    collect_garbage_on_gui_thread(app)
    assert isinstance(app, QApplication)
    app.setApplicationName("P4 Desk")
    setup_logging()  # the file; stderr (-v) is the CLI's
    install_crash_handler()
    try:
        settings = Settings.load()
        language = args.lang or settings.get("workstation.language")
        install_translations(app, language)
        apply_theme(app)
        if needs_first_run(args):
            first = run_first_start(settings)
            if first is None:
                return 0
            settings = first
        role = args.role or settings.get("workstation.role")
        counter = args.counter or settings.get("workstation.counter") or None
        url = args.db or settings.database_url()
        db = wait_for(lambda: open_database(url), QApplication.translate("launcher", "Opening the database…"))
    except P4Error as exc:
        log.error("start failed: %s", exc.message)
        QMessageBox.critical(None, "P4 Desk", exc.message)
        return 1
    ctx = AppContext(db=db, settings=settings, role=role, counter=counter, language=language)
    try:
        factory = window_factory(role)
    except P4Error as exc:
        QMessageBox.critical(None, "P4 Desk", exc.message)
        return 1
    window: QWidget | None = None
    if role not in LOGIN_ROLES:
        try:
            window = factory(ctx)
        except P4Error as exc:
            QMessageBox.critical(None, "P4 Desk", exc.message)
            return 1
    # every workstation may send; the sync agent's sender lock lets one at a time do it
    sync_worker = start_sync_worker(db, settings)
    chores = start_housekeeping(ctx)
    if window is not None:
        window.show()
    else:
        session = WorkstationSession(ctx, factory, sync_worker=sync_worker)
        quit_when_ended(session)
        session.start()
    code = int(app.exec())
    chores.stop()
    if sync_worker is not None:
        sync_worker.stop()  # type: ignore[attr-defined]
    # let running tasks (e.g. closing the counter on exit) finish while their objects still exist
    for monitor in list(live._monitors.values()):
        monitor.shutdown()
    QThreadPool.globalInstance().waitForDone(EXIT_WAIT_MS)
    db.dispose()
    return code

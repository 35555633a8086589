"""The main window around a role's content: banner, account menu, help, screen lock, status bar.

A role's ``open_window(ctx)`` returns a plain QWidget. For the login roles the launcher puts it
into a ``ShellWindow``, which gives every role the same database-outage banner, status bar,
"Lock screen" (Ctrl+L), "Log out" and F1 help. Optional hooks on the content widget:

- ``help_entries() -> list[tuple[str, str]]``: (shortcut, what it does) rows for the F1 help;
- ``logging_out() -> None``: called before the shell closes on log out (e.g. close the counter);
- ``window_title() -> str``: the title of the window.

``show_placed()`` opens it where this PC left it, else maximised (``gui.app.placement``); closing
it remembers the geometry in this PC's settings file. Logging out or closing while a form inside
(an admin record, an open intake dialog) holds unsaved typing asks first (``FormGuard``).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.gui.app import placement
from p4_desk.gui.app.screen_lock import IdleWatch, LockScreen
from p4_desk.gui.app.status_bar import SyncStatusProvider, WorkstationStatusBar
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import Banner
from p4_desk.gui.common.form_guard import FormGuard
from p4_desk.gui.common.live import monitor_for


class ShellWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        content: QWidget,
        *,
        sync_status: SyncStatusProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.content = content
        self.setObjectName("shellWindow")
        title = getattr(content, "window_title", None)
        self.setWindowTitle(title() if callable(title) else self.tr("P4 Desk"))
        self.monitor = monitor_for(ctx.db)
        self._focus_before_lock: QWidget | None = None
        self._left = False
        self._leaving_confirmed = False

        self.banner = Banner(self, kind="error")
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(content, 1)
        self.lock_screen = LockScreen(ctx, self)
        self.lock_screen.unlocked.connect(self.unlock)
        self.lock_screen.switch_user.connect(self.log_out)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(page)
        self.pages.addWidget(self.lock_screen)
        self.setCentralWidget(self.pages)

        self.status = WorkstationStatusBar(ctx, self.monitor, sync_status, self)
        self.setStatusBar(self.status)
        self._build_menus()

        self.monitor.connection_changed.connect(self.show_connection)
        self.show_connection(self.monitor.connected, self.monitor.message)
        self.monitor.start()
        self.idle = IdleWatch(float(ctx.settings.get("workstation.idle_lock_minutes")), self)
        self.idle.idle.connect(self.lock)

    def _build_menus(self) -> None:
        account = self.menuBar().addMenu(self.tr("&Account"))
        self.lock_action = QAction(self.tr("&Lock screen"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        account.addAction(self.lock_action)
        self.logout_action = QAction(self.tr("Log &out"), self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.logout_action.triggered.connect(self.log_out)
        account.addAction(self.logout_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(self.show_help)
        help_menu.addAction(self.help_action)

    # --- connection ---------------------------------------------------------------------

    def show_connection(self, connected: bool, message: str) -> None:
        if connected:
            self.banner.hide()
        else:
            self.banner.show_message(
                self.tr("Database connection lost — retrying… {detail}").format(detail=message)
            )

    # --- lock and log out ---------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_screen

    def lock(self) -> None:
        if self.ctx.user is None or self.is_locked:
            return
        self._focus_before_lock = QApplication.focusWidget()
        self.lock_screen.prepare(self.ctx.user)
        self.pages.setCurrentWidget(self.lock_screen)
        self.lock_action.setEnabled(False)
        self.help_action.setEnabled(False)
        self.lock_screen.password.setFocus()

    def unlock(self) -> None:
        self.pages.setCurrentIndex(0)
        self.lock_action.setEnabled(True)
        self.help_action.setEnabled(True)
        self.idle.reset()
        # keyboard shortcuts of the content need the focus back inside it
        previous = self._focus_before_lock
        if previous is not None and shiboken6.isValid(previous) and self.content.isAncestorOf(previous):
            previous.setFocus()
        else:
            self.content.setFocus()
            self.content.focusNextChild()

    def unsaved_form(self) -> FormGuard | None:
        """A form inside the content with typed text that is not saved, if any."""
        dirty = [g for g in self.content.findChildren(FormGuard) if g.is_dirty()]
        dirty.sort(key=lambda g: not g.owner.isVisible())  # the one in sight asks
        return dirty[0] if dirty else None

    def _confirm_leaving(self, then: Callable[[], object]) -> None:
        guard = None if self._leaving_confirmed else self.unsaved_form()
        if guard is None:
            self._leaving_confirmed = True
            then()
            return

        def confirmed() -> None:
            self._leaving_confirmed = True
            then()

        guard.confirm_close(
            confirmed,
            self.tr("A form holds typed text that is not saved. Discard it and leave?"),
            title=self.tr("Discard changes?"),
        )

    def log_out(self) -> None:
        self._confirm_leaving(self._log_out_now)

    def _log_out_now(self) -> None:
        self._leave()
        self.logout_requested.emit()

    def _leave(self) -> None:
        """The officer leaves (log out, or the window is closed): once, the content's hook."""
        if self._left:
            return
        self._left = True
        hook = getattr(self.content, "logging_out", None)
        if callable(hook):
            hook()

    def show_placed(self) -> None:
        placement.show_placed(self, self.ctx.settings, self.ctx.role)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if not self._leaving_confirmed and self.unsaved_form() is not None:
            event.ignore()
            self._confirm_leaving(self.close)
            return
        if self.isVisible():
            placement.remember(self, self.ctx.settings, self.ctx.role)
        self._leave()
        self.idle.stop()
        self.monitor.stop()
        super().closeEvent(event)

    # --- help ---------------------------------------------------------------------------

    def help_entries(self) -> list[tuple[str, str]]:
        entries = getattr(self.content, "help_entries", None)
        rows: list[tuple[str, str]] = list(entries()) if callable(entries) else []
        rows += [
            ("F1", self.tr("This help")),
            ("Ctrl+L", self.tr("Lock screen")),
            ("Ctrl+Shift+Q", self.tr("Log out")),
        ]
        return rows

    def show_help(self) -> None:
        HelpDialog(self.help_entries(), self).open()


class HelpDialog(QDialog):
    def __init__(self, entries: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(entries), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        for row, (key, text) in enumerate(entries):
            self.table.setItem(row, 0, QTableWidgetItem(key))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnToContents(0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # Qt ships no Indonesian for its own standard buttons: name them ourselves
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.setWordWrap(False)
        rows_height = sum(self.table.rowHeight(r) for r in range(len(entries)))
        self.resize(560, min(760, rows_height + self.table.horizontalHeader().height() + 90))
        self.setWindowModality(Qt.WindowModality.WindowModal)

"""One officer's session on a login workstation: login → role window in the shell → log out → login.

``wait_for(fn, text)`` runs a slow start-up step on a background task behind a small progress
dialog (the UI keeps painting).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QInputDialog, QProgressDialog, QWidget

from p4_desk.gui.app.login import LoginDialog
from p4_desk.gui.app.shell import ShellWindow
from p4_desk.gui.app.status_bar import SyncStatusProvider
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import show_error
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import catalog

WindowFactory = Callable[[AppContext], QWidget]


def wait_for(fn: Callable[[], Any], text: str, parent: QWidget | None = None) -> Any:
    """Run ``fn`` off the UI thread behind a busy dialog; return its result or raise its error."""
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(300)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    run_task(progress, fn, done, failed)
    if not outcome:
        loop.exec()
    # cancel() also stops the dialog's own show-after-300-ms timer: a progress dialog popping up
    # later would be application-modal and block the login that follows
    progress.cancel()
    progress.close()
    progress.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


class WorkstationSession(QObject):
    """Keeps the login → window → log out cycle going; ``ended`` when the login is cancelled."""

    ended = Signal()

    def __init__(
        self,
        ctx: AppContext,
        open_window: WindowFactory,
        sync_status: SyncStatusProvider | None = None,
        sync_worker: QObject | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.open_window = open_window
        self.sync_status = sync_status
        # a p4_desk.gui.sync_worker.SyncWorker: its signals feed every shell's status bar
        self.sync_worker = sync_worker
        self.login: LoginDialog | None = None
        self.shell: ShellWindow | None = None

    def start(self) -> None:
        self.ctx.user = None
        self.login = LoginDialog(self.ctx)
        self.login.accepted.connect(self._logged_in)
        self.login.rejected.connect(self.ended.emit)
        self.login.show()

    def _logged_in(self) -> None:
        if self.ctx.role == "counter" and not self.ctx.counter and not self._choose_counter():
            self.start()
            return
        try:
            content = self.open_window(self.ctx)
        except Exception as exc:  # noqa: BLE001 — shown, then back to the login
            show_error(None, exc)
            self.start()
            return
        self.shell = ShellWindow(self.ctx, content, sync_status=self.sync_status)
        self.shell.logout_requested.connect(self._logged_out)
        if self.sync_worker is not None:
            self.sync_worker.status_changed.connect(self.shell.status.show_sync_status)  # type: ignore[attr-defined]
            self.sync_worker.problem.connect(self.shell.status.show_sync_problem)  # type: ignore[attr-defined]
            self.sync_worker.sync_now()  # type: ignore[attr-defined]
        self.shell.show_placed()  # maximised, or where this PC left it

    def _choose_counter(self) -> bool:
        counters = catalog.list_counters(self.ctx.db)  # a dozen rows, once per login
        items = [f"{c.code} — {c.name}" for c in counters]
        if not items:
            return False
        dialog = QInputDialog()
        dialog.setWindowTitle(self.tr("Choose counter"))
        dialog.setLabelText(self.tr("Which counter are you at?"))
        dialog.setComboBoxItems(items)
        dialog.setOkButtonText(self.tr("Choose"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        if not dialog.exec():
            return False
        self.ctx.counter = dialog.textValue().split(" — ", 1)[0]
        return True

    def _logged_out(self) -> None:
        if self.shell is not None:
            self.shell.close()
            self.shell.deleteLater()
            self.shell = None
        self.start()


def quit_when_ended(session: WorkstationSession) -> None:
    app = QApplication.instance()
    if app is not None:
        session.ended.connect(app.quit)

"""The hall's screens (kiosk, display board) close only for an admin.

Ctrl+Q and the window manager's close (Alt+F4) open :class:`AdminExitDialog`: an admin's user
name and password (checked by ``users.authenticate``, with its lockout and audit) and the
screen closes; anything else and it stays, saying why in Indonesian. A close the program itself
asks for (end of session, shutdown) is not a citizen's key press and passes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from p4_desk.errors import P4Error
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import users
from p4_desk.services.users import UserInfo
from p4_desk.store.db import Database


class AdminExitDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Close this screen"))
        self.intro = QLabel(self.tr("Only an administrator can close this screen."))
        self.intro.setWordWrap(True)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Admin user name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox()
        self.close_button: QPushButton = self.buttons.addButton(
            self.tr("Close screen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setDefault(True)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.username.setFocus()

    def check(self) -> None:
        db, name, password = self.db, self.username.text(), self.password.text()
        self.close_button.setEnabled(False)
        run_task(self, lambda: users.authenticate(db, name, password), self._checked, self._refused)

    def _checked(self, user: UserInfo) -> None:
        self.close_button.setEnabled(True)
        if user.role != "admin":
            self._show(self.tr("This account is not an administrator's."))
            return
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.close_button.setEnabled(True)
        self._show(exc.message if isinstance(exc, P4Error) else self.tr("The account could not be checked."))

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.password.clear()
        self.password.setFocus()


class ExitGuard(QObject):
    """Installed on a hall screen: Ctrl+Q and Alt+F4 ask an admin first."""

    def __init__(self, window: QWidget, db: Database) -> None:
        super().__init__(window)
        self.window, self.db = window, db
        self.allowed = False
        self.dialog: AdminExitDialog | None = None
        QShortcut(QKeySequence("Ctrl+Q"), window, self.ask, context=Qt.ShortcutContext.WindowShortcut)
        window.installEventFilter(self)

    def ask(self) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        self.dialog = AdminExitDialog(self.db, self.window)
        self.dialog.accepted.connect(self._leave)
        self.dialog.finished.connect(self._forget)
        self.dialog.open()

    def _forget(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def _leave(self) -> None:
        self.allowed = True
        self.window.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        closing = watched is self.window and event.type() == QEvent.Type.Close and event.spontaneous()
        if closing and not self.allowed:
            event.ignore()
            self.ask()
            return True
        return False

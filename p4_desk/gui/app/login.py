"""Login dialog: user name + password checked by ``users.authenticate`` off the UI thread.

A wrong password, a locked account (``AccountLocked``) or a user whose role may not open this
workstation is shown in the dialog; what was typed in the user name stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from p4_desk.errors import PermissionDenied
from p4_desk.gui.common.context import LOGIN_ROLES, AppContext
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.live import monitor_for
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.forms.ui_app_login import Ui_LoginForm
from p4_desk.services import users
from p4_desk.services.users import UserInfo


def check_role(ctx: AppContext, user: UserInfo) -> None:
    allowed = LOGIN_ROLES.get(ctx.role, ())
    if user.role not in allowed:
        raise PermissionDenied(
            f"Pengguna {user.username} ({users.ROLES.get(user.role, user.role)}) "
            "tidak berhak membuka layar ini."
        )


class LoginDialog(QDialog):
    """``exec()`` returns Accepted with ``self.user`` set after a successful login."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user: UserInfo | None = None
        self.ui = Ui_LoginForm()
        self.ui.setupUi(self)
        self.setObjectName("loginDialog")
        self.ui.titleLabel.setObjectName("dialogTitle")
        self.ui.messageLabel.setObjectName("formError")
        titles = {
            "counter": self.tr("Counter"),
            "supervisor": self.tr("Supervisor"),
            "admin": self.tr("Administration"),
        }
        where = titles.get(ctx.role, ctx.role)
        if ctx.role == "counter" and ctx.counter:
            where = self.tr("Counter {counter}").format(counter=ctx.counter)
        self.ui.contextLabel.setText(where)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.usernameEdit.setFocus()

    def submit(self) -> None:
        username = self.ui.usernameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not username or not password:
            self.show_message(self.tr("Enter your user name and password."))
            return
        self.setEnabled(False)
        self.ui.messageLabel.setText(self.tr("Checking…"))

        def work() -> UserInfo:
            user = users.authenticate(self.ctx.db, username, password)
            check_role(self.ctx, user)
            return user

        run_task(self, work, self._logged_in, self._failed)

    def _logged_in(self, user: UserInfo) -> None:
        self.setEnabled(True)
        self.user = user
        self.ctx.user = user
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        monitor_for(self.ctx.db).report_failure(exc)
        self.ui.passwordEdit.clear()
        self.show_message(error_text(exc))
        self.ui.passwordEdit.setFocus()

    def show_message(self, text: str) -> None:
        self.ui.messageLabel.setText(text)

"""Screen lock: after ``workstation.idle_lock_minutes`` without keyboard or mouse input the
shell hides its content behind ``LockScreen``; only the same user's password opens it again.
Nothing in the queue changes while the screen is locked.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from p4_desk.errors import AccountLocked, AuthError
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.forms.ui_app_lock import Ui_LockScreen
from p4_desk.services import users
from p4_desk.services.users import UserInfo

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatch(QObject):
    """Application-wide event filter; emits ``idle`` once the limit passes without input."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit_seconds = max(0.0, float(minutes) * 60)
        self.last_input = time.monotonic()
        self._fired = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None and self.limit_seconds > 0:
            app.installEventFilter(self)
            self._timer.start(min(1000, max(100, int(self.limit_seconds * 250))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
            self._fired = False
        return False

    def check(self) -> None:
        if not self._fired and time.monotonic() - self.last_input >= self.limit_seconds:
            self._fired = True
            self.idle.emit()

    def reset(self) -> None:
        self.last_input = time.monotonic()
        self._fired = False

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """Shown instead of the workstation content; ``unlocked`` after the right password."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.ui = Ui_LockScreen()
        self.ui.setupUi(self)
        self.title, self.who, self.password = self.ui.lockTitle, self.ui.lockWho, self.ui.lockPassword
        self.message, self.unlock_button, self.switch_button = (
            self.ui.formError, self.ui.primary, self.ui.switchButton,
        )  # fmt: skip
        self.password.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button.clicked.connect(self.switch_user.emit)

    def prepare(self, user: UserInfo) -> None:
        self.who.setText(
            self.tr("{name} ({username}) is logged in. Enter the password to continue.").format(
                name=user.full_name, username=user.username
            )
        )
        self.password.clear()
        self.message.clear()
        self.setEnabled(True)
        self.password.setFocus()

    def submit(self) -> None:
        user = self.ctx.user
        password = self.password.text()
        if user is None or not password:
            return
        self.setEnabled(False)
        db = self.ctx.db
        run_task(self, lambda: users.authenticate(db, user.username, password), self._ok, self._failed)

    def _ok(self, _user: UserInfo) -> None:
        self.setEnabled(True)
        self.password.clear()
        self.message.clear()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.password.clear()
        if isinstance(exc, AuthError) and not isinstance(exc, AccountLocked):
            # only the password is asked here: "user name or password" would point at nothing
            self.message.setText(self.tr("Wrong password. Try again."))
        else:
            self.message.setText(error_text(exc))
        self.password.setFocus()

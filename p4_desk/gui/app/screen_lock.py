"""Screen lock: after ``workstation.idle_lock_minutes`` without keyboard or mouse input the
shell hides its content behind ``LockScreen``; only the same user's password opens it again.
Nothing in the queue changes while the screen is locked.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.tasks import run_task
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
        self.title = QLabel(self.tr("Screen locked"), self)
        self.title.setObjectName("lockTitle")
        self.who = QLabel(self)
        self.who.setObjectName("lockWho")
        self.who.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.submit)
        self.message = QLabel(self)
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.unlock_button.setObjectName("primary")
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button = QPushButton(self.tr("Log out"), self)
        self.switch_button.clicked.connect(self.switch_user.emit)
        box = QWidget(self)
        box.setObjectName("lockBox")
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(10)
        for w in (self.title, self.who, self.password, self.message):
            inner.addWidget(w)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

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
        self.message.setText(error_text(exc))
        self.password.setFocus()

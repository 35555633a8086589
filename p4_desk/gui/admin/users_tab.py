"""Users and roles: add, change role, reset password, unlock, disable/enable."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from p4_desk.gui.admin.tab import AdminTab, fill_table, make_table, selected_key
from p4_desk.gui.common.context import AppContext
from p4_desk.services import users
from p4_desk.services.users import ROLES, UserInfo


class UsersTab(AdminTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.users: dict[str, UserInfo] = {}
        self.table = make_table(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Status")], self
        )
        self.username = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.role = QComboBox(self)
        for code, label in ROLES.items():
            self.role.addItem(label, code)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add user"), self)
        self.role_button = QPushButton(self.tr("Change role"), self)
        self.password_button = QPushButton(self.tr("Reset password"), self)
        self.unlock_button = QPushButton(self.tr("Unlock"), self)
        self.disable_button = QPushButton(self.tr("Disable"), self)
        self.enable_button = QPushButton(self.tr("Enable"), self)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password (new user or reset)"), self.password)
        buttons = QHBoxLayout()
        for button in (
            self.add_button, self.role_button, self.password_button,
            self.unlock_button, self.disable_button, self.enable_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.add)
        self.role_button.clicked.connect(self.change_role)
        self.password_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(lambda: self._act(users.unlock, self.tr("Account %1 unlocked.")))
        self.disable_button.clicked.connect(
            lambda: self._act(
                lambda db, name, actor: users.set_active(db, name, False, actor),
                self.tr("Account %1 disabled."),
            )
        )
        self.enable_button.clicked.connect(
            lambda: self._act(
                lambda db, name, actor: users.set_active(db, name, True, actor),
                self.tr("Account %1 enabled."),
            )
        )

    def refresh(self) -> None:
        self.load(lambda: users.list_users(self.ctx.db), self._show)

    def _status(self, u: UserInfo) -> str:
        if not u.active:
            return self.tr("disabled")
        if u.locked_until is not None and u.locked_until > self.ctx.db.now():
            return self.tr("locked")
        return self.tr("active")

    def _show(self, found: list[UserInfo]) -> None:
        self.users = {u.username: u for u in found}
        fill_table(
            self.table, [(u.username, u.full_name, ROLES.get(u.role, u.role), self._status(u)) for u in found]
        )

    def _selected(self) -> None:
        u = self.users.get(selected_key(self.table) or "")
        if u is not None:
            self.username.setText(u.username)
            self.full_name.setText(u.full_name)
            self.role.setCurrentIndex(max(0, self.role.findData(u.role)))
            self.password.clear()

    def _done(self, text: str) -> None:
        self.password.clear()
        self.show_done(text)
        self.refresh()

    def add(self) -> None:
        name, full, role, password = (
            self.username.text(), self.full_name.text(), str(self.role.currentData()), self.password.text(),
        )  # fmt: skip
        actor = self.ctx.actor
        self.call(
            lambda: users.add_user(self.ctx.db, name, full, role, password, actor),
            lambda u: self._done(self.tr("User %1 added.").replace("%1", u.username)),
        )

    def change_role(self) -> None:
        name, role, actor = self.username.text(), str(self.role.currentData()), self.ctx.actor
        self.call(
            lambda: users.set_role(self.ctx.db, name, role, actor),
            lambda u: self._done(self.tr("Role of %1 changed.").replace("%1", u.username)),
        )

    def reset_password(self) -> None:
        name, password, actor = self.username.text(), self.password.text(), self.ctx.actor
        self.call(
            lambda: users.set_password(self.ctx.db, name, password, actor),
            lambda u: self._done(self.tr("New password set for %1.").replace("%1", u.username)),
        )

    def _act(self, action: object, text: str) -> None:
        name, actor = self.username.text(), self.ctx.actor
        self.call(
            lambda: action(self.ctx.db, name, actor),  # type: ignore[operator]
            lambda u: self._done(text.replace("%1", u.username)),
        )

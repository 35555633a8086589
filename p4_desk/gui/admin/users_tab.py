"""Users and roles: add, change role, reset password, unlock, disable/enable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from p4_desk.gui.admin.tab import RecordTab
from p4_desk.gui.common.context import AppContext
from p4_desk.services import users
from p4_desk.services.screens import admin as screens
from p4_desk.services.users import ROLES, UserInfo
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor

AccountAction = Callable[[Database, str, Actor], UserInfo]


def _set_active(active: bool, db: Database, username: str, actor: Actor) -> UserInfo:
    return users.set_active(db, username, active, actor)


class UsersTab(RecordTab[screens.UsersTab, UserInfo]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.username = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.role = QComboBox(self)
        for code, label in ROLES.items():
            self.role.addItem(label, code)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = self.button(self.tr("Add user"), self.add)
        self.role_button = self.button(self.tr("Change role"), self.change_role)
        self.password_button = self.button(self.tr("Reset password"), self.reset_password)
        self.unlock_button = self.button(
            self.tr("Unlock"),
            lambda: self._account(users.unlock, self.tr("Account %1 unlocked.")),
        )
        self.disable_button = self.button(
            self.tr("Disable"),
            lambda: self._account(partial(_set_active, False), self.tr("Account %1 disabled.")),
        )
        self.enable_button = self.button(
            self.tr("Enable"),
            lambda: self._account(partial(_set_active, True), self.tr("Account %1 enabled.")),
        )
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password (new user or reset)"), self.password)
        columns = [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Status")]
        buttons = [
            self.add_button, self.role_button, self.password_button,
            self.unlock_button, self.disable_button, self.enable_button,
        ]  # fmt: skip
        self.lay_out(columns, form, buttons)

    def query(self) -> Callable[[], screens.UsersTab]:
        return partial(screens.users_tab, self.ctx.db)

    def records_of(self, model: screens.UsersTab) -> Sequence[UserInfo]:
        return model.users

    def _status(self, u: UserInfo) -> str:
        if not u.active:
            return self.tr("disabled")
        if u.locked_until is not None and u.locked_until > self.ctx.db.now():
            return self.tr("locked")
        return self.tr("active")

    def row(self, u: UserInfo) -> Sequence[object]:
        return (u.username, u.full_name, ROLES.get(u.role, u.role), self._status(u))

    def fill(self, u: UserInfo) -> None:
        self.username.setText(u.username)
        self.full_name.setText(u.full_name)
        self.role.setCurrentIndex(max(0, self.role.findData(u.role)))
        self.password.clear()

    def _done(self, text: str, user: UserInfo) -> str:
        self.password.clear()
        return text.replace("%1", user.username)

    def add(self) -> None:
        name, full, role, password = (
            self.username.text(), self.full_name.text(), str(self.role.currentData()), self.password.text(),
        )  # fmt: skip
        db, actor = self.ctx.db, self.ctx.actor
        self.act(
            lambda: users.add_user(db, name, full, role, password, actor),
            partial(self._done, self.tr("User %1 added.")),
        )

    def change_role(self) -> None:
        name, role, db, actor = (
            self.username.text(),
            str(self.role.currentData()),
            self.ctx.db,
            self.ctx.actor,
        )
        self.act(
            lambda: users.set_role(db, name, role, actor), partial(self._done, self.tr("Role of %1 changed."))
        )

    def reset_password(self) -> None:
        name, password, db, actor = self.username.text(), self.password.text(), self.ctx.db, self.ctx.actor
        self.act(
            lambda: users.set_password(db, name, password, actor),
            partial(self._done, self.tr("New password set for %1.")),
        )

    def _account(self, action: AccountAction, text: str) -> None:
        name, db, actor = self.username.text(), self.ctx.db, self.ctx.actor
        self.act(lambda: action(db, name, actor), partial(self._done, text))

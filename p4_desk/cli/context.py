"""What every CLI command shares: the database, the logged-in user, and output (text or JSON).

Privileged commands declare the role they need (``command(..., requires="admin")``); before the
handler runs, ``p4-desk`` logs the user in: ``P4_DESK_USER`` / ``P4_DESK_PASSWORD`` for
automation, else the name and password are asked on the terminal (the password with
``getpass``, never echoed). ``--user NAME`` names the account to log in as. With neither a
terminal nor the variables the command is refused. The login counts failures and locks like the
GUI's (``services.users.authenticate``), and every audit row the command writes names that user.
Roles rank operator < supervisor < admin. The README's security section lists who may run what.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from p4_desk.config import Settings
from p4_desk.errors import AuthError, PermissionDenied
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor

USER_ENV = "P4_DESK_USER"
PASSWORD_ENV = "P4_DESK_PASSWORD"
OPERATOR, SUPERVISOR, ADMIN = "operator", "supervisor", "admin"
ROLE_RANK = {OPERATOR: 1, SUPERVISOR: 2, ADMIN: 3}
ROLE_NAMES = {"operator": "petugas loket", "supervisor": "supervisor", "admin": "admin"}

#: a fixed role, or a function of the parsed arguments and the context (None: no login)
Requirement = str | Callable[[argparse.Namespace, "CliContext"], str | None] | None


def add_force(parser: argparse.ArgumentParser) -> None:
    """``--force``: replace an existing output file that P4 Desk did not write."""
    parser.add_argument(
        "--force",
        dest="force_overwrite",
        action="store_true",
        help="timpa berkas tujuan yang sudah ada walau bukan buatan P4 Desk",
    )


def add_common(parser: argparse.ArgumentParser, *, json_flag: bool = True) -> None:
    """Options every leaf command accepts after its name (``... --db URL --json``)."""
    parser.add_argument("--db", default=argparse.SUPPRESS, help="URL basis data")
    if json_flag:
        parser.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")


def command(
    subparsers: Any,
    name: str,
    handler: Callable[[argparse.Namespace, CliContext], int | None],
    help: str,
    *,
    requires: Requirement = None,
) -> argparse.ArgumentParser:
    """A leaf command; ``requires`` is the least role allowed to run it (None: anyone)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=help, description=help)
    add_common(parser)
    if requires is not None:
        parser.add_argument(
            "--user",
            dest="login_user",
            metavar="NAMA",
            help=f"masuk sebagai pengguna ini (bawaan: ${USER_ENV}, atau ditanyakan)",
        )
    parser.set_defaults(func=handler, requires=requires)
    return parser


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "to_json"):
        return value.to_json()
    if hasattr(value, "__dataclass_fields__"):
        return {k: getattr(value, k) for k in value.__dataclass_fields__}
    if isinstance(value, tuple | set):
        return list(value)
    raise TypeError(type(value).__name__)


class CliContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None
        self._settings: Settings | None = None
        self._actor: Actor = SYSTEM
        #: the logged-in user (``services.users.UserInfo``), None for an unprivileged command
        self.user: Any = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings.load()
        return self._settings

    @property
    def database_url(self) -> str:
        return getattr(self.args, "db", None) or self.settings.database_url()

    def open_db(self, *, require_site: bool = True) -> Database:
        if self._db is None:
            from p4_desk.store.migrate import open_database

            owner_url = str(self.settings.get("database.owner_url") or "") or None
            self._db = open_database(self.database_url, owner_url=owner_url)
        if require_site:
            from p4_desk.services.site import get_site

            get_site(self._db)
        return self._db

    @property
    def db(self) -> Database:
        return self.open_db()

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    # --- who acts --------------------------------------------------------------------------

    def required_role(self) -> str | None:
        requires = getattr(self.args, "requires", None)
        return requires(self.args, self) if callable(requires) else requires

    def login(self, role: str, db: Database | None = None) -> Actor:
        """Log in a user of at least ``role`` (against ``db``, default this command's database)."""
        from p4_desk.services import users

        username, password = self._credentials(role)
        user = users.authenticate(db or self.db, username, password)
        if ROLE_RANK.get(user.role, 0) < ROLE_RANK[role]:
            raise PermissionDenied(
                f"Perintah ini hanya untuk {ROLE_NAMES[role]}; {user.username} berperan "
                f"{ROLE_NAMES.get(user.role, user.role)}."
            )
        self.user = user
        self._actor = user.actor
        return self._actor

    def _credentials(self, role: str) -> tuple[str, str]:
        named = getattr(self.args, "login_user", None)
        env_user = os.environ.get(USER_ENV) or None
        env_password = os.environ.get(PASSWORD_ENV)
        username = named or env_user
        # the variable's password belongs to the variable's user (or to --user when that is unset)
        password = (
            env_password if env_password is not None and (env_user is None or username == env_user) else None
        )
        if username and password is not None:
            return username, password
        if not interactive():
            raise AuthError(
                f"Perintah ini memerlukan login {ROLE_NAMES[role]}. Jalankan di terminal agar nama "
                f"pengguna dan kata sandi ditanyakan, atau setel {USER_ENV} dan {PASSWORD_ENV}.",
                field="username",
            )
        try:
            if not username:
                username = input("Nama pengguna: ").strip()
            password = getpass.getpass(f"Kata sandi {username}: ")
        except EOFError:
            raise AuthError("Login dibatalkan.", field="username") from None
        return username, password

    def actor(self) -> Actor:
        """Who the command acts as: the logged-in user, or the system for unprivileged commands."""
        return self._actor

    # --- output ----------------------------------------------------------------------------

    def write_file(self, path: Path | str, data: bytes) -> Path:
        """Write an output file whole (temporary file + rename); never over one not ours
        unless ``--force`` (``p4_desk.files``)."""
        from p4_desk.config import data_dir, output_ledger
        from p4_desk.files import write_output

        force = bool(getattr(self.args, "force_overwrite", False))
        return write_output(path, data, ledger=output_ledger(), own_dir=data_dir(), force=force)

    def emit(self, data: Any, text: str | Callable[[], str]) -> None:
        if self.json:
            json.dump(data, sys.stdout, default=_default, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(text() if callable(text) else text)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


def interactive() -> bool:
    """Whether a person can be asked (stdin is a terminal)."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False

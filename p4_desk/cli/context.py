"""What every CLI command shares: the database, the acting user, and output (text or JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from p4_desk.config import Settings
from p4_desk.errors import NotFound
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor


def add_common(parser: argparse.ArgumentParser, *, json_flag: bool = True) -> None:
    """Options every leaf command accepts after its name (``... --db URL --json``)."""
    parser.add_argument("--db", default=argparse.SUPPRESS, help="database URL")
    if json_flag:
        parser.add_argument("--json", action="store_true", help="machine-readable output")


def command(
    subparsers: Any, name: str, handler: Callable[[argparse.Namespace, CliContext], int | None], help: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=help, description=help)
    add_common(parser)
    parser.set_defaults(func=handler)
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

            self._db = open_database(self.database_url)
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

    def actor(self, username: str | None) -> Actor:
        """The user a command acts as (``--user``); the system when none is given."""
        if not username:
            return SYSTEM
        from p4_desk.services.users import get_user

        user = get_user(self.db, username)
        if not user.active:
            raise NotFound(f"Pengguna '{username}' dinonaktifkan.")
        return user.actor

    def emit(self, data: Any, text: str | Callable[[], str]) -> None:
        if self.json:
            json.dump(data, sys.stdout, default=_default, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(text() if callable(text) else text)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()

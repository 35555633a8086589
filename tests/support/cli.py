"""Logging the ``p4-desk`` command in from tests, as automation does: ``P4_DESK_USER`` and
``P4_DESK_PASSWORD`` (issue 14: privileged commands need an authenticated user of a role).

``add_cli_admin(db)`` adds the admin these variables name (its argon2 hash is made once per
process); ``login_env(args)`` is the environment a command runs with: the admin, or the officer
that the arguments name with ``--user`` (the test officers' password is ``rahasia123``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache

from sqlalchemy import select

from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, record
from p4_desk.store.models import User

CLI_ADMIN = "admin"
CLI_PASSWORD = "Kunci-Loket-7391"
OFFICER_PASSWORD = "rahasia123"


@cache
def _admin_hash() -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(CLI_PASSWORD)


def add_cli_admin(db: Database, username: str = CLI_ADMIN) -> None:
    """The admin the tests log in as (nothing when it exists already, e.g. made by ``init``)."""
    with db.write() as s:
        if s.scalar(select(User.id).where(User.username == username)) is not None:
            return
        s.add(
            User(
                username=username, full_name="Admin Uji", role="admin", password_hash=_admin_hash(),
                active=True, failed_attempts=0, lockouts=0, created_at=db.now(),
            )
        )  # fmt: skip
        record(s, db, SYSTEM, "user.add", "user", username, details={"role": "admin"})


def login_env(args: Sequence[str] = (), base: dict[str, str] | None = None) -> dict[str, str]:
    """``os.environ`` plus the login: the ``--user`` named in ``args`` (an officer), else the admin."""
    env = dict(os.environ if base is None else base)
    user = CLI_ADMIN
    if "--user" in args:
        user = args[list(args).index("--user") + 1]
    env["P4_DESK_USER"] = user
    env["P4_DESK_PASSWORD"] = CLI_PASSWORD if user == CLI_ADMIN else OFFICER_PASSWORD
    return env

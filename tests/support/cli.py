"""Logging the ``p4-desk`` command in from tests, as automation does: ``P4_DESK_USER`` and
``P4_DESK_PASSWORD`` (issue 14: privileged commands need an authenticated user of a role).

``add_cli_admin(db)`` adds the admin these variables name (its argon2 hash is made once per
process); ``login_env(args)`` is the environment a command runs with: the admin, or the officer
that the arguments name with ``--user`` (the test officers' password is ``rahasia123``);
``run_p4(*args)`` runs the command in its own process, logged in so, as automation runs it;
``SiteCli(url)`` runs it on one site's database and reads its ``--json`` output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, record
from p4_desk.store.models import User

ROOT = Path(__file__).resolve().parents[2]
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


def run_p4(
    *args: str, env: Mapping[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``p4-desk *args`` in its own process from the repository root, its output captured as text.

    Logged in as ``login_env(args)`` unless ``env`` is given; nobody at the keyboard (stdin is
    closed), so a command that would ask for a password fails instead of waiting.
    """
    return subprocess.run(
        [sys.executable, "-m", "p4_desk", *args],
        cwd=ROOT,
        env=dict(login_env(args) if env is None else env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class SiteCli:
    """``p4-desk`` on the database at ``url`` (``--db`` added), logged in as ``login_env``."""

    def __init__(self, url: str) -> None:
        self.url = url

    def run(self, *args: str, ok: bool = True, **env: str) -> subprocess.CompletedProcess[str]:
        """Run ``args`` with ``env`` added to the environment; ``ok``: it must exit 0."""
        result = run_p4(*args, "--db", self.url, env={**login_env(args), **env})
        if ok:
            assert result.returncode == 0, result.stderr
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--json").stdout)

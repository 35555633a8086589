"""An in-memory keyring backend for tests: real keyring machinery, no OS secret store.

Select it with ``PYTHON_KEYRING_BACKEND=tests.support.memory_keyring.MemoryKeyring`` (child
processes) and ``keyring.set_keyring(MemoryKeyring())`` (this process). Child processes start
empty; pass the token to them by enrolling inside them, or use ``P4_TEST_KEYRING_FILE``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict; mirrored to ``$P4_TEST_KEYRING_FILE`` when set, for child processes."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._secrets: dict[tuple[str, str], str] = {}

    def _mirror(self) -> Path | None:
        name = os.environ.get("P4_TEST_KEYRING_FILE")
        return Path(name) if name else None

    def _load(self) -> None:
        mirror = self._mirror()
        if mirror is not None and mirror.exists():
            stored = json.loads(mirror.read_text(encoding="utf-8"))
            self._secrets = {(s, u): p for s, u, p in stored}

    def _save(self) -> None:
        mirror = self._mirror()
        if mirror is not None:
            rows = [[s, u, p] for (s, u), p in self._secrets.items()]
            mirror.write_text(json.dumps(rows), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        self._load()
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._load()
        self._secrets[(service, username)] = password
        self._save()

    def delete_password(self, service: str, username: str) -> None:
        self._load()
        if self._secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")
        self._save()

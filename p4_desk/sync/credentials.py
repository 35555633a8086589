"""Where the site's bearer token lives: the OS keyring, behind a small credential-store interface.

keyring picks the backend itself (``PYTHON_KEYRING_BACKEND``, ``keyringrc.cfg``, then the
highest-priority backend of the OS) and we respect its choice. A backend that cannot keep a
secret (keyring's ``fail`` and ``null`` backends, or a chainer with nothing to chain) counts as
unusable: enrolment then stops with a message instead of writing the token to a plain file.
"""

from __future__ import annotations

import contextlib
from typing import Protocol

import keyring
import keyring.backend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, KeyringLocked

from p4_desk.errors import P4Error

SERVICE_NAME = "p4-desk-sync"
_PROBE_USER = "__p4_desk_probe__"


class CredentialStoreUnavailable(P4Error):
    """No keyring can keep the token (missing, locked or refusing)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="keyring_unavailable")


class CredentialStore(Protocol):
    """What the sync agent needs from a secret store."""

    def is_available(self) -> bool: ...

    def is_unlocked(self) -> bool: ...

    def require_usable(self) -> None: ...

    def get_token(self, url: str, site: str) -> str | None: ...

    def set_token(self, url: str, site: str, token: str) -> None: ...

    def delete_token(self, url: str, site: str) -> None: ...


def _account(url: str, site: str) -> str:
    # One token per (central API, site): a desk re-enrolled elsewhere never sends an old token.
    return f"{site}@{url.rstrip('/')}"


class KeyringStore:
    """The credential store in front of the keyring backend keyring selected."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend or keyring.get_keyring()

    @property
    def backend_name(self) -> str:
        kind = type(self.backend)
        return f"{kind.__module__}.{kind.__qualname__}"

    def is_available(self) -> bool:
        backend = self.backend
        if isinstance(backend, fail.Keyring | null.Keyring):
            return False
        if isinstance(backend, chainer.ChainerBackend):
            return len(backend.backends) > 0
        return True

    def is_unlocked(self) -> bool:
        if not self.is_available():
            return False
        try:
            self.backend.get_password(SERVICE_NAME, _PROBE_USER)
        except KeyringLocked:
            return False
        except KeyringError:
            return False
        return True

    def get_token(self, url: str, site: str) -> str | None:
        self.require_usable()
        try:
            return self.backend.get_password(SERVICE_NAME, _account(url, site))
        except KeyringError as exc:
            raise CredentialStoreUnavailable(_refused_message(exc)) from None

    def set_token(self, url: str, site: str, token: str) -> None:
        self.require_usable()
        try:
            self.backend.set_password(SERVICE_NAME, _account(url, site), token)
        except KeyringError as exc:
            raise CredentialStoreUnavailable(_refused_message(exc)) from None
        # Some backends swallow a refused write; read back so a token is never "kept" nowhere.
        if self.get_token(url, site) != token:
            raise CredentialStoreUnavailable(
                "Keyring sistem tidak menyimpan token akses. Periksa keyring sistem operasi "
                "(Windows Credential Manager, macOS Keychain, atau Secret Service di Linux)."
            )

    def delete_token(self, url: str, site: str) -> None:
        self.require_usable()
        with contextlib.suppress(KeyringError):  # nothing stored: nothing to forget
            self.backend.delete_password(SERVICE_NAME, _account(url, site))

    def require_usable(self) -> None:
        """Raise ``CredentialStoreUnavailable`` unless a token can be kept right now."""
        if not self.is_available():
            raise CredentialStoreUnavailable(
                "Tidak ada keyring sistem yang dapat menyimpan token akses sinkronisasi "
                f"(backend: {self.backend_name}). Aktifkan Windows Credential Manager, macOS "
                "Keychain, atau Secret Service (GNOME Keyring/KWallet) di Linux, atau pilih "
                "backend dengan PYTHON_KEYRING_BACKEND. Token tidak akan disimpan di berkas biasa."
            )
        if not self.is_unlocked():
            raise CredentialStoreUnavailable(
                "Keyring sistem terkunci. Buka kunci keyring (masuk ke sesi desktop atau buka "
                "aplikasi keyring), lalu coba lagi."
            )


def _refused_message(exc: KeyringError) -> str:
    return f"Keyring sistem menolak permintaan: {type(exc).__name__}. Periksa keyring sistem operasi."

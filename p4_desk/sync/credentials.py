"""Where the site's bearer token lives, behind a small credential-store interface.

1. **The OS keyring** (Windows Credential Manager, macOS Keychain, Secret Service on a Linux
   desktop) wherever keyring finds one. keyring picks the backend itself
   (``PYTHON_KEYRING_BACKEND``, ``keyringrc.cfg``, then the highest-priority backend of the OS)
   and we respect its choice, with one exception: the *file* backends that keyring plugins add
   to its automatic chain (``keyrings.cryptfile`` also brings a plaintext one) do not count as
   an OS keyring. Chosen automatically they would ask for a password on a terminal nobody
   watches, or keep the token in clear text.
2. **An encrypted credential file** for a headless Linux workstation (a sync box, a display PC
   without a desktop session): ``keyrings.cryptfile`` (AES-GCM, key derived with Argon2id) in
   ``<data dir>/sync-credentials.cfg``, readable by its owner only. Its key comes from the
   service manager — systemd's ``LoadCredentialEncrypted=p4-desk-keyring-key:...`` puts it in
   ``$CREDENTIALS_DIRECTORY/p4-desk-keyring-key`` — or from ``P4_DESK_KEYRING_KEY``; it must be
   at least 32 characters (``python3 -c "import secrets; print(secrets.token_urlsafe(32))"``).
   Used only when there is no OS keyring and a key is given.
3. Otherwise nothing: enrolment stops with a message saying how to get 1 or 2. A token is
   never written to a plain file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any, Protocol

import keyring
import keyring.backend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, KeyringLocked

from p4_desk.errors import P4Error

SERVICE_NAME = "p4-desk-sync"
_PROBE_USER = "__p4_desk_probe__"
KEY_ENV = "P4_DESK_KEYRING_KEY"
KEY_CREDENTIAL = "p4-desk-keyring-key"  # the name under systemd's $CREDENTIALS_DIRECTORY
MIN_KEY_LENGTH = 32
CREDENTIAL_FILE = "sync-credentials.cfg"
# keyring plugins whose backends keep secrets in files of their own (never an OS keyring)
_FILE_BACKEND_PACKAGES = ("keyrings.cryptfile", "keyrings.alt")


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


def _is_file_backend(backend: keyring.backend.KeyringBackend) -> bool:
    return type(backend).__module__.startswith(_FILE_BACKEND_PACKAGES)


def _unusable(backend: keyring.backend.KeyringBackend) -> bool:
    return isinstance(backend, fail.Keyring | null.Keyring) or _is_file_backend(backend)


def os_keyring() -> keyring.backend.KeyringBackend | None:
    """The OS secret store keyring selected, without plugin file backends; None when there is none."""
    backend = keyring.get_keyring()
    if isinstance(backend, chainer.ChainerBackend):
        chained = [b for b in backend.backends if not _unusable(b)]  # highest priority first
        return chained[0] if chained else None
    return None if _unusable(backend) else backend


def headless_key() -> tuple[str, str] | None:
    """(key, where it came from) for the encrypted credential file, or None when none is given."""
    folder = os.environ.get("CREDENTIALS_DIRECTORY")
    if folder and (Path(folder) / KEY_CREDENTIAL).is_file():
        key = (Path(folder) / KEY_CREDENTIAL).read_text(encoding="utf-8").strip()
        return key, f"systemd credential {KEY_CREDENTIAL}"
    key = os.environ.get(KEY_ENV, "").strip()
    return (key, KEY_ENV) if key else None


def credential_file() -> Path:
    from p4_desk.config import data_dir

    return data_dir() / CREDENTIAL_FILE


def encrypted_file_backend(key: str, path: Path) -> keyring.backend.KeyringBackend:
    """keyrings.cryptfile on ``path`` with ``key``; ``CredentialStoreUnavailable`` when it cannot be."""
    if len(key) < MIN_KEY_LENGTH:
        raise CredentialStoreUnavailable(
            f"Kunci berkas kredensial terlalu pendek ({len(key)} karakter, minimal {MIN_KEY_LENGTH}). "
            'Buat kunci acak: python3 -c "import secrets; print(secrets.token_urlsafe(32))"'
        )
    try:
        from keyrings.cryptfile.cryptfile import CryptFileKeyring
    except ImportError:
        raise CredentialStoreUnavailable(
            "Berkas kredensial terenkripsi hanya tersedia di Linux (paket keyrings.cryptfile)."
        ) from None

    class SiteCredentialFile(CryptFileKeyring):  # type: ignore[misc]
        # The key is random and long (checked above), so Argon2id need not be slow against
        # guessing: 3 passes over 32 MiB (keyrings.cryptfile's default of 15 x 64 MiB takes
        # seconds per token read on a counter PC).
        time_cost = 3
        memory_cost = 2**15

    backend: Any = SiteCredentialFile()
    backend.file_path = str(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        backend.keyring_key = key  # opens the file (checks the key) or creates it
    except ValueError:  # "Incorrect Password": the file was made with another key
        raise CredentialStoreUnavailable(
            f"Kunci berkas kredensial tidak cocok dengan {path}. Pakai kunci yang sama seperti saat "
            "pendaftaran, atau hapus berkas itu dan daftarkan ulang situs (sync enroll)."
        ) from None
    with contextlib.suppress(OSError):
        path.chmod(0o600)
    result: keyring.backend.KeyringBackend = backend
    return result


class KeyringStore:
    """The credential store in front of the OS keyring, or of the encrypted credential file."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend  # given by the caller (tests, a chosen backend): used as it is
        self._headless: keyring.backend.KeyringBackend | None = None
        self._headless_error: CredentialStoreUnavailable | None = None

    def _select(self) -> tuple[keyring.backend.KeyringBackend, bool]:
        """(backend, whether it can keep a token)."""
        given = self._backend
        if given is not None:
            if isinstance(given, fail.Keyring | null.Keyring):
                return given, False
            if isinstance(given, chainer.ChainerBackend):
                return given, bool(given.backends)
            return given, True
        found = os_keyring()
        if found is not None:
            return found, True
        if self._headless is None and self._headless_error is None:
            key = headless_key()
            if key is not None:
                try:
                    self._headless = encrypted_file_backend(key[0], credential_file())
                except CredentialStoreUnavailable as exc:
                    self._headless_error = exc
        if self._headless is not None:
            return self._headless, True
        return keyring.get_keyring(), False

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._select()[0]

    @property
    def backend_name(self) -> str:
        kind = type(self.backend)
        return f"{kind.__module__}.{kind.__qualname__}"

    @property
    def description(self) -> str:
        """Which store keeps the token, for the self-test (Indonesian where it is not a name)."""
        if self.backend is self._headless:
            key = headless_key()
            source = key[1] if key else "?"
            return f"berkas kredensial terenkripsi {credential_file()} (kunci dari {source})"
        return self.backend_name

    def is_available(self) -> bool:
        return self._select()[1]

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

    def get_secret(self, service: str, account: str) -> str | None:
        """Another secret of this PC kept beside the token (the backup key: ``services.backup.keys``)."""
        self.require_usable()
        try:
            return self.backend.get_password(service, account)
        except KeyringError as exc:
            raise CredentialStoreUnavailable(_refused_message(exc)) from None

    def set_secret(self, service: str, account: str, value: str) -> None:
        self.require_usable()
        try:
            self.backend.set_password(service, account, value)
        except KeyringError as exc:
            raise CredentialStoreUnavailable(_refused_message(exc)) from None
        if self.get_secret(service, account) != value:
            raise CredentialStoreUnavailable(
                "Keyring sistem tidak menyimpan kunci. Periksa keyring sistem operasi "
                "(Windows Credential Manager, macOS Keychain, atau Secret Service di Linux)."
            )

    def require_usable(self) -> None:
        """Raise ``CredentialStoreUnavailable`` unless a token can be kept right now."""
        if not self.is_available():  # also tries the encrypted file when there is no OS keyring
            if self._headless_error is not None:
                raise self._headless_error
            headless = (
                f" Di Linux tanpa desktop: beri kunci acak minimal {MIN_KEY_LENGTH} karakter lewat "
                f"systemd (LoadCredentialEncrypted={KEY_CREDENTIAL}:...) atau variabel {KEY_ENV}; "
                "token lalu disimpan terenkripsi di folder data."
                if sys.platform.startswith("linux")
                else ""
            )
            raise CredentialStoreUnavailable(
                "Tidak ada keyring sistem yang dapat menyimpan token akses sinkronisasi "
                f"(backend: {self.backend_name}). Aktifkan Windows Credential Manager, macOS "
                "Keychain, atau Secret Service (GNOME Keyring/KWallet) di Linux, atau pilih "
                f"backend dengan PYTHON_KEYRING_BACKEND.{headless} Token tidak akan disimpan di "
                "berkas biasa."
            )
        if not self.is_unlocked():
            raise CredentialStoreUnavailable(
                "Keyring sistem terkunci. Buka kunci keyring (masuk ke sesi desktop atau buka "
                "aplikasi keyring), lalu coba lagi."
            )


def _refused_message(exc: KeyringError) -> str:
    return f"Keyring sistem menolak permintaan: {type(exc).__name__}. Periksa keyring sistem operasi."

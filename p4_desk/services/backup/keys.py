"""The key backups are encrypted with: one per site, kept in the OS keyring of the PC that takes
them (``sync.credentials.KeyringStore``, beside the sync token), and on paper for recovery.

The recovery form is the 32-byte key in base32, in groups of four (``ABCD-EFGH-…``, 13 groups):
``p4-desk backup-key`` prints it (and writes it to a key file with ``--out``) for the admin to
keep on paper in the site's safe; ``p4-desk restore --key-file FILE`` reads the file (or the
typed groups in a text file) where the keyring has no key — a new or reinstalled PC — and keeps
it in that PC's keyring, so later backups use the same key and the paper stays valid.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import secrets
from pathlib import Path

from p4_desk import owner_only
from p4_desk.errors import P4Error, ValidationError, os_reason
from p4_desk.sync.credentials import CredentialStoreUnavailable, KeyringStore

SERVICE_NAME = "p4-desk-backup"
KEY_BYTES = 32
KEY_FILE_HEADER = "P4 Desk — kunci pemulihan cadangan"


class BackupKeyMissing(P4Error):
    code = "backup_key_missing"


def _account(site: str) -> str:
    return f"backup-key@{site or '-'}"


def key_id(key: bytes) -> bytes:
    """Eight bytes that name a key in a backup's header without revealing it."""
    return hashlib.sha256(b"p4-desk backup key id\x00" + key).digest()[:8]


def site_key(site: str, *, create: bool, store: KeyringStore | None = None) -> bytes | None:
    """The site's backup key from the keyring; a new one is made and kept when ``create``."""
    store = store or KeyringStore()
    try:
        kept = store.get_secret(SERVICE_NAME, _account(site))
        if kept:
            return parse_key_text(kept)
        if not create:
            return None
        key = secrets.token_bytes(KEY_BYTES)
        store.set_secret(SERVICE_NAME, _account(site), key_text(key))
        return key
    except CredentialStoreUnavailable as exc:
        if not create:
            return None
        raise BackupKeyMissing(
            "Cadangan tidak dibuat: kunci enkripsi cadangan disimpan di keyring sistem, dan "
            f"keyring tidak dapat dipakai ({exc.message})"
        ) from None


def keep_key(site: str, key: bytes, store: KeyringStore | None = None) -> None:
    """Keep a recovered key in this PC's keyring (after a restore with ``--key-file``)."""
    (store or KeyringStore()).set_secret(SERVICE_NAME, _account(site), key_text(key))


def key_text(key: bytes) -> str:
    """``ABCD-EFGH-…``: the key as an admin writes it on paper (base32, no padding)."""
    letters = base64.b32encode(key).decode().rstrip("=")
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def parse_key_text(text: str) -> bytes:
    letters = re.sub(r"[^A-Za-z2-7]", "", text).upper()
    try:
        key = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise ValidationError(
            "Kunci pemulihan tidak sah: harus 13 kelompok huruf/angka seperti yang dicetak "
            "p4-desk backup-key (ABCD-EFGH-…).",
            field="key_file",
        )
    return key


def write_key_file(path: Path, site: str, key: bytes) -> None:
    """The recovery key as a small text file, owner-only; never over an existing file."""
    path = Path(path)
    body = f"{KEY_FILE_HEADER}\nSitus: {site}\nKunci: {key_text(key)}\n"
    try:
        with os.fdopen(owner_only.create_private(path), "w", encoding="utf-8") as out:
            out.write(body)
    except FileExistsError:
        raise ValidationError(f"Berkas {path} sudah ada; pilih nama lain.", field="out") from None
    except OSError as exc:
        raise ValidationError(
            f"Berkas kunci {path} tidak dapat ditulis: {os_reason(exc)}", field="out"
        ) from exc


def read_key_file(path: Path) -> bytes:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError as exc:
        raise ValidationError(
            f"Berkas kunci {path} tidak dapat dibaca: {os_reason(exc)}", field="key_file"
        ) from exc
    line = next(
        (part.split(":", 1)[1] for part in text.splitlines() if part.lower().startswith("kunci:")), text
    )
    return parse_key_text(line)

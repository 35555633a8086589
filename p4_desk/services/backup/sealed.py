"""Encrypted backup files: AES-256-GCM (``cryptography``) in 1 MiB chunks, so a database of any
size is sealed and opened without holding it in memory.

Layout: ``MAGIC`` · site code (1 byte length + UTF-8) · key id (8 bytes, ``keys.key_id``) ·
nonce prefix (7 random bytes); then chunks, each a 4-byte big-endian length and the ciphertext
of up to 1 MiB. A chunk's nonce is the prefix, its 4-byte number and a final flag (1 on the last
chunk only), and the whole header is its associated data: a chunk changed, moved, dropped or
cut off, or another file's header, fails authentication. The site code is in clear so a restore
can look up the right key; nothing else is.
"""

from __future__ import annotations

import os
import secrets
import struct
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from p4_desk import owner_only
from p4_desk.errors import P4Error, ValidationError, os_reason
from p4_desk.services.backup.keys import key_id

MAGIC = b"P4DESK-SEALED-1\n"
CHUNK = 1 << 20
_TAG = 16


class WrongBackupKey(P4Error):
    code = "backup_wrong_key"


@dataclass(frozen=True)
class SealedHeader:
    site: str
    key_id: bytes
    prefix: bytes
    raw: bytes


def is_sealed(path: Path) -> bool:
    try:
        with Path(path).open("rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_header(f: BinaryIO, path: Path) -> SealedHeader:
    magic = f.read(len(MAGIC))
    size = f.read(1)
    if magic != MAGIC or not size:
        raise ValidationError(f"Berkas {path} bukan cadangan terenkripsi P4 Desk.", field="path")
    site = f.read(size[0])
    ident, prefix = f.read(8), f.read(7)
    if len(site) != size[0] or len(ident) != 8 or len(prefix) != 7:
        raise ValidationError(f"Berkas cadangan {path} terpotong.", field="path")
    raw = magic + size + site + ident + prefix
    return SealedHeader(site.decode("utf-8", "replace"), ident, prefix, raw)


def sealed_site(path: Path) -> str:
    with Path(path).open("rb") as f:
        return read_header(f, Path(path)).site


def seal(plain: Path, target: Path, site: str, key: bytes) -> None:
    """Encrypt ``plain`` into the new file ``target`` (owner-only, written whole or not at all)."""
    encoded = site.encode()[:255]
    header = MAGIC + bytes([len(encoded)]) + encoded + key_id(key) + secrets.token_bytes(7)
    aead = AESGCM(key)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with Path(plain).open("rb") as src, os.fdopen(owner_only.create_private(partial), "wb") as out:
            out.write(header)
            number = 0
            block = src.read(CHUNK)
            while True:
                following = src.read(CHUNK)
                final = not following
                nonce = header[-7:] + struct.pack(">I?", number, final)
                sealed = aead.encrypt(nonce, block, header)
                out.write(struct.pack(">I", len(sealed)) + sealed)
                if final:
                    break
                block, number = following, number + 1
            out.flush()
            os.fsync(out.fileno())
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ValidationError(f"Berkas cadangan {target} tidak dapat ditulis: {os_reason(exc)}") from exc


def unseal(source: Path, plain: Path, key: bytes) -> None:
    """Decrypt ``source`` into the new owner-only file ``plain``; ``WrongBackupKey`` (nothing left
    behind) when the key is not this backup's or the file was changed."""
    source = Path(source)
    try:
        with source.open("rb") as f, os.fdopen(owner_only.create_private(plain), "wb") as out:
            header = read_header(f, source)
            if header.key_id != key_id(key):
                raise WrongBackupKey(
                    f"Kunci yang dipakai bukan kunci cadangan {source.name} (situs {header.site}). "
                    "Pakai berkas kunci pemulihan situs itu (--key-file). Tidak ada yang diubah."
                )
            aead = AESGCM(key)
            number, final = 0, False
            while not final:
                size = f.read(4)
                if len(size) != 4:
                    raise WrongBackupKey(f"Berkas cadangan {source.name} terpotong. Tidak ada yang diubah.")
                (length,) = struct.unpack(">I", size)
                sealed = f.read(length)
                if length < _TAG or length > CHUNK + _TAG or len(sealed) != length:
                    raise WrongBackupKey(f"Berkas cadangan {source.name} rusak. Tidak ada yang diubah.")
                for final in (False, True):
                    try:
                        nonce = header.prefix + struct.pack(">I?", number, final)
                        out.write(aead.decrypt(nonce, sealed, header.raw))
                        break
                    except InvalidTag:
                        continue
                else:
                    raise WrongBackupKey(
                        f"Berkas cadangan {source.name} tidak dapat dibuka dengan kunci ini, atau isinya "
                        "diubah. Tidak ada yang diubah."
                    )
                number += 1
            if f.read(1):
                raise WrongBackupKey(f"Berkas cadangan {source.name} rusak. Tidak ada yang diubah.")
    except BaseException:
        with suppress(OSError):
            Path(plain).unlink()
        raise

"""Writing an output file (receipt, report, ticket PDF, WAV, export): whole or not at all, and
never over a file that is not ours.

``write_output`` writes into a temporary file in the target's own folder, flushes it to disk and
renames it into place (atomic on Windows and POSIX); on any failure the temporary file is
removed and the target is untouched. A failure is a ``P4Error`` in Indonesian.

What is *ours*: a file inside P4 Desk's own data folder (``own_dir``: ticket PDFs, backups), or a
file P4 Desk wrote before and nobody changed since — the ledger (a small JSON file in the data
folder) keeps the SHA-256 of every file written elsewhere. Anything else that already exists
is refused unless ``force`` (the commands' ``--force``). Only regular files are replaced:
a folder, a device or a symbolic link is refused even with ``force``.

Sits beside ``errors`` at the bottom of the layers (stdlib only); callers pass the ledger path.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from p4_desk.errors import P4Error, ValidationError, os_reason

LEDGER_LIMIT = 2000  # files remembered; the oldest are forgotten first


class OutputRefused(P4Error):
    code = "output_refused"


def write_output(
    path: Path | str,
    data: bytes,
    *,
    ledger: Path | None = None,
    own_dir: Path | None = None,
    force: bool = False,
) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace a file that is not ours."""
    target = Path(path)
    if not target.name or target.name in (".", ".."):
        raise OutputRefused(f"{target} bukan nama berkas.")
    _check_replaceable(target, ledger, own_dir, force)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputRefused(f"Folder {target.parent} tidak dapat dibuat: {os_reason(exc)}.") from None
    partial: str | None = None
    try:
        fd, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
        partial = None
    except OSError as exc:
        raise OutputRefused(f"Berkas {target} tidak dapat ditulis: {os_reason(exc)}.") from None
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
    if ledger is not None and not _inside(target, own_dir):
        _remember(ledger, target, hashlib.sha256(data).hexdigest())
    return target


def _check_replaceable(target: Path, ledger: Path | None, own_dir: Path | None, force: bool) -> None:
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputRefused(f"Berkas {target} tidak dapat diperiksa: {os_reason(exc)}.") from None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        raise OutputRefused(f"{target} sudah ada dan bukan berkas biasa (folder, perangkat atau tautan).")
    if force or _inside(target, own_dir):
        return
    if ledger is not None and _known(ledger, target) == _sha256(target):
        return
    raise OutputRefused(
        f"Berkas {target} sudah ada dan bukan buatan P4 Desk (atau sudah diubah); pilih nama lain, "
        "atau tambahkan --force untuk menimpanya."
    )


def _inside(target: Path, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        target.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def _key(target: Path) -> str:
    return os.path.normcase(str(target.resolve()))


def _sha256(target: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with target.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def _read_ledger(ledger: Path) -> dict[str, str]:
    try:
        data = json.loads(ledger.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _known(ledger: Path, target: Path) -> str | None:
    return _read_ledger(ledger).get(_key(target))


def _remember(ledger: Path, target: Path, digest: str) -> None:
    entries = _read_ledger(ledger)
    entries.pop(_key(target), None)
    entries[_key(target)] = digest  # newest last
    kept = dict(list(entries.items())[-LEDGER_LIMIT:])
    # a ledger that cannot be written only means the file is not recognised later
    with contextlib.suppress(OutputRefused):
        write_output(ledger, json.dumps(kept, indent=0).encode(), force=True)


MAX_JSON_DEPTH = 32
MAX_JSON_BYTES = 16 * 1024 * 1024


def read_json_file(path: Path | str, field: str = "file") -> Any:
    """A JSON document from a file, or a ``ValidationError`` in Indonesian saying what is wrong."""
    source = Path(path)
    try:
        if source.stat().st_size > MAX_JSON_BYTES:
            raise ValidationError(
                f"Berkas {source} lebih dari 16 MB; bukan berkas data P4 Desk.", field=field
            )
        raw = source.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Berkas {source} tidak ditemukan.", field=field) from None
    except OSError as exc:
        raise ValidationError(f"Berkas {source} tidak dapat dibaca: {os_reason(exc)}.", field=field) from None
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError(f"Berkas {source} bukan teks UTF-8.", field=field) from None
    except RecursionError:
        raise ValidationError(f"Isi berkas {source} bersarang terlalu dalam.", field=field) from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"Berkas {source} bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}).", field=field
        ) from None
    if _depth(document) > MAX_JSON_DEPTH:
        raise ValidationError(
            f"Isi berkas {source} bersarang lebih dari {MAX_JSON_DEPTH} tingkat.", field=field
        )
    return document


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest

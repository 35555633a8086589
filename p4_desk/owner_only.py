"""Files and folders only their owner can read: the site database, backups, pre-restore copies,
``settings.toml`` (it may hold the PostgreSQL password) and the logs (UU 27/2022).

One adapter for the OS concern (DESIGN §3):

- POSIX: files ``0600``, folders ``0700``. A file is *created* with that mode (``os.open`` with
  ``O_CREAT``), never created readable and narrowed afterwards.
- Windows: the user profile's ACL, made explicit — inheritance removed, full control for the
  user, SYSTEM and the Administrators group only (``icacls``; no extra library). A folder's
  entries are inherited by what is created in it.

``problem(path)`` says in Indonesian why a path is readable by others (for ``selftest``), or None.
"""

from __future__ import annotations

import logging
import os
import re
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

FILE_MODE = 0o600
DIR_MODE = 0o700
_WINDOWS = sys.platform == "win32"
#: SIDs that must not be granted anything: Everyone, Users, Authenticated Users, Guests, Anonymous
_WIDE_SIDS = ("WD", "BU", "AU", "BG", "AN", "S-1-1-0", "S-1-5-32-545", "S-1-5-11")


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) and make it owner-only; returns it."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    protect(path)
    return path


def create_private(path: Path) -> int:
    """Open a new file (``O_EXCL``) for writing, owner-only from its first byte; a file descriptor."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    if _WINDOWS:
        _icacls_private(Path(path), folder=False)
    return fd


def touch_private(path: Path) -> None:
    """Create ``path`` empty and owner-only unless it exists; make an existing one owner-only."""
    path = Path(path)
    if not path.exists():
        try:
            os.close(create_private(path))
            return
        except FileExistsError:
            pass
    protect(path)


_protected: set[Path] = set()


def protect_once(path: Path) -> None:
    """``protect`` a path the first time this process sees it (a database opened per connection)."""
    path = Path(path)
    if path not in _protected and path.exists():
        protect(path)
        _protected.add(path)


def protect(path: Path) -> None:
    """Make an existing file or folder owner-only (a no-op for what is not ours to change)."""
    path = Path(path)
    folder = path.is_dir()
    try:
        if _WINDOWS:
            _icacls_private(path, folder=folder)
        else:
            os.chmod(path, DIR_MODE if folder else FILE_MODE)
    except OSError as exc:  # another user's file on a shared disk: selftest names it
        log.warning("could not make %s owner-only: %s", path, exc)


def problem(path: Path) -> str | None:
    """Why ``path`` is not owner-only (Indonesian), or None (also when it does not exist)."""
    path = Path(path)
    if not path.exists():
        return None
    if _WINDOWS:
        return _windows_problem(path)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        who = "semua akun" if mode & 0o007 else "akun lain dalam grupnya"
        return f"{path} dapat dibaca {who} di komputer ini (mode {mode:04o}, seharusnya {_wanted(path):04o})"
    return None


def _wanted(path: Path) -> int:
    return DIR_MODE if path.is_dir() else FILE_MODE


# --- Windows ------------------------------------------------------------------------------------


def _icacls(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["icacls", *args], capture_output=True, text=True, timeout=60, check=False)


def _icacls_private(path: Path, *, folder: bool) -> None:
    user = os.environ.get("USERNAME", "")
    domain = os.environ.get("USERDOMAIN", "")
    account = f"{domain}\\{user}" if domain and user else user
    inherit = "(OI)(CI)" if folder else ""
    grants = [f"*S-1-5-18:{inherit}(F)", f"*S-1-5-32-544:{inherit}(F)"]
    if account:
        grants.append(f"{account}:{inherit}(F)")
    result = _icacls(str(path), "/inheritance:r", "/grant:r", *grants)
    if result.returncode != 0:
        raise OSError(result.stderr.strip() or result.stdout.strip() or "icacls failed")


def _windows_problem(path: Path) -> str | None:
    with tempfile.TemporaryDirectory() as scratch:
        saved = Path(scratch) / "acl.txt"
        result = _icacls(str(path), "/save", str(saved))
        if result.returncode != 0 or not saved.exists():
            return f"hak akses {path} tidak dapat dibaca (icacls)"
        sddl = saved.read_text(encoding="utf-16", errors="replace")
    if wide_grants(sddl):
        return f"{path} dapat dibuka akun lain di komputer ini (Everyone/Users); jalankan ulang P4 Desk"
    return None


def wide_grants(sddl: str) -> list[str]:
    """The "allow" entries of an SDDL (as ``icacls /save`` writes it) for everyone-like groups."""
    allowed = re.findall(r"\(A;[^)]*\)", sddl)  # "(A;OICI;FA;;;WD)": allow, ..., trustee SID last
    return [ace for ace in allowed if ace[1:-1].rsplit(";", 1)[-1] in _WIDE_SIDS]

"""The PostgreSQL client tools (``pg_dump``, ``pg_restore``): found on PATH or in the usual install folders;
without them the site IT gets an Indonesian message saying what to install. The password goes
through the ``PGPASSWORD`` environment variable, never the command line.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from glob import glob
from pathlib import Path

from sqlalchemy.engine import URL

from p4_desk import owner_only
from p4_desk.errors import ValidationError
from p4_desk.services.backup.model import BackupError

log = logging.getLogger(__name__)


# --- PostgreSQL tools -----------------------------------------------------------------------


def find_pg_tool(name: str) -> Path | None:
    """``pg_dump`` / ``pg_restore`` on PATH or in the usual install folders (newest first)."""
    exe = name + (".exe" if sys.platform == "win32" else "")
    found = shutil.which(exe)
    if found:
        return Path(found)
    if sys.platform == "win32":
        roots = [os.environ.get("PROGRAMFILES", r"C:\Program Files"), os.environ.get("PROGRAMW6432", "")]
        patterns = [os.path.join(r, "PostgreSQL", "*", "bin", exe) for r in roots if r]
    else:
        patterns = [f"/usr/lib/postgresql/*/bin/{exe}", f"/usr/pgsql-*/bin/{exe}", f"/opt/homebrew/bin/{exe}"]
    candidates = [Path(p) for pattern in patterns for p in glob(pattern)]
    candidates.sort(key=_version_key, reverse=True)
    return candidates[0] if candidates else None


def _version_key(path: Path) -> tuple[int, ...]:
    digits = [part for part in path.parts if part.replace(".", "").isdigit() or part.startswith("pgsql-")]
    for part in digits:
        number = part.removeprefix("pgsql-")
        try:
            return tuple(int(x) for x in number.split("."))
        except ValueError:
            continue
    return (0,)


def require_pg_tool(name: str) -> Path:
    tool = find_pg_tool(name)
    if tool is None:
        raise BackupError(
            f"Program {name} tidak ditemukan. Pasang PostgreSQL client tools (versi yang sama atau "
            "lebih baru dari server) lalu tambahkan folder bin-nya ke PATH, atau jalankan pencadangan "
            "di server basis data."
        )
    return tool


def _pg_env(url: URL) -> dict[str, str]:
    env = dict(os.environ)
    for var, value in (
        ("PGHOST", url.host),
        ("PGPORT", url.port),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGDATABASE", url.database),
    ):
        if value is not None:
            env[var] = str(value)
    return env


def run_pg_tool(args: list[str], url: URL, what: str) -> None:
    try:
        result = subprocess.run(args, env=_pg_env(url), capture_output=True, text=True, timeout=3600)
    except OSError as exc:
        raise BackupError(f"{what} gagal dijalankan: {exc}") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(f"{what} gagal: {detail[-1] if detail else f'kode keluar {result.returncode}'}")


def pg_dump(url: URL, target: Path) -> None:
    tool = require_pg_tool("pg_dump")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    owner_only.touch_private(partial)  # pg_dump truncates it and keeps its owner-only mode
    try:
        run_pg_tool([str(tool), "--format=custom", "--no-owner", f"--file={partial}"], url, "pg_dump")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def pg_restore_text(tool: Path, source: Path, *options: str) -> str:
    try:
        result = subprocess.run(
            [str(tool), *options, "--file=-", str(source)], capture_output=True, text=True, timeout=3600
        )
    except OSError as exc:
        raise BackupError(f"pg_restore gagal dijalankan: {exc}") from exc
    if result.returncode != 0:
        raise ValidationError(
            f"Berkas {source} bukan cadangan PostgreSQL P4 Desk yang dapat dibaca.", field="path"
        )
    return result.stdout

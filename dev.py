#!/usr/bin/env python3
"""One entry point for a fresh machine: sets up `.venv` by itself, then runs or tests P4 Desk.

    python3 dev.py run     start the counter window on the embedded demo database
    python3 dev.py test    run the whole test suite (extra arguments go to pytest)
    python3 dev.py cli ... run any `p4-desk` command inside the project's environment

Only the Python standard library is used here, so it works before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_environment(extras: str) -> None:
    """Create the virtual environment and install the project (again only when pyproject changed)."""
    if sys.version_info < (3, 11):
        sys.exit("P4 Desk needs Python 3.11 or newer.")
    stamp = VENV / f".installed-{extras or 'base'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Membuat lingkungan Python di .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Memasang dependensi (sekali saja) ...", flush=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip", "setuptools"], check=True
    )
    target = f".[{extras}]" if extras else "."
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT, check=True)
    stamp.write_text(digest)


def p4desk(*args: str) -> int:
    return subprocess.call([str(PYTHON), "-m", "p4_desk", *args], cwd=ROOT)


def run(args: list[str]) -> int:
    ensure_environment("")
    probe = "from p4_desk.config import default_database_url as d; print(d())"
    url = subprocess.run([str(PYTHON), "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    db_url = url.stdout.strip()
    db_file = Path(db_url.removeprefix("sqlite:///"))
    if not db_file.exists():
        print(f"Menyiapkan basis data contoh di {db_file} ...", flush=True)
        if p4desk("demo-data", "--db", db_url) != 0:
            return 1
    if not args:
        args = ["--role", "counter", "--counter", "L01"]
    return p4desk("--db", db_url, *args)


def test(args: list[str]) -> int:
    ensure_environment("dev")
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)


def main() -> int:
    command, *rest = sys.argv[1:] or ["run"]
    if command == "run":
        return run(rest)
    if command == "test":
        return test(rest)
    if command == "cli":
        ensure_environment("central")  # includes the reference central server
        return p4desk(*rest)
    sys.exit(f"usage: python3 dev.py run|test|cli ...  (unknown: {command})")


if __name__ == "__main__":
    raise SystemExit(main())

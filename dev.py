#!/usr/bin/env python3
"""One entry point for a fresh machine: sets up `.venv` by itself, then runs or tests P4 Desk.

    python3 dev.py run     start the counter window on the embedded demo database
    python3 dev.py test    run the whole test suite, one worker per CPU (extra arguments go to
                           pytest; -n0 runs it in one process, -n N with N workers)
    python3 dev.py cli ... run any `p4-desk` command inside the project's environment
    python3 dev.py build   build the PyInstaller bundle (arguments go to installer/build.py)
    python3 dev.py gallery screenshots of every role at every hall screen size (docs/screenshots/)
    python3 dev.py lock    re-lock requirements/*.txt after changing pyproject.toml
                           (--check: only tell whether the lock matches; --upgrade: newest versions)

Every command shares one environment, installed from the lock `requirements/dev.txt` (exact
versions with hashes: the runtime, the central server and the development tools) and installed
again only when the lock or the `[project]` table of pyproject.toml changes.

Only the Python standard library is used here, so it works before anything is installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
LOCKS = ROOT / "requirements"
DEV_LOCK = LOCKS / "dev.txt"
STAMP = VENV / ".p4-desk-installed"
# requirements/<name>.txt: the extras it holds (runtime = the program a counter PC runs)
LOCK_SETS = {"dev": ("dev", "central"), "central": ("central",), "runtime": ()}
LOCK_COMMAND = "python3 dev.py lock"


def install_digest() -> str:
    """What the environment is installed from: the lock and pyproject's [project]/[build-system]."""
    import tomllib  # here, so that Python 3.10 reaches the version message below

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    meta = {key: pyproject.get(key) for key in ("project", "build-system")}
    digest = hashlib.sha256(DEV_LOCK.read_bytes())
    digest.update(json.dumps(meta, sort_keys=True).encode())
    return digest.hexdigest()


def ensure_environment() -> None:
    """Create `.venv` and install the locked dependencies and the project (again only on change)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs on whatever python3 is
        sys.exit("P4 Desk needs Python 3.11 or newer.")
    digest = install_digest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == digest:
        return
    if not PYTHON.exists():
        print("Membuat lingkungan Python di .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    first = not STAMP.exists()
    print(
        "Memasang dependensi dari requirements/dev.txt"
        + (" (sekali saja) ..." if first else " (kunci dependensi atau pyproject.toml berubah) ..."),
        flush=True,
    )
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--require-hashes", "--no-deps", "-r", str(DEV_LOCK)], cwd=ROOT, check=True)
    # the project itself, built with the locked setuptools (no unpinned build environment)
    subprocess.run([*pip, "--quiet", "--no-deps", "--no-build-isolation", "-e", "."], cwd=ROOT, check=True)
    STAMP.write_text(digest)


def p4desk(*args: str) -> int:
    # the user's working directory: relative paths (--out x.pdf, --json-file a.json) mean theirs
    return subprocess.call([str(PYTHON), "-m", "p4_desk", *args])


def run(args: list[str]) -> int:
    ensure_environment()
    probe = "from p4_desk.config import default_database_url as d; print(d())"
    url = subprocess.run([str(PYTHON), "-c", probe], capture_output=True, text=True, check=True)
    db_url = url.stdout.strip()
    db_file = Path(db_url.removeprefix("sqlite:///"))
    if not db_file.exists():
        print(f"Menyiapkan basis data contoh di {db_file} ...", flush=True)
        if p4desk("demo-data", "--db", db_url) != 0:
            return 1
    if not args:
        args = ["--role", "counter", "--counter", "L01"]
    return p4desk("--db", db_url, *args)


def workers() -> int:
    """Test processes: one per CPU this process may use (P4_TEST_WORKERS overrides)."""
    chosen = os.environ.get("P4_TEST_WORKERS", "")
    if chosen.isdigit():
        return int(chosen)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def parallel_arguments(args: list[str]) -> list[str]:
    """pytest-xdist's ``-n`` (one worker per CPU) unless the caller chose: ``-n0`` runs serially.

    ``--dist worksteal``: each worker starts on its own contiguous share of the tests (a module
    stays together, its fixtures are built once) and takes work from the other when idle. Unlike
    ``loadgroup``, it survives a crashed worker: pytest-xdist 3.8's group scheduler re-queues a
    dead worker's finished groups as empty units and the session never ends (a CI run hung for
    an hour that way). Tests that write the checkout's build/ and dist/ take a file lock instead
    (the ``checkout_build`` marker, tests/conftest.py).
    """
    chosen = any(a == "-n" or a.startswith(("-n", "--numprocesses", "--dist")) for a in args)
    if chosen or "no:xdist" in args:
        return []
    count = workers()
    return ["-n", str(count), "--dist", "worksteal"] if count > 1 else []


def test(args: list[str]) -> int:
    ensure_environment()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    command = [str(PYTHON), "-m", "pytest", *parallel_arguments(args), *args]
    return subprocess.call(command, cwd=ROOT, env=env)


def build(args: list[str]) -> int:
    ensure_environment()
    return subprocess.call([str(PYTHON), str(ROOT / "installer" / "build.py"), *args], cwd=ROOT)


# --- the lock ----------------------------------------------------------------------------------

# name[extras]==version ; marker — the extras are dropped (a constraint may not carry them)
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(==[^\s;\\]+)(\s*;\s*[^\\]+?)?\s*\\?$")


def pins(lock_text: str) -> list[str]:
    """``name==version ; marker`` of every package in a lock file (hashes left out)."""
    found = []
    for line in lock_text.splitlines():
        match = _PIN.match(line)
        if match:
            found.append(match.group(1) + match.group(2) + (match.group(3) or ""))
    return found


def compile_locks(out_dir: Path, *, upgrade: bool) -> None:
    """Lock every set into ``out_dir`` (existing files there are kept as version preferences)."""
    uv = [str(BIN / ("uv.exe" if os.name == "nt" else "uv")), "pip", "compile", "--quiet"]
    common = [
        "pyproject.toml", "--universal", "--python-version", "3.11", "--generate-hashes",
        "--no-strip-extras", "--custom-compile-command", LOCK_COMMAND,
    ]  # fmt: skip
    if upgrade:
        common.append("--upgrade")
    full = out_dir / "dev.txt"
    extras = [arg for extra in LOCK_SETS["dev"] for arg in ("--extra", extra)]
    subprocess.run([*uv, *common, *extras, "-o", str(full)], cwd=ROOT, check=True)
    # the smaller sets take exactly the versions of the full one (a fixed relative path: uv
    # names it in the files it writes)
    constraints = Path("build") / "lock-constraints.txt"
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / constraints).write_text(
        "\n".join(pins(full.read_text(encoding="utf-8"))) + "\n", encoding="utf-8"
    )
    for name, chosen in LOCK_SETS.items():
        if name == "dev":
            continue
        extras = [arg for extra in chosen for arg in ("--extra", extra)]
        target = out_dir / f"{name}.txt"
        command = [*uv, *common, *extras, "-c", str(constraints), "-o", str(target)]
        subprocess.run(command, cwd=ROOT, check=True)


def lock(args: list[str]) -> int:
    ensure_environment()
    if "--check" not in args:
        LOCKS.mkdir(exist_ok=True)
        compile_locks(LOCKS, upgrade="--upgrade" in args)
        print(f"requirements/*.txt dikunci ulang; commit bersama pyproject.toml ({LOCK_COMMAND}).")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in LOCK_SETS:
            if (LOCKS / f"{name}.txt").exists():
                shutil.copy(LOCKS / f"{name}.txt", Path(tmp) / f"{name}.txt")
        compile_locks(Path(tmp), upgrade=False)
        stale = [
            name
            for name in LOCK_SETS
            if not (LOCKS / f"{name}.txt").exists()
            or (Path(tmp) / f"{name}.txt").read_text(encoding="utf-8")
            != (LOCKS / f"{name}.txt").read_text(encoding="utf-8")
        ]
    if stale:
        print(
            f"Kunci dependensi tidak cocok dengan pyproject.toml: requirements/{', '.join(stale)}.txt. "
            f"Jalankan: {LOCK_COMMAND}",
            file=sys.stderr,
        )
        return 1
    print("Kunci dependensi cocok dengan pyproject.toml.")
    return 0


def main() -> int:
    command, *rest = sys.argv[1:] or ["run"]
    if command == "run":
        return run(rest)
    if command == "test":
        return test(rest)
    if command == "cli":
        ensure_environment()
        return p4desk(*rest)
    if command == "build":
        return build(rest)
    if command == "lock":
        return lock(rest)
    if command == "gallery":
        ensure_environment()
        return subprocess.call([str(PYTHON), str(ROOT / "tools" / "gallery.py"), *rest], cwd=ROOT)
    sys.exit(f"usage: python3 dev.py run|test|cli|build|lock|gallery ...  (unknown: {command})")


if __name__ == "__main__":
    raise SystemExit(main())

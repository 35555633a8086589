"""The dependency direction of DESIGN §3, enforced by the import-linter contracts in pyproject.toml.

The first test is the guard: it fails, naming the import, as soon as a module breaks a
contract. The second proves the guard bites: in a copy of the package, a handful of imports
that break each contract are added, and every one of them must be reported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import p4_desk

REPO = Path(__file__).resolve().parents[2]
PACKAGE = Path(p4_desk.__file__).resolve().parent
ENTRY = {"__init__", "__main__"}  # the package itself and `python -m p4_desk`


def lint_imports(cwd: Path, *, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("lint-imports.exe" if os.name == "nt" else "lint-imports")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "importlinter.cli"]
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [*command, "--no-cache", "--no-logo", str(cwd / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def contract_names() -> dict[str, str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c["name"] for c in config["tool"]["importlinter"]["contracts"]}


def test_every_import_follows_the_layering_of_the_design() -> None:
    result = lint_imports(REPO)

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(contract_names())} kept, 0 broken" in result.stdout


# (module added to the copy, its import, the contracts it must break)
PROBES = [
    ("sync/_probe.py", "from p4_desk.services import queue", {"layers"}),
    ("store/_probe.py", "from p4_desk.sync import agent", {"layers"}),
    ("domain/_probe.py", "import PySide6.QtCore", {"no-qt-below-gui", "domain-is-pure"}),
    ("services/_probe.py", "from PySide6 import QtWidgets", {"no-qt-below-gui"}),
    ("printing/_probe.py", "from p4_desk.store import db", {"printing-takes-content"}),
    ("central/_probe.py", "from p4_desk.store import models", {"central-stands-alone"}),
    ("gui/_probe.py", "import sqlalchemy", {"widgets-no-sql"}),
]


def test_the_contracts_report_an_import_that_breaks_them(tmp_path: Path) -> None:
    # Given a copy of the package in which each probe module breaks a contract
    copy = tmp_path / "p4_desk"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    for path, line, _ in PROBES:
        (copy / path).write_text(f'"""Breaks the layering on purpose."""\n\n{line}\n', encoding="utf-8")

    # When the linter checks the copy
    result = lint_imports(tmp_path, pythonpath=tmp_path)

    # Then it fails and names every broken contract and every probe
    report = result.stdout + result.stderr
    assert result.returncode == 1, report
    names = contract_names()
    broken = {cid for cid, name in names.items() if f"{name} BROKEN" in report}
    assert broken == set().union(*(expected for _, _, expected in PROBES)), report
    for path, _, _ in PROBES:
        assert "p4_desk." + path.removesuffix(".py").replace("/", ".") in report, path


def test_every_part_of_the_package_has_its_place_in_the_layers() -> None:
    """A new top-level package or module must be placed in the layering (and in DESIGN §3)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    placed = {part.strip() for row in layers["layers"] for part in row.replace(":", "|").split("|")}
    parts = {
        p.stem
        for p in PACKAGE.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.stem not in ENTRY)
    }

    assert parts == placed

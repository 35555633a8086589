"""Renderers take content objects: nothing in ``printing/`` reaches the services or the database,
and the wording module is pure (DESIGN §3 and §6)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import p4_desk

PACKAGE = Path(p4_desk.__file__).parent


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top, inside functions or under TYPE_CHECKING."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("module", sorted(p.name for p in (PACKAGE / "printing").glob("*.py")))
def test_printing_imports_no_service_store_or_screen(module: str) -> None:
    above = ("p4_desk.services", "p4_desk.store", "p4_desk.gui", "p4_desk.cli", "p4_desk.sync", "PySide6")
    imported = imported_modules(PACKAGE / "printing" / module)
    assert not {m for m in imported if m.startswith(above)}, module


def test_wording_is_pure() -> None:
    imported = imported_modules(PACKAGE / "domain" / "wording.py")
    ours = {m for m in imported if m.startswith("p4_desk")}
    assert ours <= {"p4_desk.errors"} | {m for m in ours if m.startswith("p4_desk.domain.")}
    assert not {m for m in imported if m.startswith(("PySide6", "sqlalchemy", "reportlab"))}

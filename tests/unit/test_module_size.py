"""Modules stay small (issue 21, DESIGN §3): none of p4_desk grows past ``LIMIT`` lines.

The target is ~400 lines: a module that grows past it is split by responsibility. ``LIMIT``
leaves room for a last fix before the split; past it this test fails, naming the module. The
allow-list names the few modules still over the target whose split is due; an entry goes when
its module is split (the second test says so), and nothing new is added to it.
"""

from __future__ import annotations

from pathlib import Path

import p4_desk

PACKAGE = Path(p4_desk.__file__).resolve().parent
TARGET = 400
LIMIT = 450
#: Python compiled from the Designer forms (tools/compile_forms.py): generated, not written
GENERATED = ("gui/forms",)
#: still over the target, each to be split by responsibility (issue 21); none since session 25
ALLOWED: set[str] = set()


def module_sizes(package: Path) -> dict[str, int]:
    """Every hand-written module below ``package``: its path (with /) and its number of lines."""
    sizes = {}
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if not any(name.startswith(f"{folder}/") for folder in GENERATED):
            sizes[name] = len(path.read_text(encoding="utf-8").splitlines())
    return sizes


def oversized(sizes: dict[str, int], allowed: set[str]) -> list[str]:
    return [
        f"{name}: {lines} lines" for name, lines in sizes.items() if lines > LIMIT and name not in allowed
    ]


def test_no_module_grows_past_the_limit() -> None:
    sizes = module_sizes(PACKAGE)

    assert len(sizes) > 100  # the whole package was read, not an empty folder
    assert oversized(sizes, ALLOWED) == [], f"split these by responsibility (over {LIMIT} lines)"


def test_every_allowed_module_is_still_over_the_target() -> None:
    sizes = module_sizes(PACKAGE)

    stale = {name: sizes.get(name) for name in ALLOWED if sizes.get(name, 0) <= TARGET}

    assert stale == {}, "split or gone: take these off ALLOWED"


def test_the_limit_names_a_module_that_grew_past_it(tmp_path: Path) -> None:
    # Given a package with a module one line past the limit, one at it, an allowed one and a form
    (tmp_path / "services").mkdir()
    (tmp_path / "gui" / "forms").mkdir(parents=True)
    (tmp_path / "services" / "grown.py").write_text("x = 1\n" * (LIMIT + 1), encoding="utf-8")
    (tmp_path / "services" / "full.py").write_text("x = 1\n" * LIMIT, encoding="utf-8")
    (tmp_path / "services" / "due.py").write_text("x = 1\n" * (LIMIT + 50), encoding="utf-8")
    (tmp_path / "gui" / "forms" / "ui_big.py").write_text("x = 1\n" * (LIMIT * 2), encoding="utf-8")

    # When the sizes are checked with the due module allowed
    found = oversized(module_sizes(tmp_path), {"services/due.py"})

    # Then only the grown module is named, with its size
    assert found == [f"services/grown.py: {LIMIT + 1} lines"]

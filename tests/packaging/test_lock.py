"""The lock (requirements/*.txt) matches pyproject.toml, and this environment runs from it."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import dev  # noqa: E402  (the stdlib-only entry point: its lock parser)

sys.path.pop(0)

pytestmark = [pytest.mark.slow, pytest.mark.checkout_build]  # writes build/


def test_the_lock_matches_pyproject() -> None:
    # re-locks into a scratch folder with the committed files as preferences: any difference
    # means pyproject.toml changed without `python3 dev.py lock`
    checked = subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), "lock", "--check"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "cocok" in checked.stdout


def test_every_lock_pins_with_hashes_and_the_sets_agree() -> None:
    sets = {
        name: (ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8") for name in dev.LOCK_SETS
    }
    full = {pin.split(";")[0].strip() for pin in dev.pins(sets["dev"])}
    for name, text in sets.items():
        pinned = dev.pins(text)
        assert pinned, name
        assert {p.split(";")[0].strip() for p in pinned} <= full, f"{name}: versions the dev lock has not"
        for line in text.splitlines():
            if "==" in line:
                assert line.rstrip().endswith("\\"), f"{name}: {line} has no hash"
    runtime = {p.split("==")[0] for p in dev.pins(sets["runtime"])}
    assert {"pyside6-essentials", "sqlalchemy", "jsonschema"} <= runtime
    assert "pytest" not in runtime and "fastapi" not in runtime


def test_this_environment_is_the_locked_one() -> None:
    from packaging.markers import Marker

    for pin in dev.pins((ROOT / "requirements" / "dev.txt").read_text(encoding="utf-8")):
        requirement, _, marker = pin.partition(";")
        name, version = requirement.strip().split("==")
        if marker and not Marker(marker).evaluate():
            continue
        assert metadata.version(name) == version, name

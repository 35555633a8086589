"""`python3 dev.py`: one environment for run, test and cli, installed again only on a new lock;
`dev.py cli` works in the user's folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import dev  # noqa: E402

sys.path.pop(0)


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), "cli", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": ""},
    )  # fmt: skip


def test_an_installed_environment_is_not_installed_again(tmp_path: Path) -> None:
    # this test runs inside that environment, so its stamp is current
    assert dev.STAMP.read_text() == dev.install_digest()
    done = cli(tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert "Memasang" not in done.stdout + done.stderr and "sekali saja" not in done.stdout


def test_relative_paths_are_the_users(tmp_path: Path, sqlite_url: str) -> None:
    from tests.support.sites import make_site

    make_site(sqlite_url).dispose()
    done = cli(tmp_path, "permit", "export", "--out", "katalog.json", "--db", sqlite_url)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "katalog.json").read_text(encoding="utf-8"))["format"] == "p4-desk-catalog"
    assert not (ROOT / "katalog.json").exists()


def test_the_suite_runs_on_every_cpu_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("P4_TEST_WORKERS", "4")
    assert dev.parallel_arguments(["tests/unit"]) == ["-n", "4", "--dist", "worksteal"]
    # the developer's own choice wins: serially, or another count
    assert dev.parallel_arguments(["-n0", "tests/unit"]) == []
    assert dev.parallel_arguments(["-n", "3"]) == []
    assert dev.parallel_arguments(["-p", "no:xdist"]) == []
    monkeypatch.setenv("P4_TEST_WORKERS", "1")
    assert dev.parallel_arguments([]) == []

"""The committed API contract matches the server, and fuzzing it finds no server error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from p4_desk.central.openapi import openapi_text
from tests.integration.central_server import REPO_ROOT, running_central

CONTRACT = REPO_ROOT / "docs" / "api" / "openapi.json"


def test_committed_contract_is_current() -> None:
    assert CONTRACT.read_text(encoding="utf-8") == openapi_text(), (
        "docs/api/openapi.json is stale: run `python -m p4_desk.central openapi --out docs/api/openapi.json`"
    )


def _schemathesis() -> list[str]:
    beside_python = Path(sys.executable).with_name("st")
    if beside_python.exists():
        return [str(beside_python)]
    found = shutil.which("st")
    if found is None:
        pytest.skip("schemathesis is not installed")
    return [found]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None: the server's own SQLite file; else a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield None
        return
    yield str(request.getfixturevalue("pg_url"))


@pytest.mark.slow
def test_fuzzing_the_contract_finds_no_server_error(tmp_path: Path, db_url: str | None) -> None:
    with running_central(tmp_path / "server", db_url=db_url) as central:
        token = central.enrol_site("LS01", "MPP Lampung Selatan")
        runs = {
            "site token": ["-H", f"Authorization: Bearer {token}"],
            # the admin operations again, now authorised
            "admin token": [
                "-H",
                f"Authorization: Bearer {central.admin_token}",
                "--include-tag",
                "admin",
            ],
        }
        for name, extra in runs.items():
            completed = subprocess.run(
                [
                    *_schemathesis(),
                    "run",
                    f"{central.url}/openapi.json",
                    "--checks",
                    "not_a_server_error",
                    "--max-examples",
                    "15",
                    "--workers",
                    "1",
                    "--seed",
                    "470",
                    "--no-color",
                    *extra,
                ],
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert completed.returncode == 0, f"{name}:\n{completed.stdout}\n{completed.stderr}"

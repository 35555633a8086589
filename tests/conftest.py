"""Shared fixtures: isolated settings dirs, a real PostgreSQL server, site databases, the site
clock, an in-memory keyring. GUI fixtures (translations, inline tasks) are in tests/gui/conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the developer's real keyring (see p4_desk.sync credentials).
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from tests.support.checkout_lock import checkout_lock  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402
from tests.support.postgres import PostgresServer, postgres_server  # noqa: E402
from tests.support.sites import DEFAULT_START, Clock  # noqa: E402

if TYPE_CHECKING:
    from tests.integration.central_server import CentralServer

IN_CI = os.environ.get("CI", "").lower() == "true"

# Hypothesis under CI: the same examples on every run and every worker (a fixed seed, no example
# database written into the checkout), so a red CI run is reproduced by running it again.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if IN_CI:
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "translation(area, ...): the GUI test runs with the shipped <area>_id.qm installed"
    )


@pytest.fixture(autouse=True)
def _checkout_build_turn(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test marked ``checkout_build`` runs holding the checkout's build lock; the module
    fixtures that build take it themselves (tests/support/checkout_lock.py)."""
    if request.node.get_closest_marker("checkout_build") is None:
        yield
        return
    with checkout_lock():
        yield


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own config, data and log folders (never the user's)."""
    for name in ("CONFIG", "DATA", "LOG"):
        folder = tmp_path / f"p4-{name.lower()}"
        folder.mkdir()
        monkeypatch.setenv(f"P4_DESK_{name}_DIR", str(folder))
    monkeypatch.delenv("P4_DESK_DB", raising=False)


@pytest.fixture(autouse=True)
def _keyring_restored() -> Iterator[None]:
    """A test that selects another keyring backend (e.g. the in-memory one) does not leak it."""
    import keyring

    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    """The real central server (``p4_desk.central``) on 127.0.0.1, its database in ``tmp_path``."""
    from tests.integration.central_server import running_central

    with running_central(tmp_path / "central") as server:
        yield server


@pytest.fixture
def clock() -> Clock:
    """The site's clock in a test: Wednesday 4 March 2026, 10:00 WIB (office hours); settable.

    A module that needs another moment overrides this fixture with its own ``clock``.
    """
    return Clock(DEFAULT_START)


@pytest.fixture
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    """keyring's own selection pointed at the in-memory backend, for this process and for child
    processes (which find the secrets in a file mirror under ``tmp_path``). Restored afterwards
    by ``_keyring_restored``. Modules that need it everywhere: ``pytestmark = usefixtures(...)``.
    """
    import keyring

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.memory_keyring.MemoryKeyring")
    monkeypatch.setenv("P4_TEST_KEYRING_FILE", str(tmp_path / "test-keyring.json"))
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    try:
        with postgres_server() as server:
            yield server
    except (RuntimeError, OSError) as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI=true but could not be started: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    name = pg_server.create_database()
    try:
        yield pg_server.url(name)
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{(tmp_path / 'site.sqlite3').as_posix()}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on an embedded SQLite file and on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'site.sqlite3').as_posix()}"
    return str(request.getfixturevalue("pg_url"))

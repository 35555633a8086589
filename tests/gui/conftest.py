"""GUI fixtures shared by every GUI test (pytest-qt, real widgets, offscreen).

- ``site_clock`` / ``site_db``: the MPP-TEST site (tests/support/sites.py) in a real SQLite file,
  on a settable clock at 10:00 WIB; users petugas1 / petugas2 (password ``rahasia123``).
- ``make_ctx(db, role=..., counter=..., username=...)``: an ``AppContext`` with that user logged in.
- ``screenshot(widget, name)``: saves a PNG to ``test-output/screenshots/<name>.png`` (gitignored).
- ``admin_window``: the admin window on the MPP-TEST site, user ``admin`` logged in, shown.
- ``inline_tasks``: background tasks run at once on the calling thread (``set_synchronous``).
- Every GUI test runs in the application's locale, Indonesian (``look.install_locale``): decimal
  comma, thousands dot, Indonesian month and day names in Qt's own widgets.
- ``translation("kiosk")``: installs the shipped ``kiosk_id.qm`` until the test ends; a test or
  module marked ``@pytest.mark.translation("kiosk")`` gets it installed before it starts.
- Every GUI test waits for background tasks and stops the live-update monitors at teardown,
  then collects garbage on the GUI thread: as in the application (``collect_garbage_on_gui_thread``),
  no closed window may be left for the cycle collector to destroy later on another thread.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.admin import open_window as open_admin
from p4_desk.gui.admin.window import AdminWindow
from p4_desk.gui.app.look import apply_theme, install_locale
from p4_desk.gui.common import live
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.tasks import set_synchronous
from p4_desk.resources import resource
from p4_desk.services import users
from p4_desk.store.db import Database
from tests.support.sites import Clock, make_site

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@pytest.fixture(autouse=True)
def _themed_app(qapp: QApplication) -> Iterator[None]:
    install_locale()
    apply_theme(qapp)
    gc.disable()  # as the application does, but collected here at teardown rather than by a timer
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    for monitor in list(live._monitors.values()):
        monitor.shutdown()
    QApplication.processEvents()
    gc.collect()
    gc.enable()  # the next test may not be a GUI test: it gets Python's default


@pytest.fixture
def site_clock(clock: Clock) -> Clock:
    """The shared ``clock`` (tests/conftest.py) under the name the GUI tests use."""
    return clock


@pytest.fixture
def inline_tasks() -> Iterator[None]:
    set_synchronous(True)
    yield
    set_synchronous(False)


Translation = Callable[[str], QTranslator]


@pytest.fixture
def translation(qapp: QApplication) -> Iterator[Translation]:
    installed: list[QTranslator] = []

    def install(area: str) -> QTranslator:
        translator = QTranslator()
        path = resource("translations", f"{area}_id.qm")
        assert translator.load(str(path)), f"{path} missing: run python3 tools/update_translations.py"
        QCoreApplication.installTranslator(translator)
        installed.append(translator)
        return translator

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _marked_translations(request: pytest.FixtureRequest) -> None:
    marker = request.node.get_closest_marker("translation")
    if marker is not None:
        install = request.getfixturevalue("translation")
        for area in marker.args:
            install(area)


@pytest.fixture
def site_db(sqlite_url: str, site_clock: Clock) -> Iterator[Database]:
    db = make_site(sqlite_url, site_clock)
    yield db
    QThreadPool.globalInstance().waitForDone(10_000)
    db.dispose()


MakeCtx = Callable[..., AppContext]


@pytest.fixture
def make_ctx() -> MakeCtx:
    def make(
        db: Database, *, role: str = "counter", counter: str | None = "L1", username: str | None = "petugas1"
    ) -> AppContext:
        ctx = AppContext(db=db, settings=Settings.load(), role=role, counter=counter)
        if username:
            ctx.user = users.get_user(db, username)
        return ctx

    return make


@pytest.fixture
def admin_window(sqlite_url: str, tmp_path: Path, qtbot: QtBot, inline_tasks: None) -> Iterator[AdminWindow]:
    db = make_site(sqlite_url)
    users.add_user(db, "admin", "Admin Situs", "admin", "admin12345")
    admin = users.authenticate(db, "admin", "admin12345")
    ctx = AppContext(db=db, settings=Settings(path=tmp_path / "settings.toml"), role="admin", user=admin)
    win = open_admin(ctx)
    assert isinstance(win, AdminWindow)
    qtbot.addWidget(win)
    win.show()
    yield win
    db.dispose()


@pytest.fixture
def screenshot() -> Callable[[QWidget, str], Path]:
    def grab(widget: QWidget, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        QApplication.processEvents()
        assert widget.grab().save(str(path)), f"could not write {path}"
        return path

    return grab

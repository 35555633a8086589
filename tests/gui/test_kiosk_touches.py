"""The kiosk's three-touch rule, for any catalogue a hall may have: a property test.

A citizen reaches any service in at most three touches — turning a page counts as a touch, the
service's own tile too — for generated catalogues (1-30 agencies, 1-24 services each, a real
MPP's range: Lampung Selatan has 27 agencies and 228 services), at both kiosk screens, with
and without first choosing priority service (its button and the group: two touches of their
own, asked of priority citizens only, counted apart).

The catalogue goes in through the kiosk's read model (``KioskScreen``), as a poll brings it; the
walk taps only what the real widget shows. The tap on the service is checked on the page's
``chosen`` signal, which is what takes the number (issuing itself: ``test_kiosk*.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.kiosk.pages import ChoicePage
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.services.queue import ServiceStatus
from p4_desk.services.screens.hall import KioskScreen
from p4_desk.store.db import Database
from tests.support.sites import make_site

pytestmark = pytest.mark.translation("kiosk")

SIZES = ((1080, 1920), (1920, 1080))


def catalogue(per_agency: list[int]) -> KioskScreen:
    services = []
    for a, count in enumerate(per_agency):
        for s in range(count):
            services.append(
                ServiceStatus(
                    code=f"S{a:02d}{s:02d}",
                    name=f"Layanan Perizinan dan Rekomendasi Nomor {s + 1}",
                    agency=f"A{a:02d}",
                    agency_name=f"Dinas Pelayanan Terpadu Satu Pintu {a + 1}",
                    prefix="A",
                    waiting=s % 4,
                    longest_wait_minutes=None,
                    target_wait_minutes=15,
                    over_target=False,
                    issued_today=0,
                    daily_quota=None,
                    open_now=True,
                    hours_today="08.00–15.00",
                    open_counters=1,
                )  # fmt: skip
            )
    return KioskScreen(marker=1, site_name="MPP Uji", timezone="Asia/Jakarta", services=tuple(services))


@pytest.fixture(params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def kiosk(
    request: pytest.FixtureRequest, qtbot: QtBot, sqlite_url: str, tmp_path: Path
) -> Iterator[KioskWindow]:
    db: Database = make_site(sqlite_url)
    settings_ = Settings({"voice.enabled": False}, path=tmp_path / "settings.toml")
    window = KioskWindow(AppContext(db=db, settings=settings_, role="kiosk"), audio="none")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.snapshot is not None, timeout=5000)  # the first poll is in
    window.live.stop()  # the generated catalogue stays: no poll brings the test site's back
    window.services.chosen.disconnect(window.choose_service)  # the signal is the ticket's tap
    window.resize(*request.param)
    window.show()
    qtbot.waitUntil(lambda: window.size().toTuple() == request.param, timeout=2000)
    yield window
    window.close()
    db.dispose()


def on_page(page: ChoicePage, key: str) -> bool:
    """Whether ``key``'s tile is on the page shown. No waiting: a page lays itself out at once,
    also when its pager appears or goes (the tiles a citizen sees first are the final ones)."""
    return key in {b.key for b in page.visible_buttons()}


def tap(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    per_agency=st.lists(st.integers(min_value=1, max_value=24), min_size=1, max_size=30),
    priority=st.booleans(),
    pick=st.floats(min_value=0, max_value=1),
)
def test_any_service_of_any_catalogue_in_three_touches(
    kiosk: KioskWindow, qtbot: QtBot, per_agency: list[int], priority: bool, pick: float
) -> None:
    snapshot = catalogue(per_agency)
    kiosk._apply(snapshot)
    # the hardest service to reach (the last tile of the last agency) and one drawn at random
    codes = [snapshot.services[-1].code, snapshot.services[int(pick * (len(snapshot.services) - 1))].code]
    chosen: list[str] = []
    kiosk.services.chosen.connect(chosen.append)
    try:
        for code in codes:
            wanted = next(s for s in snapshot.services if s.code == code)
            kiosk.go_home()
            # the tiles are laid out when Qt delivers the page's layout events, as after a poll
            qtbot.waitUntil(lambda: bool(kiosk.home.visible_buttons()), timeout=5000)
            if priority:  # the two touches asked of priority citizens only
                tap(qtbot, kiosk.priority_button)
                tap(qtbot, kiosk.groups.visible_buttons()[0])
                assert kiosk.priority == "lansia" and kiosk.stack.currentWidget() is kiosk.home
            touches = 0
            while not on_page(kiosk.home, wanted.agency):
                tap(qtbot, kiosk.home.next_page)
                touches += 1
            tap(qtbot, kiosk.home.buttons[wanted.agency])
            touches += 1
            qtbot.waitUntil(lambda: bool(kiosk.services.visible_buttons()), timeout=5000)  # laid out
            while not on_page(kiosk.services, code):
                tap(qtbot, kiosk.services.next_page)
                touches += 1
            tap(qtbot, kiosk.services.buttons[code])
            touches += 1
            # Then the number is taken, with the priority chosen, in at most three touches
            assert chosen[-1] == code
            assert kiosk.priority == ("lansia" if priority else None)
            assert touches <= 3, f"{touches} touches for {code} in {per_agency} at {kiosk.size().toTuple()}"
    finally:
        kiosk.services.chosen.disconnect(chosen.append)

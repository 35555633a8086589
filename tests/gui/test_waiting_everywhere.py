"""One queue, one longest wait: the kiosk, the counter, `p4-desk queue status` and the supervisor
agree after a transfer (domain.waiting), on SQLite and on PostgreSQL.

The story: a citizen came for KTP-el 40 minutes ago, was served at Loket 1 and sent on to Samsat
(PKB) 10 minutes ago; another took a PKB ticket 8 minutes ago. The PKB queue's longest wait now is
10 minutes everywhere (the transferred citizen has been in the hall for 40 minutes, but 30 of them
were spent in the KTP queue and at Loket 1). The CLI runs as a real process on the real clock, so
the story is placed just before the real "now"; the screens read the same database on that clock.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from p4_desk.config import Settings
from p4_desk.gui.app.look import install_translations
from p4_desk.gui.app.shell import ShellWindow
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.counter.window import CounterWindow
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.gui.supervisor.window import SupervisorWindow
from p4_desk.services import catalog, queue, site, users
from p4_desk.services.stats import live_monitor
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from tests.support.sites import Clock

ROOT = Path(__file__).resolve().parents[2]
WAIT = 5000


def zone_away_from_midnight(now: datetime) -> str:
    """An Indonesian zone whose local time is past 01:00, so 40 minutes ago is still today there."""
    return next(
        z for z in ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura") if now.astimezone(ZoneInfo(z)).hour >= 1
    )


@dataclass(frozen=True)
class Hall:
    url: str
    db: Database  # on the real clock, as every workstation and the CLI


@pytest.fixture
def hall(db_url: str) -> Iterator[Hall]:
    clock = Clock(datetime.now(UTC))
    setup = open_database(db_url, clock=clock)
    now = datetime.now(UTC)
    site.init_site(setup, "MPP-TNG", "MPP Uji Tunggu", zone_away_from_midnight(now))
    catalog.add_agency(setup, "DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil")
    catalog.add_agency(setup, "SAMSAT", "Samsat")
    catalog.add_service(setup, "KTP", "KTP-el", "DUKCAPIL", "A")
    catalog.add_service(setup, "PKB", "Pajak Kendaraan", "SAMSAT", "D")
    catalog.add_counter(setup, "L1", "Loket 1", ["KTP"])
    catalog.add_counter(setup, "L3", "Loket 3", ["PKB"])
    users.add_user(setup, "petugas1", "Petugas Satu", "operator", "rahasia123")
    users.add_user(setup, "petugas3", "Petugas Tiga", "operator", "rahasia123")
    users.add_user(setup, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    officer = users.get_user(setup, "petugas1").actor
    # 1 s past the minute: every reading in the next ~59 s sees whole minutes 10 and 8
    clock.now = now - timedelta(minutes=40, seconds=1)
    queue.set_counter_state(setup, "L1", "open", officer)
    queue.issue_ticket(setup, "KTP")  # A001, in the hall from now on
    clock.advance(minutes=5)
    queue.call_next(setup, "L1", officer)
    queue.start(setup, "A001", officer)
    clock.advance(minutes=25)
    queue.transfer(setup, "A001", to_service="PKB", actor=officer)  # joins the PKB queue
    clock.advance(minutes=2)
    queue.issue_ticket(setup, "PKB")  # D001
    setup.dispose()
    db = open_database(db_url)
    yield Hall(db_url, db)
    QThreadPool.globalInstance().waitForDone(10_000)
    db.dispose()


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, "id")
    assert translators
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def cli(hall: Hall, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "p4_desk", "queue", "status", *args, "--db", hall.url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_services_report_the_wait_in_the_queue_not_the_time_in_the_hall(hall: Hall) -> None:
    transferred = queue.get_ticket(hall.db, "A001")
    assert transferred.service == "PKB" and transferred.state == "waiting"
    assert (hall.db.now() - transferred.arrival_at) >= timedelta(minutes=40)  # in the hall
    status = {s.code: s for s in queue.queue_status(hall.db).services}
    live = {s.code: s for s in live_monitor(hall.db).services}
    assert (status["PKB"].waiting, status["PKB"].longest_wait_minutes) == (2, 10)
    assert (live["PKB"].waiting, live["PKB"].longest_wait_minutes) == (2, 10)
    assert status["KTP"].longest_wait_minutes is None and live["KTP"].longest_wait_minutes is None
    # the newcomer's estimate counts the same queue: both PKB tickets are ahead of it
    newcomer = queue.issue_ticket(hall.db, "PKB")
    assert newcomer.people_ahead == status["PKB"].waiting == 2


def test_kiosk_counter_cli_and_supervisor_show_the_same_longest_wait(
    qtbot, hall: Hall, indonesian: None, tmp_path: Path
) -> None:
    # The CLI, JSON and text
    services = {s["code"]: s for s in json.loads(cli(hall, "--json"))["services"]}
    assert (services["PKB"]["waiting"], services["PKB"]["longest_wait_minutes"]) == (2, 10)
    assert services["KTP"]["longest_wait_minutes"] is None
    lines = {line.split()[0]: line for line in cli(hall).splitlines()[1:] if line.startswith("  ")}
    assert "menunggu   2  terlama  10 mnt" in lines["PKB"]
    assert "terlama   - mnt" in lines["KTP"]

    # The kiosk: a citizen taps Samsat and reads the PKB button
    settings = Settings(
        {"printer.ticket_target": f"escpos-file:{tmp_path / 'lp0'}"}, path=tmp_path / "k.toml"
    )
    kiosk = KioskWindow(AppContext(db=hall.db, settings=settings, role="kiosk"))
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: "SAMSAT" in kiosk.home.buttons, timeout=WAIT)
    qtbot.mouseClick(kiosk.home.buttons["SAMSAT"], Qt.MouseButton.LeftButton)
    pkb = kiosk.services.buttons["PKB"].detail.text()
    assert "Menunggu: 2 orang" in pkb and "Waktu tunggu terlama: 10 menit" in pkb
    kiosk.close()

    # The supervisor's live monitor
    ctx = AppContext(db=hall.db, settings=Settings.load(), role="supervisor")
    ctx.user = users.get_user(hall.db, "kepala")
    supervisor = SupervisorWindow(ctx)
    qtbot.addWidget(supervisor)
    supervisor.show()
    table = supervisor.live.services
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=WAIT)
    rows = {table.item(r, 0).text().split()[0]: [table.item(r, c).text() for c in range(3)] for r in range(2)}
    assert rows["PKB"][1:] == ["2", "10"]
    assert rows["KTP"][1:] == ["0", "–"]
    supervisor.live.live.stop()

    # Loket 3's waiting list: the transferred citizen first (place kept), waiting 10 minutes here
    ctx = AppContext(db=hall.db, settings=Settings.load(), role="counter", counter="L3")
    ctx.user = users.get_user(hall.db, "petugas3")
    counter = CounterWindow(ctx)
    shell = ShellWindow(ctx, counter)
    qtbot.addWidget(shell)
    shell.show()
    qtbot.waitUntil(lambda: len(counter.model.tickets) == 2, timeout=WAIT)
    model = counter.model
    waited = {
        model.data(model.index(r, model.NUMBER)): model.data(model.index(r, model.WAITED)) for r in range(2)
    }
    assert [t.number for t in model.tickets] == ["A001", "D001"]
    assert waited == {"A001": "10 menit", "D001": "8 menit"}

"""Time the citizen side: kiosk tap → ticket, and a call at a counter → the display board.

    python bench/bench_kiosk.py [--runs 200] [--calls 20] [--history-days 7]
    python bench/bench_kiosk.py --hall-services 250 --hall-agencies 30 [--runs 200]

1. Kiosk tap → ticket committed and print data ready (``issue`` + ``print_data_for``, the work
   the kiosk runs off the UI thread), on the demo site with some weeks of history in a SQLite
   file. Target p99 <= 150 ms. Also the same through the real kiosk window (tap on the service
   button → ``issued`` signal, worker thread included).
2. Call → display updated: another process calls tickets (``queue.call_next``) and writes the
   commit time; the display window polls as it does in the hall; the latency is the time from
   commit to the board showing the number. Target <= 1 s.

Prints p50/p99/max in milliseconds. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from p4_desk import demo  # noqa: E402
from p4_desk.config import Settings  # noqa: E402
from p4_desk.gui.common.context import AppContext  # noqa: E402
from p4_desk.services import catalog, queue, site, ticketing  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402


def percentiles(samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return (
        f"n={len(ordered)}  p50={statistics.median(ordered):.1f} ms  p99={p99:.1f} ms  "
        f"max={ordered[-1]:.1f} ms"
    )


def wait(app: QApplication, predicate: object, timeout_s: float) -> bool:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if callable(predicate) and predicate():
            return True
        time.sleep(0.001)
    return False


def bench_issue(folder: Path, runs: int, history_days: int, app: QApplication) -> None:
    url = f"sqlite:///{(folder / 'kiosk.sqlite3').as_posix()}"
    db = open_database(url, clock=lambda: datetime(2026, 3, 4, 3, 0, tzinfo=UTC))  # Wed 10:00 WIB
    started = time.perf_counter()
    demo.load_demo_data(db, days=history_days)
    print(f"demo site with {history_days} days of history loaded in {time.perf_counter() - started:.1f} s")
    services = ["KTP", "KK", "PKB", "JKN", "SKCK"]
    samples = []
    for i in range(runs):
        t0 = time.perf_counter()
        ticket = queue.issue_ticket(db, services[i % len(services)], print_state="pending")
        ticketing.print_data_for(db, ticket)
        samples.append((time.perf_counter() - t0) * 1000)
    print(f"kiosk tap → ticket committed + print data (service): {percentiles(samples)}")

    from p4_desk.gui.kiosk.window import KioskWindow

    settings = Settings({"printer.ticket_target": "escpos-dummy:"}, path=folder / "settings.toml")
    window = KioskWindow(AppContext(db=db, settings=settings, role="kiosk"))
    window.resize(1366, 768)
    window.show()
    wait(app, lambda: window.snapshot is not None, 5)
    issued: list[float] = []
    window.issued.connect(lambda _t: issued.append(time.perf_counter()))
    window.printed.connect(lambda _t: window.go_home())
    samples = []
    for i in range(max(20, runs // 4)):
        window.choose_agency("DUKCAPIL")
        button = window.services.buttons[["KTP", "KK"][i % 2]]
        before = len(issued)
        t0 = time.perf_counter()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        if not wait(app, lambda b=before: len(issued) > b, 5):
            raise SystemExit("kiosk did not issue a ticket within 5 s")
        samples.append((issued[-1] - t0) * 1000)
        wait(app, lambda: window.stack.currentWidget() is window.home, 5)
    print(f"kiosk tap → ticket on screen (window, worker thread): {percentiles(samples)}")
    window.close()
    db.dispose()


def bench_large_hall(folder: Path, services: int, agencies: int, runs: int, app: QApplication) -> None:
    """Issue 20.6: the kiosk of a hall with ``services`` services over ``agencies`` agencies."""
    from p4_desk.gui.kiosk.window import KioskWindow
    from p4_desk.services.screens.hall import kiosk_screen

    url = f"sqlite:///{(folder / 'hall.sqlite3').as_posix()}"
    db = open_database(url, clock=lambda: datetime(2026, 3, 4, 3, 0, tzinfo=UTC))  # Wed 10:00 WIB
    site.init_site(db, "MPP-BESAR", "MPP Besar")
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = []
    for a in range(agencies):
        catalog.add_agency(db, f"AG{a:02d}", f"Instansi Daerah Nomor {a + 1}")
    for i in range(services):
        code = f"S{i:03d}"
        prefix = letters[i % 26] + letters[i // 26 % 26] if i >= 26 else letters[i]
        catalog.add_service(db, code, f"Layanan Perizinan Nomor {i + 1}", f"AG{i % agencies:02d}", prefix)
        codes.append(code)
    for c in range(0, services, 10):  # a counter per ten services, all open
        catalog.add_counter(db, f"L{c // 10:02d}", f"Loket {c // 10 + 1}", codes[c : c + 10])
        queue.set_counter_state(db, f"L{c // 10:02d}", "open")
    for i in range(services * 4):  # some waiting in every queue
        queue.issue_ticket(db, codes[i % services])
    samples = []
    for i in range(runs):
        t0 = time.perf_counter()
        ticket = queue.issue_ticket(db, codes[(i * 37) % services], print_state="pending")
        ticketing.print_data_for(db, ticket)
        samples.append((time.perf_counter() - t0) * 1000)
    print(f"{services} services / {agencies} agencies, load {os.getloadavg()[0]:.1f}")
    print(f"  kiosk tap → ticket committed + print data: {percentiles(samples)}")
    reads = []
    for _ in range(30):
        t0 = time.perf_counter()
        kiosk_screen(db)
        reads.append((time.perf_counter() - t0) * 1000)
    print(f"  kiosk poll read (kiosk_screen, off the UI thread): {percentiles(reads)}")
    # no voice: the name clips a first start renders (once per installation) would compete
    settings = Settings(
        {"printer.ticket_target": "escpos-dummy:", "voice.enabled": False}, path=folder / "settings-hall.toml"
    )
    window = KioskWindow(AppContext(db=db, settings=settings, role="kiosk"))
    window.resize(1080, 1920)
    window.show()
    wait(app, lambda: window.snapshot is not None, 10)
    assert window.snapshot is not None
    applies, pages, homes, cpu_pages, cpu_homes = [], [], [], [], []
    window.live.stop()  # no poll thread competing for the CPU
    for i in range(30):
        t0 = time.perf_counter()
        window._apply(window.snapshot)  # what each poll does on the UI thread (agency page refilled)
        app.processEvents()
        applies.append((time.perf_counter() - t0) * 1000)
        t0, c0 = time.perf_counter(), time.process_time()
        window.choose_agency(f"AG{(i * 7) % agencies:02d}")
        app.processEvents()
        window.services.repaint()
        pages.append((time.perf_counter() - t0) * 1000)
        cpu_pages.append((time.process_time() - c0) * 1000)
        assert window.stack.currentWidget() is window.services and window.services.visible_buttons()
        t0, c0 = time.perf_counter(), time.process_time()
        window.go_home()
        app.processEvents()
        window.home.repaint()
        homes.append((time.perf_counter() - t0) * 1000)
        cpu_homes.append((time.process_time() - c0) * 1000)
    print(f"  agency page → service page shown (tap, layout, paint): {percentiles(pages)}")
    print(f"    the same, CPU time of the process: {percentiles(cpu_pages)}")
    print(f"  back to the agency page shown: {percentiles(homes)}")
    print(f"    the same, CPU time of the process: {percentiles(cpu_homes)}")
    print(f"  a poll's snapshot applied to the window (UI thread): {percentiles(applies)}")
    issued: list[float] = []
    window.issued.connect(lambda _t: issued.append(time.perf_counter()))
    taps = []
    for i in range(max(20, runs // 4)):
        window.go_home()
        window.choose_agency(f"AG{(i * 7) % agencies:02d}")
        app.processEvents()
        button = window.services.visible_buttons()[i % 3]
        before = len(issued)
        t0 = time.perf_counter()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        if not wait(app, lambda b=before: len(issued) > b, 5):
            raise SystemExit("kiosk did not issue a ticket within 5 s")
        taps.append((issued[-1] - t0) * 1000)
        wait(app, lambda: window.ticket_page.done.isVisible(), 5)  # printed (escpos-dummy)
    print(f"  tap on a service tile → ticket on screen (window, worker thread): {percentiles(taps)}")
    window.close()
    db.dispose()


CALLER = textwrap.dedent(
    """
    import random, sys, time
    from p4_desk.services import queue
    from p4_desk.store.migrate import open_database
    db = open_database(sys.argv[1])
    rng = random.Random(7)
    with open(sys.argv[3], "w") as out:
        ticket = None
        for i in range(int(sys.argv[2])):
            if ticket is not None:  # the counter serves the citizen before calling the next
                queue.start(db, ticket.id)
                queue.finish(db, ticket.id)
            time.sleep(0.6 + rng.random())
            ticket = queue.call_next(db, "L1")
            out.write(f"{ticket.number} {time.time()}\\n")
            out.flush()
    """
)


def bench_display(folder: Path, calls: int, app: QApplication) -> None:
    url = f"sqlite:///{(folder / 'hall.sqlite3').as_posix()}"
    db = open_database(url)
    site.init_site(db, "MPP-BENCH", "MPP Bench", "Asia/Jakarta")
    catalog.add_agency(db, "DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil")
    catalog.add_service(db, "KTP", "KTP-el", "DUKCAPIL", "A")
    catalog.add_counter(db, "L1", "Loket 1", ["KTP"])
    queue.set_counter_state(db, "L1", "open")
    for _ in range(calls):
        queue.issue_ticket(db, "KTP")

    from p4_desk.gui.display.window import DisplayWindow

    settings = Settings({"voice.enabled": False}, path=folder / "settings.toml")
    board = DisplayWindow(AppContext(db=open_database(url), settings=settings, role="display"))
    board.resize(1920, 1080)
    board.show()
    wait(app, lambda: board.marker is not None, 5)
    shown: dict[str, float] = {}

    def seen(_marker: int) -> None:
        shown.setdefault(board.current_number(), time.time())

    board.refreshed.connect(seen)
    log = folder / "calls.txt"
    caller = subprocess.Popen([sys.executable, "-c", CALLER, url, str(calls), str(log)], cwd=ROOT)
    while caller.poll() is None:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.002)
    wait(app, lambda: False, 1.5)
    committed = dict(line.split() for line in log.read_text().splitlines())
    samples = [(shown[n] - float(t)) * 1000 for n, t in committed.items() if n in shown]
    missed = [n for n in committed if n not in shown]
    print(f"call (other process) → display shows it: {percentiles(samples)}  missed={missed}")
    board.close()
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--history-days", type=int, default=7)
    parser.add_argument("--hall-services", type=int, default=0, help="only the large-hall kiosk (issue 20.6)")
    parser.add_argument("--hall-agencies", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["P4_DESK_DATA_DIR"] = tmp
        if args.hall_services:
            bench_large_hall(Path(tmp), args.hall_services, args.hall_agencies, args.runs, app)
            return
        bench_issue(Path(tmp), args.runs, args.history_days, app)
        bench_display(Path(tmp), args.calls, app)


if __name__ == "__main__":
    main()

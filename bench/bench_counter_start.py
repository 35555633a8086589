"""Counter window ready after login (issue 20.7): from constructing the window (what the launcher
does once the login dialog accepted the officer) to its first screen data shown, on a database
with a year of history from ``bench/generate_year.py``; and the read behind it alone.

    QT_QPA_PLATFORM=offscreen python bench/bench_counter_start.py --db sqlite:///year.sqlite3 \
        [--counter L01 --user petugas01] [--runs 7]

"Ready" = the first ``counter_screen`` snapshot has arrived from the worker thread and the
window shows it (``CounterWindow.snapshot``), the state a counter officer can call from.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from p4_desk.config import Settings  # noqa: E402
from p4_desk.gui.app.shell import ShellWindow  # noqa: E402
from p4_desk.gui.common.context import AppContext  # noqa: E402
from p4_desk.gui.counter.window import CounterWindow  # noqa: E402
from p4_desk.services import queue, users  # noqa: E402
from p4_desk.services.screens.counter import counter_screen  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--counter", default="L01")
    parser.add_argument("--user", default="petugas01")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    db = open_database(args.db)
    user = users.get_user(db, args.user)
    queue.set_counter_state(db, args.counter, "open")
    reads, readies = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        counter_screen(db, args.counter, user.id)
        reads.append((time.perf_counter() - t0) * 1000)
    for _ in range(args.runs):
        ctx = AppContext(db=db, settings=Settings.load(), role="counter", counter=args.counter)
        ctx.user = user
        t0 = time.perf_counter()
        content = CounterWindow(ctx)
        shell = ShellWindow(ctx, content)
        shell.show()
        deadline = time.monotonic() + 30
        while content.snapshot is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)
        readies.append((time.perf_counter() - t0) * 1000)
        assert content.snapshot is not None, "the counter window never showed its data"
        shell.close()
        shell.deleteLater()
        app.processEvents()
    print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs each")
    print("| measure | median ms | max ms | target |")
    print("|---|---|---|---|")
    print(
        f"| `counter_screen` read (year of history) | {statistics.median(reads):.1f} | {max(reads):.1f} | |"
    )
    print(
        f"| counter window built → first data shown | {statistics.median(readies):.1f} | "
        f"{max(readies):.1f} | ≤ 1,000 |"
    )
    db.dispose()


if __name__ == "__main__":
    main()

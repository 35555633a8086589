"""How soon a call reaches the citizen's ticket page, and what the public pages cost.

A real central server (SQLite, on 127.0.0.1) and a desk (SQLite) on the real clock, enrolled;
the desk's sync loop runs as ``p4-desk sync run`` runs it (one ``run_once`` per second, pulls
every 30 s). For each of ``--calls`` tickets: issue it, wait until the central server has it,
call it at a counter, and poll its JSON twin every 50 ms until it says ``called``. The page
itself polls every 2 s (``central.public.pages.POLL_MS``), so the worst case a citizen sees is
that figure plus 2 s. Then the cost of the JSON twins and pages: median time of a request to
``/api/v1/public/tickets/{token}`` (200, and 304 with its ETag) and to ``/s/{site}``, kept
under the public rate limit of one client address (1200 reads a minute).

    python bench/bench_citizen.py [--calls 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
import requests  # noqa: E402

from p4_desk.central.public.pages import POLL_MS  # noqa: E402
from p4_desk.config import Settings  # noqa: E402
from p4_desk.services import queue, users  # noqa: E402
from p4_desk.services.central_inbox import CentralInbox  # noqa: E402
from p4_desk.sync.agent import SyncAgent  # noqa: E402
from p4_desk.sync.enrolment import enrol, open_client  # noqa: E402
from tests.integration.central_server import CentralServer  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402
from tests.support.sites import make_site  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=20)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as work:
        import os

        os.environ["P4_DESK_CONFIG_DIR"] = str(Path(work) / "config")
        os.environ["P4_DESK_DATA_DIR"] = str(Path(work) / "data")
        central = CentralServer(Path(work) / "central")
        central.start()
        try:
            db = make_site(f"sqlite:///{Path(work) / 'desk.sqlite3'}", lambda: datetime.now(UTC))
            enrol(db, Settings.load(), central.url, "MPP-TEST", central.add_site("MPP-TEST", "MPP Uji Coba"))
            officer = users.get_user(db, "petugas1").actor
            queue.set_counter_state(db, "L1", "open", officer)
            agent = SyncAgent(
                db,
                open_client(db, Settings.load()),
                CentralInbox(db),
                pull_interval_s=30.0,
                publish_board=True,
            )
            stop = threading.Event()

            def loop() -> None:
                while not stop.is_set():
                    agent.run_once(respect_backoff=True)
                    stop.wait(1.0)

            syncing = threading.Thread(target=loop, daemon=True)
            syncing.start()
            http = requests.Session()
            latencies = []
            token = ""
            for _ in range(args.calls):
                ticket = queue.issue_ticket(db, "KTP")
                token = str(ticket.public_token)
                url = f"{central.url}/api/v1/public/tickets/{token}"
                while http.get(url, timeout=10).status_code != 200:
                    time.sleep(0.1)
                time.sleep(0.3)  # the call comes at some moment between two sync runs
                started = time.monotonic()
                called = queue.call_next(db, "L1", officer)
                assert called is not None and called.id == ticket.id
                while http.get(url, timeout=10).json()["state"] != "called":
                    time.sleep(0.05)
                latencies.append(time.monotonic() - started)
                queue.start(db, ticket.id, officer)
                queue.finish(db, ticket.id, officer)
            stop.set()
            syncing.join()

            url = f"{central.url}/api/v1/public/tickets/{token}"
            time.sleep(61)  # one client address: let the rate limit's minute (1200 reads) pass
            full, cached, page = [], [], []
            for _ in range(150):
                t0 = time.perf_counter()
                etag = http.get(url, timeout=10).headers["ETag"]
                t1 = time.perf_counter()
                assert http.get(url, headers={"If-None-Match": etag}, timeout=10).status_code == 304
                t2 = time.perf_counter()
                http.get(f"{central.url}/s/MPP-TEST", timeout=10)
                t3 = time.perf_counter()
                full.append(t1 - t0)
                cached.append(t2 - t1)
                page.append(t3 - t2)
        finally:
            central.stop()
    ordered = sorted(latencies)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    print(
        f"call -> JSON twin says called ({len(latencies)} calls): median {median_ms(latencies):.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    print(
        f"call -> open page shows it, worst case (+{POLL_MS} ms poll): "
        f"{max(latencies) * 1000 + POLL_MS:.0f} ms"
    )
    print(
        f"GET ticket JSON: {median_ms(full):.1f} ms (200), {median_ms(cached):.1f} ms (304); "
        f"GET /s/{{site}}: {median_ms(page):.1f} ms"
    )


if __name__ == "__main__":
    main()

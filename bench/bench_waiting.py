"""The read paths behind every "waiting" figure (domain.waiting), on a site filled by
``bench/generate_year.py``: the kiosk's and ``p4-desk queue status``'s ``queue_status``, the
supervisor's ``live_monitor`` and the counters' waiting lists (the kiosk and the counters poll
them all day).

    python bench/generate_year.py --db sqlite:////tmp/bench/site.sqlite3 --days 60
    python bench/bench_waiting.py --db sqlite:////tmp/bench/site.sqlite3 --waiting 120

``--waiting N`` first issues N tickets today, spread over the services, and transfers every
tenth one (so the waiting queues hold transferred tickets too). Figures: p50 / p99 of
``--runs`` calls after one warm-up call.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from p4_desk.services import queue  # noqa: E402
from p4_desk.services.stats import live_monitor  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402


def measure(name: str, call: Callable[[], object], runs: int) -> None:
    call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[max(0, int(runs * 0.99) - 1)]
    print(f"| {name} | {statistics.median(times):.2f} | {p99:.2f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--waiting", type=int, default=0, help="tickets to issue today first")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    db = open_database(args.db)
    status = queue.queue_status(db)
    services = [s.code for s in status.services]
    counters = [c.code for c in status.counters]
    for i in range(args.waiting):
        ticket = queue.issue_ticket(db, services[i % len(services)])
        if i % 10 == 9:
            counter = next(c for c in status.counters if ticket.service in c.services)
            queue.set_counter_state(db, counter.code, "open")
            queue.call_ticket(db, ticket.id, counter.code)
            queue.transfer(db, ticket.id, to_service=services[(i + 1) % len(services)])
    waiting = sum(s.waiting for s in queue.queue_status(db).services)
    print(f"{waiting} tickets waiting today\n\n| read | p50 ms | p99 ms |\n|---|---|---|")
    measure("queue_status (kiosk, CLI)", lambda: queue.queue_status(db), args.runs)
    measure("live_monitor (supervisor)", lambda: live_monitor(db), args.runs)
    measure("waiting_list, whole site", lambda: queue.waiting_list(db), args.runs)
    measure(f"waiting_list, counter {counters[0]}", lambda: queue.waiting_list(db, counters[0]), args.runs)


if __name__ == "__main__":
    main()

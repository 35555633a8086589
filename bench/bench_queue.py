"""Queue engine latency: issue and call-next, p50 / p99, on SQLite and PostgreSQL, with 1, 8 and 32
concurrent counters (one OS process each), beside the raw cost of a one-row insert + commit on
the same database in the same run. Also checks that no ticket was called twice.

    python bench/bench_queue.py [--rounds 60] [--counters 1,8,32] [--backends sqlite,postgresql]
    python bench/bench_queue.py --backends postgresql --durable   # commits wait for the disk
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter as Tally
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from p4_desk.errors import DatabaseUnavailable  # noqa: E402
from p4_desk.services import catalog, queue, site  # noqa: E402
from p4_desk.store.db import Database  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def setup(url: str, counters: int) -> None:
    db = open_database(url)
    site.init_site(db, "BENCH", "Bench")
    catalog.add_agency(db, "AG", "Agency")
    catalog.add_service(db, "S", "Service", "AG", "A")
    for i in range(counters):
        catalog.add_counter(db, f"C{i}", f"Loket {i}", ["S"])
        queue.set_counter_state(db, f"C{i}", "open")
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE raw_probe (id INTEGER PRIMARY KEY, v VARCHAR(20))"))
    db.dispose()


def retry(fn, *args):  # type: ignore[no-untyped-def]
    for attempt in range(100):
        try:
            return fn(*args)
        except DatabaseUnavailable:
            time.sleep(0.01 * attempt)
    raise RuntimeError("unavailable")


#: rounds each worker runs before measuring: a process's first issue compiles every statement of
#: the path (~10x a later one), which is start-up, not the steady state the p99 is about
WARMUP = 3


def worker(url: str, counter: str, rounds: int, pace: float, start: mp.Event, out: mp.Queue) -> None:  # type: ignore[type-arg]
    db = Database(url)
    issue_ms, call_ms, called = [], [], []
    rng = random.Random(counter)
    start.wait()
    began, writes = time.monotonic(), 0  # the measured rounds' window (clock shared by processes)
    for i in range(-WARMUP, rounds):
        if i == 0:  # the warm-up rounds (each statement's first compile) are not measured
            issue_ms, call_ms = [], []
            began, writes = time.monotonic(), 0
        if pace:  # a pause between rounds, exponential with mean ``pace`` seconds
            time.sleep(rng.expovariate(1 / pace))
        t0 = time.perf_counter()
        retry(queue.issue_ticket, db, "S")
        t1 = time.perf_counter()
        t = retry(queue.call_next, db, counter)
        t2 = time.perf_counter()
        issue_ms.append((t1 - t0) * 1000)
        call_ms.append((t2 - t1) * 1000)
        writes += 2
        if t is not None:
            called.append(t.id)
            retry(queue.start, db, t.id)
            retry(queue.finish, db, t.id)
            writes += 2
    out.put((issue_ms, call_ms, called, began, time.monotonic(), writes))
    db.dispose()


def raw_commit(url: str, n: int = 300) -> list[float]:
    db = Database(url)
    values = []
    for i in range(n):
        t0 = time.perf_counter()
        with db.write() as s:
            s.execute(text("INSERT INTO raw_probe (id, v) VALUES (:i, 'x')"), {"i": i})
        values.append((time.perf_counter() - t0) * 1000)
    db.dispose()
    return values


def run(url: str, counters: int, rounds: int, pace: float = 0.0) -> dict[str, float]:
    setup(url, counters)
    raw = raw_commit(url)
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(target=worker, args=(url, f"C{i}", rounds, pace, start, out)) for i in range(counters)
    ]
    for p in procs:
        p.start()
    time.sleep(2)
    start.set()
    issue_ms: list[float] = []
    call_ms: list[float] = []
    called: list[int] = []
    windows: list[tuple[float, float]] = []
    writes = 0
    for _ in procs:
        a, b, c, began, ended, w = out.get(timeout=900)
        issue_ms += a
        call_ms += b
        called += c
        windows.append((began, ended))
        writes += w
    for p in procs:
        p.join()
    doubles = sum(1 for n in Tally(called).values() if n > 1)
    return {
        "raw_p50": statistics.median(raw),
        "raw_p99": pct(raw, 99),
        "issue_p50": statistics.median(issue_ms),
        "issue_p99": pct(issue_ms, 99),
        "call_p50": statistics.median(call_ms),
        "call_p99": pct(call_ms, 99),
        "calls": len(called),
        # write transactions per second of all counters together while all were measuring
        "writes_per_s": writes / (max(e for _b, e in windows) - min(b for b, _e in windows)),
        "double_calls": doubles,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--counters", default="1,8,32")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--pace",
        type=float,
        default=0.0,
        help="mean pause between a counter's rounds, seconds (0: tight loop)",
    )
    parser.add_argument(
        "--durable",
        action="store_true",
        help="PostgreSQL: commits wait for the disk (fsync, synchronous_commit on) as on a real server",
    )
    args = parser.parse_args()
    print(
        "| backend | counters | raw commit p50/p99 ms | issue p50/p99 ms | issue p99 / raw p99 "
        "| call-next p50/p99 ms | writes/s | calls | double calls | load (1 min) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for backend in args.backends.split(","):
        for n in (int(x) for x in args.counters.split(",")):
            if backend == "sqlite":
                folder = tempfile.mkdtemp(prefix="p4-bench-")
                r = run(f"sqlite:///{folder}/bench.sqlite3", n, args.rounds, args.pace)
            else:
                from tests.support.postgres import postgres_server

                with postgres_server(durable=args.durable) as pg:
                    r = run(pg.url(pg.create_database("bench")), n, args.rounds, args.pace)
            print(
                f"| {backend} | {n} | {r['raw_p50']:.2f} / {r['raw_p99']:.2f} | "
                f"{r['issue_p50']:.2f} / {r['issue_p99']:.2f} | {r['issue_p99'] / r['raw_p99']:.1f}x | "
                f"{r['call_p50']:.2f} / {r['call_p99']:.2f} | {r['writes_per_s']:.0f} | {int(r['calls'])} | "
                f"{int(r['double_calls'])} | {os.getloadavg()[0]:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()

"""How SQLite's writers take their turns (store/write_turn.py): N counter processes on one file in
a tight loop (issue, call next, start, finish), each write transaction's wait for its turn and its
hold of it (wall and CPU time), and how often a writer was **overtaken**: served after a writer
that asked for its turn later. Arrival order means 0 overtakes.

    python bench/bench_write_turns.py [--counters 8] [--rounds 60]

It wraps ``WriteTurn.acquire``/``release`` in each process to note the moments (one monotonic
clock for all processes); the first 20 transactions of each process are not counted. A tree
whose ``WriteTurn`` has the same two methods can be measured with this script copied in.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_queue import pct, setup  # noqa: E402

WARMUP = 20


def worker(url: str, counter: str, rounds: int, start: mp.Event, out: mp.Queue) -> None:  # type: ignore[type-arg]
    from p4_desk.services import queue
    from p4_desk.store import write_turn
    from p4_desk.store.db import Database

    spans: list[tuple[float, float, float, float]] = []  # asked, got, let go, CPU while held
    moment: dict[str, float] = {}
    acquire, release = write_turn.WriteTurn.acquire, write_turn.WriteTurn.release

    def noted_acquire(self: write_turn.WriteTurn, timeout: float) -> bool:
        moment["asked"] = time.monotonic()
        held = acquire(self, timeout)
        moment["got"], moment["cpu"] = time.monotonic(), time.thread_time()
        return held

    def noted_release(self: write_turn.WriteTurn) -> None:
        if "got" in moment:
            cpu = time.thread_time() - moment.pop("cpu")
            spans.append((moment.pop("asked"), moment.pop("got"), time.monotonic(), cpu))
        release(self)

    write_turn.WriteTurn.acquire = noted_acquire  # type: ignore[method-assign]
    write_turn.WriteTurn.release = noted_release  # type: ignore[method-assign]
    db = Database(url)
    start.wait()
    for _ in range(rounds):
        queue.issue_ticket(db, "S")
        t = queue.call_next(db, counter)
        if t is not None:
            queue.start(db, t.id)
            queue.finish(db, t.id)
    db.dispose()
    out.put(spans[WARMUP:])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counters", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    url = f"sqlite:///{tempfile.mkdtemp(prefix='p4-bench-')}/bench.sqlite3"
    setup(url, args.counters)
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(target=worker, args=(url, f"C{i}", args.rounds, start, out)) for i in range(args.counters)
    ]
    for p in procs:
        p.start()
    time.sleep(2)
    start.set()
    spans = [span for _ in procs for span in out.get(timeout=900)]
    for p in procs:
        p.join()
    waits = [(got - asked) * 1000 for asked, got, _let_go, _cpu in spans]
    holds = [(let_go - got) * 1000 for _asked, got, let_go, _cpu in spans]
    cpus = [cpu * 1000 for *_moments, cpu in spans]
    overtaken = [
        sum(1 for a2, g2, _r2, _c2 in spans if a2 > asked and g2 < got) for asked, got, _let_go, _cpu in spans
    ]
    print(
        "| counters | transactions | wait p50 / p99 ms | hold p50 / p99 ms | CPU while held p50 ms "
        "| overtaken p50 / p99 / max | load (1 min) |"
    )
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {args.counters} | {len(spans)} | {pct(waits, 50):.1f} / {pct(waits, 99):.1f} | "
        f"{pct(holds, 50):.2f} / {pct(holds, 99):.2f} | {pct(cpus, 50):.2f} | "
        f"{pct(overtaken, 50):.0f} / {pct(overtaken, 99):.0f} / {max(overtaken)} | {os.getloadavg()[0]:.1f} |"
    )


if __name__ == "__main__":
    main()

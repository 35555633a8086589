"""A day in a public service hall, compressed in time (issue 20.1): kiosks, counters and display
boards as separate OS processes on one database.

    python bench/bench_hall.py --backend postgresql --counters 80 --services 250 --agencies 30 \\
        --kiosks 4 --boards 6 --tickets 12000 --factor 160
    python bench/bench_hall.py --one-pc          # SQLite: 1 kiosk, 4 counters, 1 board, one file

Every process runs the hall's clock: a working day (08:00–16:00 local, 8 h) passes in 8 h /
``--factor`` of real time. Kiosks issue the day's tickets at random moments (a share of them
multi-service visits, ``--visits``); each counter serves the services of its agency: call next,
start, serve for a random service time (of hall time), finish; some called citizens do not come
(recalled until the no-show rule allows, then marked no-show, ``--no-shows``), some are
transferred to another service of the agency (``--transfers``), some recalled once before they
come (``--recalls``). Boards poll the latest calls as the display does (``--board-poll`` s).

Reported: issue and call-next p50/p99 (real milliseconds, every call that got a ticket), call →
board p99 (from the call's commit at the counter to the first poll of any board showing it), and
the correctness check: every queue leg called at most once (a ticket comes back for the next
service of its visit, after a transfer or a reactivation: each is a new leg, called once).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter as Tally
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from p4_desk.errors import DatabaseUnavailable, InvalidTransition  # noqa: E402
from p4_desk.services import catalog, queue, site  # noqa: E402
from p4_desk.services import site as site_service  # noqa: E402
from p4_desk.store.db import Database  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402
from p4_desk.store.models import Ticket  # noqa: E402

DAY_SECONDS = 8 * 3600  # 08:00–16:00


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def prefix(i: int) -> str:
    return chr(65 + i // 26) + chr(65 + i % 26)


def hall_clock(epoch: Any, factor: float) -> Callable[[], datetime]:
    """Hall time: 08:00 WIB (01:00 UTC) of today when the real clock reads ``epoch.value``
    (set by the parent when every process is ready)."""
    day_start = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0)

    def now() -> datetime:
        return day_start + timedelta(seconds=(time.time() - epoch.value) * factor)

    return now


def opened(
    url: str, args: argparse.Namespace, name: str, sync: tuple[Any, Any, Any]
) -> tuple[Database, float]:
    """This process's database on the hall clock, once every process is up; the day's start."""
    epoch, ready, go, _kiosks_done = sync
    db = Database(url, clock=hall_clock(epoch, args.factor), workstation=name)
    db.check_connection()
    ready.put(name)
    go.wait()
    return db, float(epoch.value)


def setup(url: str, args: argparse.Namespace) -> dict[str, list[str]]:
    """The catalogue: services spread over agencies, counters spread over agencies; all open."""
    db = open_database(url)
    site.init_site(db, "HALL", "Mal Pelayanan Publik (bench)")
    by_agency: dict[str, list[str]] = {}
    for a in range(args.agencies):
        catalog.add_agency(db, f"AG{a:02d}", f"Instansi {a}")
        by_agency[f"AG{a:02d}"] = []
    for i in range(args.services):
        agency = f"AG{i % args.agencies:02d}"
        code = f"S{i:03d}"
        catalog.add_service(db, code, f"Layanan {i}", agency, prefix(i))
        by_agency[agency].append(code)
    counters: dict[str, list[str]] = {}
    for c in range(args.counters):
        agency = f"AG{c % args.agencies:02d}"
        catalog.add_counter(db, f"L{c:02d}", f"Loket {c}", by_agency[agency])
        queue.set_counter_state(db, f"L{c:02d}", "open")
        counters[f"L{c:02d}"] = by_agency[agency]
    db.dispose()
    return counters


def retry(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    for attempt in range(200):
        try:
            return fn(*args, **kwargs)
        except DatabaseUnavailable:
            time.sleep(0.005 * attempt)
    raise RuntimeError("database unavailable for too long")


def kiosk(url: str, args: argparse.Namespace, index: int, services: list[str], sync: Any, out: Any) -> None:
    rng = random.Random(1000 + index)
    db, epoch = opened(url, args, f"kiosk{index}", sync)
    count = args.tickets // args.kiosks + (1 if index < args.tickets % args.kiosks else 0)
    moments = sorted(rng.uniform(0, DAY_SECONDS * 0.9) / args.factor for _ in range(count))
    issue_ms: list[float] = []
    for at in moments:
        delay = epoch + at - time.time()
        if delay > 0:
            time.sleep(delay)
        first = rng.choice(services)
        then = (
            rng.sample([s for s in services if s != first], rng.choice((1, 2)))
            if rng.random() < args.visits
            else []
        )
        t0 = time.perf_counter()
        retry(queue.issue_ticket, db, first, then=then)
        issue_ms.append((time.perf_counter() - t0) * 1000)
    kiosks_done = sync[3]
    with kiosks_done.get_lock():
        kiosks_done.value += 1
    db.dispose()
    out.put(("kiosk", index, issue_ms, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def counter(url: str, args: argparse.Namespace, code: str, services: list[str], sync: Any, out: Any) -> None:
    rng = random.Random(code)
    db, epoch = opened(url, args, code, sync)
    recalls_needed = int(site_service.get_setting(db, "queue.recalls_before_no_show"))
    end = epoch + DAY_SECONDS / args.factor
    call_ms: list[float] = []
    calls: list[tuple[int, str, float]] = []  # ticket id, its leg's queue time, real call time
    empty = idle_reads = 0
    others = [s for s in services]
    kiosks_done = sync[3]

    def day_over() -> bool:  # the kiosks have issued their last ticket and nobody waits
        return kiosks_done.value == args.kiosks and _nobody_waits(db)

    while time.time() < end + args.drain:
        t0 = time.perf_counter()
        t = retry(queue.call_next, db, code)
        elapsed = (time.perf_counter() - t0) * 1000
        if t is None:
            empty += 1
            if day_over():
                break
            # idle: the officer calls when the counter's waiting list shows someone (a read, as the
            # counter screen's live list), not by calling again and again (each call is a write)
            while time.time() < end + args.drain:
                time.sleep(args.idle)
                idle_reads += 1
                if queue.waiting_list(db, code, limit=1) or day_over():
                    break
            continue
        call_ms.append(elapsed)
        calls.append((t.id, t.queued_at.isoformat(), time.time()))
        r = rng.random()
        if r < args.no_shows:
            for _ in range(recalls_needed):
                time.sleep(args.recall_wait / args.factor)
                retry(queue.recall, db, t.id)
            retry(queue.no_show, db, t.id)
            continue
        if r < args.no_shows + args.recalls:
            time.sleep(args.recall_wait / args.factor)
            retry(queue.recall, db, t.id)
        retry(queue.start, db, t.id)
        time.sleep(rng.expovariate(1 / (args.service_minutes * 60)) / args.factor)
        if rng.random() < args.transfers and len(others) > 1:
            target = rng.choice([s for s in others if s != t.service])
            try:
                retry(queue.transfer, db, t.id, to_service=target)
                continue
            except InvalidTransition:
                pass
        retry(queue.finish, db, t.id)
    db.dispose()
    out.put(
        (
            "counter",
            code,
            call_ms,
            calls,
            (empty, idle_reads),
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        )
    )


def _nobody_waits(db: Database) -> bool:
    return not queue.waiting_list(db, limit=1)


def board(url: str, args: argparse.Namespace, index: int, sync: Any, stop: Any, out: Any) -> None:
    db, _epoch = opened(url, args, f"board{index}", sync)
    seen: dict[tuple[int, str], float] = {}
    polls, poll_ms = 0, []
    while not stop.is_set():
        t0 = time.perf_counter()
        try:
            shown = queue.recent_calls(db, limit=args.board_rows)
        except DatabaseUnavailable:
            shown = []
        now = time.time()
        poll_ms.append((time.perf_counter() - t0) * 1000)
        polls += 1
        for t in shown:
            seen.setdefault((t.id, t.queued_at.isoformat()), now)
        time.sleep(args.board_poll)
    db.dispose()
    out.put(("board", index, seen, poll_ms, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def run(url: str, args: argparse.Namespace) -> None:
    counters = setup(url, args)
    services = sorted({s for sv in counters.values() for s in sv})
    ctx = mp.get_context("spawn")
    go, stop, out, ready = ctx.Event(), ctx.Event(), ctx.Queue(), ctx.Queue()
    shared_epoch = ctx.Value("d", 0.0)
    sync = (shared_epoch, ready, go, ctx.Value("i", 0))
    procs = [ctx.Process(target=kiosk, args=(url, args, i, services, sync, out)) for i in range(args.kiosks)]
    procs += [ctx.Process(target=counter, args=(url, args, c, sv, sync, out)) for c, sv in counters.items()]
    boards = [ctx.Process(target=board, args=(url, args, i, sync, stop, out)) for i in range(args.boards)]
    for p in procs + boards:
        p.start()
    for _ in procs + boards:
        ready.get(timeout=600)
    epoch = shared_epoch.value = time.time()  # the day starts when every process is up
    go.set()
    load_start = os.getloadavg()[0]
    results: list[tuple[Any, ...]] = []
    for _ in procs:
        results.append(out.get(timeout=DAY_SECONDS / args.factor + args.drain + 900))
    stop.set()
    for _ in boards:
        results.append(out.get(timeout=120))
    for p in procs + boards:
        p.join(timeout=60)
    wall = time.time() - epoch
    report(args, results, wall, load_start)
    db = Database(url)
    with db.read() as s:
        states = dict(s.execute(select(Ticket.state, func.count()).group_by(Ticket.state)).all())
    db.dispose()
    print(f"tickets at the end, by state: {dict(sorted(states.items()))}")


def report(args: argparse.Namespace, results: list[tuple[Any, ...]], wall: float, load_start: float) -> None:
    issue_ms = [v for r in results if r[0] == "kiosk" for v in r[2]]
    call_ms = [v for r in results if r[0] == "counter" for v in r[2]]
    calls = [c for r in results if r[0] == "counter" for c in r[3]]
    empty = sum(r[4][0] for r in results if r[0] == "counter")
    idle_reads = sum(r[4][1] for r in results if r[0] == "counter")
    seen: dict[tuple[int, str], float] = {}
    poll_ms: list[float] = []
    for r in results:
        if r[0] == "board":
            poll_ms += r[3]
            for key, at in r[2].items():
                seen[key] = min(at, seen.get(key, at))
    doubles = sum(1 for n in Tally((tid, q) for tid, q, _ in calls).values() if n > 1)
    to_board = [(seen[(tid, q)] - at) * 1000 for tid, q, at in calls if (tid, q) in seen]
    missed = sum(1 for tid, q, _ in calls if (tid, q) not in seen)
    rss = {kind: max(r[-1] for r in results if r[0] == kind) / 1024 for kind in ("kiosk", "counter", "board")}
    print(f"\nbackend {args.backend}; {args.counters} counters, {args.services} services, "
          f"{args.agencies} agencies, {args.kiosks} kiosks, {args.boards} boards; {args.tickets} tickets; "
          f"time x{args.factor:g} "
          f"(the 8 h day in {DAY_SECONDS / args.factor:.0f} s); service {args.service_minutes:.1f} min; "
          f"real {wall:.0f} s; load {load_start:.1f} -> {os.getloadavg()[0]:.1f}")  # fmt: skip
    print("| measure | n | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, values in (("issue (kiosk)", issue_ms), ("call next (counter, got a ticket)", call_ms),
                         ("call -> board shows it", to_board), ("board poll read", poll_ms)):  # fmt: skip
        if values:
            print(f"| {name} | {len(values)} | {statistics.median(values):.1f} | {pct(values, 99):.1f} | "
                  f"{max(values):.1f} |")  # fmt: skip
    print(f"\nlegs called {len(calls)} (empty call-next {empty}, idle waiting-list reads {idle_reads}); "
          f"double calls {doubles}; "
          f"calls no board saw {missed}; peak RSS MiB kiosk {rss['kiosk']:.0f}, "
          f"counter {rss['counter']:.0f}, board {rss['board']:.0f}")  # fmt: skip
    if doubles:
        raise SystemExit("DOUBLE CALLS")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--db", help="a database URL instead of a throwaway cluster / temporary file")
    parser.add_argument("--one-pc", action="store_true", help="SQLite, 1 kiosk, 4 counters, 1 board")
    parser.add_argument("--counters", type=int, default=20)
    parser.add_argument("--services", type=int, default=60)
    parser.add_argument("--agencies", type=int, default=10)
    parser.add_argument("--kiosks", type=int, default=2)
    parser.add_argument("--boards", type=int, default=2)
    parser.add_argument("--tickets", type=int, default=1500)
    parser.add_argument("--factor", type=float, default=160.0, help="hall seconds per real second")
    parser.add_argument("--service-minutes", type=float, help="mean service time (hall minutes)")
    parser.add_argument("--visits", type=float, default=0.1, help="share of multi-service visits")
    parser.add_argument("--transfers", type=float, default=0.05)
    parser.add_argument("--no-shows", type=float, default=0.05)
    parser.add_argument("--recalls", type=float, default=0.05, help="recalled once, then come")
    parser.add_argument("--recall-wait", type=float, default=30.0, help="hall seconds before a recall")
    parser.add_argument("--board-poll", type=float, default=0.25, help="real seconds between polls")
    parser.add_argument("--board-rows", type=int, default=40)
    parser.add_argument("--idle", type=float, default=0.5, help="seconds between an idle counter's reads")
    parser.add_argument(
        "--drain", type=float, default=60.0, help="real seconds after the day to empty the queue"
    )
    args = parser.parse_args()
    if args.one_pc:
        args.backend, args.counters, args.kiosks, args.boards = "sqlite", 4, 1, 1
        args.services, args.agencies = min(args.services, 8), min(args.agencies, 4)
        args.tickets = min(args.tickets, 400)
    args.agencies = min(args.agencies, args.counters, args.services)
    if args.service_minutes is None:  # about 85 % busy counters over the day
        legs = 1 + args.visits * 1.5 + args.transfers
        args.service_minutes = 0.85 * args.counters * DAY_SECONDS / 60 / (args.tickets * legs)
    if args.db:
        run(args.db, args)
    elif args.backend == "sqlite":
        run(f"sqlite:///{tempfile.mkdtemp(prefix='p4-hall-')}/hall.sqlite3", args)
    else:
        from tests.support.postgres import postgres_server

        with postgres_server() as pg:
            run(pg.url(pg.create_database("hall")), args)


if __name__ == "__main__":
    main()

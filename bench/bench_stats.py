"""Statistics benchmark: the dashboard period query (a month), the year, the live monitor and the
report PDF, on databases filled by ``bench/generate_year.py``.

    python bench/bench_stats.py --db sqlite:///year.sqlite3 [--db postgresql+psycopg://...]
    python bench/bench_stats.py --db sqlite:///year.sqlite3 --with-postgres   # throwaway cluster,
                                                                              # filled here first

Targets (issues 7 and 20.4): the dashboard period query <= 300 ms, the year <= 1 s (with the
summaries of finished days, checked equal to a recount in the same run); the report PDF <= 2 s. Each figure is
the median of ``--repeat`` runs after one warm-up run (the warm-up loads pages into the cache,
as a supervisor's second click would find them).
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from p4_desk.services.reports import render_content, report_content, report_signatory  # noqa: E402
from p4_desk.services.stats import (  # noqa: E402
    Period,
    StatsFilter,
    compute_statistics,
    live_monitor,
    summarise_finished_days,
)
from p4_desk.store.db import Database  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402
from p4_desk.store.models import Ticket, TicketLeg  # noqa: E402


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, float, Any]:
    """(median wall ms, max wall ms, median CPU ms of this process, last result) after a warm-up.

    The CPU time of this process is the robust figure for SQLite (in-process) on a busy shared
    machine; for PostgreSQL most work happens in the server, so only wall time means anything.
    """
    result = fn()
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return statistics.median(walls), max(walls), statistics.median(cpus), result


def same(a: Any, b: Any, path: str = "") -> None:
    """The correctness check: summarised figures equal to the recount (floats to 1e-9)."""
    if hasattr(a, "__dataclass_fields__"):
        a, b = asdict(a), asdict(b)
    if isinstance(a, dict):
        for k in a:
            if k != "generated_at":
                same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{path}[{i}]")
    elif isinstance(a, float) and isinstance(b, float):
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6), f"{path}: {a} != {b}"
    else:
        assert a == b, f"{path}: {a!r} != {b!r}"


def last_full_month(db: Database) -> Period:
    with db.read() as s:
        newest = s.scalar(select(func.max(Ticket.service_day)))
    assert newest is not None, "empty database: run bench/generate_year.py first"
    first_of_this = newest.replace(day=1)
    return Period.month(first_of_this - timedelta(days=1))


def year(db: Database) -> Period:
    with db.read() as s:
        first, last = s.execute(select(func.min(Ticket.service_day), func.max(Ticket.service_day))).one()
    return Period(first, last)


def bench(url: str, repeat: int) -> list[tuple[str, float, float, str]]:
    db = open_database(url)
    print(
        f"\nload average at start: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs"
    )
    with db.read() as s:
        tickets = s.scalar(select(func.count()).select_from(Ticket))
        legs = s.scalar(select(func.count()).select_from(TicketLeg))
    month, whole = last_full_month(db), year(db)
    print(f"\n{db.dialect}: {tickets:,} tickets, {legs:,} legs; month {month.first}..{month.last}, "
          f"year {whole.first}..{whole.last}")  # fmt: skip
    rows: list[tuple[str, float, float, str]] = []
    started = time.perf_counter()
    summarised = summarise_finished_days(db, limit=1000)
    print(f"  summarised {summarised} finished days in {time.perf_counter() - started:.1f} s "
          "(once; the hourly housekeeping does it as days end)")  # fmt: skip

    def run(name: str, fn: Callable[[], Any], target_ms: float | None = None) -> Any:
        median, worst, cpu, result = timed(fn, repeat)
        verdict = "" if target_ms is None else ("ok" if median <= target_ms else f"OVER {target_ms:.0f} ms")
        rows.append((name, median, worst, verdict))
        print(f"  {name:<44} wall median {median:7.1f} ms  max {worst:7.1f} ms  cpu {cpu:7.1f} ms  {verdict}")
        return result

    stats_month = run("statistics, one month (dashboard period)", lambda: compute_statistics(db, month), 300)
    recount_month = run("statistics, one month, recount (no summaries)",
                        lambda: compute_statistics(db, month, summaries=False))  # fmt: skip
    same(stats_month, recount_month)
    run(
        "statistics, one month, service KTP",
        lambda: compute_statistics(db, month, StatsFilter(service="KTP")),
    )
    run("statistics, one month, officer petugas03",
        lambda: compute_statistics(db, month, StatsFilter(officer="petugas03")))  # fmt: skip
    run("statistics, one day", lambda: compute_statistics(db, Period.day(month.last - timedelta(days=1))))
    stats_year = run("statistics, whole year", lambda: compute_statistics(db, whole), 1000)
    same(stats_year, run("statistics, whole year, recount (no summaries)",
                         lambda: compute_statistics(db, whole, summaries=False)))  # fmt: skip
    run("statistics, one month, agency DUKCAPIL",
        lambda: compute_statistics(db, month, StatsFilter(agency="DUKCAPIL")))  # fmt: skip
    run("live monitor", lambda: live_monitor(db), 100)
    signatory = report_signatory(db)

    def report(stats: Any, fmt: str) -> bytes:
        return render_content(report_content(stats, signatory), fmt)

    run("monthly report PDF (content + render)", lambda: report(stats_month, "pdf"), 2000)
    run("monthly report PDF (statistics + content + render)",
        lambda: report(compute_statistics(db, month), "pdf"), 2000)  # fmt: skip
    day = Period.day(month.last)
    run("daily report PDF (statistics + content + render)",
        lambda: report(compute_statistics(db, day), "pdf"), 2000)  # fmt: skip
    run("monthly CSV (content + render)", lambda: report(stats_month, "csv"))
    run("monthly XLSX (content + render)", lambda: report(stats_month, "xlsx"))
    print(f"  month: {stats_month.totals.issued:,} issued, {stats_month.totals.legs:,} legs; "
          f"year: {stats_year.totals.issued:,} issued, {stats_year.totals.legs:,} legs")  # fmt: skip
    db.dispose()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", default=[], help="database URL (repeatable)")
    parser.add_argument("--with-postgres", action="store_true",
                        help="start a throwaway PostgreSQL, fill it with one year, bench it")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--per-day", type=int, default=2000)
    args = parser.parse_args()
    for url in args.db:
        bench(url, args.repeat)
    if args.with_postgres:
        from bench.generate_year import generate
        from tests.support.postgres import postgres_server

        with postgres_server() as server:
            name = server.create_database("p4bench")
            url = server.url(name)
            db = open_database(url)
            started = time.perf_counter()
            totals = generate(db, 365, args.per_day)
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
            elapsed = time.perf_counter() - started
            print(f"\npostgresql: generated {totals['tickets']:,} tickets in {elapsed:.1f} s")
            db.dispose()
            bench(url, args.repeat)
    print(f"\n(run {date.today()}, {args.repeat} timed runs each after one warm-up)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Deadline clock benchmark (issue 19): reading an application with its clock, a stop and a resume,
the fiktif-positif and stopped-clock lists, the on-time figures of a month, and the day-end close.

    python bench/bench_permit_clock.py [--db URL | --with-postgres] [--applications 50000] [--tickets 2000]

Without ``--db`` a throwaway SQLite file is used; ``--with-postgres`` starts a throwaway cluster.
Applications and their clock rows are written with bulk inserts (a benchmark of the reads needs the
rows, not 50,000 audit rows and outbox events); every measured call is the real service call, and
the day-end close issues its ``--tickets`` through the queue service. Each figure is over
``--repeat`` calls after a warm-up.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select, text  # noqa: E402

from p4_desk.domain.registration import format_registration_number  # noqa: E402
from p4_desk.services import applications, catalog, permits, queue, site, users  # noqa: E402
from p4_desk.services.permits import Requirement  # noqa: E402
from p4_desk.services.stats import Period, compute_statistics  # noqa: E402
from p4_desk.store.db import Database  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402
from p4_desk.store.models import Application, ApplicationClockEvent  # noqa: E402

NOW = datetime(2026, 11, 18, 3, 0, tzinfo=UTC)  # Wednesday 18 November 2026, 10.00 WIB


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(label: str, fn: Callable[[], object], repeat: int) -> None:
    fn()  # warm-up
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    print(
        f"{label:<52} wall p50 {statistics.median(wall):8.2f}  p99 {percentile(wall, 0.99):8.2f} ms"
        f" | cpu p50 {statistics.median(cpu):8.2f} ms  (n={repeat})"
    )


def fill(db: Database, count: int) -> tuple[list[str], list[str]]:
    """``count`` applications over 20 permit types (5 fiktif positif): open ones due from 30 days
    ago to 30 days ahead (a tenth stopped), and as many decided in the last 60 days."""
    site.init_site(db, "MPP-BDL", "MPP Bandar Lampung")
    catalog.add_agency(db, "DPMPTSP", "DPMPTSP")
    for i in range(20):
        permits.add_permit_type(
            db, f"IZIN{i:02d}", f"Izin contoh {i}", "DPMPTSP", working_days=5 + i,
            requirements=[Requirement("KTP", "Fotokopi KTP-el")], fiktif_positif=i < 5,
        )  # fmt: skip
    rng = random.Random(19)
    rows, numbers, running = [], [], []
    for i in range(count):
        received = NOW - timedelta(days=rng.randint(1, 90), minutes=rng.randint(0, 600))
        seq = i + 1
        number = format_registration_number("MPPBDL", 2026, 11, seq)
        decided = i % 2 == 0
        stopped = not decided and i % 10 == 1
        rows.append(
            {
                "registration_number": number, "permit_type_id": 1 + i % 20,
                "state": "approved" if decided else "processing",
                "nik": f"1871015708{i % 90 + 10:02d}{i % 9999 + 1:04d}",
                "name": f"Pemohon {i}", "name_key": f"pemohon {i}", "phone": f"+62812{i:08d}",
                "address": "Bandar Lampung", "fee": 0, "incomplete": False, "received_at": received,
                "due_date": (NOW + timedelta(days=rng.randint(-30, 30))).date(), "receipt_prints": 1,
                "updated_at": received, "clock_days": 5 + i % 20,
                "clock_state": "ended" if decided else ("stopped" if stopped else "running"),
            }
        )  # fmt: skip
        if i % 499 == 3:
            numbers.append(number)
        if not decided and not stopped and i % 101 == 7:
            running.append(number)
    with db.write() as s:
        for start in range(0, len(rows), 20_000):
            s.execute(insert(Application), rows[start : start + 20_000])
    with db.write() as s:
        ids = list(s.execute(select(Application.id, Application.received_at, Application.clock_state)))
        events = []
        for app_id, received, state in ids:
            day = received.date()
            base = {"application_id": app_id, "day": day, "at": received, "due_estimated": False}
            events.append({**base, "action": "start", "reason": "", "used_days": 0})
            if state == "stopped":
                events.append({**base, "action": "stop", "waiting_for": "documents",
                               "reason": "Berkas belum lengkap", "used_days": 0})  # fmt: skip
            if state == "ended":
                end = NOW - timedelta(days=rng.randint(0, 60))
                events.append({**base, "action": "end", "day": end.date(), "at": end, "reason": "Disetujui",
                               "used_days": rng.randint(2, 30)})  # fmt: skip
        for start in range(0, len(events), 20_000):
            s.execute(insert(ApplicationClockEvent), events[start : start + 20_000])
    if not db.is_sqlite:  # the planner statistics autovacuum keeps on a live server
        with db.write() as s:
            s.execute(text("ANALYZE"))
    return numbers, running


def main() -> int:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, load average {load:.1f}")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an empty database (default: a throwaway SQLite file)")
    parser.add_argument("--with-postgres", action="store_true", help="a throwaway PostgreSQL cluster")
    parser.add_argument("--applications", type=int, default=50_000)
    parser.add_argument("--tickets", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if args.with_postgres:
        from tests.support.postgres import postgres_server

        with postgres_server() as server:
            bench(server.url(server.create_database("p4clock")), args)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        bench(args.db or f"sqlite:///{Path(folder) / 'clock.sqlite3'}", args)
    return 0


def bench(url: str, args: argparse.Namespace) -> None:
    print(f"database: {url.split('://')[0]}")
    clock = Clock(NOW)
    db = open_database(url, clock=clock)
    started = time.perf_counter()
    numbers, running = fill(db, args.applications)
    took = time.perf_counter() - started
    print(f"{args.applications} applications with their clocks written in {took:.1f} s")
    rng = random.Random(7)
    report("get_application (clock read with the calendar)", lambda: applications.get_application(
        db, rng.choice(numbers)), args.repeat * 5)  # fmt: skip
    print(f"fiktif-positif warnings now: {len(applications.fiktif_positif_warnings(db))}, "
          f"stopped clocks: {len(applications.stopped_clocks(db))}")  # fmt: skip
    report(
        "fiktif_positif_warnings (whole site)",
        lambda: applications.fiktif_positif_warnings(db),
        args.repeat,
    )
    report("stopped_clocks (whole site)", lambda: applications.stopped_clocks(db), args.repeat)
    month = Period.month(NOW.date())
    report("compute_statistics, month (with the permit figures)", lambda: compute_statistics(db, month),
           args.repeat)  # fmt: skip

    def stop_and_resume() -> None:
        number = rng.choice(running)
        info = applications.get_application(db, number)
        if info.clock.state == "running":
            applications.stop_clock(db, number, "payment", "Menunggu pembayaran")
        applications.resume_clock(db, number)

    report("stop_clock + resume_clock (two transactions)", stop_and_resume, args.repeat)

    catalog.add_service(db, "KTP", "KTP-el", "DPMPTSP", "A")
    catalog.add_counter(db, "L1", "Loket 1", ["KTP"])
    users.add_user(db, "petugas1", "Petugas Satu", "operator", "rahasia123")
    for _ in range(args.tickets):
        queue.issue_ticket(db, "KTP")
    clock.now = NOW + timedelta(days=1)
    started, cpu = time.perf_counter(), time.process_time()
    closed = queue.close_ended_days(db)
    wall_ms, cpu_ms = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    print(f"close_ended_days: {closed} tickets closed in {wall_ms:.0f} ms wall, {cpu_ms:.0f} ms CPU; "
          "again: ", end="")  # fmt: skip
    started = time.perf_counter()
    again = queue.close_ended_days(db)
    print(f"{again} in {(time.perf_counter() - started) * 1000:.1f} ms")
    db.dispose()


if __name__ == "__main__":
    raise SystemExit(main())

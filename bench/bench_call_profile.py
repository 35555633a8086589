"""Where a call-next goes on PostgreSQL (issue 20.3): statements (round trips) per operation, and
how long each kind of statement takes, for issue / call-next / start / finish in one process.

    python bench/bench_call_profile.py [--rounds 200] [--db URL]   # default: a throwaway cluster

Each statement the driver sends (``before_cursor_execute`` .. ``after_cursor_execute``) plus the
transaction's BEGIN (psycopg sends it before the first statement) and COMMIT is one round trip to
the server; the table says how many each operation needs and how much of its wall time they take.
The client CPU column (this process's CPU time per operation: the driver, SQLAlchemy and the
service code) depends little on the machine's load, unlike the wall figures. The held CPU column
is the part of it from the write transaction's BEGIN to the connection's return to the pool: on
SQLite the time the write turn is held, which every other writer of the file waits for
(``store.write_turn``); "/ call next" divides it by call next's of the same run, so that the
machine's speed cancels out. The "journal only" row is the floor of any write: a transaction that
only records one audit row and its event (what every operation also does), so the part of an
operation's hold above it is its own statements and the ORM's work.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event  # noqa: E402

from p4_desk.services import catalog, queue, site  # noqa: E402
from p4_desk.store.db import Database  # noqa: E402
from p4_desk.store.journal import SYSTEM, record  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402


def _kind(statement: str) -> str:
    s = " ".join(statement.split())[:200]
    m = re.match(r"(SELECT|INSERT INTO|UPDATE|DELETE FROM)\s+(\S+)", s, re.I)
    if not m:
        return s[:40]
    verb, rest = m.group(1).upper(), m.group(2)
    if verb == "SELECT":
        frm = re.search(r"\bFROM\s+(\w+)", s, re.I)
        target = frm.group(1) if frm else rest
        lock = " FOR UPDATE" if "FOR UPDATE" in s.upper() else ""
        if "pg_advisory" in s:
            return "SELECT pg_advisory_xact_lock"
        return f"SELECT {target}{lock}"
    return f"{verb} {rest}"


def profile(url: str, rounds: int) -> None:
    db = open_database(url)
    site.init_site(db, "PROF", "Profil")
    catalog.add_agency(db, "AG", "Agency")
    catalog.add_service(db, "S", "Service", "AG", "A")
    catalog.add_counter(db, "C1", "Loket 1", ["S"])
    queue.set_counter_state(db, "C1", "open")
    db.dispose()
    db = Database(url)
    current: dict[str, Any] = {"op": None, "t0": 0.0}
    counts: dict[str, int] = defaultdict(int)
    per_kind: dict[tuple[str, str], list[float]] = defaultdict(list)

    @event.listens_for(db.engine, "before_cursor_execute")
    def before(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        current["t0"] = time.perf_counter()

    @event.listens_for(db.engine, "after_cursor_execute")
    def after(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        if current["op"]:
            counts[current["op"]] += 1
            per_kind[(current["op"], _kind(statement))].append((time.perf_counter() - current["t0"]) * 1000)

    @event.listens_for(db.engine, "commit")
    def on_commit(_c: Any) -> None:
        if current["op"]:
            counts[current["op"]] += 2  # BEGIN and COMMIT

    walls: dict[str, list[float]] = defaultdict(list)
    cpus: dict[str, list[float]] = defaultdict(list)
    held: dict[str, list[float]] = defaultdict(list)

    @event.listens_for(db.engine, "begin")
    def on_begin(conn: Any) -> None:
        if current["op"] and conn.get_execution_options().get("p4_write"):
            current["held_from"] = time.thread_time()

    @event.listens_for(db.engine, "checkin")
    def on_checkin(_dbapi: Any, _record: Any) -> None:
        started = current.pop("held_from", None)
        if started is not None and current["op"]:
            held[current["op"]].append((time.thread_time() - started) * 1000)

    def op(name: str, fn: Any, *args: Any) -> Any:
        current["op"] = name
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn(*args)
        walls[name].append((time.perf_counter() - t0) * 1000)
        cpus[name].append((time.process_time() - c0) * 1000)
        current["op"] = None
        return result

    def journal_only(number: str) -> None:
        with db.write() as s:
            details, payload = {"number": number, "counter": "C1"}, {"number": number, "state": "called"}
            record(
                s,
                db,
                SYSTEM,
                "ticket.note",
                "ticket",
                1,
                details=details,
                event_type="ticket.note",
                payload=payload,
            )

    for _ in range(rounds):
        op("issue", queue.issue_ticket, db, "S")
        t = op("call_next", queue.call_next, db, "C1")
        op("start", queue.start, db, t.id)
        op("finish", queue.finish, db, t.id)
        op("journal_only", journal_only, t.number)
    print(f"\nload average {os.getloadavg()[0]:.1f}; {rounds} rounds; one process\n")
    print(
        "| operation | wall p50 ms | client CPU mean ms | held CPU p50 ms | / call next "
        "| round trips | statement time p50 sum ms |"
    )
    print("|---|---|---|---|---|---|---|")
    call_held = statistics.median(held["call_next"])
    for name, values in walls.items():
        trips = counts[name] / rounds
        stmt = sum(statistics.median(v) for (o, _k), v in per_kind.items() if o == name)
        cpu = statistics.mean(cpus[name])
        hold = statistics.median(held[name])
        print(
            f"| {name} | {statistics.median(values):.2f} | {cpu:.2f} | {hold:.2f} | {hold / call_held:.2f} "
            f"| {trips:.1f} | {stmt:.2f} |"
        )
    print("\n| operation | statement | per op | p50 ms |")
    print("|---|---|---|---|")
    for (name, kind), values in sorted(per_kind.items()):
        print(f"| {name} | `{kind}` | {len(values) / rounds:.1f} | {statistics.median(values):.3f} |")
    db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.db:
        profile(args.db, args.rounds)
        return
    from tests.support.postgres import postgres_server

    with postgres_server() as pg:
        profile(pg.url(pg.create_database("profile")), args.rounds)


if __name__ == "__main__":
    main()

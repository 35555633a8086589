"""Generate one year of a busy MPP (>= 500,000 tickets) for the statistics benchmark.

    python bench/generate_year.py --db sqlite:///year.sqlite3 [--days 365] [--per-day 2000]
    python bench/generate_year.py --db postgresql+psycopg://user@host/db

The catalogue (13 services of 9 agencies, as in the demo site) and the users are created
through the real services; the history is bulk-inserted with SQLAlchemy Core ``executemany``
(batched ``INSERT ... VALUES`` on PostgreSQL through psycopg, one transaction per batch) —
tickets, their service legs (3 % transferred to a second service), counter open/close audit
rows (so idle time has sessions) and the day sequences. Working days Monday to Friday.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Table, func, insert, select  # noqa: E402

from p4_desk.demo.hall import AGENCIES, HOUR_WEIGHTS, SERVICES  # noqa: E402
from p4_desk.domain.queue_rules import format_ticket_number  # noqa: E402
from p4_desk.services import catalog, site, users  # noqa: E402
from p4_desk.store.db import Database  # noqa: E402
from p4_desk.store.journal import seal_rows  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402
from p4_desk.store.models import AuditEntry, ServiceDaySequence, Ticket, TicketLeg, User  # noqa: E402

BATCH = 20_000
WORK_MINUTES = 7.5 * 60
UTILISATION = 0.8
TRANSFER_SHARE = 0.03
NO_SHOW_SHARE = 0.05


def table_of(model: type[Any]) -> Table:
    """The Core table of a model: Core ``executemany`` skips the ORM's per-object work."""
    return cast(Table, model.__table__)


def build_site(db: Database, per_day: int) -> dict[str, Any]:
    """Catalogue, counters sized for the load, one officer per counter."""
    site.init_site(db, "MPP-BENCH", "Mal Pelayanan Publik (beban tahunan)", "Asia/Jakarta")
    for code, name in AGENCIES:
        catalog.add_agency(db, code, name)
    scale = per_day / sum(s[8] for s in SERVICES)
    counters: dict[str, list[str]] = {}
    n = 0
    for code, prefix, name, agency, target, _quota, _office, mean, load in SERVICES:
        catalog.add_service(db, code, name, agency, prefix, target_wait_minutes=target)
        needed = max(1, round(load * scale * mean / (WORK_MINUTES * UTILISATION)))
        for _ in range(needed):
            n += 1
            catalog.add_counter(db, f"L{n:02d}", f"Loket {n}", [code])
            counters.setdefault(code, []).append(f"L{n:02d}")
    # one slow argon2 hash through the service, then the other officers share it (bulk insert)
    first = users.add_user(db, "petugas01", "Petugas 01", "operator", "petugas123")
    with db.write() as s:
        hashed = s.scalar(select(User.password_hash).where(User.id == first.id))
        now = db.now()
        s.execute(
            insert(table_of(User)),
            [{"username": f"petugas{i:02d}", "full_name": f"Petugas {i:02d}", "role": "operator",
              "password_hash": hashed, "active": True, "failed_attempts": 0, "created_at": now}
             for i in range(2, n + 1)],
        )  # fmt: skip
    return {"counters": n, "scale": scale}


def _ids(db: Database) -> tuple[dict[str, Any], dict[str, int], dict[str, int]]:
    from p4_desk.store.models import Counter, Service

    with db.read() as s:
        services = {sv.code: sv for sv in s.scalars(select(Service))}
        counters = {c.code: c.id for c in s.scalars(select(Counter))}
        officers = {u.username: u.id for u in s.scalars(select(User))}
        for sv in services.values():
            s.expunge(sv)
    return services, counters, officers


def generate(db: Database, days: int, per_day: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    info = build_site(db, per_day)
    services, counter_ids, officer_ids = _ids(db)
    tz = ZoneInfo("Asia/Jakarta")
    scale = info["scale"]
    by_service: dict[str, list[int]] = {}
    from p4_desk.store.models import Counter

    with db.read() as s:
        for c in s.scalars(select(Counter)):
            for sv in c.services:
                by_service.setdefault(sv.code, []).append(c.id)
    officer_of = {cid: officer_ids[f"petugas{int(code[1:]):02d}"] for code, cid in counter_ids.items()}
    code_of = {cid: code for code, cid in counter_ids.items()}
    hours, weights = list(HOUR_WEIGHTS), list(HOUR_WEIGHTS.values())

    with db.read() as s:
        next_ticket = int(s.scalar(select(func.max(Ticket.id))) or 0) + 1
    today = datetime.now(UTC).astimezone(tz).date()
    tickets: list[dict[str, Any]] = []
    legs: list[dict[str, Any]] = []
    audits: list[dict[str, Any]] = []
    sequences: list[dict[str, Any]] = []
    totals = {"tickets": 0, "legs": 0, "audit": 0}

    def flush() -> None:
        with db.write() as s:
            conn = s.connection()
            seal_rows(s, audits)  # the audit chain, as record() would make it
            for table, rows in ((Ticket, tickets), (TicketLeg, legs), (AuditEntry, audits),
                                (ServiceDaySequence, sequences)):  # fmt: skip
                if rows:
                    conn.execute(insert(table_of(table)), rows)
        totals["tickets"] += len(tickets)
        totals["legs"] += len(legs)
        totals["audit"] += len(audits)
        for rows in (tickets, legs, audits, sequences):
            rows.clear()

    def local(day: date, h: int, m: int = 0, sec: int = 0) -> datetime:
        return datetime.combine(day, clock_time(h, m, sec), tzinfo=tz).astimezone(UTC)

    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:
            continue
        opened, closed = local(day, 7, 55), local(day, 16, 0)
        for cid in counter_ids.values():
            for at, action in ((opened, "counter.open"), (closed, "counter.closed")):
                audits.append(
                    {"at": at, "user_id": officer_of[cid], "username": None, "workstation": "bench",
                     "action": action, "entity": "counter", "entity_id": code_of[cid], "details": None}
                )  # fmt: skip
        free_at: dict[int, datetime] = {cid: opened for cid in counter_ids.values()}
        day_legs: list[tuple[datetime, str, dict[str, Any], str | None]] = []
        for code, prefix, _name, _agency, _t, _q, _o, _mean, load in SERVICES:
            sv = services[code]
            n = max(1, int(rng.gauss(load * scale, load * scale * 0.15)))
            arrivals = sorted(
                local(day, rng.choices(hours, weights)[0], rng.randint(0, 59), rng.randint(0, 59))
                for _ in range(n)
            )
            for seq, arrival in enumerate(arrivals, start=1):
                t = {
                    "id": next_ticket, "uid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "service_id": sv.id, "issued_service_id": sv.id, "service_day": day, "seq": seq,
                    "number": format_ticket_number(prefix, seq), "priority": None, "state": "done",
                    "issued_at": arrival, "arrival_at": arrival, "queue_key": arrival.timestamp(),
                    "recall_count": 0, "print_state": "printed", "target_counter_id": None,
                    "cancel_reason": None, "transferred_from_service_id": None,
                }  # fmt: skip
                next_ticket += 1
                tickets.append(t)
                to = None
                if rng.random() < TRANSFER_SHARE:
                    to = rng.choice([x for x in services if x != code])
                day_legs.append((arrival, code, t, to))
            sequences.append({"service_id": sv.id, "service_day": day, "last_number": n})
        # serve in arrival order per service, each leg at the counter free first
        pending = sorted(day_legs, key=lambda x: x[0])
        while pending:
            queued, code, t, to = pending.pop(0)
            mean = next(s[7] for s in SERVICES if s[0] == code)
            cid = min(by_service[code], key=lambda c: free_at[c])
            called = max(queued, free_at[cid]) + timedelta(seconds=rng.randint(5, 40))
            outcome = "transferred" if to else ("no_show" if rng.random() < NO_SHOW_SHARE else "done")
            started = called + timedelta(seconds=rng.randint(20, 90)) if outcome != "no_show" else None
            minutes = max(1.0, rng.gauss(mean, mean * 0.35))
            ended = (started or called) + timedelta(minutes=minutes if outcome == "done" else 2)
            free_at[cid] = ended
            legs.append(
                {"ticket_id": t["id"], "service_id": services[code].id, "queued_at": queued,
                 "called_at": called, "started_at": started, "ended_at": ended, "counter_id": cid,
                 "officer_id": officer_of[cid], "outcome": outcome}
            )  # fmt: skip
            t.update(called_at=called, started_at=started, finished_at=ended, counter_id=cid,
                     officer_id=officer_of[cid], updated_at=ended, service_id=services[code].id)  # fmt: skip
            if to:
                t["transferred_from_service_id"] = services[code].id
                i = next((k for k, p in enumerate(pending) if p[0] > ended), len(pending))
                pending.insert(i, (ended, to, t, None))
            else:
                t["state"] = "done" if outcome == "done" else "no_show"
                if outcome == "no_show":
                    t["recall_count"] = 1
        if len(tickets) >= BATCH:
            flush()
    flush()
    return {**totals, "counters": info["counters"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL of an EMPTY database")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--per-day", type=int, default=2000, help="mean tickets per working day")
    args = parser.parse_args()
    db = open_database(args.db)
    started = time.perf_counter()
    totals = generate(db, args.days, args.per_day)
    elapsed = time.perf_counter() - started
    if db.is_sqlite:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    print(
        f"{db.dialect}: {totals['tickets']:,} tickets, {totals['legs']:,} legs, {totals['audit']:,} counter "
        f"audit rows, {totals['counters']} counters in {elapsed:.1f} s "
        f"({totals['tickets'] / elapsed:,.0f} tickets/s)"
    )
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

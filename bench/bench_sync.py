"""Drain an outbox backlog to a local central server: events/s and peak memory of the desk.

For each backlog size a fresh site database (SQLite) gets N realistic ``ticket.issued``
events in its outbox, a fresh central server (``p4_desk.central``, SQLite, on 127.0.0.1) is
started, and a *separate desk process* drains the backlog with the real sync agent (batches of
``--batch-size``, push only). That process reports its wall time and its peak RSS
(``ru_maxrss``), so the figure is the desk alone, not the benchmark harness. Memory flat in
the backlog size means: the 50k peak is close to the 10k peak.

Columns: ``events/s`` end to end; ``wait s`` the time the agent waited for the server's
answers (the agent claims and settles batches while the server works, so this is the part
the server bounds); ``ev/s excl. wait`` = events / (seconds - wait s), the desk's own pace.

    python bench/bench_sync.py [--events 10000,50000] [--batch-size 200] [--central-db URL]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from p4_desk.services import catalog, queue, site  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402
from p4_desk.store.models import OutboxEvent  # noqa: E402
from tests.integration.central_server import CentralServer  # noqa: E402

SITE = "BENCH"


def make_backlog(url: str, events: int) -> None:
    """A site with one real issued ticket, whose event is cloned into an N-event backlog."""
    db = open_database(url)
    site.init_site(db, SITE, "Bench", "Asia/Jakarta")
    catalog.add_agency(db, "DUKCAPIL", "Dukcapil")
    catalog.add_service(db, "KTP", "KTP-el", "DUKCAPIL", "A")
    queue.issue_ticket(db, "KTP")
    with db.read() as s:
        template = s.query(OutboxEvent).one().payload
    start = datetime(2026, 3, 4, 1, 0, tzinfo=UTC)
    rows = []
    for i in range(1, events):
        at = start + timedelta(seconds=i)
        payload = {**template, "ticket_uid": str(uuid.uuid4()), "number": f"A{i:04d}"}
        payload["issued_at"] = at.isoformat()
        rows.append(
            {
                "event_id": str(uuid.uuid4()),
                "type": "ticket.issued",
                "occurred_at": at,
                "schema_version": 1,
                "payload": payload,
                "state": "pending",
                "attempts": 0,
            }
        )
        if len(rows) == 5000:
            with db.write() as s:
                s.execute(insert(OutboxEvent), rows)
            rows = []
    if rows:
        with db.write() as s:
            s.execute(insert(OutboxEvent), rows)
    db.dispose()


def drain_in_this_process(url: str, central_url: str, token: str, batch_size: int) -> None:
    """The desk process: drain and print figures as JSON (token passed by the harness)."""
    from p4_desk.services.central_inbox import CentralInbox
    from p4_desk.store.db import Database
    from p4_desk.sync.agent import SyncAgent
    from p4_desk.sync.client import BatchAnswer, CentralClient

    db = Database(url)
    client = CentralClient(central_url, SITE, token)
    waited = 0.0
    post_events = client.post_events

    def timed_post(events: list[dict[str, Any]]) -> BatchAnswer:
        nonlocal waited
        began = time.perf_counter()
        try:
            return post_events(events)
        finally:
            waited += time.perf_counter() - began

    client.post_events = timed_post  # type: ignore[method-assign]
    rss_before = _rss_kib()
    began = time.perf_counter()
    report = SyncAgent(db, client, CentralInbox(db), batch_size=batch_size, pull=False).run_once()
    seconds = time.perf_counter() - began
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "sent": report.accepted + report.duplicate,
                "pending": report.pending,
                "seconds": seconds,
                "http_seconds": waited,
                "rss_before_mib": rss_before / 1024,
                "peak_rss_mib": peak_kib / 1024,
            }
        )
    )


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run(events: int, batch_size: int, central_db: str | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="p4-bench-sync-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'site.sqlite3'}"
        make_backlog(url, events)
        central = CentralServer(Path(tmp) / "central", db_url=central_db)
        central.start()
        try:
            token = central.enrol_site(SITE, "Bench")
            env = dict(os.environ, P4_BENCH_TOKEN=token)
            completed = subprocess.run(
                [sys.executable, __file__, "--drain", url, central.url, str(batch_size)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            figures: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
            stored = sum(central.report().get(SITE, {}).values())
        finally:
            central.stop()
    assert figures["sent"] == events and figures["pending"] == 0, figures
    assert stored == events, f"central stored {stored} of {events}"
    figures["events"] = events
    figures["events_per_s"] = events / figures["seconds"]
    # what the desk itself spends per event: everything but waiting for the server's answers
    figures["desk_events_per_s"] = events / max(1e-9, figures["seconds"] - figures["http_seconds"])
    return figures


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--drain":
        drain_in_this_process(sys.argv[2], sys.argv[3], os.environ["P4_BENCH_TOKEN"], int(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", default="10000,50000")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--central-db", default=None, help="central database URL (default: SQLite)")
    args = parser.parse_args()
    print(f"batch size {args.batch_size}; desk SQLite, central {args.central_db or 'SQLite'}; 127.0.0.1")
    print(
        f"{'events':>8} {'seconds':>8} {'events/s':>9} {'wait s':>7} {'ev/s excl. wait':>15} "
        f"{'RSS before':>11} {'peak RSS':>9}"
    )
    for n in (int(x) for x in args.events.split(",")):
        f = run(n, args.batch_size, args.central_db)
        print(
            f"{n:>8} {f['seconds']:>8.1f} {f['events_per_s']:>9.0f} {f['http_seconds']:>7.1f} "
            f"{f['desk_events_per_s']:>15.0f} "
            f"{f['rss_before_mib']:>9.1f} MiB {f['peak_rss_mib']:>6.1f} MiB",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The province's intake (issue 20.5): events/s that one or two central server processes take
while 12 sites push at once, with the server's memory before and at its peak, and the
exactly-once check (every event stored once, none lost), and where the CPU went: seconds of CPU
per 1,000 events of the server process(es), of the 12 pushers together and of PostgreSQL (its
postmaster and every backend, the exited ones counted through the postmaster).

    python bench/bench_intake.py [--sites 12] [--events 5000] [--batch 500] [--servers 1]
        [--backend postgresql|sqlite]

Each site is one OS process that posts its own events in batches over HTTP to 127.0.0.1 (with
two servers, sites alternate between them). PostgreSQL is a throwaway cluster (fsync off).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests  # noqa: E402

from tests.integration.central_server import CentralServer  # noqa: E402
from tests.integration.test_central_api import T0, bearer, ticket_event  # noqa: E402


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def cpu_seconds(pid: int, children: bool = False) -> float:
    """utime + stime of a process (with ``children``: also of its exited, reaped children)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_cpu(port: int) -> float:
    """CPU seconds of the cluster on ``port``: its postmaster (with reaped backends) and live ones."""
    postmaster = None
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if b"postgres" in cmdline and f"-p {port} ".encode() in cmdline:
            postmaster = int(entry.name)
    if postmaster is None:
        return float("nan")
    live = [pid for pid, parent in parents.items() if parent == postmaster]
    return cpu_seconds(postmaster, children=True) + sum(cpu_seconds(pid) for pid in live)


def pusher(url: str, site: str, token: str, events: int, batch: int, start: Any, out: Any) -> None:
    made = [
        ticket_event(str(uuid.uuid4()), number=f"A{i % 999 + 1:03d}", at=T0 + timedelta(seconds=i))
        for i in range(events)
    ]
    start.wait()
    t0, cpu0 = time.perf_counter(), time.process_time()
    accepted = 0
    with requests.Session() as http:
        for i in range(0, events, batch):
            r = http.post(
                f"{url}/api/v1/sites/{site}/events",
                json={"events": made[i : i + batch]},
                headers=bearer(token),
                timeout=300,
            )
            r.raise_for_status()
            accepted += len(r.json()["accepted"])
    out.put((site, accepted, time.perf_counter() - t0, time.process_time() - cpu0))


def enrol_sites(db_url: str, count: int) -> dict[str, str]:
    """Sites S00.. with their tokens, enrolled in the database itself (``/enrol`` takes 10 a
    minute from one address, ``guards.ENROL_PER_MINUTE``)."""
    from p4_desk.central import sites
    from p4_desk.central.db import open_engine, session_factory

    engine = open_engine(db_url, migrate=False)
    try:
        with session_factory(engine).begin() as session:
            codes = {f"S{i:02d}": sites.add_site(session, f"S{i:02d}", f"MPP {i}") for i in range(count)}
            return {site: sites.enrol(session, site, code) for site, code in codes.items()}
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", type=int, default=12)
    parser.add_argument("--events", type=int, default=5000, help="per site")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--backend", default="postgresql")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="p4-intake-"))
    with ExitStack() as stack:
        pg_port = None
        if args.backend == "postgresql":
            from tests.support.postgres import postgres_server

            pg = stack.enter_context(postgres_server())
            db_url = pg.url(pg.create_database("central"))
            pg_port = pg.port
        else:
            db_url = f"sqlite:///{work / 'central.sqlite3'}"
        servers = []
        for i in range(args.servers):
            server = CentralServer(work / f"s{i}", db_url=db_url)
            server.start()
            stack.callback(server.stop)
            servers.append(server)
        tokens = enrol_sites(db_url, args.sites)
        pids = [s._process.pid for s in servers if s._process is not None]
        before = [rss_mib(p) for p in pids]
        ctx = mp.get_context("spawn")
        start, out = ctx.Event(), ctx.Queue()
        procs = [
            ctx.Process(
                target=pusher,
                args=(servers[i % len(servers)].url, site, token, args.events, args.batch, start, out),
            )
            for i, (site, token) in enumerate(tokens.items())
        ]
        for p in procs:
            p.start()
        time.sleep(3 + args.events / 2000)  # let every site build its events
        peak = list(before)
        server_cpu0 = sum(cpu_seconds(p) for p in pids)
        pg_cpu0 = postgres_cpu(pg_port) if pg_port else float("nan")
        t0 = time.perf_counter()
        start.set()
        results: list[tuple[str, int, float, float]] = []
        while len(results) < len(procs):
            while not out.empty():
                results.append(out.get())
            peak = [max(a, rss_mib(p)) for a, p in zip(peak, pids, strict=True)]
            time.sleep(0.2)
        elapsed = time.perf_counter() - t0
        server_cpu = sum(cpu_seconds(p) for p in pids) - server_cpu0
        pg_cpu = (postgres_cpu(pg_port) if pg_port else float("nan")) - pg_cpu0
        for p in procs:
            p.join()
        total = sum(n for _s, n, _t, _c in results)
        pushers_cpu = sum(c for _s, _n, _t, c in results)
        report = servers[0].report()
        stored = sum(report.get(site, {}).get("ticket.issued", 0) for site in tokens)
        expected = args.sites * args.events
        memory = " / ".join(f"{b:.0f} → {p:.0f}" for b, p in zip(before, peak, strict=True))
        once = "yes" if total == expected == stored else f"NO: {total} accepted, {stored} stored"
        print(
            f"| {args.backend} | {args.servers} | {args.sites} | {expected:,} | {args.batch} | "
            f"{elapsed:.1f} s | {total / elapsed:,.0f} | {memory} MiB | "
            f"{server_cpu / expected * 1000:.3f} / {pushers_cpu / expected * 1000:.3f} / "
            f"{pg_cpu / expected * 1000:.3f} s | {once} | {os.getloadavg()[0]:.1f} |"
        )


if __name__ == "__main__":
    main()

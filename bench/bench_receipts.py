"""Receipt PDF render time and application search time among 200,000 applications (SQLite).

Targets (issue 5): receipt render p99 <= 50 ms; search <= 100 ms.

    python bench/bench_receipts.py [--applications 200000] [--renders 200] [--searches 50]

The applications are written with bulk inserts (not through ``intake``: a benchmark of search
needs the rows, not 200,000 audit rows and outbox events); the search is the real service call.
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
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from p4_desk.domain.registration import format_registration_number  # noqa: E402
from p4_desk.printing.receipt import ReceiptContent, ReceiptDocument, render_receipt  # noqa: E402
from p4_desk.services import applications, catalog, permits, site  # noqa: E402
from p4_desk.services.permits import Requirement  # noqa: E402
from p4_desk.store.migrate import open_database  # noqa: E402
from p4_desk.store.models import Application  # noqa: E402

FIRST = ["Siti", "Budi", "Dewi", "Ahmad", "Rina", "Agus", "Putri", "Yusuf", "Ani", "Hendra", "Wayan", "Made"]
LAST = ["Aminah", "Santoso", "Lestari", "Fauzi", "Marlina", "Saputra", "Rahmawati", "Hidayat", "Kurniawan"]
REGENCIES = ["1801", "1802", "1803", "1807", "1871", "1872"]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per call (CPU time shows the cost on a busy machine)."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def report(label: str, samples: tuple[list[float], list[float]]) -> None:
    wall, cpu = samples
    print(
        f"{label:<48} wall p50 {statistics.median(wall):7.2f}  p99 {percentile(wall, 0.99):7.2f} ms"
        f" | cpu p50 {statistics.median(cpu):7.2f}  p99 {percentile(cpu, 0.99):7.2f} ms  (n={len(wall)})"
    )


def bench_render(renders: int) -> None:
    docs = tuple(ReceiptDocument(f"Dokumen persyaratan {i}", i % 4 != 0, i % 3 != 0) for i in range(1, 8))
    content = ReceiptContent(
        kind="intake",
        site_name="Mal Pelayanan Publik Kota Bandar Lampung",
        site_address="Jl. Dr. Susilo No. 2, Bandar Lampung",
        agency_name="Dinas Penanaman Modal dan PTSP",
        registration_number="MPPBDL-2603-00042-X",
        tracking_url="https://perizinan.example.go.id/lacak?nomor=MPPBDL-2603-00042-X",
        applicant_name="Siti Aminah",
        nik_masked="1871**********0003",
        permit_name="Surat Izin Praktik Bidan",
        product="SIP Bidan",
        documents=docs,
        fee=150_000,
        received_at=datetime(2026, 3, 4, 3, 0, tzinfo=UTC).astimezone(ZoneInfo("Asia/Jakarta")),
        due_date=date(2026, 3, 11),
        officer_name="Ahmad Fauzi",
        complaint_channel="Pengaduan: SP4N-LAPOR! www.lapor.go.id, SMS 1708",
    )
    render_receipt(content, "A5")  # warm-up: fonts, imports
    numbers = iter(range(1, 10 * renders + 10))

    def fresh(**changes: object) -> ReceiptContent:
        # A new number every time: the QR matrix cache must not make the figures look better.
        number = format_registration_number("MPPBDL", 2026, 3, next(numbers))
        url = f"https://perizinan.example.go.id/lacak?nomor={number}"
        return replace(content, registration_number=number, tracking_url=url, **changes)  # type: ignore[arg-type]

    report("receipt render A5 (new number each time)", timed(lambda: render_receipt(fresh(), "A5"), renders))
    report("receipt render A4 copy (SALINAN)", timed(lambda: render_receipt(fresh(copy=True), "A4"), renders))
    report("receipt render A5, same number (reprint)", timed(lambda: render_receipt(content, "A5"), renders))


def fill(db_url: str, count: int) -> tuple[list[str], list[str], list[str]]:
    db = open_database(db_url)
    site.init_site(db, "MPP-BDL", "MPP Bandar Lampung")
    catalog.add_agency(db, "DPMPTSP", "DPMPTSP")
    permits.add_permit_type(
        db, "SIP-BIDAN", "Surat Izin Praktik Bidan", "DPMPTSP", working_days=5,
        requirements=[Requirement("KTP", "Fotokopi KTP-el")],
    )  # fmt: skip
    rng = random.Random(5)
    start = datetime(2025, 1, 2, 1, 0, tzinfo=UTC)
    rows, numbers, niks, phones = [], [], [], []
    sequence: dict[tuple[int, int], int] = {}
    for i in range(count):
        at = start + timedelta(minutes=4 * i)
        seq = sequence[(at.year, at.month)] = sequence.get((at.year, at.month), 0) + 1
        first, last = rng.choice(FIRST), rng.choice(LAST)
        day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
        nik = f"{rng.choice(REGENCIES)}{rng.randint(1, 20):02d}{day:02d}{rng.randint(1, 12):02d}{rng.randint(60, 99):02d}{rng.randint(1, 9999):04d}"  # noqa: E501
        phone = f"+628{rng.randint(10, 99)}{rng.randint(10_000_000, 99_999_999)}"
        number = format_registration_number("MPPBDL", at.year, at.month, seq)
        rows.append(
            {
                "registration_number": number, "permit_type_id": 1, "state": "received", "nik": nik,
                "name": f"{first} {last}", "name_key": f"{first} {last}".lower(), "phone": phone,
                "address": "Bandar Lampung", "fee": 0, "incomplete": False, "received_at": at,
                "due_date": (at + timedelta(days=7)).date(), "receipt_prints": 1, "updated_at": at,
            }
        )  # fmt: skip
        if i % 997 == 0:
            numbers.append(number)
            niks.append(nik)
            phones.append(phone)
        if len(rows) == 20_000:
            with db.write() as s:
                s.execute(insert(Application), rows)
            rows = []
    if rows:
        with db.write() as s:
            s.execute(insert(Application), rows)
    db.dispose()
    return numbers, niks, phones


def bench_search(count: int, searches: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        started = time.perf_counter()
        numbers, niks, phones = fill(url, count)
        print(f"{count} applications written in {time.perf_counter() - started:.1f} s")
        db = open_database(url)
        rng = random.Random(7)
        queries = {
            "search by registration number": numbers,
            "search by NIK": niks,
            "search by phone (national form)": ["0" + p[3:] for p in phones],
            "search by part of the name": ["aminah", "santoso", "wati", "budi", "hendra kurniawan"],
            "search by a name nobody has (full scan)": ["zulkarnain", "bambang", "margaretha"],
        }
        for label, values in queries.items():
            applications.search_applications(db, values[0])  # warm-up
            report(f"{label} ({count} rows)", timed(lambda v=values: applications.search_applications(
                db, rng.choice(v)), searches))  # fmt: skip
        db.dispose()


def main() -> int:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, load average {load:.1f} (wall times grow with load; CPU times less so)")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=200_000)
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--searches", type=int, default=50)
    args = parser.parse_args()
    bench_render(args.renders)
    bench_search(args.applications, args.searches)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

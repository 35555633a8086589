"""Time queue-ticket rendering: PDF (58/80 mm) and ESC/POS bytes, plus a voice announcement.

    python bench/bench_ticket_print.py [--runs 200]

Prints p50/p99 in milliseconds. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from escpos.printer import Dummy  # noqa: E402

from p4_desk.printing import TicketPrintData, render_ticket_escpos, render_ticket_pdf  # noqa: E402
from p4_desk.voice import (  # noqa: E402
    ClipLibrary,
    announcement_words,
    default_clip_dir,
    render_announcement,
)

TICKET = TicketPrintData(
    site_name="MPP Kota Metro",
    agency_name="Dinas Kependudukan dan Pencatatan Sipil",
    service_name="Perekaman KTP-el",
    number="A123",
    issued_at=datetime(2026, 11, 29, 2, 15, tzinfo=UTC),
    people_ahead=7,
    estimated_wait_minutes=21,
    ticket_uid="7f3c2a9e-1b2d-4c5e-8f90-1234567890ab",
    priority_label="Prioritas: Lansia",
    footer="Terima kasih. Harap menunggu panggilan di ruang tunggu.",
)


def measure(label: str, action: Callable[[], object], runs: int) -> None:
    action()  # warm-up: imports, font metrics, clip cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{label:<34} p50 {statistics.median(times):7.2f} ms   p99 {p99:7.2f} ms   ({runs} runs)")


def escpos_bytes() -> bytes:
    printer = Dummy()
    render_ticket_escpos(TICKET, printer, paper_mm=58)
    return printer.output


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    library = ClipLibrary([default_clip_dir()])
    tokens = announcement_words("A123", 3)
    measure("ticket PDF 58 mm", lambda: render_ticket_pdf(TICKET, 58), runs)
    measure("ticket PDF 80 mm", lambda: render_ticket_pdf(TICKET, 80), runs)
    measure("ticket ESC/POS bytes (Dummy)", escpos_bytes, runs)
    measure("announcement WAV A123 loket 3", lambda: render_announcement(tokens, library), runs)
    measure(
        "announcement WAV, volume 0.8",
        lambda: render_announcement(tokens, library, volume=0.8),
        max(10, runs // 10),
    )
    print(f"PDF size 58 mm: {len(render_ticket_pdf(TICKET, 58))} bytes; ESC/POS: {len(escpos_bytes())} bytes")


if __name__ == "__main__":
    main()

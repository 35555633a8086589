"""``p4-desk stats`` and ``p4-desk report``: the supervisor's figures from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from p4_desk.arguments import day
from p4_desk.cli.context import CliContext, add_force, command
from p4_desk.domain.wording import format_number
from p4_desk.services.reports import (
    format_of,
    minutes_cell,
    percent_cell,
    period_text,
    permit_rows,
    report_file,
    summary_rows,
)
from p4_desk.services.stats import Period, Statistics, StatsFilter, compute_statistics
from p4_desk.services.visit_stats import VisitFigures, visit_figures


def register(sub: Any) -> None:
    p = command(
        sub,
        "stats",
        _stats,
        "statistik antrian untuk suatu periode (tanggal lokal situs)",
        requires="supervisor",
    )
    p.add_argument("--from", dest="date_from", type=day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--agency", help="kode instansi")
    p.add_argument("--service", help="kode layanan")
    p.add_argument("--counter", help="kode loket")
    p.add_argument("--officer", help="nama pengguna petugas")

    p = command(
        sub, "report", _report, "laporan harian/bulanan ke berkas PDF, CSV atau XLSX", requires="supervisor"
    )
    p.add_argument("--period", choices=("daily", "monthly"), required=True)
    p.add_argument("--date", type=day, required=True, metavar="YYYY-MM-DD", help="hari atau hari dalam bulan")
    p.add_argument("--out", required=True, help="berkas keluaran: .pdf, .csv atau .xlsx")
    add_force(p)
    p.add_argument("--agency", help="kode instansi")
    p.add_argument("--service", help="kode layanan")
    p.add_argument("--counter", help="kode loket")
    p.add_argument("--officer", help="nama pengguna petugas")


def _filters(args: argparse.Namespace) -> StatsFilter:
    return StatsFilter(agency=args.agency, service=args.service, counter=args.counter, officer=args.officer)


def _stats(args: argparse.Namespace, ctx: CliContext) -> int:
    period = Period(args.date_from, args.date_to)
    stats = compute_statistics(ctx.db, period, _filters(args))
    visits = visit_figures(ctx.db, period)  # multi-service visits, leg by leg (issue 17.4)
    ctx.emit(
        {**stats.to_json(), "visits": visits.to_json()}, lambda: describe(stats) + describe_visits(visits)
    )
    return 0


def describe_visits(v: VisitFigures) -> str:
    if not v.visits:
        return ""
    lines = [
        "",
        f"  Kunjungan beberapa layanan: {format_number(v.visits)}, tuntas {format_number(v.completed)},"
        f" layanan tidak dilanjutkan {format_number(v.not_reached)}",
        "  Per urutan layanan: antre / selesai / tunggu rata-rata (menit)",
    ]
    lines += [
        f"  ke-{st.position:<7} {format_number(st.legs):>6} {format_number(st.served):>6}"
        f" {minutes_cell(st.wait_avg_seconds):>8}"
        for st in v.steps
        if st.legs
    ]
    return "\n".join(lines)


def describe(stats: Statistics) -> str:
    lines = [f"{stats.site_name} — {period_text(stats)}", ""]
    lines += [f"  {label:<42} {value:>8}" for label, value in summary_rows(stats)]
    if stats.permits is not None and stats.permits.decided:
        lines += ["", "  Permohonan izin (jangka waktu yang berjalan):"]
        lines += [f"  {label:<46} {value:>8}" for label, value in permit_rows(stats)]
    if stats.services:
        lines += ["", "  Per layanan: diambil / selesai / tunggu rata-rata (menit) / dalam target"]
        lines += [
            f"  {sv.code:<10} {format_number(sv.issued):>6} {format_number(sv.served):>6}"
            f" {minutes_cell(sv.wait_avg):>8} {percent_cell(sv.within_target):>8}"
            for sv in stats.services
        ]
    if stats.officers:
        lines += ["", "  Per petugas: selesai / layanan rata-rata / luang (menit)"]
        lines += [
            f"  {o.username:<14} {format_number(o.served):>6} {minutes_cell(o.service_avg):>8}"
            f" {minutes_cell(o.idle_seconds):>8}"
            for o in stats.officers
        ]
    return "\n".join(lines)


def _report(args: argparse.Namespace, ctx: CliContext) -> int:
    fmt = format_of(args.out)
    out = Path(args.out)
    stats = compute_statistics(ctx.db, Period.of_report(args.period, args.date), _filters(args))
    data = report_file(ctx.db, stats, fmt)
    ctx.write_file(out, data)
    ctx.emit(
        {"file": str(out), "format": fmt, "bytes": len(data), "period": stats.to_json()["period"]},
        f"Laporan {period_text(stats)} disimpan ke {out}",
    )
    return 0

"""``p4-desk workdays add``: the deadline rule of the site, for a clerk, an auditor or a script.

It counts with the same calendar as intake and complaints (``services.permits.holiday_calendar``):
the official holiday list for the years it covers, the ``holidays`` package's estimate for the
others (then ``estimated`` is true and the text says *perkiraan*).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from p4_desk.cli.context import CliContext, command
from p4_desk.domain.wording import format_date
from p4_desk.domain.working_days import KIND_LABELS, WorkdayCount
from p4_desk.services import permits

MAX_DAYS = 3650  # ten years of working days: anything beyond is a typing error


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal '{text}' tidak valid, gunakan YYYY-MM-DD") from None


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"jumlah hari kerja '{text}' bukan bilangan bulat") from None
    if not 0 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"jumlah hari kerja harus 0–{MAX_DAYS}")
    return value


def register(sub: Any) -> None:
    w = sub.add_parser("workdays", help="hari kerja: tanggal jatuh tempo menurut kalender libur situs")
    ws = w.add_subparsers(dest="workdays_command", required=True, metavar="ACTION")
    c = command(
        ws, "add", _add, "tanggal N hari kerja sesudah suatu tanggal (hari itu sendiri tidak dihitung)"
    )
    c.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD", help="bawaan: hari ini (situs)")
    c.add_argument("--days", type=_days, required=True, metavar="N")
    c.add_argument(
        "--service", metavar="KODE_IZIN", help="jenis izin: aturan cuti bersamanya (bawaan: aturan situs)"
    )


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.open_db(require_site=False)
    calendar = permits.holiday_calendar(db)
    rule: bool | None = None
    if args.service:
        rule = permits.get_permit_type(db, args.service).cuti_bersama_is_workday
    start = args.start or db.now().astimezone(db.timezone).date()
    result = calendar.count(start, args.days, cuti_bersama_is_workday=rule)
    data = {"service": args.service.strip().upper() if args.service else None, **result.to_json()}
    ctx.emit(data, lambda: describe(result))
    return 0


def describe(result: WorkdayCount) -> str:
    lines = [
        f"{result.days} hari kerja sesudah {format_date(result.start, weekday=True)}: "
        f"{format_date(result.due, weekday=True)}"
        + (" (perkiraan)" if result.estimated else "")
    ]
    rule = (
        "dihitung sebagai hari kerja"
        if result.cuti_bersama_is_workday
        else "tidak dihitung sebagai hari kerja"
    )
    lines.append(f"Cuti bersama {rule}.")
    if result.skipped:
        lines.append("Hari libur yang dilewati:")
        for h in result.skipped:
            mark = " (perkiraan)" if h.estimated else ""
            lines.append(f"  {format_date(h.date, weekday=True)}  {KIND_LABELS[h.kind]}: {h.name}{mark}")
    else:
        lines.append("Tidak ada hari libur yang dilewati.")
    if result.estimated:
        years = ", ".join(str(y) for y in result.estimated_years)
        lines.append(
            f"Perkiraan: daftar hari libur resmi tahun {years} belum tersedia; dihitung dengan kalender "
            "perkiraan; hasilnya dapat berubah setelah daftar resmi diterima dari katalog pusat."
        )
    return "\n".join(lines)

"""``p4-desk complaint late --from --to [--json]``: this hall's late responders (the province's
sanction list, from the local database; ``services.complaints.late``)."""

from __future__ import annotations

import argparse
from typing import Any

from p4_desk.arguments import day
from p4_desk.cli.context import CliContext, command
from p4_desk.domain.wording import format_date, format_date_range
from p4_desk.errors import ValidationError
from p4_desk.services.complaints.late import LateResponse, late_responses


def register(complaint_commands: Any) -> None:
    p = command(
        complaint_commands,
        "late",
        _late,
        "pengaduan yang melewati batas waktu LAPOR! tanpa langkah wajib, per instansi dan petugas",
        requires="supervisor",
    )
    p.add_argument("--from", dest="date_from", required=True, help="jatuh tempo dari TTTT-BB-HH")
    p.add_argument("--to", dest="date_to", required=True, help="jatuh tempo sampai TTTT-BB-HH")


def _date(text: str, option: str) -> Any:
    try:
        return day(text)
    except argparse.ArgumentTypeError as exc:
        raise ValidationError(f"{option}: {exc}.") from None


def describe(row: LateResponse) -> str:
    done = format_date(row.done_on) if row.done_on else "belum"
    return (
        f"{row.agency:<10} {row.officer or '(tidak diketahui)':<16} {row.complaint_number}  "
        f"{row.deadline_label:<32} jatuh tempo {format_date(row.due)}, dilakukan: {done}, "
        f"terlambat {row.late_working_days} hari kerja ({row.state_label})"
    )


def _late(args: argparse.Namespace, ctx: CliContext) -> int:
    first, last = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    rows = late_responses(ctx.db, first, last)

    def text() -> str:
        period = format_date_range(first, last)
        if not rows:
            return f"Tidak ada batas waktu pengaduan yang terlewati (jatuh tempo {period})."
        heading = (
            f"Keterlambatan pengaduan, jatuh tempo {format_date_range(first, last)}: {len(rows)} batas waktu"
        )
        return "\n".join([heading, *(describe(row) for row in rows)])

    ctx.emit(rows, text)
    return 0

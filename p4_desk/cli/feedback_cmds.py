"""``p4-desk complaint ...``, ``p4-desk survey ...`` and ``p4-desk ikm``: complaints and the IKM survey."""

from __future__ import annotations

import argparse
from datetime import date, tzinfo
from typing import Any

from p4_desk.arguments import day
from p4_desk.cli import privacy_cmds
from p4_desk.cli.complaint_late_cmds import register as register_late
from p4_desk.cli.context import OPERATOR, CliContext, add_force, command
from p4_desk.cli.json_input import COMPLAINT, SURVEY, read_json_file
from p4_desk.domain.complaint_deadlines import DEADLINE_LABELS
from p4_desk.domain.complaint_lifecycle import COMPLAINTS, ComplaintState
from p4_desk.domain.ikm import ELEMENTS
from p4_desk.domain.wording import format_date, format_date_range, format_datetime, format_number
from p4_desk.errors import ValidationError
from p4_desk.services import complaints, surveys
from p4_desk.services.complaints import ComplaintInfo
from p4_desk.services.surveys import IkmSummary


def register(sub: Any) -> None:
    c = sub.add_parser("complaint", help="pengaduan: catat, daftar, tindak lanjut, tanda terima")
    cs = c.add_subparsers(dest="complaint_command", required=True, metavar="ACTION")

    p = command(cs, "add", _add, "catat pengaduan dari berkas JSON", requires=OPERATOR)
    p.add_argument("--json-file", required=True, help="berkas JSON (kind, agency, description, ...)")

    p = command(cs, "list", _list, "daftar pengaduan (terbaru dahulu)", requires=OPERATOR)
    p.add_argument("--overdue", action="store_true", help="hanya yang melewati batas waktu")
    p.add_argument("--agency")
    p.add_argument("--officer")

    p = command(cs, "show", _show, "tampilkan satu pengaduan dan riwayatnya", requires=OPERATOR)
    p.add_argument("number")

    p = command(cs, "step", _step, "ubah status pengaduan", requires=OPERATOR)
    p.add_argument("number")
    p.add_argument("--to", required=True, choices=[s.value for s in ComplaintState])
    p.add_argument("--note")

    p = command(cs, "receipt", _receipt, "cetak tanda terima pengaduan (PDF)", requires=OPERATOR)
    p.add_argument("number")
    p.add_argument("--out", required=True, help="berkas PDF")
    add_force(p)
    p.add_argument("--copy", action="store_true", help="tandai sebagai salinan")

    register_late(cs)
    command(
        cs, "auto-close", _auto_close, "tutup pengaduan yang tidak ditanggapi pelapor", requires="supervisor"
    )
    privacy_cmds.add_reveal(cs)

    s = sub.add_parser("survey", help="survei kepuasan masyarakat (SKM)")
    ss = s.add_subparsers(dest="survey_command", required=True, metavar="ACTION")
    p = command(
        ss,
        "add",
        _survey_add,
        "catat satu jawaban survei (formulir kertas) dari berkas JSON",
        requires=OPERATOR,
    )
    p.add_argument(
        "--json-file", required=True, help='{"ticket": ..., "service": ..., "answers": {"U1": 1..4}}'
    )

    p = command(
        sub,
        "ikm",
        _ikm,
        "indeks kepuasan masyarakat untuk satu periode; 'ikm report' mencetak PDF",
        requires="supervisor",
    )
    p.add_argument("what", nargs="?", choices=("report",), help="report: cetak laporan PDF")
    p.add_argument("--from", dest="date_from", required=True, help="tanggal awal TTTT-BB-HH")
    p.add_argument("--to", dest="date_to", required=True, help="tanggal akhir TTTT-BB-HH")
    p.add_argument("--service")
    p.add_argument("--agency")
    p.add_argument("--out", help="berkas PDF (untuk 'ikm report')")
    add_force(p)


def _date(text: str, option: str) -> date:
    try:
        return day(text)
    except argparse.ArgumentTypeError as exc:
        raise ValidationError(f"{option}: {exc}.") from None


def describe(c: ComplaintInfo) -> str:
    flag = "  TERLAMBAT: " + ", ".join(DEADLINE_LABELS[n].lower() for n in c.overdue) if c.overdue else ""
    return (
        f"{c.number}  {format_date(c.received_on):<17}  {c.kind_label:<20} {c.agency:<10} "
        f"{c.state_label:<22} {c.officer or '-'}{flag}"
    )


def _details(c: ComplaintInfo, zone: tzinfo) -> str:
    lines = [
        describe(c),
        f"  Pelapor: {c.reporter_label}",
        f"  Uraian: {c.description}",
        "  Batas waktu: "
        + "; ".join(f"{DEADLINE_LABELS[n].lower()} {format_date(d)}" for n, d in c.deadlines.items()),
    ]
    lines += [
        f"  {format_datetime(st.at, zone)}  {COMPLAINTS.label(st.to_state)}  {st.note or ''}".rstrip()
        for st in c.steps
    ]
    if c.location_warning:
        lines.append(f"  Peringatan: {c.location_warning}")
    return "\n".join(lines)


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    data = read_json_file(args.json_file, COMPLAINT)
    info = complaints.file_complaint_from_json(ctx.db, data, ctx.actor())
    ctx.emit(info, lambda: _details(info, ctx.db.timezone))
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    found = complaints.list_complaints(
        ctx.db, overdue_only=args.overdue, agency=args.agency, officer=args.officer
    )
    ctx.emit(found, lambda: "\n".join(describe(c) for c in found) or "Tidak ada pengaduan.")
    return 0


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    info = complaints.get_complaint(ctx.db, args.number, actor=ctx.actor())
    ctx.emit(info, lambda: _details(info, ctx.db.timezone))
    return 0


def _step(args: argparse.Namespace, ctx: CliContext) -> int:
    info = complaints.step_complaint(ctx.db, args.number, args.to, args.note, ctx.actor())
    ctx.emit(info, lambda: describe(info))
    return 0


def _receipt(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.complaint_receipt import complaint_receipt_pdf

    ctx.write_file(args.out, complaint_receipt_pdf(ctx.db, args.number, copy=args.copy))
    ctx.emit({"number": args.number.upper(), "file": args.out}, f"Tanda terima disimpan di {args.out}")
    return 0


def _auto_close(args: argparse.Namespace, ctx: CliContext) -> int:
    closed = complaints.auto_close_due(ctx.db)
    ctx.emit(
        {"closed": closed}, f"{len(closed)} pengaduan ditutup otomatis." + "".join(f"\n{n}" for n in closed)
    )
    return 0


def _survey_add(args: argparse.Namespace, ctx: CliContext) -> int:
    data = read_json_file(args.json_file, SURVEY)
    info = surveys.record_survey_from_json(ctx.db, data, channel="paper", actor=ctx.actor())
    ctx.emit(info, f"Jawaban survei dicatat{f' untuk tiket {info.ticket}' if info.ticket else ' (anonim)'}.")
    return 0


def ikm_text(summary: IkmSummary) -> str:
    head = f"IKM {summary.unit}, {format_date_range(summary.date_from, summary.date_to)}"
    scope = summary.service_name or summary.agency_name
    lines = [head + (f" ({scope})" if scope else "")]
    lines.append(
        f"Responden {format_number(summary.respondents)}; pengunjung {format_number(summary.visitors)}; "
        f"sampel minimal {format_number(summary.sample_size)}"
    )
    result = summary.result
    if result is None:
        lines.append("Belum ada responden survei pada periode ini.")
        return "\n".join(lines)
    for code, name in ELEMENTS.items():
        lines.append(f"  {code} {name:<42} NRR {format_number(result.nrr[code], 2)}")
    lines.append(f"IKM {format_number(result.ikm, 2)} — mutu {result.grade} ({result.mutu})")
    return "\n".join(lines)


def _ikm(args: argparse.Namespace, ctx: CliContext) -> int:
    start, end = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if args.what == "report":
        if not args.out:
            raise ValidationError("Sebutkan berkas tujuan dengan --out FILE.pdf.", field="out")
        pdf = surveys.ikm_report_pdf(ctx.db, start, end, service=args.service, agency=args.agency)
        ctx.write_file(args.out, pdf)
        ctx.emit({"file": args.out}, f"Laporan IKM disimpan di {args.out}")
        return 0
    summary = surveys.ikm_summary(ctx.db, start, end, service=args.service, agency=args.agency)
    ctx.emit(summary, lambda: ikm_text(summary))
    return 0

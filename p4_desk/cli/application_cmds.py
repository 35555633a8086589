"""``p4-desk application ...``: permit applications — intake, status, hand-over, the deadline
clock, watch lists, receipts and search (the permit catalogue and NIK check: ``permit_cmds``)."""

from __future__ import annotations

import argparse
import sys
from datetime import tzinfo
from pathlib import Path
from typing import Any

from p4_desk.arguments import day
from p4_desk.cli.context import OPERATOR, CliContext, add_force, command
from p4_desk.domain.permit_clock import WaitingFor
from p4_desk.domain.permit_lifecycle import PERMITS, PermitState
from p4_desk.domain.wording import format_date, format_datetime
from p4_desk.errors import ValidationError
from p4_desk.services import applications
from p4_desk.services.applications import ApplicationInfo, IntakeInvalid, IntakeRequest, ProxyLetter


def register(sub: Any) -> None:
    a = sub.add_parser("application", help="permohonan izin: terima, status, tanda terima, cari")
    s = a.add_subparsers(dest="application_command", required=True, metavar="ACTION")
    c = command(s, "intake", _intake, "terima permohonan dari berkas JSON", requires=OPERATOR)
    c.add_argument("--json-file", type=Path, required=True, dest="json_file")
    c = command(s, "status", _status, "tampilkan atau ubah status permohonan", requires=OPERATOR)
    c.add_argument("registration_number")
    c.add_argument(
        "--set",
        dest="state",
        metavar="STATE",
        help="status baru: "
        + ", ".join(st.value for st in PermitState)
        + " (kata lama seperti 'disetujui' juga diterima)",
    )
    c.add_argument("--note", default="")
    c = command(
        s, "handover", _handover, "serahkan izin kepada pemohon atau kuasanya (NIK diperiksa)",
        requires=OPERATOR,
    )  # fmt: skip
    c.add_argument("registration_number")
    c.add_argument("--nik", required=True, help="NIK pada KTP-el yang ditunjukkan penerima")
    c.add_argument("--recipient", required=True, help="nama penerima")
    c.add_argument("--note", default="")
    c.add_argument("--proxy", action="store_true", help="diambil oleh kuasa dengan surat kuasa")
    c.add_argument("--letter-checked", action="store_true", help="surat kuasa sudah diperiksa (wajib)")
    c.add_argument("--letter-number", default="", help="nomor surat kuasa")
    c.add_argument("--letter-date", type=day, metavar="YYYY-MM-DD", help="tanggal surat kuasa")
    clock = s.add_parser("clock", help="jangka waktu: hentikan, lanjutkan, mulai ulang")
    cs = clock.add_subparsers(dest="clock_command", required=True, metavar="ACTION")
    c = command(cs, "stop", _clock_stop, "hentikan jangka waktu: menunggu pemohon", requires=OPERATOR)
    c.add_argument("registration_number")
    c.add_argument(
        "--waiting-for",
        choices=[w.value for w in WaitingFor],
        default=WaitingFor.DOCUMENTS.value,
        help="yang ditunggu: documents (kelengkapan berkas), payment (pembayaran), correction (perbaikan)",
    )
    c.add_argument("--reason", required=True, help="apa yang ditunggu dari pemohon")
    c.add_argument("--missing", nargs="*", default=[], metavar="CODE", help="persyaratan yang belum ada")
    for name, handler, help_text in (
        ("resume", _clock_resume, "lanjutkan jangka waktu: yang ditunggu sudah diterima"),
        ("restart", _clock_restart, "mulai ulang jangka waktu dari nol: berkas diajukan kembali"),
    ):
        c = command(cs, name, handler, help_text, requires=OPERATOR)
        c.add_argument("registration_number")
        c.add_argument("--reason", default="", help="catatan (bawaan: apa yang diterima)")
        c.add_argument("--received", nargs="*", default=[], metavar="CODE", help="persyaratan yang diterima")
    c = command(
        s, "list", _list, "daftar pantauan: peringatan fiktif positif, jangka waktu berhenti",
        requires=OPERATOR,
    )  # fmt: skip
    which = c.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--fiktif-positif",
        dest="which",
        action="store_const",
        const="fiktif_positif",
        help="permohonan yang mendekati, pada, atau melewati batas waktu fiktif positif",
    )
    which.add_argument(
        "--clock-stopped",
        dest="which",
        action="store_const",
        const="stopped",
        help="permohonan yang jangka waktunya berhenti menunggu pemohon",
    )
    c.add_argument("--agency", help="kode instansi")
    c = command(s, "receipt", _receipt, "cetak tanda terima (PDF)", requires=OPERATOR)
    c.add_argument("registration_number")
    c.add_argument("--out", type=Path, required=True, help="berkas PDF tujuan")
    add_force(c)
    c.add_argument("--copy", action="store_true", help="cetak ulang bertanda SALINAN")
    c.add_argument("--paper", choices=("A4", "A5"))
    c.add_argument("--handover", action="store_true", help="tanda terima penyerahan izin")
    c = command(
        s, "search", _search, "cari permohonan: nomor pendaftaran, NIK, nama atau telepon", requires=OPERATOR
    )
    c.add_argument("text")


def _intake(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.cli.json_input import INTAKE, SchemaViolation, read_json_file

    try:
        request = IntakeRequest.from_json(read_json_file(args.json_file, INTAKE))
        info = applications.intake(ctx.db, request, ctx.actor())
    except (SchemaViolation, IntakeInvalid) as exc:
        if ctx.json:
            ctx.emit({"errors": exc.errors}, "")
        print(f"Galat: {exc.message}", file=sys.stderr)
        return 1
    data = {
        "registration_number": info.registration_number,
        "due_date": info.due_date.isoformat(),
        "due_estimated": info.due_estimated,
        "clock": info.clock.event_json(),
        "state": info.state,
        "missing_documents": [d.requirement for d in info.missing_documents],
    }

    def text() -> str:
        line = f"{info.registration_number}  selesai {due_text(info)}"
        if info.missing_documents:
            line += "  — berkas belum lengkap: " + ", ".join(d.name for d in info.missing_documents)
        return line

    ctx.emit(data, text)
    return 0


def due_text(info: ApplicationInfo) -> str:
    """The expected completion in words: a date, or why there is none while the clock stands."""
    clock = info.clock
    if clock.state == "stopped":
        waiting = clock.waiting_label or "pemohon"
        return f"jangka waktu berhenti (menunggu {waiting}), sisa {clock.remaining} hari kerja"
    due = clock.due_date or info.due_date
    text = format_date(due, weekday=True)
    return text + (" (perkiraan: daftar hari libur resmi belum terbit)" if clock.due_estimated else "")


def describe(info: ApplicationInfo, tz: tzinfo) -> str:
    lines = [
        f"{info.registration_number}  {info.permit_name}",
        f"Pemohon: {info.applicant_name} (NIK {info.nik_masked}, {info.phone})",
        f"Status: {info.state_label}" + ("  [berkas belum lengkap]" if info.incomplete else ""),
        f"Perkiraan selesai: {due_text(info)}",
        f"Jangka waktu: {info.clock.summary}",
    ]
    if info.proxy is not None:
        lines.append(f"Diserahkan kepada kuasa: {info.proxy.name} (NIK {info.proxy.nik_masked})")
    lines.append("Riwayat:")
    whens = [format_datetime(h.at, tz) for h in info.history]
    width = max(map(len, whens), default=0)
    for when, h in zip(whens, info.history, strict=True):
        lines.append(f"  {when:<{width}}  {h.label:<20} {h.officer or '-':<12} {h.note}")
    if info.clock.revised:
        lines.append("Riwayat jangka waktu:")
        for c in info.clock.history:
            used = "-" if c.used_days is None else f"{c.used_days} hari kerja"
            lines.append(f"  {format_date(c.day):<18} {c.label:<34} {used:<14} {c.reason}")
    return "\n".join(lines)


def _status(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.state:
        state = PERMITS.parse(args.state, accept_aliases=True)
        if state.value != args.state.strip():
            print(f"Catatan: status '{args.state}' kini ditulis '{state.value}'.", file=sys.stderr)
        info = applications.change_state(
            ctx.db, args.registration_number, state.value, args.note, ctx.actor()
        )
    else:
        info = applications.get_application(ctx.db, args.registration_number, actor=ctx.actor())
    ctx.emit(info.to_json(), lambda: describe(info, ctx.db.timezone))
    return 0


def _handover(args: argparse.Namespace, ctx: CliContext) -> int:
    proxy = None
    if args.proxy:
        proxy = ProxyLetter(checked=args.letter_checked, number=args.letter_number, dated=args.letter_date)
    elif args.letter_checked or args.letter_number or args.letter_date:
        raise ValidationError("Surat kuasa hanya untuk penyerahan kepada kuasa (--proxy).", field="proxy")
    info = applications.hand_over(
        ctx.db,
        args.registration_number,
        nik=args.nik,
        recipient=args.recipient,
        note=args.note,
        proxy=proxy,
        actor=ctx.actor(),
    )
    ctx.emit(info.to_json(), lambda: describe(info, ctx.db.timezone))
    return 0


def _clock_stop(args: argparse.Namespace, ctx: CliContext) -> int:
    info = applications.stop_clock(
        ctx.db, args.registration_number, args.waiting_for, args.reason,
        missing=args.missing, actor=ctx.actor(),
    )  # fmt: skip
    ctx.emit(info.to_json(), lambda: describe(info, ctx.db.timezone))
    return 0


def _clock_resume(args: argparse.Namespace, ctx: CliContext) -> int:
    info = applications.resume_clock(
        ctx.db, args.registration_number, args.reason, received=args.received, actor=ctx.actor()
    )
    ctx.emit(info.to_json(), lambda: describe(info, ctx.db.timezone))
    return 0


def _clock_restart(args: argparse.Namespace, ctx: CliContext) -> int:
    info = applications.restart_clock(
        ctx.db, args.registration_number, args.reason, received=args.received, actor=ctx.actor()
    )
    ctx.emit(info.to_json(), lambda: describe(info, ctx.db.timezone))
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.which == "fiktif_positif":
        warnings = applications.fiktif_positif_warnings(ctx.db, agency=args.agency)

        def warning_text() -> str:
            return (
                "\n".join(
                    f"{w.registration_number}  {w.applicant_name:<28} {w.permit_type:<12} "
                    f"batas {format_date(w.due_date, weekday=True)}  {w.label}"
                    for w in warnings
                )
                or "Tidak ada permohonan fiktif positif yang mendekati batas waktu."
            )

        ctx.emit({"applications": [w.to_json() for w in warnings]}, warning_text)
        return 0
    stopped = applications.stopped_clocks(ctx.db, agency=args.agency)

    def stopped_text() -> str:
        return (
            "\n".join(
                f"{c.registration_number}  {c.applicant_name:<28} {c.phone:<15} menunggu {c.waiting_label} "
                f"sejak {format_date(c.since)} ({c.working_days_waited} hari kerja): {c.reason}"
                for c in stopped
            )
            or "Tidak ada permohonan yang jangka waktunya berhenti."
        )

    ctx.emit({"applications": [c.to_json() for c in stopped]}, stopped_text)
    return 0


def _receipt(args: argparse.Namespace, ctx: CliContext) -> int:
    # the file is written inside the transaction that records the print: a receipt that could not
    # be written is not counted as printed
    pdf = applications.receipt_pdf(
        ctx.db,
        args.registration_number,
        paper=args.paper or str(ctx.settings.get("printer.receipt_paper")),
        kind="handover" if args.handover else "intake",
        copy=args.copy,
        actor=ctx.actor(),
        deliver=lambda pdf: ctx.write_file(args.out, pdf),
    )
    ctx.emit({"file": str(args.out), "bytes": len(pdf)}, f"Tanda terima disimpan di {args.out}.")
    return 0


def _search(args: argparse.Namespace, ctx: CliContext) -> int:
    found = applications.search_applications(ctx.db, args.text, actor=ctx.actor())

    def text() -> str:
        return (
            "\n".join(
                f"{a.registration_number}  {a.applicant_name:<30} {a.nik_masked}  {a.permit_type:<12} "
                f"{a.state_label}"
                for a in found
            )
            or "Tidak ada permohonan yang cocok."
        )

    ctx.emit({"applications": [a.to_json() for a in found]}, text)
    return 0

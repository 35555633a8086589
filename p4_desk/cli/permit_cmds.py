"""``p4-desk permit|nik|application ...``: permit catalogue, NIK check, applications."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import tzinfo
from pathlib import Path
from typing import Any

from p4_desk.arguments import day
from p4_desk.cli.context import ADMIN, OPERATOR, CliContext, add_force, command
from p4_desk.domain.nik import check_nik
from p4_desk.domain.permit_clock import WaitingFor
from p4_desk.domain.permit_lifecycle import PERMITS, PermitState
from p4_desk.domain.wording import format_date, format_datetime, format_fee
from p4_desk.errors import ValidationError
from p4_desk.services import applications, catalog_files, permits
from p4_desk.services.applications import ApplicationInfo, IntakeInvalid, IntakeRequest, ProxyLetter


def register(sub: Any) -> None:
    p = sub.add_parser("permit", help="katalog jenis izin: daftar, impor, ekspor")
    ps = p.add_subparsers(dest="permit_command", required=True, metavar="ACTION")
    c = command(ps, "list", _permit_list, "daftar jenis izin dan persyaratannya")
    c.add_argument("--all", action="store_true", help="termasuk jenis izin yang sudah tidak berlaku")
    c = command(ps, "import", _permit_import, "impor katalog izin (format p4-desk-catalog)", requires=ADMIN)
    c.add_argument("file", type=Path)
    c = command(ps, "export", _permit_export, "ekspor katalog izin dan hari libur sebagai JSON")
    c.add_argument("--out", type=Path, help="berkas tujuan (bawaan: layar)")
    add_force(c)
    c = command(ps, "retire", _permit_retire, "hentikan (atau aktifkan lagi) satu jenis izin", requires=ADMIN)
    c.add_argument("code")
    c.add_argument("--undo", action="store_true", help="aktifkan kembali")
    c = command(
        ps, "holidays", _holidays_import, "impor daftar hari libur nasional dan cuti bersama", requires=ADMIN
    )
    c.add_argument("file", type=Path)
    c = command(
        ps,
        "cuti-bersama",
        _cuti_bersama,
        "apakah cuti bersama dihitung hari kerja untuk jangka waktu izin ini",
        requires=ADMIN,
    )
    c.add_argument("code")
    rule = c.add_mutually_exclusive_group(required=True)
    rule.add_argument("--workday", dest="rule", action="store_const", const="workday", help="hari kerja")
    rule.add_argument("--holiday", dest="rule", action="store_const", const="holiday", help="hari libur")
    rule.add_argument(
        "--site-default", dest="rule", action="store_const", const="site", help="ikut aturan situs"
    )
    c = command(
        ps, "rules", _deadline_rules, "aturan jangka waktu: fiktif positif, mulai ulang saat diajukan ulang",
        requires=ADMIN,
    )  # fmt: skip
    c.add_argument("code")
    c.add_argument(
        "--fiktif-positif",
        action=argparse.BooleanOptionalAction,
        help="dianggap disetujui bila batas waktu terlewati (petugas diperingatkan sebelumnya)",
    )
    c.add_argument(
        "--restart-on-resubmission",
        action=argparse.BooleanOptionalAction,
        help="jangka waktu dimulai ulang dari nol saat berkas diajukan kembali",
    )

    n = sub.add_parser("nik", help="pemeriksaan NIK")
    ns = n.add_subparsers(dest="nik_command", required=True, metavar="ACTION")
    c = command(ns, "check", _nik_check, "periksa NIK (status keluar 1 bila tidak valid)")
    c.add_argument("nik")

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


# -- permit ------------------------------------------------------------------------------------


def _permit_list(args: argparse.Namespace, ctx: CliContext) -> int:
    items = permits.list_permit_types(ctx.db, include_retired=args.all)

    def text() -> str:
        lines = []
        for p in items:
            retired = "  [tidak berlaku]" if p.retired else ""
            terms = f"{p.agency}, {p.working_days} hari kerja, {format_fee(p.fee)}"
            if p.cuti_bersama_is_workday is not None:
                terms += ", cuti bersama " + ("hari kerja" if p.cuti_bersama_is_workday else "libur")
            if p.fiktif_positif:
                terms += ", fiktif positif"
            if p.clock_restarts_on_resubmission:
                terms += ", diajukan ulang: mulai dari nol"
            lines.append(f"{p.code:<12} {p.name} — {terms}{retired}")
            for r in p.requirements:
                lines.append(f"    {'*' if r.mandatory else '-'} {r.code:<12} {r.name}")
        return "\n".join(lines) or "Katalog izin masih kosong."

    ctx.emit([p.to_json() for p in items], text)
    return 0


def _permit_import(args: argparse.Namespace, ctx: CliContext) -> int:
    summary = catalog_files.import_catalog_file(ctx.db, args.file, ctx.actor())
    ctx.emit(
        summary.to_json(),
        f"Katalog diimpor: {summary.added} baru, {summary.updated} diubah, {summary.unchanged} tetap, "
        f"{summary.holidays} hari libur.",
    )
    return 0


def _permit_export(args: argparse.Namespace, ctx: CliContext) -> int:
    data = permits.export_catalog(ctx.db)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.out:
        ctx.write_file(args.out, (text + "\n").encode())
        print(f"Katalog ({len(data['permit_types'])} jenis izin) disimpan di {args.out}.", file=sys.stderr)
    else:
        print(text)
    return 0


def _permit_retire(args: argparse.Namespace, ctx: CliContext) -> int:
    info = permits.retire_permit_type(ctx.db, args.code, retired=not args.undo, actor=ctx.actor())
    state = "tidak berlaku lagi" if info.retired else "berlaku kembali"
    ctx.emit(info.to_json(), f"Jenis izin {info.code} ({info.name}) {state}.")
    return 0


def _holidays_import(args: argparse.Namespace, ctx: CliContext) -> int:
    count = catalog_files.import_holidays_file(ctx.db, args.file, ctx.actor())
    ctx.emit({"holidays": count}, f"{count} hari libur disimpan.")
    return 0


def _cuti_bersama(args: argparse.Namespace, ctx: CliContext) -> int:
    workday = {"workday": True, "holiday": False, "site": None}[args.rule]
    info = permits.set_cuti_bersama_rule(ctx.db, args.code, workday, ctx.actor())
    rule = {
        True: "dihitung sebagai hari kerja",
        False: "tidak dihitung sebagai hari kerja",
        None: "mengikuti aturan situs",
    }[workday]
    ctx.emit(info.to_json(), f"Jenis izin {info.code}: cuti bersama {rule}.")
    return 0


def _deadline_rules(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.fiktif_positif is None and args.restart_on_resubmission is None:
        raise ValidationError(
            "Sebutkan aturan yang diubah: --fiktif-positif / --no-fiktif-positif, "
            "--restart-on-resubmission / --no-restart-on-resubmission.",
            field="rules",
        )
    info = permits.set_deadline_rules(
        ctx.db,
        args.code,
        fiktif_positif=args.fiktif_positif,
        clock_restarts_on_resubmission=args.restart_on_resubmission,
        actor=ctx.actor(),
    )
    fiktif = "fiktif positif" if info.fiktif_positif else "bukan fiktif positif"
    restart = "dimulai ulang" if info.clock_restarts_on_resubmission else "dilanjutkan"
    ctx.emit(
        info.to_json(),
        f"Jenis izin {info.code}: {fiktif}; jangka waktu {restart} saat berkas diajukan kembali.",
    )
    return 0


# -- nik -----------------------------------------------------------------------------------------


def _nik_check(args: argparse.Namespace, ctx: CliContext) -> int:
    result = check_nik(args.nik)
    data = {
        "valid": result.valid,
        "reasons": list(result.reasons),
        "sex": result.sex,
        "birth_date": result.birth_date.isoformat() if result.birth_date else None,
        "province_code": result.province_code,
        "province": result.province,
        "regency_code": result.regency_code,
        "regency": result.regency,
        "district_code": result.district_code,
        "district": result.district,
        "region_notes": list(result.region_notes),
        "region_now": result.region_now,
    }

    def text() -> str:
        if not result.valid:
            return "NIK tidak valid: " + "; ".join(result.reasons)
        sex = {"L": "laki-laki", "P": "perempuan"}.get(result.sex or "", "-")
        born = format_date(result.birth_date) if result.birth_date else "-"
        district = f"Kecamatan {result.district}" if result.district else f"kecamatan {result.district_code}"
        place = ", ".join((district, result.regency or "-", result.province or "-"))
        return "\n".join([f"NIK valid: {sex}, lahir {born}, {place}", *result.region_notes])

    ctx.emit(data, text)
    return 0 if result.valid else 1


# -- application ----------------------------------------------------------------------------------


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

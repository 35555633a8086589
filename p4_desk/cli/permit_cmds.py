"""``p4-desk permit|nik|application ...``: permit catalogue, NIK check, applications."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import tzinfo
from pathlib import Path
from typing import Any

from p4_desk.cli.context import CliContext, command
from p4_desk.domain.nik import check_nik
from p4_desk.domain.permit_lifecycle import PermitState
from p4_desk.domain.working_days import holidays_from_json
from p4_desk.errors import ValidationError
from p4_desk.printing.receipt import format_rupiah, indonesian_date
from p4_desk.services import applications, permits
from p4_desk.services.applications import ApplicationInfo, IntakeInvalid, IntakeRequest


def register(sub: Any) -> None:
    p = sub.add_parser("permit", help="katalog jenis izin: daftar, impor, ekspor")
    ps = p.add_subparsers(dest="permit_command", required=True, metavar="ACTION")
    c = command(ps, "list", _permit_list, "daftar jenis izin dan persyaratannya")
    c.add_argument("--all", action="store_true", help="termasuk jenis izin yang sudah tidak berlaku")
    c = command(ps, "import", _permit_import, "impor katalog izin (format p4-desk-catalog)")
    c.add_argument("file", type=Path)
    c.add_argument("--user")
    c = command(ps, "export", _permit_export, "ekspor katalog izin dan hari libur sebagai JSON")
    c.add_argument("--out", type=Path, help="berkas tujuan (bawaan: layar)")
    c = command(ps, "retire", _permit_retire, "hentikan (atau aktifkan lagi) satu jenis izin")
    c.add_argument("code")
    c.add_argument("--undo", action="store_true", help="aktifkan kembali")
    c.add_argument("--user")
    c = command(ps, "holidays", _holidays_import, "impor daftar hari libur nasional dan cuti bersama")
    c.add_argument("file", type=Path)
    c.add_argument("--user")

    n = sub.add_parser("nik", help="pemeriksaan NIK")
    ns = n.add_subparsers(dest="nik_command", required=True, metavar="ACTION")
    c = command(ns, "check", _nik_check, "periksa NIK (status keluar 1 bila tidak valid)")
    c.add_argument("nik")

    a = sub.add_parser("application", help="permohonan izin: terima, status, tanda terima, cari")
    s = a.add_subparsers(dest="application_command", required=True, metavar="ACTION")
    c = command(s, "intake", _intake, "terima permohonan dari berkas JSON")
    c.add_argument("--json-file", type=Path, required=True, dest="json_file")
    c.add_argument("--user")
    c = command(s, "status", _status, "tampilkan atau ubah status permohonan")
    c.add_argument("registration_number")
    c.add_argument("--set", dest="state", choices=[st.value for st in PermitState])
    c.add_argument("--note", default="")
    c.add_argument("--user")
    c = command(s, "handover", _handover, "serahkan izin kepada pemohon (NIK diperiksa)")
    c.add_argument("registration_number")
    c.add_argument("--nik", required=True, help="NIK pada KTP-el yang ditunjukkan penerima")
    c.add_argument("--recipient", required=True, help="nama penerima")
    c.add_argument("--note", default="")
    c.add_argument("--user")
    c = command(s, "receipt", _receipt, "cetak tanda terima (PDF)")
    c.add_argument("registration_number")
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--copy", action="store_true", help="cetak ulang bertanda SALINAN")
    c.add_argument("--paper", choices=("A4", "A5"))
    c.add_argument("--handover", action="store_true", help="tanda terima penyerahan izin")
    c.add_argument("--user")
    c = command(s, "search", _search, "cari permohonan: nomor pendaftaran, NIK, nama atau telepon")
    c.add_argument("text")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(f"Berkas {path} tidak dapat dibaca: {exc.strerror}.", field="file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValidationError(f"Berkas {path} bukan JSON yang sah: {exc}.", field="file") from None


# -- permit ------------------------------------------------------------------------------------


def _permit_list(args: argparse.Namespace, ctx: CliContext) -> int:
    items = permits.list_permit_types(ctx.db, include_retired=args.all)

    def text() -> str:
        lines = []
        for p in items:
            retired = "  [tidak berlaku]" if p.retired else ""
            terms = f"{p.agency}, {p.working_days} hari kerja, {format_rupiah(p.fee)}"
            lines.append(f"{p.code:<12} {p.name} — {terms}{retired}")
            for r in p.requirements:
                lines.append(f"    {'*' if r.mandatory else '-'} {r.code:<12} {r.name}")
        return "\n".join(lines) or "Katalog izin masih kosong."

    ctx.emit([p.to_json() for p in items], text)
    return 0


def _permit_import(args: argparse.Namespace, ctx: CliContext) -> int:
    summary = permits.import_catalog(ctx.db, _read_json(args.file), ctx.actor(args.user))
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
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"Katalog ({len(data['permit_types'])} jenis izin) disimpan di {args.out}.", file=sys.stderr)
    else:
        print(text)
    return 0


def _permit_retire(args: argparse.Namespace, ctx: CliContext) -> int:
    info = permits.retire_permit_type(ctx.db, args.code, retired=not args.undo, actor=ctx.actor(args.user))
    state = "tidak berlaku lagi" if info.retired else "berlaku kembali"
    ctx.emit(info.to_json(), f"Jenis izin {info.code} ({info.name}) {state}.")
    return 0


def _holidays_import(args: argparse.Namespace, ctx: CliContext) -> int:
    raw = _read_json(args.file)
    rows = raw.get("holidays") if isinstance(raw, dict) else raw
    if not isinstance(rows, list):
        raise ValidationError("Berkas hari libur harus berisi daftar 'holidays'.", field="file")
    count = permits.import_holidays(ctx.db, holidays_from_json(rows), ctx.actor(args.user))
    ctx.emit({"holidays": count}, f"{count} hari libur disimpan.")
    return 0


# -- nik -----------------------------------------------------------------------------------------


def _nik_check(args: argparse.Namespace, ctx: CliContext) -> int:
    result = check_nik(args.nik)
    data = {
        "valid": result.valid,
        "reasons": list(result.reasons),
        "sex": result.sex,
        "birth_date": result.birth_date.isoformat() if result.birth_date else None,
        "province": result.province,
        "regency": result.regency,
    }

    def text() -> str:
        if not result.valid:
            return "NIK tidak valid: " + "; ".join(result.reasons)
        sex = {"L": "laki-laki", "P": "perempuan"}.get(result.sex or "", "-")
        born = indonesian_date(result.birth_date, weekday=False) if result.birth_date else "-"
        return f"NIK valid: {sex}, lahir {born}, {result.regency or '-'}, {result.province or '-'}"

    ctx.emit(data, text)
    return 0 if result.valid else 1


# -- application ----------------------------------------------------------------------------------


def _intake(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.cli.json_input import INTAKE, SchemaViolation, read_json_file

    try:
        request = IntakeRequest.from_json(read_json_file(args.json_file, INTAKE))
        info = applications.intake(ctx.db, request, ctx.actor(args.user))
    except (SchemaViolation, IntakeInvalid) as exc:
        if ctx.json:
            ctx.emit({"errors": exc.errors}, "")
        print(f"Galat: {exc.message}", file=sys.stderr)
        return 1
    data = {
        "registration_number": info.registration_number,
        "due_date": info.due_date.isoformat(),
        "state": info.state,
        "missing_documents": [d.requirement for d in info.missing_documents],
    }

    def text() -> str:
        line = f"{info.registration_number}  selesai {indonesian_date(info.due_date)}"
        if info.missing_documents:
            line += "  — berkas belum lengkap: " + ", ".join(d.name for d in info.missing_documents)
        return line

    ctx.emit(data, text)
    return 0


def describe(info: ApplicationInfo, tz: tzinfo) -> str:
    lines = [
        f"{info.registration_number}  {info.permit_name}",
        f"Pemohon: {info.applicant_name} (NIK {info.nik_masked}, {info.phone})",
        f"Status: {info.state_label}" + ("  [berkas belum lengkap]" if info.incomplete else ""),
        f"Perkiraan selesai: {indonesian_date(info.due_date)}",
        "Riwayat:",
    ]
    for h in info.history:
        when = h.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        lines.append(f"  {when}  {h.label:<20} {h.officer or '-':<12} {h.note}")
    return "\n".join(lines)


def _status(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.state:
        info = applications.change_state(
            ctx.db, args.registration_number, args.state, args.note, ctx.actor(args.user)
        )
    else:
        info = applications.get_application(ctx.db, args.registration_number)
    ctx.emit(info.to_json(), lambda: describe(info, ctx.db.timezone))
    return 0


def _handover(args: argparse.Namespace, ctx: CliContext) -> int:
    info = applications.hand_over(
        ctx.db,
        args.registration_number,
        nik=args.nik,
        recipient=args.recipient,
        note=args.note,
        actor=ctx.actor(args.user),
    )
    ctx.emit(info.to_json(), lambda: describe(info, ctx.db.timezone))
    return 0


def _receipt(args: argparse.Namespace, ctx: CliContext) -> int:
    pdf = applications.receipt_pdf(
        ctx.db,
        args.registration_number,
        paper=args.paper or str(ctx.settings.get("printer.receipt_paper")),
        kind="handover" if args.handover else "intake",
        copy=args.copy,
        actor=ctx.actor(args.user),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(pdf)
    ctx.emit({"file": str(args.out), "bytes": len(pdf)}, f"Tanda terima disimpan di {args.out}.")
    return 0


def _search(args: argparse.Namespace, ctx: CliContext) -> int:
    found = applications.search_applications(ctx.db, args.text)

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

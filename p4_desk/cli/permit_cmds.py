"""``p4-desk permit|nik ...``: the permit catalogue (list, import, export, holidays, deadline
rules) and the NIK check; applications are in ``application_cmds``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from p4_desk.cli.context import ADMIN, CliContext, add_force, command
from p4_desk.domain.nik import check_nik
from p4_desk.domain.wording import format_date, format_fee
from p4_desk.errors import ValidationError
from p4_desk.services import catalog_files, permits


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

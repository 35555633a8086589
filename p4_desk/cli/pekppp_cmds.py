"""``p4-desk pekppp``: the PEKPPP evidence pack, and the records behind it (service standards,
IKM follow-ups, innovations)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from p4_desk.arguments import day, integer
from p4_desk.cli.context import CliContext, add_force, command
from p4_desk.domain.wording import format_date, format_fee
from p4_desk.services import pekppp, standards
from p4_desk.services.pekppp import records

_YEAR = integer(2000, 2100, "tahun")


def register(sub: Any) -> None:
    p = command(
        sub,
        "pekppp",
        _pack,
        "bukti dukung evaluasi PEKPPP satu tahun ke berkas PDF atau XLSX",
        requires="supervisor",
    )
    p.add_argument("--year", type=_YEAR, required=True, metavar="TAHUN")
    p.add_argument("--out", required=True, help="berkas keluaran: .pdf atau .xlsx")
    add_force(p)

    a = sub.add_parser("ikm-action", help="tindak lanjut hasil IKM (PEKPPP)")
    asub = a.add_subparsers(dest="action_command", required=True, metavar="PERINTAH")
    p = command(asub, "add", _action_add, "catat tindak lanjut unsur IKM yang lemah", requires="supervisor")
    p.add_argument("--element", required=True, help="unsur IKM: U1 sampai U9")
    p.add_argument("--action", dest="what", required=True, help="tindakan yang dilakukan")
    p.add_argument("--owner", required=True, help="penanggung jawab")
    p.add_argument("--due", type=day, required=True, metavar="YYYY-MM-DD", help="batas waktu")
    p.add_argument(
        "--from", dest="period_from", type=day, required=True, metavar="YYYY-MM-DD", help="awal periode IKM"
    )
    p.add_argument(
        "--to", dest="period_to", type=day, required=True, metavar="YYYY-MM-DD", help="akhir periode IKM"
    )
    p.add_argument("--service", help="kode layanan (kosong: IKM seluruh layanan)")
    p = command(asub, "done", _action_done, "tandai tindak lanjut IKM selesai", requires="supervisor")
    p.add_argument("id", type=integer(1, what="nomor tindak lanjut"))
    p.add_argument("--date", type=day, metavar="YYYY-MM-DD", help="tanggal selesai (bawaan: hari ini)")
    p.add_argument("--note", help="catatan hasil")
    p = command(asub, "list", _action_list, "daftar tindak lanjut IKM")
    p.add_argument("--year", type=_YEAR, metavar="TAHUN")

    i = sub.add_parser("innovation", help="inovasi pelayanan (PEKPPP)")
    isub = i.add_subparsers(dest="innovation_command", required=True, metavar="PERINTAH")
    p = command(isub, "add", _innovation_add, "catat inovasi pelayanan", requires="supervisor")
    p.add_argument("--service", required=True, help="kode layanan")
    p.add_argument("--name", required=True, help="nama inovasi")
    p.add_argument("--started", type=day, required=True, metavar="YYYY-MM-DD", help="tanggal mulai berlaku")
    p.add_argument("--description", default="", help="uraian singkat")
    p.add_argument(
        "--window", type=integer(7, 366, "jendela pembanding"), default=30, help="hari pembanding (7–366)"
    )
    p = command(isub, "list", _innovation_list, "daftar inovasi pelayanan")

    s = sub.add_parser("standard", help="standar pelayanan per layanan (persyaratan, prosedur, ...)")
    ssub = s.add_subparsers(dest="standard_command", required=True, metavar="PERINTAH")
    p = command(ssub, "set", _standard_set, "ubah standar pelayanan suatu layanan", requires="admin")
    p.add_argument("code", help="kode layanan")
    p.add_argument("--requirements", help="persyaratan, satu per baris")
    p.add_argument("--procedure", help="prosedur, satu langkah per baris")
    p.add_argument("--time", help="jangka waktu, mis. 'Selesai di tempat ± 15 menit'")
    p.add_argument("--fee", type=integer(0, 2_000_000_000, "biaya"), help="biaya dalam rupiah (0 = gratis)")
    p.add_argument("--product", help="produk layanan")
    p.add_argument("--complaints", help="penanganan pengaduan")
    p.add_argument("--legal-basis", dest="legal_basis", help="dasar hukum")
    p.add_argument(
        "--publish", dest="published", action="store_true", default=None, help="tampilkan ke warga"
    )
    p.add_argument("--unpublish", dest="published", action="store_false", help="jangan tampilkan")
    p = command(ssub, "list", _standard_list, "standar pelayanan semua layanan aktif")


def _pack(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    pack = pekppp.write_pack(ctx.db, args.year, out, write=ctx.write_file, actor=ctx.actor())
    lines = [f"Bukti dukung PEKPPP {pack.year} disimpan ke {out}"]
    if pack.incomplete_services:
        lines += ["Standar pelayanan belum lengkap:", *(f"  {line}" for line in pack.incomplete_services)]
    ctx.emit(
        {"file": str(out), "year": pack.year, "incomplete_services": list(pack.incomplete_services)},
        "\n".join(lines),
    )
    return 0


def _action_add(args: argparse.Namespace, ctx: CliContext) -> int:
    info = records.add_ikm_action(
        ctx.db,
        element=args.element,
        action=args.what,
        owner=args.owner,
        due_on=args.due,
        period_from=args.period_from,
        period_to=args.period_to,
        service=args.service,
        actor=ctx.actor(),
    )
    ctx.emit(info.__dict__, f"Tindak lanjut IKM nomor {info.id} dicatat (batas {format_date(info.due_on)}).")
    return 0


def _action_done(args: argparse.Namespace, ctx: CliContext) -> int:
    when = args.date or ctx.db.now().astimezone(ctx.db.timezone).date()
    info = records.complete_ikm_action(ctx.db, args.id, when, args.note, actor=ctx.actor())
    ctx.emit(info.__dict__, f"Tindak lanjut IKM nomor {info.id} selesai pada {format_date(when)}.")
    return 0


def _action_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = records.list_ikm_actions(ctx.db, args.year)
    today = ctx.db.now().astimezone(ctx.db.timezone).date()
    words = {"done": "selesai", "late": "terlambat", "open": "berjalan"}
    text = "\n".join(
        f"{a.id:>4} {a.element} {a.service or 'SITUS':<10} {format_date(a.due_on):<20}"
        f" {words[a.state(today)]:<10} {a.action}"
        for a in rows
    )
    ctx.emit([{**a.__dict__, "state": a.state(today)} for a in rows], text or "Belum ada tindak lanjut IKM.")
    return 0


def _innovation_add(args: argparse.Namespace, ctx: CliContext) -> int:
    info = records.add_innovation(
        ctx.db,
        service=args.service,
        name=args.name,
        started_on=args.started,
        description=args.description,
        window_days=args.window,
        actor=ctx.actor(),
    )
    ctx.emit(info.__dict__, f"Inovasi '{info.name}' dicatat untuk layanan {info.service}.")
    return 0


def _innovation_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = records.list_innovations(ctx.db)
    text = "\n".join(f"{r.id:>4} {r.service:<10} {format_date(r.started_on):<20} {r.name}" for r in rows)
    ctx.emit([r.__dict__ for r in rows], text or "Belum ada inovasi yang dicatat.")
    return 0


def _standard_set(args: argparse.Namespace, ctx: CliContext) -> int:
    keys = ("requirements", "procedure", "time", "fee", "product", "complaints", "legal_basis", "published")
    values = {key: getattr(args, key) for key in keys if getattr(args, key) is not None}
    info = standards.set_standard(ctx.db, args.code, actor=ctx.actor(), **values)
    missing = ", ".join(standards.PARTS[p] for p in info.missing)
    ctx.emit(
        info.to_json(),
        f"Standar layanan {info.code} disimpan." + (f" Belum diisi: {missing}." if missing else ""),
    )
    return 0


def _standard_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = standards.list_standards(ctx.db)

    def line(st: standards.ServiceStandard) -> str:
        state = "lengkap" if st.complete else "belum: " + ", ".join(standards.PARTS[p] for p in st.missing)
        fee = format_fee(st.fee) if st.fee is not None else "-"
        return f"{st.code:<10} {'publik' if st.published else 'draf':<7} {fee:<14} {state}"

    ctx.emit([st.to_json() for st in rows], "\n".join(line(st) for st in rows) or "Belum ada layanan.")
    return 0

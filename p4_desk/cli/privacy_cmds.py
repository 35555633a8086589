"""``p4-desk purge | person export | person correct | complaint reveal | audit who-read``:
personal data (UU 27/2022) for the site's data-protection officer, a supervisor or admin.

``complaint reveal`` and ``audit who-read`` hang under the families they belong to
(``feedback_cmds`` and ``admin_cmds`` call ``add_reveal`` and ``add_who_read``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from p4_desk.arguments import day, integer
from p4_desk.cli.context import SUPERVISOR, CliContext, add_force, command
from p4_desk.domain.wording import format_number
from p4_desk.errors import ValidationError


def register(sub: Any) -> None:
    p = command(
        sub, "purge", _purge,
        "anonimkan/hapus data pribadi yang melewati masa simpan (pengaturan privacy.*)",
        requires=SUPERVISOR,
    )  # fmt: skip
    p.add_argument("--dry-run", action="store_true", help="hitung saja, jangan ubah apa pun")

    person = sub.add_parser("person", help="data pribadi satu orang: ekspor dan koreksi (UU PDP)")
    ps = person.add_subparsers(dest="person_command", required=True, metavar="ACTION")
    p = command(ps, "export", _export, "kumpulkan semua data satu NIK: PDF dan JSON", requires=SUPERVISOR)
    p.add_argument("--nik", required=True)
    p.add_argument("--out", required=True, help="berkas tujuan (PDF; JSON di sebelahnya)")
    p.add_argument("--format", choices=("both", "pdf", "json"), default="both", help="bawaan: keduanya")
    add_force(p)
    p = command(ps, "correct", _correct, "koreksi nama, nomor HP atau alamat satu NIK", requires=SUPERVISOR)
    p.add_argument("--nik", required=True)
    p.add_argument("--name")
    p.add_argument("--phone")
    p.add_argument("--address")


def add_reveal(complaint_commands: Any) -> None:
    p = command(
        complaint_commands, "reveal", _reveal,
        "buka identitas pelapor yang dirahasiakan (dengan alasan, dicatat)", requires=SUPERVISOR,
    )  # fmt: skip
    p.add_argument("number")
    p.add_argument("--reason", required=True, help="mengapa identitas perlu dibuka")


def add_who_read(audit_commands: Any) -> None:
    # ``--user`` here names the officer asked about, so the login comes from P4_DESK_USER /
    # P4_DESK_PASSWORD or is asked on the terminal (no ``--user`` login option)
    p = command(audit_commands, "who-read", _who_read, "siapa melihat data pribadi siapa, kapan (supervisor)")
    p.set_defaults(requires=SUPERVISOR)
    p.add_argument("--nik", help="hanya data orang dengan NIK ini")
    p.add_argument("--user", dest="officer", metavar="PENGGUNA", help="hanya yang dilihat pengguna ini")
    p.add_argument("--from", dest="date_from", type=day, help="tanggal awal YYYY-MM-DD (waktu situs)")
    p.add_argument("--to", dest="date_to", type=day, help="tanggal akhir YYYY-MM-DD (waktu situs)")
    p.add_argument("--limit", type=integer(1, 100_000, "batas"), default=1000)


def _purge(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.privacy import KIND_LABELS, purge

    report = purge(ctx.db, ctx.actor(), dry_run=args.dry_run)

    def text() -> str:
        head = "Uji coba (tidak ada yang diubah):" if report.dry_run else "Data pribadi lewat masa simpan:"
        lines = [head]
        lines += [f"  {format_number(n):>7}  {KIND_LABELS[kind]}" for kind, n in report.counts.items()]
        if report.total == 0:
            lines.append("Tidak ada data yang melewati masa simpan.")
        elif not report.dry_run:
            lines.append("Jumlahnya dicatat di log audit.")
        return "\n".join(lines)

    ctx.emit(report.to_json(), text)
    return 0


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.privacy import PersonExport, person_export

    out = Path(args.out)
    if not out.name or out.name in (".", ".."):
        raise ValidationError("Sebutkan nama berkas tujuan (--out).", field="out")
    targets = {
        "pdf": out if args.format == "pdf" else out.with_suffix(".pdf"),
        "json": out if args.format == "json" else out.with_suffix(".json"),
    }
    kinds = ("pdf", "json") if args.format == "both" else (args.format,)
    written: list[Path] = []

    def deliver(export: PersonExport) -> None:
        for kind in kinds:
            data = (
                export.pdf
                if kind == "pdf"
                else json.dumps(export.document, ensure_ascii=False, indent=2).encode()
            )
            written.append(ctx.write_file(targets[kind], data))

    try:
        export = person_export(ctx.db, args.nik, ctx.actor(), deliver=deliver)
    except BaseException:
        for path in written:  # the second file failed: the first one goes too
            path.unlink(missing_ok=True)
        raise
    counts = export.counts
    summary = (
        f"{counts['applications']} permohonan, {counts['complaints']} pengaduan, "
        f"{counts['surveys']} survei, {counts['reminders']} pengingat"
    )
    ctx.emit(
        {"files": [str(p) for p in written], "counts": counts},
        f"Data pribadi ({summary}) disimpan di {', '.join(str(p) for p in written)}. Ekspor dicatat di log.",
    )
    return 0


def _correct(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.privacy import correct_person

    done = correct_person(
        ctx.db, args.nik, ctx.actor(), name=args.name, phone=args.phone, address=args.address
    )
    words = {"name": "nama", "phone": "nomor HP", "address": "alamat"}
    text = (
        f"Dikoreksi: {', '.join(words[f] for f in done.fields)} pada {done.applications} permohonan. "
        "Koreksi dicatat di log audit."
        if done.fields
        else "Tidak ada yang berubah: data sudah sama."
    )
    ctx.emit(done.to_json(), text)
    return 0


def _reveal(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.privacy import reveal_reporter

    found = reveal_reporter(ctx.db, args.number, args.reason, ctx.actor())
    contact = ", ".join(x for x in (found.phone, found.email) if x) or "tanpa kontak"
    ctx.emit(
        found.to_json(),
        f"Pelapor {found.number}: {found.name or '-'} ({contact}). "
        "Permintaan dan alasannya dicatat di log audit.",
    )
    return 0


def _who_read(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.privacy import who_read

    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError("Tanggal awal (--from) harus sebelum tanggal akhir (--to).", field="date_from")
    rows = who_read(
        ctx.db, nik=args.nik, username=args.officer, date_from=args.date_from, date_to=args.date_to,
        limit=args.limit,
    )  # fmt: skip

    def text() -> str:
        lines = []
        for r in rows:
            what = " ".join(x for x in (r.record_kind_label, r.record_ref or "", r.subject or "") if x)
            extra = f' — cari "{r.query}"' if r.query else f" — alasan: {r.reason}" if r.reason else ""
            lines.append(
                f"{r.local_time}  {r.username or 'sistem'} ({r.workstation}) {r.action_label} {what}{extra}"
            )
        return "\n".join(lines) or "Tidak ada catatan akses data pribadi untuk penyaring ini."

    ctx.emit({"entries": [r.to_json() for r in rows]}, text)
    return 0

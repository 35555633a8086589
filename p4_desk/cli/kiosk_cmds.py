"""``p4-desk ticket ...`` and ``p4-desk voice ...``: printer and speaker checks for site IT."""

from __future__ import annotations

import argparse
import wave
from pathlib import Path
from typing import Any

from p4_desk.arguments import decimal
from p4_desk.cli.context import CliContext, add_force, command
from p4_desk.domain.wording import format_number
from p4_desk.errors import ValidationError
from p4_desk.services import ticketing
from p4_desk.voice import Announcement, ClipLibrary, render_announcement


def register(sub: Any) -> None:
    t = sub.add_parser("ticket", help="tiket antrian: cetak, cetak ulang, batalkan yang gagal cetak")
    ts = t.add_subparsers(dest="ticket_command", required=True, metavar="ACTION")
    p = command(
        ts,
        "print",
        _print,
        "cetak tiket antrian ke PDF, printer ESC/POS atau printer sistem",
        requires="operator",
    )
    p.add_argument("ticket", metavar="TICKET_ID", help="id tiket atau nomor hari ini (A017)")
    p.add_argument(
        "--to",
        help="pdf:BERKAS | escpos-file:BERKAS | escpos-net:HOST:PORT | escpos-usb:VID:PID | "
        "escpos-serial:PERANGKAT | printer:NAMA (bawaan: pengaturan printer.ticket_target)",
    )
    p.add_argument("--copy", action="store_true", help="cetak ulang, ditandai SALINAN")
    p.add_argument("--paper", type=int, choices=(58, 80), help="lebar kertas (mm)")
    add_force(p)

    p = command(
        ts,
        "cancel-unprinted",
        _cancel_unprinted,
        "batalkan tiket yang tidak pernah tercetak",
        requires="supervisor",
    )
    p.add_argument(
        "--minutes", type=decimal(0, 10_080, "batas waktu"), help="menit (bawaan: pengaturan situs)"
    )

    v = sub.add_parser("voice", help="suara panggilan: uji pengeras suara")
    vs = v.add_subparsers(dest="voice_command", required=True, metavar="ACTION")
    p = command(vs, "say", _say, "simpan pengumuman panggilan sebagai berkas WAV")
    p.add_argument("number", metavar="TICKET_NUMBER", help="nomor antrian, mis. A123")
    p.add_argument("--counter", required=True, help="loket, mis. 3 atau 'Loket 3'")
    p.add_argument("--out", required=True, type=Path, help="berkas WAV tujuan")
    add_force(p)
    p.add_argument("--volume", type=decimal(0, 1, "volume"), help="0,0–1,0 (bawaan: pengaturan voice.volume)")


def _print(args: argparse.Namespace, ctx: CliContext) -> int:
    target = args.to or str(ctx.settings.get("printer.ticket_target"))
    paper = args.paper or int(ctx.settings.get("printer.ticket_paper_mm"))
    os_printer = None
    if target.startswith("printer:"):
        from p4_desk.gui.printing import print_pdf_on_os_printer  # Qt only for this target

        os_printer = print_pdf_on_os_printer
    outcome = ticketing.print_ticket(
        ctx.db,
        args.ticket,
        target,
        paper,
        args.copy,
        ctx.actor(),
        os_printer=os_printer,
        force_overwrite=args.force_overwrite,
    )
    where = str(outcome.pdf_path) if outcome.pdf_path else target
    kind = "Salinan tiket" if args.copy else "Tiket"
    ctx.emit(
        {
            "ticket": outcome.ticket,
            "target": target,
            "copy": args.copy,
            "pdf_path": str(outcome.pdf_path) if outcome.pdf_path else None,
        },
        f"{kind} {outcome.ticket.number} dicetak ke {where}.",
    )
    return 0


def _cancel_unprinted(args: argparse.Namespace, ctx: CliContext) -> int:
    cancelled = ticketing.cancel_unprinted(ctx.db, args.minutes)
    numbers = ", ".join(t.number for t in cancelled) or "tidak ada"
    ctx.emit(cancelled, f"Tiket dibatalkan (gagal cetak): {numbers}.")
    return 0


def _say(args: argparse.Namespace, ctx: CliContext) -> int:
    volume = float(ctx.settings.get("voice.volume")) if args.volume is None else args.volume
    if not 0.0 <= volume <= 1.0:
        raise ValidationError("Volume harus antara 0.0 dan 1.0.", field="volume")
    try:
        words = Announcement(args.number, args.counter).words()
    except ValueError:
        raise ValidationError(
            f"Nomor antrian '{args.number}' atau loket '{args.counter}' tidak dapat diucapkan.",
            field="number",
        ) from None
    clips_dir = str(ctx.settings.get("voice.clips_dir") or "")
    library = ClipLibrary.for_site(Path(clips_dir) if clips_dir else None)
    path = ctx.write_file(args.out, render_announcement(words, library, volume=volume))
    with wave.open(str(path), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
    ctx.emit(
        {"path": str(path), "seconds": round(seconds, 2), "words": words},
        f"Pengumuman {args.number} ({format_number(seconds, 1)} detik) disimpan di {path}.",
    )
    return 0

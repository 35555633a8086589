"""``p4-desk queue ...``: the queue engine from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from p4_desk.cli.context import OPERATOR, CliContext, command
from p4_desk.domain.queue_rules import PRIORITY_GROUPS
from p4_desk.domain.ticket_lifecycle import TICKETS
from p4_desk.domain.wording import format_estimate, format_number, priority_name
from p4_desk.services import queue
from p4_desk.services.queue import TicketInfo


def register(sub: Any) -> None:
    q = sub.add_parser("queue", help="antrian: ambil, panggil, layani, alihkan")
    qs = q.add_subparsers(dest="queue_command", required=True, metavar="ACTION")

    p = command(qs, "issue", _issue, "ambil nomor antrian untuk layanan (satu kunjungan: s.d. 3 layanan)")
    p.add_argument("service", nargs="?", help="kode layanan (atau --service)")
    p.add_argument(
        "--service",
        dest="services",
        action="append",
        default=[],
        metavar="KODE",
        help="layanan kunjungan ini, berurutan; ulangi untuk beberapa layanan (maks. 3)",
    )
    p.set_defaults(issue_parser=p)  # no service at all: the usual usage error
    p.add_argument("--priority", choices=sorted(PRIORITY_GROUPS))

    p = command(
        qs, "remind", _remind, "pengingat giliran lewat WhatsApp/SMS (nomor ponsel warga)", requires=OPERATOR
    )
    p.add_argument("--ticket", required=True, help="id tiket atau nomor hari ini (A017)")
    p.add_argument("--phone", required=True, help="nomor ponsel, mis. 0812-3456-7890")

    p = command(qs, "call-next", _call_next, "panggil antrian berikutnya di loket", requires=OPERATOR)
    p.add_argument("--counter", required=True)

    p = command(qs, "call", _call, "panggil satu tiket tertentu", requires=OPERATOR)
    p.add_argument("--ticket", required=True, help="id tiket atau nomor hari ini (A017)")
    p.add_argument("--counter", required=True)

    for name, fn, text in (
        ("recall", queue.recall, "panggil ulang"),
        ("start", queue.start, "mulai layani"),
        ("finish", queue.finish, "selesai"),
        ("no-show", queue.no_show, "tandai tidak hadir"),
        ("reactivate", queue.reactivate, "aktifkan kembali tiket tidak hadir"),
    ):
        p = command(qs, name, _simple, text, requires=OPERATOR)
        p.add_argument("--ticket", required=True)
        p.set_defaults(action=fn)

    p = command(qs, "cancel", _cancel, "batalkan tiket yang menunggu", requires=OPERATOR)
    p.add_argument("--ticket", required=True)
    p.add_argument("--reason", required=True)

    p = command(qs, "transfer", _transfer, "alihkan tiket ke layanan atau loket lain", requires=OPERATOR)
    p.add_argument("--ticket", required=True)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--service")
    target.add_argument("--counter")

    p = command(qs, "show", _show, "tampilkan satu tiket")
    p.add_argument("--ticket", required=True)

    p = command(qs, "waiting", _waiting, "daftar tunggu (seluruh situs atau satu loket)")
    p.add_argument("--counter")

    command(qs, "status", _status, "ringkasan antrian per layanan dan loket")


def describe(t: TicketInfo) -> str:
    parts = [f"{t.number} ({t.service_name})", TICKETS.label(t.state)]
    if t.priority:
        parts.append(f"prioritas {priority_name(t.priority).lower()}")
    if t.counter_name and t.state in ("called", "serving"):
        parts.append(f"di {t.counter_name}")
    if t.state == "waiting" and t.people_ahead is not None:
        minutes = t.estimated_wait_minutes
        wait = f", perkiraan {format_estimate(minutes)}" if minutes is not None else ""
        parts.append(f"{format_number(t.people_ahead)} orang di depan{wait}")
    if t.next_step is not None:
        parts.append(f"lanjut ke: {t.next_step.service_name}")
    return " — ".join(parts) + f"  [id {t.id}]"


def _issue(args: argparse.Namespace, ctx: CliContext) -> int:
    codes = [*([args.service] if args.service else []), *args.services]
    if not codes:
        args.issue_parser.error("the following arguments are required: service")
    t = queue.issue_ticket(ctx.db, codes[0], args.priority, ctx.actor(), then=codes[1:])
    ctx.emit(t, lambda: describe(t))
    return 0


def _remind(args: argparse.Namespace, ctx: CliContext) -> int:
    shown = queue.ask_reminder(ctx.db, args.ticket, args.phone, ctx.actor())
    ctx.emit(
        {"ticket": args.ticket, "phone_end": shown[-4:]},
        lambda: f"Pengingat dicatat untuk nomor {shown}; dikirim ke server pusat saat sinkronisasi.",
    )
    return 0


def _call_next(args: argparse.Namespace, ctx: CliContext) -> int:
    t = queue.call_next(ctx.db, args.counter, ctx.actor())
    ctx.emit(t, lambda: describe(t) if t else "Tidak ada antrian yang menunggu untuk loket ini.")
    return 0


def _call(args: argparse.Namespace, ctx: CliContext) -> int:
    t = queue.call_ticket(ctx.db, args.ticket, args.counter, ctx.actor())
    ctx.emit(t, lambda: describe(t))
    return 0


def _simple(args: argparse.Namespace, ctx: CliContext) -> int:
    t = args.action(ctx.db, args.ticket, ctx.actor())
    ctx.emit(t, lambda: describe(t))
    return 0


def _cancel(args: argparse.Namespace, ctx: CliContext) -> int:
    t = queue.cancel(ctx.db, args.ticket, args.reason, ctx.actor())
    ctx.emit(t, lambda: describe(t))
    return 0


def _transfer(args: argparse.Namespace, ctx: CliContext) -> int:
    t = queue.transfer(
        ctx.db, args.ticket, to_service=args.service, to_counter=args.counter, actor=ctx.actor()
    )
    ctx.emit(t, lambda: describe(t))
    return 0


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    t = queue.with_plan(ctx.db, queue.get_ticket(ctx.db, args.ticket))
    ctx.emit(t, lambda: describe(t))
    return 0


def _waiting(args: argparse.Namespace, ctx: CliContext) -> int:
    tickets = queue.waiting_list(ctx.db, args.counter)
    ctx.emit(
        {"tickets": tickets},
        lambda: "\n".join(describe(t) for t in tickets) or "Tidak ada yang menunggu.",
    )
    return 0


def _status(args: argparse.Namespace, ctx: CliContext) -> int:
    status = queue.queue_status(ctx.db)

    def text() -> str:
        lines = ["Layanan:"]
        for s in status.services:
            state = "buka" if s.open_now else "tutup"
            longest = "-" if s.longest_wait_minutes is None else str(s.longest_wait_minutes)
            over = ", melewati target" if s.over_target else ""
            lines.append(
                f"  {s.code:<8} {s.name:<45} menunggu {s.waiting:>3}  terlama {longest:>3} mnt"
                f"  ({state}, {s.open_counters} loket buka{over})"
            )
        lines.append("Loket:")
        for c in status.counters:
            state = queue.COUNTER_STATE_LABELS[c.state]
            lines.append(
                f"  {c.code:<6} {c.name:<20} {state:<9} {c.current_ticket or '-':<6} "
                f"{c.officer or ''}  [{', '.join(c.services)}]"
            )
        return "\n".join(lines)

    ctx.emit(status.to_json(), text)
    return 0

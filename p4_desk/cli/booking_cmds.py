"""``p4-desk booking ...``: appointments — rules, bookings by phone, check-in, figures."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from p4_desk.arguments import day, integer
from p4_desk.cli.context import OPERATOR, CliContext, command
from p4_desk.domain.booking_rules import POLICIES, BookingRule
from p4_desk.domain.opening_hours import WEEKDAYS
from p4_desk.domain.wording import format_datetime, format_time
from p4_desk.errors import ValidationError
from p4_desk.services import booking
from p4_desk.services.booking.confirm import central_confirmation


def register(sub: Any) -> None:
    b = sub.add_parser("booking", help="janji temu: aturan, pemesanan lewat telepon, check-in, angka")
    bs = b.add_subparsers(dest="booking_command", required=True, metavar="ACTION")

    p = command(bs, "list", _list, "daftar janji temu satu hari", requires=OPERATOR)
    p.add_argument("--date", type=day, help="YYYY-MM-DD (bawaan: hari ini)")
    p.add_argument("--service")

    p = command(
        bs, "checkin", _checkin, "check-in dengan kode janji temu: cetak data tiket", requires=OPERATOR
    )
    p.add_argument("code", metavar="KODE")
    p.add_argument("--service", help="layanan yang dipilih (menolak kode untuk layanan lain)")
    p.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="LAYANAN",
        help="layanan berikutnya dalam kunjungan yang sama (boleh diulang; paling banyak 3 layanan)",
    )

    p = command(bs, "add", _add, "catat janji temu yang dipesan lewat telepon di loket", requires=OPERATOR)
    p.add_argument("--service", required=True)
    p.add_argument("--slot", required=True, help="jam janji, ISO: 2026-03-04T10:30 (waktu situs)")
    p.add_argument("--name", required=True)
    p.add_argument("--phone", required=True)
    p.add_argument(
        "--offline",
        action="store_true",
        help="catat tanpa konfirmasi server pusat (saat tidak terjangkau; satu kursi bisa terisi dua kali)",
    )

    p = command(bs, "cancel", _cancel, "batalkan janji temu", requires=OPERATOR)
    p.add_argument("code", metavar="KODE")

    p = command(bs, "slots", _slots, "slot janji temu satu layanan pada satu hari")
    p.add_argument("--service", required=True)
    p.add_argument("--date", type=day, help="YYYY-MM-DD (bawaan: hari ini)")

    p = command(bs, "rules", _rules, "aturan janji temu setiap layanan")

    p = command(bs, "rule", _rule, "atur janji temu satu layanan", requires="admin")
    p.add_argument("service")
    p.add_argument("--days", help="hari, mis. mon,tue,wed,thu,fri")
    p.add_argument("--hours", help="jam, mis. 08:00-12:00,13:00-15:00")
    p.add_argument("--slot-minutes", type=integer(5, 240, "lama slot"))
    p.add_argument("--capacity", type=integer(1, 200, "kapasitas"))
    p.add_argument("--days-ahead", type=integer(0, 60, "hari ke depan"))
    p.add_argument("--walkin-share", type=integer(0, 100, "bagian walk-in"), help="persen kuota harian")
    p.add_argument("--policy", choices=sorted(POLICIES))
    p.add_argument("--head-start", type=integer(0, 60, "keunggulan waktu"), help="menit (kebijakan slot)")
    p.add_argument("--off", action="store_true", help="hentikan pemesanan baru (aturan disimpan)")

    p = command(bs, "stats", _stats, "angka janji temu: dipesan, check-in, tidak hadir, terlambat")
    p.add_argument("--from", dest="first", type=day)
    p.add_argument("--to", dest="last", type=day)


def _today(ctx: CliContext) -> date:
    return ctx.db.now().astimezone(ctx.db.timezone).date()


def _line(b: booking.BookingInfo) -> str:
    ticket = f" tiket {b.ticket_number}" if b.ticket_number else ""
    return f"{b.code}  {format_time(b.slot_start)}  {b.service:<8} {b.name}  [{b.state}]{ticket}"


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = booking.list_bookings(ctx.db, args.date or _today(ctx), args.service)
    ctx.emit([r.to_json() for r in rows], lambda: "\n".join(map(_line, rows)) or "Tidak ada janji temu.")
    return 0


def _checkin(args: argparse.Namespace, ctx: CliContext) -> int:
    result = booking.check_in(ctx.db, args.code, ctx.actor(), service_code=args.service, then=args.also)
    t = result.ticket
    how = " (sudah check-in sebelumnya)" if result.repeated else ""
    late = " — terlambat, dilayani sebagai pengunjung langsung" if result.late else ""
    later = [step.service_name for step in t.plan if step.status == "pending"]
    then = f" — lanjut ke: {', lalu '.join(later)}" if later else ""
    ctx.emit(
        {
            **t.to_json(),
            "booking": result.booking.to_json(),
            "late": result.late,
            "repeated": result.repeated,
        },
        f"Tiket {t.number} untuk {t.service_name}, "
        f"janji temu {format_time(result.booking.slot_start)}{late}{then}{how}",
    )
    return 0


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        slot = datetime.fromisoformat(args.slot)
    except ValueError:
        raise ValidationError(
            f"Jam janji '{args.slot[:40]}' tidak valid, gunakan YYYY-MM-DDTHH:MM.", field="slot"
        ) from None
    confirm, release = (None, None) if args.offline else central_confirmation(ctx.db, ctx.settings)
    b = booking.add_booking(
        ctx.db, args.service, slot, args.name, args.phone, ctx.actor(), confirm=confirm, release=release
    )
    ctx.emit(b.to_json(), f"Janji temu {b.code}: {b.service_name}, {format_datetime(b.slot_start)}")
    return 0


def _cancel(args: argparse.Namespace, ctx: CliContext) -> int:
    b = booking.cancel_booking(ctx.db, args.code, ctx.actor())
    ctx.emit(b.to_json(), f"Janji temu {b.code} dibatalkan.")
    return 0


def _slots(args: argparse.Namespace, ctx: CliContext) -> int:
    slots = booking.slots_for(ctx.db, args.service, args.date or _today(ctx))
    ctx.emit(
        [s.to_json() for s in slots],
        lambda: (
            "\n".join(f"{format_time(s.start)}  sisa {s.free} dari {s.capacity}" for s in slots)
            or "Tidak ada slot janji temu."
        ),
    )
    return 0


def _rules(args: argparse.Namespace, ctx: CliContext) -> int:
    rules = booking.list_rules(ctx.db)

    def text() -> str:
        lines = []
        for r in rules:
            if r.rule is None:
                continue
            state = "aktif" if r.enabled else "nonaktif"
            lines.append(f"{r.service:<8} {state}: slot {r.rule.slot_minutes} menit × {r.rule.capacity}, "
                         f"{r.rule.days_ahead} hari ke depan, walk-in {r.rule.walkin_share_percent}%, "
                         f"kebijakan {r.rule.policy}")  # fmt: skip
        return "\n".join(lines) or "Belum ada layanan yang menerima janji temu."

    ctx.emit([r.to_json() for r in rules], text)
    return 0


def _rule(args: argparse.Namespace, ctx: CliContext) -> int:
    current = booking.get_rule(ctx.db, args.service)
    base = current.rule or BookingRule()
    hours = dict(base.hours)
    if args.days or args.hours:
        days = (args.days or ",".join(hours) or "mon,tue,wed,thu,fri").split(",")
        unknown = [d for d in days if d.strip() not in WEEKDAYS]
        if unknown:
            raise ValidationError(
                f"Hari '{unknown[0]}' tidak dikenal. Pilihan: {', '.join(WEEKDAYS)}.", field="days"
            )
        periods = _periods(args.hours) if args.hours else next(iter(hours.values()), [["08:00", "12:00"]])
        hours = {d.strip(): periods for d in days}
    rule = BookingRule(
        hours=hours,
        slot_minutes=args.slot_minutes or base.slot_minutes,
        capacity=args.capacity or base.capacity,
        days_ahead=base.days_ahead if args.days_ahead is None else args.days_ahead,
        walkin_share_percent=base.walkin_share_percent if args.walkin_share is None else args.walkin_share,
        policy=args.policy or base.policy,
        head_start_minutes=base.head_start_minutes if args.head_start is None else args.head_start,
    )
    saved = booking.set_rule(ctx.db, args.service, rule, ctx.actor(), enabled=not args.off)
    ctx.emit(saved.to_json(), f"Aturan janji temu {saved.service_name} disimpan"
             f"{'' if saved.enabled else ' (pemesanan baru dihentikan)'}.")  # fmt: skip
    return 0


def _periods(text: str) -> list[list[str]]:
    out = []
    for part in text.split(","):
        start, sep, end = part.strip().partition("-")
        if not sep:
            raise ValidationError(f"Jam '{part[:20]}' tidak valid, gunakan 08:00-12:00.", field="hours")
        out.append([start.strip(), end.strip()])
    return out


def _stats(args: argparse.Namespace, ctx: CliContext) -> int:
    first = args.first or _today(ctx)
    figures = booking.booking_figures(ctx.db, first, args.last or first)

    def text() -> str:
        lines = [
            f"Dipesan {figures.booked}, check-in {figures.checked_in}, terlambat {figures.late}, "
            f"tidak hadir {figures.no_show}, belum datang {figures.expected}, "
            f"dilayani dalam slot {figures.served_within_slot}, dibatalkan {figures.cancelled}"
        ]
        lines += [f"  {r.service:<8} dipesan {r.booked}, check-in {r.checked_in}, terlambat {r.late}, "
                  f"tidak hadir {r.no_show}" for r in figures.per_service]  # fmt: skip
        return "\n".join(lines)

    ctx.emit(figures.to_json(), text)
    return 0

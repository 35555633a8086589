"""``p4-desk agency|service|counter ...``: what a site offers and where."""

from __future__ import annotations

import argparse
import json
from typing import Any

from p4_desk.cli.context import CliContext, command
from p4_desk.errors import ValidationError
from p4_desk.services import catalog, queue


def register(sub: Any) -> None:
    a = sub.add_parser("agency", help="instansi")
    asub = a.add_subparsers(dest="agency_command", required=True, metavar="ACTION")
    p = command(asub, "add", _agency_add, "tambah instansi", requires="admin")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    command(asub, "list", _agency_list, "daftar instansi")

    s = sub.add_parser("service", help="layanan")
    ssub = s.add_subparsers(dest="service_command", required=True, metavar="ACTION")
    p = command(ssub, "add", _service_add, "tambah layanan", requires="admin")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--agency", required=True)
    p.add_argument("--prefix", required=True)
    p.add_argument("--target-wait", type=int, default=15, help="target waiting minutes")
    p.add_argument("--quota", type=int, help="daily ticket quota")
    p.add_argument("--hours", help='opening hours JSON, e.g. {"mon": [["08:00","15:00"]]}')
    p.add_argument("--priority-head-start", type=int, default=15, help="minutes (0: no priority)")
    command(ssub, "list", _service_list, "daftar layanan")

    c = sub.add_parser("counter", help="loket")
    csub = c.add_subparsers(dest="counter_command", required=True, metavar="ACTION")
    p = command(csub, "add", _counter_add, "tambah loket", requires="admin")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--services", required=True, help="comma-separated service codes")
    command(csub, "list", _counter_list, "daftar loket")
    for state, verb in (("open", "buka"), ("pause", "istirahat"), ("close", "tutup")):
        p = command(csub, state, _counter_state, f"{verb} loket", requires="operator")
        p.add_argument("code")
        p.set_defaults(state={"open": "open", "pause": "paused", "close": "closed"}[state])


def _agency_add(args: argparse.Namespace, ctx: CliContext) -> int:
    a = catalog.add_agency(ctx.db, args.code, args.name)
    ctx.emit(a, f"Instansi {a.code} — {a.name} ditambahkan.")
    return 0


def _agency_list(args: argparse.Namespace, ctx: CliContext) -> int:
    items = catalog.list_agencies(ctx.db)
    ctx.emit({"agencies": items}, lambda: "\n".join(f"{a.code:<10} {a.name}" for a in items))
    return 0


def _service_add(args: argparse.Namespace, ctx: CliContext) -> int:
    hours = None
    if args.hours:
        try:
            hours = json.loads(args.hours)
        except json.JSONDecodeError:
            raise ValidationError("Jam buka harus JSON yang valid.", field="hours") from None
    s = catalog.add_service(
        ctx.db,
        args.code,
        args.name,
        args.agency,
        args.prefix,
        target_wait_minutes=args.target_wait,
        daily_quota=args.quota,
        hours=hours,
        priority_head_start_minutes=args.priority_head_start,
    )
    ctx.emit(s, f"Layanan {s.code} — {s.name} (awalan {s.prefix}) ditambahkan.")
    return 0


def _service_list(args: argparse.Namespace, ctx: CliContext) -> int:
    items = catalog.list_services(ctx.db)
    ctx.emit(
        {"services": items},
        lambda: "\n".join(f"{s.code:<8} {s.prefix:<3} {s.name} ({s.agency})" for s in items),
    )
    return 0


def _counter_add(args: argparse.Namespace, ctx: CliContext) -> int:
    codes = [c.strip() for c in args.services.split(",") if c.strip()]
    c = catalog.add_counter(ctx.db, args.code, args.name, codes)
    ctx.emit(c, f"Loket {c.code} — {c.name} ditambahkan: {', '.join(c.services)}.")
    return 0


def _counter_list(args: argparse.Namespace, ctx: CliContext) -> int:
    items = catalog.list_counters(ctx.db)
    ctx.emit(
        {"counters": items},
        lambda: "\n".join(
            f"{c.code:<6} {c.name:<20} {queue.COUNTER_STATE_LABELS[c.state]:<9} {', '.join(c.services)}"
            for c in items
        ),
    )
    return 0


def _counter_state(args: argparse.Namespace, ctx: CliContext) -> int:
    c = queue.set_counter_state(ctx.db, args.code, args.state, ctx.actor())
    ctx.emit(c, f"{c.name}: {queue.COUNTER_STATE_LABELS[c.state].lower()}.")
    return 0

"""``p4-desk init``, ``p4-desk db upgrade|current``, ``p4-desk demo-data``."""

from __future__ import annotations

import argparse
from typing import Any

from p4_desk.cli.context import CliContext, command


def register(sub: Any) -> None:
    p = command(sub, "init", _init, "siapkan situs baru di basis data")
    p.add_argument("--site-code", required=True)
    p.add_argument("--site-name", required=True)
    p.add_argument(
        "--timezone", default="Asia/Jakarta", help="Asia/Jakarta (WIB), Asia/Makassar, Asia/Jayapura"
    )

    db = sub.add_parser("db", help="skema basis data")
    dbsub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    command(dbsub, "upgrade", _upgrade, "terapkan migrasi skema")
    command(dbsub, "current", _current, "tampilkan revisi skema")

    p = command(sub, "demo-data", _demo, "isi basis data dengan data contoh MPP di Lampung")
    p.add_argument("--days", type=int, default=21, help="days of history (default 21)")
    p.add_argument("--seed", type=int, default=2025)


def _init(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.site import init_site

    site = init_site(ctx.open_db(require_site=False), args.site_code, args.site_name, args.timezone)
    ctx.emit(site, f"Situs {site.code} — {site.name} siap ({site.timezone}).")
    return 0


def _upgrade(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.store.migrate import current_revision

    db = ctx.open_db(require_site=False)  # opening migrates
    rev = current_revision(db)
    ctx.emit({"revision": rev}, f"Skema basis data pada revisi {rev}.")
    return 0


def _current(args: argparse.Namespace, ctx: CliContext) -> int:
    return _upgrade(args, ctx)


def _demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.demo import load_demo_data

    summary = load_demo_data(ctx.open_db(require_site=False), days=args.days, seed=args.seed)
    ctx.emit(
        summary,
        lambda: (
            f"Data contoh dimuat: {summary['agencies']} instansi, {summary['services']} layanan, "
            f"{summary['counters']} loket, {summary['history_tickets']} tiket riwayat, "
            f"{summary['waiting_today']} tiket menunggu hari ini.\n"
            "Login contoh: admin / admin123, supervisor / supervisor123, petugas1 / petugas123."
        ),
    )
    return 0

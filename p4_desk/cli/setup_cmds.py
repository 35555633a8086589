"""``p4-desk init``, ``p4-desk db upgrade|current``, ``p4-desk demo-data``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from p4_desk.cli.context import CliContext, command
from p4_desk.errors import ValidationError

PASSWORD_ENV = "P4_DESK_PASSWORD"


def register(sub: Any) -> None:
    p = command(sub, "init", _init, "siapkan situs baru di basis data")
    p.add_argument("--site-code", required=True)
    p.add_argument("--site-name", required=True)
    p.add_argument(
        "--timezone", default="Asia/Jakarta", help="Asia/Jakarta (WIB), Asia/Makassar, Asia/Jayapura"
    )
    p.add_argument(
        "--admin-user",
        default="admin",
        help=f"first admin account (default admin); password from {PASSWORD_ENV} or asked",
    )
    p.add_argument("--admin-name", default="Admin Situs", help="full name of the first admin")

    db = sub.add_parser("db", help="skema basis data")
    dbsub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    command(dbsub, "upgrade", _upgrade, "terapkan migrasi skema")
    command(dbsub, "current", _current, "tampilkan revisi skema")

    p = command(sub, "demo-data", _demo, "isi basis data dengan data contoh MPP di Lampung")
    p.add_argument("--days", type=int, default=21, help="days of history (default 21)")
    p.add_argument("--seed", type=int, default=2025)


def _init(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services import users
    from p4_desk.services.site import init_site

    # everything about the admin is checked before the database is touched
    password = _admin_password(args.admin_user)
    users.check_first_admin(args.admin_user, password)
    db = ctx.open_db(require_site=False)
    site = init_site(db, args.site_code, args.site_name, args.timezone)
    admin = users.create_first_admin(db, args.admin_user, args.admin_name, password)
    ctx.emit(
        {"site": site, "admin": admin.username},
        f"Situs {site.code} — {site.name} siap ({site.timezone}). "
        f"Admin pertama: {admin.username} (masuk dengan kata sandi yang baru dibuat).",
    )
    return 0


def _admin_password(username: str) -> str:
    """From ``P4_DESK_PASSWORD``, else asked twice on the terminal; never on the command line."""
    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise ValidationError(
            f"Kata sandi admin pertama ({username}) wajib: setel {PASSWORD_ENV} atau jalankan "
            "p4-desk init di terminal agar kata sandi ditanyakan.",
            field="password",
        )
    first = getpass.getpass(f"Kata sandi baru untuk admin {username}: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise ValidationError("Kedua kata sandi tidak sama; situs belum dibuat.", field="password")
    return first


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

"""``p4-desk init``, ``p4-desk db upgrade|current``, ``p4-desk demo-data``."""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

from p4_desk.cli.context import PASSWORD_ENV, CliContext, command, interactive
from p4_desk.errors import ValidationError


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
        metavar="NAMA",
        help=f"admin pertama situs (bawaan: admin); kata sandinya dari {PASSWORD_ENV} atau ditanyakan",
    )
    p.add_argument("--admin-name", default="Admin Situs", metavar="NAMA_LENGKAP", help="nama lengkap admin")

    db = sub.add_parser("db", help="skema basis data")
    dbsub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    command(dbsub, "upgrade", _upgrade, "terapkan migrasi skema")
    command(dbsub, "current", _current, "tampilkan revisi skema")
    p = command(
        dbsub,
        "roles",
        _roles,
        "PostgreSQL: buat/perbarui peran pemilik (migrasi) dan peran workstation (hak minimum)",
    )
    p.add_argument(
        "--owner", required=True, metavar="PERAN", help="peran pemilik basis data, mis. p4desk_owner"
    )
    p.add_argument("--workstation", required=True, metavar="PERAN", help="peran PC loket, mis. p4desk_pc")

    p = command(sub, "demo-data", _demo, "isi basis data dengan data contoh MPP di Lampung")
    p.add_argument("--days", type=int, default=21, help="days of history (default 21)")
    p.add_argument("--seed", type=int, default=2025)


def _init(args: argparse.Namespace, ctx: CliContext) -> int:
    """The site and its first admin, together: a new site is never open to whoever reaches it."""
    from p4_desk.services.users import init_site_with_admin

    # the password is asked (or read) before the database is touched; both rows or neither
    password = _admin_password(args.admin_user)
    site, admin = init_site_with_admin(
        ctx.open_db(require_site=False),
        args.site_code,
        args.site_name,
        args.timezone,
        args.admin_user,
        args.admin_name,
        password,
    )
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
    if not interactive():
        raise ValidationError(
            f"Kata sandi admin pertama ({username}) wajib: setel {PASSWORD_ENV} atau jalankan "
            "p4-desk init di terminal agar kata sandi ditanyakan.",
            field="password",
        )
    try:
        first = getpass.getpass(f"Kata sandi baru untuk admin {username}: ")
        again = getpass.getpass("Ulangi kata sandi: ")
    except EOFError:
        raise ValidationError("Penyiapan situs dibatalkan; situs belum dibuat.", field="password") from None
    if first != again:
        raise ValidationError("Kedua kata sandi tidak sama; situs belum dibuat.", field="password")
    return first


def _upgrade(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.store.migrate import current_revision

    db = ctx.open_db(require_site=False)  # opening migrates
    rev = current_revision(db)
    ctx.emit({"revision": rev}, f"Skema basis data pada revisi {rev}.")
    return 0


OWNER_PASSWORD_ENV = "P4_DESK_OWNER_PASSWORD"
WORKSTATION_PASSWORD_ENV = "P4_DESK_WORKSTATION_PASSWORD"


def _roles(args: argparse.Namespace, ctx: CliContext) -> int:
    """Run with ``--db`` of a role that may create roles (e.g. postgres); the schema is migrated
    first, then given to the owner. Passwords: the two variables, else asked (empty: unchanged)."""
    from p4_desk.store.roles import grant_roles

    db = ctx.open_db(require_site=False)  # opening migrates: every table exists before the grants
    info = grant_roles(
        db,
        args.owner,
        args.workstation,
        owner_password=_role_password(OWNER_PASSWORD_ENV, args.owner),
        workstation_password=_role_password(WORKSTATION_PASSWORD_ENV, args.workstation),
    )
    made = f" Peran baru: {', '.join(info.created)}." if info.created else ""
    ctx.emit(
        info,
        f"Basis data {info.database}: pemilik {info.owner} ({info.tables} tabel), workstation "
        f"{info.workstation} (baca/tulis data, log audit hanya ditambah, tanpa hak mengubah skema).{made}",
    )
    return 0


def _role_password(variable: str, role: str) -> str | None:
    given = os.environ.get(variable)
    if given is not None or not interactive():
        return given or None
    first = getpass.getpass(f"Kata sandi peran {role} (kosong: tidak diubah): ")
    if first and getpass.getpass("Ulangi kata sandi: ") != first:
        raise ValidationError("Kedua kata sandi tidak sama.", field="password")
    return first or None


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

"""``p4-desk user add|list|disable|enable|passwd|unlock``."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from p4_desk.cli.context import CliContext, command
from p4_desk.errors import ValidationError
from p4_desk.services import users


def register(sub: Any) -> None:
    u = sub.add_parser("user", help="pengguna dan peran")
    us = u.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    p = command(us, "add", _add, "tambah pengguna")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="full name")
    p.add_argument("--role", required=True, choices=sorted(users.ROLES))
    p.add_argument("--password", help="(or env P4_DESK_PASSWORD, or asked interactively)")
    command(us, "list", _list, "daftar pengguna")
    for name, active in (("disable", False), ("enable", True)):
        p = command(us, name, _set_active, "nonaktifkan" if not active else "aktifkan")
        p.add_argument("username")
        p.set_defaults(active=active)
    p = command(us, "passwd", _passwd, "ganti kata sandi")
    p.add_argument("username")
    p.add_argument("--password")
    p = command(us, "unlock", _unlock, "buka kunci akun")
    p.add_argument("username")


def _password(args: argparse.Namespace) -> str:
    if args.password:
        return str(args.password)
    if os.environ.get("P4_DESK_PASSWORD"):
        return os.environ["P4_DESK_PASSWORD"]
    if not sys.stdin.isatty():
        raise ValidationError(
            "Kata sandi wajib diberikan (--password atau P4_DESK_PASSWORD).", field="password"
        )
    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise ValidationError("Kedua kata sandi tidak sama.", field="password")
    return first


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    u = users.add_user(ctx.db, args.username, args.name, args.role, _password(args))
    ctx.emit(_public(u), f"Pengguna {u.username} ({users.ROLES[u.role]}) ditambahkan.")
    return 0


def _public(u: users.UserInfo) -> dict[str, Any]:
    return {
        "username": u.username,
        "full_name": u.full_name,
        "role": u.role,
        "active": u.active,
        "locked_until": u.locked_until,
    }


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    items = users.list_users(ctx.db)
    ctx.emit(
        {"users": [_public(u) for u in items]},
        lambda: "\n".join(
            f"{u.username:<16} {users.ROLES[u.role]:<14} "
            f"{'aktif' if u.active else 'nonaktif':<9} {u.full_name}"
            for u in items
        ),
    )
    return 0


def _set_active(args: argparse.Namespace, ctx: CliContext) -> int:
    u = users.set_active(ctx.db, args.username, args.active)
    ctx.emit(_public(u), f"Pengguna {u.username} {'diaktifkan' if u.active else 'dinonaktifkan'}.")
    return 0


def _passwd(args: argparse.Namespace, ctx: CliContext) -> int:
    u = users.set_password(ctx.db, args.username, _password(args))
    ctx.emit(_public(u), f"Kata sandi {u.username} diganti.")
    return 0


def _unlock(args: argparse.Namespace, ctx: CliContext) -> int:
    u = users.unlock(ctx.db, args.username)
    ctx.emit(_public(u), f"Akun {u.username} dibuka.")
    return 0

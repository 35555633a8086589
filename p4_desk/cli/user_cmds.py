"""``p4-desk user add|list|disable|enable|passwd|unlock``: admin only, with two exceptions.

- ``user add NAME --role admin`` needs no login while the site has no active admin (a site set
  up before ``init`` created one); the audit row then names no user.
- ``user passwd NAME``: an admin for anyone, any user for their own account.

A new password comes from ``--password``, ``P4_DESK_NEW_PASSWORD`` or is asked twice;
``P4_DESK_PASSWORD`` is the password of the user who logs in, never the new one.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from p4_desk.cli.context import CliContext, command
from p4_desk.errors import PermissionDenied, ValidationError
from p4_desk.services import users

NEW_PASSWORD_ENV = "P4_DESK_NEW_PASSWORD"
NEW_PASSWORD_HELP = f"kata sandi baru (atau ${NEW_PASSWORD_ENV}, atau ditanyakan dua kali)"


def _add_requires(args: argparse.Namespace, ctx: CliContext) -> str | None:
    if args.role == "admin" and not users.has_active_admin(ctx.db):
        return None  # the site's first admin: nobody could log in to create it
    return "admin"


def register(sub: Any) -> None:
    u = sub.add_parser("user", help="pengguna dan peran")
    us = u.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    p = command(us, "add", _add, "tambah pengguna", requires=_add_requires)
    p.add_argument("username")
    p.add_argument("--name", required=True, help="nama lengkap")
    p.add_argument("--role", required=True, choices=sorted(users.ROLES))
    p.add_argument("--password", help=NEW_PASSWORD_HELP)
    command(us, "list", _list, "daftar pengguna", requires="admin")
    for name, active in (("disable", False), ("enable", True)):
        p = command(us, name, _set_active, "nonaktifkan" if not active else "aktifkan", requires="admin")
        p.add_argument("username")
        p.set_defaults(active=active)
    p = command(
        us,
        "passwd",
        _passwd,
        "ganti kata sandi (admin: siapa saja; lainnya: milik sendiri)",
        requires="operator",
    )
    p.add_argument("username")
    p.add_argument("--password", help=NEW_PASSWORD_HELP)
    p = command(us, "unlock", _unlock, "buka kunci akun", requires="admin")
    p.add_argument("username")


def _password(args: argparse.Namespace) -> str:
    if args.password:
        return str(args.password)
    if os.environ.get(NEW_PASSWORD_ENV):
        return os.environ[NEW_PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise ValidationError(
            f"Kata sandi baru wajib diberikan (--password atau {NEW_PASSWORD_ENV}).", field="password"
        )
    first = getpass.getpass("Kata sandi baru: ")
    if getpass.getpass("Ulangi kata sandi baru: ") != first:
        raise ValidationError("Kedua kata sandi tidak sama.", field="password")
    return first


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    u = users.add_user(ctx.db, args.username, args.name, args.role, _password(args), ctx.actor())
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
    u = users.set_active(ctx.db, args.username, args.active, ctx.actor())
    ctx.emit(_public(u), f"Pengguna {u.username} {'diaktifkan' if u.active else 'dinonaktifkan'}.")
    return 0


def _passwd(args: argparse.Namespace, ctx: CliContext) -> int:
    own = ctx.user is not None and ctx.user.username == args.username.strip().lower()
    if not own and (ctx.user is None or ctx.user.role != "admin"):
        raise PermissionDenied("Hanya admin yang boleh mengganti kata sandi pengguna lain.")
    u = users.set_password(ctx.db, args.username, _password(args), ctx.actor())
    ctx.emit(_public(u), f"Kata sandi {u.username} diganti.")
    return 0


def _unlock(args: argparse.Namespace, ctx: CliContext) -> int:
    u = users.unlock(ctx.db, args.username, ctx.actor())
    ctx.emit(_public(u), f"Akun {u.username} dibuka.")
    return 0

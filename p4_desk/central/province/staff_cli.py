"""``p4-desk central province-staff add|list|disable``: the province staff accounts of ``/provinsi``.

The password is asked twice on the terminal, or read from the first line of standard input with
``--password-stdin`` (scripts); it never appears on the command line or in the shell history.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from p4_desk.errors import ValidationError

Command = Callable[..., argparse.ArgumentParser]


def register(commands: Any, command: Command, transaction: Callable[[argparse.Namespace], Any]) -> None:
    staff = commands.add_parser("province-staff", help="akun petugas provinsi untuk dasbor /provinsi")
    staff_commands = staff.add_subparsers(dest="staff_command", metavar="PERINTAH", required=True)

    def add(args: argparse.Namespace) -> int:
        from p4_desk.central.province import staff as accounts

        password = _password(args.password_stdin)
        with transaction(args) as session:
            info = accounts.add_staff(session, args.username, args.full_name, password)
        print(f"Petugas provinsi {info.username} ({info.full_name}) ditambahkan; masuk di /provinsi/masuk.")
        return 0

    def listing(args: argparse.Namespace) -> int:
        from p4_desk.central.province import staff as accounts

        with transaction(args) as session:
            found = accounts.list_staff(session)
        rows = [{"username": s.username, "full_name": s.full_name, "active": s.active} for s in found]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            lines = [
                f"{r['username']:<20} {r['full_name']:<30} {'aktif' if r['active'] else 'nonaktif'}"
                for r in rows
            ]
            print("\n".join(lines) or "Belum ada petugas provinsi.")
        return 0

    def disable(args: argparse.Namespace) -> int:
        from p4_desk.central.province import staff as accounts

        with transaction(args) as session:
            accounts.disable_staff(session, args.username)
        print(f"Akun {args.username} dinonaktifkan; sesi masuknya diakhiri.")
        return 0

    p = command(staff_commands, "add", "tambah petugas provinsi", add)
    p.add_argument("username")
    p.add_argument("full_name")
    p.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari baris pertama stdin")
    p = command(staff_commands, "list", "daftar petugas provinsi", listing)
    p.add_argument("--json", action="store_true")
    p = command(staff_commands, "disable", "nonaktifkan petugas provinsi", disable)
    p.add_argument("username")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():  # a script or a service: nothing to ask on, say how instead
        raise ValidationError(
            "Kata sandi petugas wajib: jalankan perintah ini di terminal agar kata sandi ditanyakan, "
            "atau berikan lewat --password-stdin.",
            field="password",
        )
    try:
        first = getpass.getpass("Kata sandi: ")
        again = getpass.getpass("Ulangi kata sandi: ")
    except EOFError:
        raise ValidationError("Dibatalkan; petugas belum ditambahkan.", field="password") from None
    if again != first:
        raise ValidationError("Kedua kata sandi tidak sama.", field="password")
    return first

"""Command-line parsing in Bahasa Indonesia, for ``p4-desk`` and the central server's commands.

``ArgumentParser`` is argparse's parser with Indonesian headings, usage and error messages,
and a usage error exits with status 1 (the README's promise for every user error), not 2.
The value types below refuse what argparse alone lets through: NaN and infinity, integers
beyond what a database column holds, ports outside 1–65535, dates outside 2000–2100.
It sits beside ``errors`` at the bottom of the layers: the desk and the central server share it.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, NoReturn

#: argparse's English messages (Python 3.11–3.13) and their Indonesian form, tried in order
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^the following arguments are required: (.*)$", r"argumen berikut wajib diisi: \1"),
        (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
        (r"^one of the arguments (.*) is required$", r"salah satu argumen \1 wajib diisi"),
        (r"^ambiguous option: (\S+) could match (.*)$", r"opsi \1 tidak jelas: bisa \2"),
        (r"^argument (.+?): (.*)$", r"argumen \1: \2"),
        (r"invalid choice: (.*?) \(choose from (.*)\)$", r"pilihan \1 tidak ada (pilih: \2)"),
        (r"invalid int value: (.*)$", r"\1 bukan bilangan bulat"),
        (r"invalid float value: (.*)$", r"\1 bukan bilangan"),
        (r"invalid (\w+) value: (.*)$", r"nilai \2 tidak sah"),
        (r"expected one argument$", "perlu satu nilai"),
        (r"expected at most one argument$", "paling banyak satu nilai"),
        (r"expected at least one argument$", "perlu sedikitnya satu nilai"),
        (r"expected (\d+) arguments?$", r"perlu \1 nilai"),
        (r"not allowed with argument (.*)$", r"tidak boleh bersama \1"),
        (r"ignored explicit argument (.*)$", r"nilai \1 tidak dipakai"),
    )
)


def indonesian(message: str) -> str:
    """argparse's error message in Indonesian (messages that are not argparse's pass through)."""
    for pattern, replacement in _MESSAGES:
        message = pattern.sub(replacement, message)
    return message


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "pemakaian: " if prefix is None else prefix)


class ArgumentParser(argparse.ArgumentParser):
    """argparse in Indonesian; a usage error prints ``Galat: ...`` and exits 1."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="tampilkan bantuan ini"
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"Galat: {indonesian(message)}\n")


def add_version(parser: argparse.ArgumentParser, version: str) -> None:
    parser.add_argument("--version", action="version", version=version, help="tampilkan versi program")


# --- value types ---------------------------------------------------------------------------

INT32_MAX = 2**31 - 1
FIRST_YEAR, LAST_YEAR = 2000, 2100


def integer(low: int = 0, high: int = INT32_MAX, what: str = "bilangan") -> Callable[[str], int]:
    """A whole number in ``low..high`` (written in digits, optionally signed)."""

    def parse(text: str) -> int:
        cleaned = text.strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", cleaned) or not low <= int(cleaned) <= high:
            raise argparse.ArgumentTypeError(
                f"{what} '{text[:40]}' tidak sah: harus bilangan bulat {low}–{high}"
            )
        return int(cleaned)

    parse.__name__ = "integer"
    return parse


def decimal(low: float, high: float, what: str = "nilai") -> Callable[[str], float]:
    """A finite number in ``low..high``; a decimal comma is accepted (``0,5``)."""

    def parse(text: str) -> float:
        try:
            value = float(text.strip().replace(",", "."))
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"{what} '{text[:40]}' tidak sah: harus bilangan {low:g}–{high:g}"
            )
        return value

    parse.__name__ = "decimal"
    return parse


def port(text: str) -> int:
    return integer(1, 65535, "port")(text)


def day(text: str) -> date:
    """A calendar date ``YYYY-MM-DD`` between 2000 and 2100 (wider ones are typing errors)."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal '{text[:40]}' tidak valid, gunakan YYYY-MM-DD") from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"tanggal '{text[:40]}' di luar tahun {FIRST_YEAR}–{LAST_YEAR}")
    return value

"""The ``p4-desk`` command: the GUI launcher and the admin/automation subcommands.

Each command family lives in its own module with a ``register(subparsers)`` function. Every
error a user can cause ends with an Indonesian message on stderr and exit status 1: a usage
error (``p4_desk.arguments``), a ``P4Error``, a file that cannot be written. Anything else is a
bug: its traceback goes to the log file, the user reads one Indonesian line. Output piped into
a program that stops reading (``| head``) ends quietly.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from functools import cache

from p4_desk import __version__
from p4_desk.arguments import ArgumentParser, add_version
from p4_desk.cli.context import CliContext
from p4_desk.errors import P4Error, ValidationError, os_reason

log = logging.getLogger(__name__)

# Command families, in the order their help is listed.
COMMAND_MODULES = (
    "p4_desk.cli.setup_cmds",
    "p4_desk.cli.queue_cmds",
    "p4_desk.cli.catalog_cmds",
    "p4_desk.cli.user_cmds",
    "p4_desk.cli.central_cmds",
    "p4_desk.cli.feedback_cmds",
    "p4_desk.cli.kiosk_cmds",
    "p4_desk.cli.booking_cmds",
    "p4_desk.cli.admin_cmds",
    "p4_desk.cli.settings_cmds",
    "p4_desk.cli.sync_cmds",
    "p4_desk.cli.permit_cmds",
    "p4_desk.cli.application_cmds",
    "p4_desk.cli.workdays_cmds",
    "p4_desk.cli.stats_cmds",
    "p4_desk.cli.pekppp_cmds",
    "p4_desk.cli.privacy_cmds",
)

_SCREEN_SILENT = logging.CRITICAL + 1
ROLES = ("counter", "kiosk", "display", "supervisor", "survey", "admin")


@cache  # about 0.1 s to build; parse_args leaves it as it was, so one per process
def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="p4-desk",
        description="P4 Desk: antrian, loket, perizinan, pengaduan dan survei untuk MPP / P4.",
    )
    add_version(parser, f"p4-desk {__version__}")
    parser.add_argument("--db", help="URL basis data (bawaan: pengaturan, lalu SQLite bawaan)")
    parser.add_argument("--role", choices=ROLES, help="peran workstation untuk GUI")
    parser.add_argument("--counter", help="kode loket untuk GUI (peran counter)")
    parser.add_argument("--lang", choices=("id", "en"), help="bahasa GUI")
    parser.add_argument("-v", "--verbose", action="store_true", help="tulis log juga ke layar (stderr)")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", title="perintah")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    # the screen shows the Indonesian messages only; log records (English, for site IT, e.g. a
    # driver's error text) go to the log file, and to stderr too with -v. python-escpos calls
    # basicConfig when it is imported: its plain stderr handler would stay and print warnings
    root = logging.getLogger()
    for handler in [h for h in root.handlers if type(h) is logging.StreamHandler]:
        root.removeHandler(handler)
    logging.basicConfig(level=logging.INFO if args.verbose else _SCREEN_SILENT, stream=sys.stderr)
    from p4_desk.logs import setup_logging

    setup_logging()  # rotating file in the log dir; NIKs masked, tokens dropped
    ctx = CliContext(args)
    try:
        _refuse_broken_text(args)
        if not getattr(args, "func", None):
            from p4_desk.gui.launcher import launch  # Qt is only imported when the GUI starts

            return launch(args)
        if getattr(args, "without_context", False):
            return int(args.func(args) or 0)
        role = ctx.required_role()
        if role:
            ctx.login(role)
        code = int(args.func(args, ctx) or 0)
        sys.stdout.flush()
        return code
    except P4Error as exc:
        print(f"Galat: {printable(exc.message)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader (``| head``) has what it wanted; do not let Python complain at exit
        _quiet_stdout()
        return 1
    except OSError as exc:  # a file or device the command was told to use
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(printable(f"Galat: berkas{where} tidak dapat dipakai: {os_reason(exc)}."), file=sys.stderr)
        return 1
    except Exception:  # a bug: the details go to the log file, not to the officer's screen
        log.exception("unexpected error in p4-desk %s", getattr(args, "command", ""))
        print(
            "Galat: terjadi kesalahan tak terduga di P4 Desk; rinciannya dicatat di berkas log. "
            "Laporkan kepada admin TI situs.",
            file=sys.stderr,
        )
        return 1
    finally:
        ctx.close()


def _refuse_broken_text(args: argparse.Namespace) -> None:
    """An argument with a NUL character, or whose bytes were not UTF-8 (a lone surrogate after
    decoding), is refused here: no database, file name or form field takes it."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        texts = [os.fspath(v) for v in values if isinstance(v, str | os.PathLike)]
        shown = name.replace("_", "-")
        if any(isinstance(t, str) and "\x00" in t for t in texts):
            raise ValidationError(f"Argumen {shown} memuat karakter NUL.", field=name)
        if any(_has_surrogate(t) for t in texts):
            raise ValidationError(f"Argumen {shown} memuat karakter yang bukan UTF-8 yang sah.", field=name)


def _has_surrogate(text: str | bytes) -> bool:
    return isinstance(text, str) and any("\ud800" <= c <= "\udfff" for c in text)


def printable(text: str) -> str:
    """``text`` without lone surrogates (bytes of a file name or argument that were not UTF-8)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _tolerant_output() -> None:
    """Text that cannot be encoded (a broken argument echoed back) is escaped, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass

"""The ``p4-desk`` command: the GUI launcher and the admin/automation subcommands.

Each command family lives in its own module with a ``register(subparsers)`` function; a user
error (``P4Error``) prints its Indonesian message on stderr and exits with status 1.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from p4_desk import __version__
from p4_desk.cli.context import CliContext
from p4_desk.errors import P4Error

# Command families, in the order their help is listed.
COMMAND_MODULES = (
    "p4_desk.cli.setup_cmds",
    "p4_desk.cli.queue_cmds",
    "p4_desk.cli.catalog_cmds",
    "p4_desk.cli.user_cmds",
    "p4_desk.cli.central_cmds",
    "p4_desk.cli.feedback_cmds",
    "p4_desk.cli.kiosk_cmds",
    "p4_desk.cli.admin_cmds",
    "p4_desk.cli.settings_cmds",
    "p4_desk.cli.sync_cmds",
    "p4_desk.cli.permit_cmds",
    "p4_desk.cli.workdays_cmds",
    "p4_desk.cli.stats_cmds",
)

ROLES = ("counter", "kiosk", "display", "supervisor", "survey", "admin")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="p4-desk",
        description="P4 Desk: antrian, loket, perizinan, pengaduan dan survei untuk MPP / P4.",
    )
    parser.add_argument("--version", action="version", version=f"p4-desk {__version__}")
    parser.add_argument("--db", help="database URL (default: settings, then embedded SQLite)")
    parser.add_argument("--role", choices=ROLES, help="workstation role for the GUI")
    parser.add_argument("--counter", help="counter code for the GUI (role counter)")
    parser.add_argument("--lang", choices=("id", "en"), help="GUI language")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr)
    from p4_desk.logs import setup_logging

    setup_logging()  # rotating file in the log dir; NIKs masked, tokens dropped
    ctx = CliContext(args)
    try:
        if not getattr(args, "func", None):
            from p4_desk.gui.launcher import launch  # Qt is only imported when the GUI starts

            return launch(args)
        if getattr(args, "without_context", False):
            return int(args.func(args) or 0)
        return int(args.func(args, ctx) or 0)
    except P4Error as exc:
        print(f"Galat: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()

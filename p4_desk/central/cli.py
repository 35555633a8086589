"""``p4-desk central ...``: run the central API and administer sites, catalogue, statuses.

Every subcommand migrates the database to the newest schema first (``central.migrate``);
``central db upgrade`` does only that, ``central db current`` shows the revision.
Every subcommand takes ``--db URL`` (default ``$P4_CENTRAL_DB``, else a SQLite file in
the ``p4-desk-central`` user data dir). Each parsed subcommand carries ``func``:
``args.func(args)`` runs it and returns the exit code.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session

from p4_desk.arguments import ArgumentParser, integer, port
from p4_desk.errors import P4Error, ValidationError

Handler = Callable[[argparse.Namespace], int]
VALID_DAYS = integer(1, 90, "masa berlaku")
VALID_DAYS_HELP = "masa berlaku kode pendaftaran dalam hari (bawaan 7, atau $P4_CENTRAL_ENROLMENT_DAYS)"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``central`` command to a parent parser's subcommands."""
    central = subparsers.add_parser("central", help="API pusat provinsi (server referensi)")
    commands = central.add_subparsers(dest="central_command", metavar="PERINTAH", required=True)

    serve = _command(commands, "serve", "jalankan server API pusat", _serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=port, default=8470, help="1–65535 (bawaan 8470)")

    site = commands.add_parser("site", help="kelola situs (MPP / P4)")
    site_commands = site.add_subparsers(dest="site_command", metavar="PERINTAH", required=True)
    add = _command(site_commands, "add", "daftarkan situs dan buat kode pendaftaran", _site_add)
    add.add_argument("code")
    add.add_argument("name")
    add.add_argument(
        "--valid-days",
        type=integer(1, 90, "masa berlaku"),
        help="masa berlaku kode pendaftaran (bawaan 7 hari)",
    )
    add.add_argument("--json", action="store_true")
    listing = _command(site_commands, "list", "daftar situs", _site_list)
    listing.add_argument("--json", action="store_true")
    revoke = _command(site_commands, "revoke", "cabut token situs", _site_revoke)
    revoke.add_argument("code")
    reenrol = _command(site_commands, "reenrol", "buat kode pendaftaran baru", _site_reenrol)
    reenrol.add_argument("code")
    reenrol.add_argument(
        "--valid-days",
        type=integer(1, 90, "masa berlaku"),
        help="masa berlaku kode pendaftaran (bawaan 7 hari)",
    )
    reenrol.add_argument("--json", action="store_true")

    catalog = commands.add_parser("catalog", help="katalog izin")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", metavar="PERINTAH", required=True)
    imports = _command(catalog_commands, "import", "muat katalog dari berkas JSON", _catalog_import)
    imports.add_argument("file", type=Path)

    holiday = commands.add_parser("holiday", help="hari libur")
    holiday_commands = holiday.add_subparsers(dest="holiday_command", metavar="PERINTAH", required=True)
    holiday_add = _command(holiday_commands, "add", "tambah hari libur", _holiday_add)
    holiday_add.add_argument("date", help="YYYY-MM-DD")
    holiday_add.add_argument("name")
    holiday_add.add_argument("--cuti-bersama", action="store_true")

    status = _command(commands, "application-status", "catat status permohonan dari back office", _status)
    status.add_argument("registration_number")
    status.add_argument("state")
    status.add_argument("--note")
    status.add_argument("--site", help="perlu bila nomor dipakai lebih dari satu situs")
    status.add_argument("--json", action="store_true")

    report = _command(commands, "report", "jumlah peristiwa per situs dan jenis", _report)
    report.add_argument("--json", action="store_true")

    schema = commands.add_parser("db", help="skema basis data pusat")
    schema_commands = schema.add_subparsers(dest="db_command", metavar="PERINTAH", required=True)
    upgrade = _command(schema_commands, "upgrade", "perbarui skema ke revisi terbaru", _db_upgrade)
    upgrade.add_argument("--json", action="store_true")
    current = _command(schema_commands, "current", "tampilkan revisi skema", _db_current)
    current.add_argument("--json", action="store_true")

    from p4_desk.central.province.staff_cli import register as register_staff

    register_staff(
        commands, lambda cs, name, help_text, handler: _command(cs, name, help_text, handler), _transaction
    )

    openapi = commands.add_parser("openapi", help="tulis kontrak OpenAPI")
    openapi.add_argument("--out", type=Path, default=Path("docs/api/openapi.json"))
    openapi.set_defaults(func=_openapi)


def main(argv: list[str] | None = None) -> int:
    """``python -m p4_desk.central ...``: a parser holding only the central command."""
    parser = ArgumentParser(prog="p4-desk")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["central", *(sys.argv[1:] if argv is None else argv)])
    handler: Handler = args.func
    return handler(args)


def _command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help_text: str,
    handler: Handler,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text)
    parser.add_argument("--db", help="URL basis data (bawaan: $P4_CENTRAL_DB atau SQLite lokal)")
    parser.set_defaults(func=_reporting_errors(handler))
    return parser


def _reporting_errors(handler: Handler) -> Handler:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except P4Error as error:
            print(f"Galat: {error.message}", file=sys.stderr)
            return 1
        except ArgumentError:
            print(f"Galat: URL basis data tidak sah: {args.db!r}.", file=sys.stderr)
            return 1
        except OperationalError:
            print("Galat: basis data pusat tidak dapat dibuka atau dihubungi.", file=sys.stderr)
            return 1

    return run


@contextmanager
def _transaction(args: argparse.Namespace) -> Iterator[Session]:
    from p4_desk.central.db import default_db_url, open_engine, session_factory

    engine = open_engine(args.db or default_db_url())
    try:
        with session_factory(engine).begin() as session:
            yield session
    finally:
        engine.dispose()


def _print(args: argparse.Namespace, document: Any, text: str) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=2) if args.json else text)


# --- handlers --------------------------------------------------------------------------


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from p4_desk.central.api import create_app
    from p4_desk.central.db import default_db_url

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = create_app(args.db or default_db_url())  # a weak admin token stops here (ConfigError)
    # uvicorn's access log prints query strings; our middleware logs method/path/status
    uvicorn.run(app, host=args.host, port=args.port, access_log=False, log_level="info")
    return 0


def _site_add(args: argparse.Namespace) -> int:
    from p4_desk.central import sites

    with _transaction(args) as session:
        code = sites.add_site(session, args.code, args.name, valid_days=args.valid_days)
    days = sites.enrolment_days(args.valid_days)
    _print(
        args,
        {"site": args.code, "enrolment_code": code, "valid_days": days},
        f"Situs {args.code} terdaftar. Kode pendaftaran (sekali pakai, berlaku {days} hari): {code}",
    )
    return 0


def _site_list(args: argparse.Namespace) -> int:
    from p4_desk.central import sites

    with _transaction(args) as session:
        listed = sites.list_sites(session)
    rows = [
        {
            "site": s.code,
            "name": s.name,
            "enrolled": s.enrolled,
            "enrolment_pending": s.enrolment_pending,
            "revoked_at": s.revoked_at.isoformat() if s.revoked_at else None,
            "enrolment_expires_at": s.enrolment_expires_at.isoformat() if s.enrolment_expires_at else None,
        }
        for s in listed
    ]
    lines = [
        f"{s.code}\t{s.name}\t"
        + ("terdaftar" if s.enrolled else "dicabut" if s.revoked_at else "belum terdaftar")
        + ("\tkode menunggu" if s.enrolment_pending else "")
        for s in listed
    ]
    _print(args, {"sites": rows}, "\n".join(lines) or "Belum ada situs.")
    return 0


def _site_revoke(args: argparse.Namespace) -> int:
    from p4_desk.central import sites

    with _transaction(args) as session:
        sites.revoke(session, args.code)
    print(f"Token situs {args.code} dicabut.")
    return 0


def _site_reenrol(args: argparse.Namespace) -> int:
    from p4_desk.central import sites

    with _transaction(args) as session:
        code = sites.reenrol(session, args.code, valid_days=args.valid_days)
    days = sites.enrolment_days(args.valid_days)
    _print(
        args,
        {"site": args.code, "enrolment_code": code, "valid_days": days},
        f"Kode pendaftaran baru situs {args.code} (sekali pakai, berlaku {days} hari): {code}",
    )
    return 0


def _catalog_import(args: argparse.Namespace) -> int:
    from p4_desk.central import catalog

    try:
        document = json.loads(args.file.read_text(encoding="utf-8"))
    except OSError:
        raise ValidationError(f"Berkas {args.file} tidak dapat dibaca.") from None
    except RecursionError:
        raise ValidationError(f"Isi berkas {args.file} bersarang terlalu dalam.") from None
    except (ValueError, UnicodeDecodeError):
        raise ValidationError(f"Berkas {args.file} bukan JSON UTF-8 yang sah.") from None
    with _transaction(args) as session:
        summary = catalog.import_catalog(session, document)
    print(f"Katalog dimuat: {summary.permit_types} jenis izin, {summary.holidays} hari libur.")
    return 0


def _holiday_add(args: argparse.Namespace) -> int:
    from p4_desk.central import catalog

    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise ValidationError(f"Tanggal {args.date!r} tidak sah (YYYY-MM-DD).") from None
    with _transaction(args) as session:
        catalog.add_holiday(session, day, args.name, cuti_bersama=args.cuti_bersama)
    print(f"Hari libur {day.isoformat()} ({args.name}) disimpan.")
    return 0


def _status(args: argparse.Namespace) -> int:
    from p4_desk.central import back_office
    from p4_desk.domain.permit_lifecycle import PERMITS

    with _transaction(args) as session:
        update = back_office.record_status(
            session, args.registration_number, args.state, note=args.note, site=args.site
        )
    _print(
        args,
        {
            "id": update.id,
            "site": update.site,
            "registration_number": update.registration_number,
            "state": update.state,
            "note": update.note,
            "changed_at": update.changed_at.isoformat(),
        },
        f"Status {update.registration_number} ({update.site}) dicatat: "
        f"{PERMITS.label(update.state)} ({update.state}).",
    )
    return 0


def _report(args: argparse.Namespace) -> int:
    from p4_desk.central import stats

    with _transaction(args) as session:
        counts = stats.event_counts(session)
    lines = [f"{site}\t{type_}\t{count}" for site, types in counts.items() for type_, count in types.items()]
    _print(args, {"sites": counts}, "\n".join(lines) or "Belum ada peristiwa.")
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    from p4_desk.central import migrate
    from p4_desk.central.db import default_db_url, open_engine

    engine = open_engine(args.db or default_db_url(), migrate=False)
    try:
        before = migrate.current_revision(engine)
        changed = migrate.upgrade(engine)
        after = migrate.current_revision(engine)
    finally:
        engine.dispose()
    if not changed:
        text = f"Skema basis data pusat sudah pada revisi terbaru ({after})."
    elif before is None:
        text = f"Skema basis data pusat disiapkan pada revisi {after}."
    else:
        text = f"Skema basis data pusat diperbarui dari revisi {before} ke {after}."
    _print(args, {"revision": after, "previous": before, "upgraded": changed}, text)
    return 0


def _db_current(args: argparse.Namespace) -> int:
    from p4_desk.central import migrate
    from p4_desk.central.db import default_db_url, open_engine

    engine = open_engine(args.db or default_db_url(), migrate=False)
    try:
        revision = migrate.current_revision(engine)
    finally:
        engine.dispose()
    head = migrate.head_revision()
    if revision is None:
        text = f"Basis data pusat belum memiliki skema berversi (revisi terbaru: {head})."
    else:
        text = f"Skema basis data pusat pada revisi {revision} (terbaru: {head})."
    _print(args, {"revision": revision, "head": head}, text)
    return 0


def _openapi(args: argparse.Namespace) -> int:
    from p4_desk.central.openapi import write_openapi

    write_openapi(args.out)
    print(f"Kontrak OpenAPI ditulis ke {args.out}.")
    return 0

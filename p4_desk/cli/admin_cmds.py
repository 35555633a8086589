"""``p4-desk selftest | backup | restore | audit``: site IT from the command line."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from p4_desk.cli.context import CliContext, command
from p4_desk.domain.wording import format_number
from p4_desk.errors import ValidationError


def register(sub: Any) -> None:
    p = command(
        sub, "selftest", _selftest, "periksa kesiapan workstation ini (keluar 0 bila semua wajib lulus)"
    )
    p.add_argument(
        "--keyring-service", default=None, help="nama layanan keyring token situs (bawaan: p4-desk-sync)"
    )
    p.add_argument("--no-qt", action="store_true", help="jangan periksa printer/suara lewat Qt")

    p = command(sub, "backup", _backup, "cadangkan basis data ke berkas PATH (aman saat workstation bekerja)")
    p.add_argument("path")

    p = command(sub, "restore", _restore, "pulihkan basis data dari berkas cadangan PATH")
    p.add_argument("path")
    p.add_argument("--force", action="store_true", help="pulihkan walau workstation masih terhubung")

    p = command(sub, "audit", _audit, "tampilkan log audit (terbaru dahulu)")
    p.add_argument("--entity", help="ticket, service, counter, user, site_setting, ...")
    p.add_argument("--user", help="nama pengguna")
    p.add_argument("--from", dest="date_from", type=_date, help="tanggal awal YYYY-MM-DD (waktu situs)")
    p.add_argument("--to", dest="date_to", type=_date, help="tanggal akhir YYYY-MM-DD (waktu situs)")
    p.add_argument("--limit", type=int, default=500)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal '{text}' tidak valid, gunakan YYYY-MM-DD") from None


def _selftest(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.selftest import DEFAULT_KEYRING_SERVICE, Probes, run_selftest

    probes = Probes()
    if not args.no_qt:
        try:
            from p4_desk.gui.admin.probes import qt_probes
        except ImportError:  # a server without Qt: the Qt-free defaults
            pass
        else:
            probes = qt_probes()
    report = run_selftest(
        ctx.settings,
        url=ctx.database_url,
        probes=probes,
        keyring_service=args.keyring_service or DEFAULT_KEYRING_SERVICE,
    )
    ctx.emit(report.to_json(), report.text)
    return 0 if report.passed else 1


def _backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.backup import backup
    from p4_desk.store.db import Database

    target = Path(args.path)
    if target.exists():
        raise ValidationError(
            f"Berkas {target} sudah ada; pilih nama lain agar cadangan lama tidak tertimpa."
        )
    db = Database(ctx.database_url)  # not migrated: a backup copies the database as it is
    try:
        info = backup(db, target)
    finally:
        db.dispose()
    ctx.emit(info, f"Cadangan ditulis ke {info.path} ({format_number(info.size_bytes / 1_048_576, 1)} MB).")
    return 0


def _restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.backup import restore

    info = restore(ctx.database_url, Path(args.path), force=args.force)
    kept = f" Basis data sebelumnya disimpan di {info.previous_copy}." if info.previous_copy else ""
    ctx.emit(info, f"Basis data dipulihkan dari {info.path}.{kept}")
    return 0


def _audit(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.admin import audit_entries

    rows = audit_entries(
        ctx.db,
        entity=args.entity,
        username=args.user,
        date_from=args.date_from,
        date_to=args.date_to,
        limit=args.limit,
    )

    def text() -> str:
        return (
            "\n".join(
                f"{r.local_time}  {r.username or 'sistem':<12} {r.workstation:<16} {r.action:<22} "
                f"{r.entity}:{r.entity_id or ''}"
                for r in rows
            )
            or "Tidak ada entri audit untuk penyaring ini."
        )

    ctx.emit({"entries": rows}, text)
    return 0

"""``p4-desk selftest | backup | backup-key | restore | audit``: site IT from the command line."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path
from typing import Any

from p4_desk.arguments import day, integer
from p4_desk.cli import privacy_cmds
from p4_desk.cli.context import CliContext, command
from p4_desk.domain.wording import format_number
from p4_desk.errors import P4Error, ValidationError
from p4_desk.store.journal import SYSTEM, Actor


def register(sub: Any) -> None:
    p = command(
        sub, "selftest", _selftest, "periksa kesiapan workstation ini (keluar 0 bila semua wajib lulus)"
    )
    p.add_argument(
        "--keyring-service", default=None, help="nama layanan keyring token situs (bawaan: p4-desk-sync)"
    )
    p.add_argument("--no-qt", action="store_true", help="jangan periksa printer/suara lewat Qt")

    p = command(
        sub,
        "backup",
        _backup,
        "cadangkan basis data ke berkas PATH (aman saat workstation bekerja)",
        requires="admin",
    )
    p.add_argument("path")

    p = command(
        sub,
        "backup-key",
        _backup_key,
        "tampilkan kunci pemulihan cadangan situs ini untuk disimpan di kertas (admin)",
        requires="admin",
    )
    p.add_argument(
        "--out", metavar="BERKAS", help="simpan juga ke berkas kunci (hanya pemilik yang dapat membaca)"
    )

    p = command(sub, "restore", _restore, "pulihkan basis data dari berkas cadangan PATH (admin)")
    p.add_argument("path")
    p.add_argument(
        "--key-file",
        metavar="BERKAS",
        help="berkas kunci pemulihan (bila kunci tidak ada di keyring komputer ini)",
    )
    p.add_argument("--force", action="store_true", help="pulihkan walau workstation masih terhubung")
    p.add_argument(
        "--force-unverified",
        action="store_true",
        help="pulihkan walau rantai/pemicu log audit cadangan tidak lolos pemeriksaan (dicatat)",
    )
    p.add_argument("--user", dest="login_user", metavar="NAMA", help="masuk sebagai admin ini")

    p = command(sub, "audit", _audit, "tampilkan log audit (terbaru dahulu)", requires="admin")
    p.add_argument("--entity", help="ticket, service, counter, user, site_setting, ...")
    p.add_argument("--by", metavar="NAMA", help="hanya entri oleh pengguna ini")
    p.add_argument("--from", dest="date_from", type=day, help="tanggal awal YYYY-MM-DD (waktu situs)")
    p.add_argument("--to", dest="date_to", type=day, help="tanggal akhir YYYY-MM-DD (waktu situs)")
    p.add_argument("--limit", type=integer(1, 100_000, "batas"), default=500)
    privacy_cmds.add_who_read(p.add_subparsers(dest="audit_command", metavar="ACTION"))


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


def _backup_key(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.backup import keys
    from p4_desk.services.backup.take import site_code

    site = site_code(ctx.db)
    key = keys.site_key(site, create=True)
    assert key is not None
    if args.out:
        keys.write_key_file(Path(args.out), site, key)
    saved = f"\nDisimpan juga di {args.out}." if args.out else ""
    ctx.emit(
        {"site": site, "key": keys.key_text(key), "file": args.out},
        f"Kunci pemulihan cadangan situs {site}:\n\n    {keys.key_text(key)}\n\n"
        "Tulis atau cetak kunci ini dan simpan di tempat aman (brankas kantor). Tanpa kunci ini "
        "cadangan tidak dapat dipulihkan di komputer lain. Pulihkan dengan: "
        f"p4-desk restore BERKAS --key-file BERKAS-KUNCI.{saved}",
    )
    return 0


def _restore(args: argparse.Namespace, ctx: CliContext) -> int:
    """Log in as admin of the database being replaced, or of the backup when there is none."""
    from p4_desk.services.backup import keys, record_restore, restore, sealed

    source = Path(args.path)
    key = keys.read_key_file(Path(args.key_file)) if args.key_file else None
    actor = _restore_login(ctx, source, key)
    ctx.close()  # our own connection would count as a workstation still connected
    info = restore(
        ctx.database_url, source, force=args.force, force_unverified=args.force_unverified, key=key
    )
    if key is not None and sealed.is_sealed(source):  # later backups here keep the same key (and paper)
        keys.keep_key(sealed.sealed_site(source), key)
    owner_url = str(ctx.settings.get("database.owner_url") or "") or None
    record_restore(ctx.database_url, info, Actor(None, actor.username), owner_url=owner_url)
    kept = f" Basis data sebelumnya disimpan di {info.previous_copy}." if info.previous_copy else ""
    warning = ""
    if info.forced_unverified and info.check is not None:
        warning = " PERINGATAN: dipulihkan tanpa verifikasi (" + "; ".join(info.check.problems) + ")."
    ctx.emit(
        {**info.__dict__, "forced_unverified": info.forced_unverified},
        f"Basis data dipulihkan dari {info.path}.{kept}{warning} Pemulihan dicatat di log audit.",
    )
    return 0


def _restore_login(ctx: CliContext, source: Path, key: bytes | None) -> Actor:
    from sqlalchemy.engine import make_url

    from p4_desk.services.users import has_active_admin
    from p4_desk.store.db import Database

    url = make_url(ctx.database_url)
    sqlite = url.get_backend_name() == "sqlite"
    current_exists = not sqlite or bool(url.database and Path(url.database).is_file())
    if current_exists:
        try:
            db = ctx.open_db(require_site=False)
            usable = has_active_admin(db)
        except P4Error:  # a corrupt or unreadable database: what the restore is for
            usable = False
        if usable:
            return ctx.login("admin")
    if sqlite and source.is_file():
        # nothing to log in to here: the admin must be one in the backup (a scratch copy of it,
        # so the login's own writes do not touch the backup)
        from p4_desk.services.backup.restore import opened

        with tempfile.TemporaryDirectory() as scratch, opened(source, key=key, folder=Path(scratch)) as plain:
            copy = Path(scratch) / "login.sqlite3"
            shutil.copyfile(plain, copy)
            scratch_db = Database(f"sqlite:///{copy.as_posix()}")
            try:
                return ctx.login("admin", db=scratch_db)
            finally:
                scratch_db.dispose()
    return SYSTEM  # an empty PostgreSQL database: the server's own password guarded it


def _audit(args: argparse.Namespace, ctx: CliContext) -> int:
    from p4_desk.services.admin import audit_entries

    rows = audit_entries(
        ctx.db,
        entity=args.entity,
        username=args.by,
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

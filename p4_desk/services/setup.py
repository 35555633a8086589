"""Setting up a site from the first-run wizard: check the form, create the site with its first
admin in one transaction, or look at an existing site database before joining it.

Every check of the new-site form runs before a database is touched (``new_site_problems``), so a
refused form leaves no file and no half-made site behind; ``create_site`` writes the site row and
the admin account together, so a failure in between leaves the database as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import ArgumentError

from p4_desk.errors import AlreadyExists, NotFound, ValidationError
from p4_desk.services import catalog, site, users
from p4_desk.services.catalog import CounterInfo
from p4_desk.services.site import TIMEZONES, SiteInfo
from p4_desk.store.db import Database, normalize_url
from p4_desk.store.migrate import current_revision, open_database
from p4_desk.store.models import Site

_SITE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,31}")
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")


@dataclass(frozen=True)
class NewSite:
    """What the new-site page of the wizard holds."""

    site_code: str
    site_name: str
    timezone: str
    database_url: str  # "" = the embedded SQLite file of this PC
    admin_username: str
    admin_full_name: str
    admin_password: str
    admin_password_again: str


@dataclass(frozen=True)
class SiteDatabase:
    """An existing site database, as "Tes koneksi" found it."""

    site: SiteInfo
    counters: list[CounterInfo]


def database_url(text: str) -> str:
    """The URL typed in the wizard as SQLAlchemy reads it: a plain path is a SQLite file;
    ``ValidationError`` (field ``database_url``) when it is neither."""
    typed = text.strip()
    if not typed:
        return ""
    url = typed if "://" in typed else f"sqlite:///{Path(typed).expanduser().as_posix()}"
    try:
        parsed = normalize_url(url)
    except ArgumentError:
        parsed = None
    if parsed is None or parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValidationError(
            "Alamat basis data tidak dikenali. Contoh: postgresql://p4desk:sandi@192.168.1.10/p4desk "
            "atau jalur berkas SQLite.",
            field="database_url",
        )
    if parsed.get_backend_name() == "postgresql" and not parsed.database:
        raise ValidationError(
            "Alamat PostgreSQL harus menyebut nama basis data, mis. …@192.168.1.10/p4desk.",
            field="database_url",
        )
    return url


def new_site_problems(form: NewSite) -> dict[str, str]:
    """Every problem of the new-site form, by field (Indonesian); empty when it may be created."""
    problems: dict[str, str] = {}
    code = form.site_code.strip()
    if not code:
        problems["site_code"] = "Kode situs wajib diisi."
    elif not _SITE_CODE.fullmatch(code):
        problems["site_code"] = "Kode situs hanya boleh huruf, angka dan tanda minus (paling banyak 32)."
    if not form.site_name.strip():
        problems["site_name"] = "Nama situs wajib diisi."
    if form.timezone not in TIMEZONES:
        problems["timezone"] = "Pilih zona waktu WIB, WITA atau WIT."
    try:
        database_url(form.database_url)
    except ValidationError as exc:
        problems["database_url"] = exc.message
    username = form.admin_username.strip().lower()
    if not _USERNAME.fullmatch(username):
        problems["admin_username"] = "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, '-' atau '_'."
    if not form.admin_full_name.strip():
        problems["admin_full_name"] = "Nama lengkap admin wajib diisi."
    weak = users.first_admin_password_problem(form.admin_password, username)
    if weak:
        problems["admin_password"] = weak
    elif form.admin_password != form.admin_password_again:
        problems["admin_password_again"] = "Kedua kata sandi tidak sama."
    return problems


def check_new_site(form: NewSite) -> None:
    """``ValidationError`` naming the first field with a problem (the order of the form)."""
    problems = new_site_problems(form)
    if problems:
        field, message = next(iter(problems.items()))
        raise ValidationError(message, field=field)


def create_site(form: NewSite, default_url: str) -> SiteInfo:
    """Create the database (migrated), the site and its first admin; the URL used is
    ``form.database_url`` or ``default_url`` (the embedded file)."""
    check_new_site(form)
    url = database_url(form.database_url) or default_url
    db = open_database(url)
    try:
        return _create_site(db, form)
    finally:
        db.dispose()


def _create_site(db: Database, form: NewSite) -> SiteInfo:
    # the nested write blocks of init_site and create_first_admin join this one: one commit
    try:
        with db.write():
            info = site.init_site(db, form.site_code, form.site_name, form.timezone)
            users.create_first_admin(db, form.admin_username, form.admin_full_name, form.admin_password)
    except AlreadyExists as exc:
        raise AlreadyExists(
            f'{exc.message} Pilih "Sambungkan PC ini ke basis data situs yang sudah ada" atau isi '
            "alamat basis data lain.",
            field="database_url",
        ) from exc
    finally:
        db.forget_site_cache()
    return info


def inspect_site_database(text: str) -> SiteDatabase:
    """Connect to an existing site database ("Tes koneksi"): its site and counters, or the
    Indonesian reason it cannot be joined. Nothing is created or changed."""
    url = database_url(text)
    if not url:
        raise ValidationError("Isi alamat basis data situs.", field="database_url")
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        raise NotFound(f"Berkas basis data {parsed.database} tidak ada.", field="database_url")
    db = Database(url)
    try:
        db.check_connection()
        if current_revision(db) is None:
            raise NotFound(
                "Basis data ini belum berisi situs P4 Desk. Siapkan situsnya dulu dengan "
                '"Siapkan situs baru" di PC admin.',
                field="database_url",
            )
        with db.read() as s:
            row = s.get(Site, 1)
            if row is None:
                raise NotFound("Basis data ini belum berisi situs.", field="database_url")
            info = SiteInfo(row.code, row.name, row.timezone)
        return SiteDatabase(info, catalog.list_counters(db))
    finally:
        db.dispose()


def check_empty_database(text: str) -> str:
    """ "Tes koneksi" on the new-site page: the server answers and holds no site yet."""
    url = database_url(text)
    if not url:
        return ""
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        return url  # the file is created with the site
    db = Database(url)
    try:
        db.check_connection()
        if current_revision(db) is not None:
            with db.read() as s:
                if s.get(Site, 1) is not None:
                    raise AlreadyExists(
                        'Basis data ini sudah berisi situs. Pilih "Sambungkan PC ini ke basis data '
                        'situs yang sudah ada".',
                        field="database_url",
                    )
        return url
    finally:
        db.dispose()

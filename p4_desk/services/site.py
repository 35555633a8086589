"""The site (one building) and its shared settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from p4_desk.errors import AlreadyExists, NotFound, ValidationError
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Site, SiteSetting

# Site-wide settings shared by every workstation: key -> (default, title).
SITE_SETTINGS: dict[str, tuple[Any, str]] = {
    "display.running_text": (
        "Selamat datang. Ambil nomor antrian di kiosk dan tunggu panggilan. Layanan tanpa pungutan liar.",
        "Running text on the display board",
    ),
    "queue.recalls_before_no_show": (1, "Recalls required before a ticket may be marked no-show"),
    "queue.print_fail_cancel_minutes": (5, "Cancel a never-printed ticket after this many minutes"),
    "auth.max_failed_logins": (5, "Failed logins before the account is locked"),
    "auth.lockout_minutes": (15, "How long a locked account stays locked"),
    "site.latitude": (-5.4292, "Site latitude (default: Bandar Lampung)"),
    "site.longitude": (105.2610, "Site longitude"),
    "site.address": ("", "Site address printed on receipts"),
    "ticket.footer": ("Terima kasih. Simpan tiket ini sampai layanan selesai.", "Ticket footer"),
    "complaint.verify_forward_days": (3, "Working days to verify and forward a complaint (LAPOR!)"),
    "complaint.follow_up_plan_days": (5, "Working days for the agency's follow-up plan after forwarding"),
    "complaint.auto_close_days": (10, "Working days after the answer before a complaint closes itself"),
    "complaint.answer_days": (14, "Working days to answer (UU 25/2009, unverified; 0 = off)"),
    "complaint.resolution_days": (60, "Working days to resolve (UU 25/2009, unverified; 0 = off)"),
    "sync.catalog": (None, "Permit catalogue last pulled from the central API (raw JSON)"),
    "sync.holidays": (None, "Holidays last pulled from the central API (list of {date, name, kind})"),
    "permits.incomplete_policy": ("accept", "Incomplete dossier at intake: refuse | accept"),
    "permits.registration_prefix": ("", "Registration number prefix, 2-6 letters (empty: site code)"),
    "permits.tracking_url": (
        "https://perizinan.example.go.id/lacak?nomor={nomor}",
        "Tracking URL printed as QR code on receipts; {nomor} is the registration number",
    ),
    "permits.complaint_channel": (
        "Pengaduan: SP4N-LAPOR! www.lapor.go.id, SMS 1708, atau meja pengaduan di lokasi ini",
        "Complaint channel printed in the receipt footer",
    ),
    "report.head_title": ("Kepala MPP", "Title of the official who signs queue reports"),
    "report.head_name": ("", "Name of the official who signs queue reports"),
    "report.head_nip": ("", "NIP of the official who signs queue reports"),
    "report.place": ("", "Place written above the signature (e.g. Bandar Lampung)"),
}

TIMEZONES = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


@dataclass(frozen=True)
class SiteInfo:
    code: str
    name: str
    timezone: str


def _check_timezone(tz: str) -> None:
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"Zona waktu '{tz}' tidak dikenal. Gunakan Asia/Jakarta (WIB), "
            "Asia/Makassar (WITA) atau Asia/Jayapura (WIT).",
            field="timezone",
        ) from None


def init_site(
    db: Database, code: str, name: str, timezone: str = "Asia/Jakarta", actor: Actor = SYSTEM
) -> SiteInfo:
    code = code.strip().upper()
    if not code or not code.replace("-", "").isalnum() or len(code) > 32:
        raise ValidationError("Kode situs hanya boleh huruf, angka dan tanda minus.", field="site_code")
    if not name.strip():
        raise ValidationError("Nama situs wajib diisi.", field="site_name")
    _check_timezone(timezone)
    with db.write() as s:
        if s.get(Site, 1) is not None:
            raise AlreadyExists(
                "Basis data ini sudah berisi situs. Gunakan basis data lain atau ubah lewat admin."
            )
        s.add(Site(id=1, code=code, name=name.strip(), timezone=timezone, created_at=db.now()))
        record(s, db, actor, "site.init", "site", code, details={"name": name, "timezone": timezone})
    db.forget_site_cache()
    return SiteInfo(code, name.strip(), timezone)


def get_site(db: Database) -> SiteInfo:
    with db.read() as s:
        site = s.get(Site, 1)
        if site is None:
            raise NotFound("Situs belum disiapkan. Jalankan: p4-desk init --site-code KODE --site-name NAMA")
        return SiteInfo(site.code, site.name, site.timezone)


def update_site(
    db: Database, *, name: str | None = None, timezone: str | None = None, actor: Actor = SYSTEM
) -> SiteInfo:
    if timezone is not None:
        _check_timezone(timezone)
    with db.write() as s:
        site = s.get(Site, 1)
        if site is None:
            raise NotFound("Situs belum disiapkan.")
        if name is not None:
            if not name.strip():
                raise ValidationError("Nama situs wajib diisi.", field="site_name")
            site.name = name.strip()
        if timezone is not None:
            site.timezone = timezone
        record(s, db, actor, "site.update", "site", site.code, details={"name": name, "timezone": timezone})
        info = SiteInfo(site.code, site.name, site.timezone)
    db.forget_site_cache()
    return info


def get_setting(db: Database, key: str) -> Any:
    if key not in SITE_SETTINGS:
        raise KeyError(key)
    with db.read() as s:
        row = s.get(SiteSetting, key)
        return SITE_SETTINGS[key][0] if row is None else row.value


def all_settings(db: Database) -> dict[str, Any]:
    with db.read() as s:
        stored = {row.key: row.value for row in s.scalars(select(SiteSetting))}
    return {key: stored.get(key, default) for key, (default, _title) in SITE_SETTINGS.items()}


def set_setting(db: Database, key: str, value: Any, actor: Actor = SYSTEM) -> None:
    if key not in SITE_SETTINGS:
        raise ValidationError(f"Pengaturan '{key}' tidak dikenal.", field=key)
    default = SITE_SETTINGS[key][0]
    if (
        default is not None
        and not isinstance(value, type(default))
        and not (isinstance(default, float) and isinstance(value, int))
    ):
        raise ValidationError(f"Nilai untuk '{key}' harus bertipe {type(default).__name__}.", field=key)
    with db.write() as s:
        row = s.get(SiteSetting, key)
        old = None if row is None else row.value
        if row is None:
            s.add(SiteSetting(key=key, value=value))
        else:
            row.value = value
        record(s, db, actor, "setting.update", "site_setting", key, details={"old": old, "new": value})

"""The site (one building) and its shared settings (declared in ``p4_desk.config.SITE_SETTINGS``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.config import SITE_BY_KEY, SITE_SETTINGS, Setting
from p4_desk.errors import AlreadyExists, NotFound, ValidationError
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Site, SiteSetting

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
    code, name = checked_site(code, name, timezone)
    with db.write() as s:
        info = add_site(s, db, code, name, timezone, actor)
    db.forget_site_cache()
    return info


def checked_site(code: str, name: str, timezone: str) -> tuple[str, str]:
    """The site code and name as stored, or a ``ValidationError`` naming the field."""
    code = code.strip().upper()
    if not code or not code.replace("-", "").isalnum() or len(code) > 32:
        raise ValidationError("Kode situs hanya boleh huruf, angka dan tanda minus.", field="site_code")
    if not name.strip():
        raise ValidationError("Nama situs wajib diisi.", field="site_name")
    _check_timezone(timezone)
    return code, name.strip()


def add_site(s: Session, db: Database, code: str, name: str, timezone: str, actor: Actor) -> SiteInfo:
    """Create the site row in the caller's transaction (values from ``checked_site``)."""
    if s.get(Site, 1) is not None:
        raise AlreadyExists(
            "Basis data ini sudah berisi situs. Gunakan basis data lain atau ubah lewat admin."
        )
    s.add(Site(id=1, code=code, name=name, timezone=timezone, created_at=db.now()))
    record(s, db, actor, "site.init", "site", code, details={"name": name, "timezone": timezone})
    return SiteInfo(code, name, timezone)


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


def site_setting(key: str) -> Setting:
    """The declaration of a site setting; ``ValidationError`` for a key nobody declared."""
    try:
        return SITE_BY_KEY[key]
    except KeyError:
        raise ValidationError(f"Pengaturan '{key}' tidak dikenal.", field=key) from None


def get_setting(db: Database, key: str) -> Any:
    if key not in SITE_BY_KEY:
        raise KeyError(key)
    with db.read() as s:
        row = s.get(SiteSetting, key)
        return SITE_BY_KEY[key].default if row is None else row.value


def all_settings(db: Database) -> dict[str, Any]:
    with db.read() as s:
        stored = {row.key: row.value for row in s.scalars(select(SiteSetting))}
    return {setting.key: stored.get(setting.key, setting.default) for setting in SITE_SETTINGS}


def set_setting(db: Database, key: str, value: Any, actor: Actor = SYSTEM) -> None:
    set_settings(db, {key: value}, actor)


def set_settings(db: Database, values: Mapping[str, Any], actor: Actor = SYSTEM) -> list[str]:
    """Change several site settings in one transaction (all or none); returns the keys changed.

    Every value is checked against its declaration first; a value equal to the stored one is
    left alone (no audit row). The audit row keeps the stored value before (``None``: default).
    """
    checked = {key: site_setting(key).check(value) for key, value in values.items()}
    changed: list[str] = []
    with db.write() as s:
        for key, value in checked.items():
            row = s.get(SiteSetting, key)
            old = None if row is None else row.value
            if (SITE_BY_KEY[key].default if row is None else old) == value:
                continue
            if row is None:
                s.add(SiteSetting(key=key, value=value))
            else:
                row.value = value
            record(s, db, actor, "setting.update", "site_setting", key, details={"old": old, "new": value})
            changed.append(key)
    return changed

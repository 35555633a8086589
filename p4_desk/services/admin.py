"""Small use cases of the admin screens that no other service covers: the audit log viewer,
workstation settings changes (audited like everything else) and the opening-hours text form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from p4_desk.config import SETTING_BY_KEY, Setting, Settings
from p4_desk.domain import opening_hours
from p4_desk.errors import ValidationError
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import AuditEntry

AUDIT_PAGE = 500


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # UTC
    local_time: str  # "2026-03-04 10:00:00" in the site time zone
    username: str | None
    workstation: str
    action: str
    entity: str
    entity_id: str | None
    details: Any


def audit_entries(
    db: Database,
    *,
    entity: str | None = None,
    username: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = AUDIT_PAGE,
) -> list[AuditRow]:
    """Newest first. ``date_from``/``date_to`` are site-local dates, both included."""
    if date_from and date_to and date_from > date_to:
        raise ValidationError("Tanggal awal harus sebelum tanggal akhir.", field="date_from")
    tz = db.timezone
    q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(max(1, limit))
    if entity:
        q = q.where(AuditEntry.entity == entity)
    if username:
        q = q.where(AuditEntry.username == username.strip().lower())
    if date_from:
        q = q.where(AuditEntry.at >= datetime.combine(date_from, time.min, tz))
    if date_to:
        q = q.where(AuditEntry.at < datetime.combine(date_to + timedelta(days=1), time.min, tz))
    with db.read() as s:
        return [
            AuditRow(
                e.id,
                e.at,
                e.at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S"),
                e.username,
                e.workstation,
                e.action,
                e.entity,
                e.entity_id,
                e.details,
            )
            for e in s.scalars(q)
        ]


def audit_entities(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(AuditEntry.entity).distinct()))


def workstation_setting(key: str) -> Setting:
    """A workstation setting the admin screens and ``p4-desk settings set`` may change."""
    setting = SETTING_BY_KEY.get(key)
    if setting is None or not setting.editable:
        raise ValidationError(f"Pengaturan '{key}' tidak dapat diubah dari admin.", field=key)
    return setting


def set_workstation_setting(
    db: Database, settings: Settings, key: str, value: Any, actor: Actor = SYSTEM
) -> None:
    """Change one setting of this PC (saved to its settings file) and audit the change."""
    value = workstation_setting(key).check(value)
    old = settings.get(key)
    if old == value:
        return
    with db.write() as s:
        record(
            s, db, actor, "workstation.setting", "workstation", db.workstation,
            details={"key": key, "old": old, "new": value},
        )  # fmt: skip
    settings.set(key, value)
    settings.save()


# --- opening hours as text, one weekday per line --------------------------------------------


def hours_to_text(hours: dict[str, list[list[str]]] | None) -> dict[str, str]:
    """``{"mon": "08:00-12:00, 13:00-15:30", ...}``; an empty string is a closed day."""
    if hours is None:
        return {}
    return {day: ", ".join(f"{a}-{b}" for a, b in hours.get(day, [])) for day in opening_hours.WEEKDAYS}


def hours_from_text(per_day: dict[str, str], always_open: bool = False) -> dict[str, list[list[str]]] | None:
    """The reverse of :func:`hours_to_text`, checked by the domain rules."""
    if always_open:
        return None
    hours: dict[str, list[list[str]]] = {}
    for day in opening_hours.WEEKDAYS:
        text = (per_day.get(day) or "").strip()
        if not text:
            continue
        periods = []
        for part in text.split(","):
            start, sep, end = part.strip().partition("-")
            if not sep:
                name = opening_hours.WEEKDAY_NAMES_ID[opening_hours.WEEKDAYS.index(day)]
                raise ValidationError(
                    f"Jam {name} '{part.strip()}' tidak valid. Contoh: 08:00-12:00, 13:00-15:30.",
                    field="opening_hours",
                )
            periods.append([start.strip(), end.strip()])
        hours[day] = periods
    return opening_hours.validate(hours)

"""Use cases of the admin screens that no other service covers: the audit log viewer,
workstation settings changes (audited like everything else), the site tab's Save, the test
print, and the opening-hours text form. One public call is one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from p4_desk.config import SETTING_BY_KEY, Setting, Settings, data_dir
from p4_desk.domain import opening_hours
from p4_desk.errors import ValidationError
from p4_desk.printing import PrinterError, print_ticket_escpos, render_ticket_pdf
from p4_desk.services import site as site_service
from p4_desk.services import ticketing
from p4_desk.services.ticketing import OsPrinter
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
    set_workstation_settings(db, settings, {key: value}, actor)


def set_workstation_settings(
    db: Database, settings: Settings, values: Mapping[str, Any], actor: Actor = SYSTEM
) -> None:
    """Change settings of this PC, all or none: every value is checked first, the changes are
    audited in one transaction, and the settings file is written once that is committed."""
    changed = _audit_workstation_changes(db, settings, values, actor)
    _save_workstation_file(settings, changed)


def _audit_workstation_changes(
    db: Database, settings: Settings, values: Mapping[str, Any], actor: Actor
) -> dict[str, Any]:
    checked = {key: workstation_setting(key).check(value) for key, value in values.items()}
    changed = {key: value for key, value in checked.items() if settings.get(key) != value}
    if not changed:
        return changed
    with db.write() as s:
        for key, value in changed.items():
            record(
                s, db, actor, "workstation.setting", "workstation", db.workstation,
                details={"key": key, "old": settings.get(key), "new": value},
            )  # fmt: skip
    return changed


def _save_workstation_file(settings: Settings, changed: Mapping[str, Any]) -> None:
    if changed:
        for key, value in changed.items():
            settings.set(key, value)
        settings.save()


@dataclass(frozen=True)
class SiteSettingsForm:
    """The site tab of the admin window: site-wide facts and this PC's own settings."""

    site_name: str
    timezone: str
    running_text: str
    workstation: Mapping[str, Any]  # keys of editable workstation settings (config.SETTINGS)


def save_site_settings(
    db: Database, settings: Settings, form: SiteSettingsForm, actor: Actor = SYSTEM
) -> None:
    """The site tab's Save: site name and time zone, the display's running text and this PC's
    settings, in one transaction; nothing is changed when any value is refused."""
    for key, value in form.workstation.items():
        workstation_setting(key).check(value)  # refused before anything is written
    text = form.running_text.strip()
    with db.write():
        current = site_service.get_site(db)
        if form.site_name.strip() != current.name or form.timezone != current.timezone:
            site_service.update_site(db, name=form.site_name, timezone=form.timezone, actor=actor)
        if text != site_service.get_setting(db, "display.running_text"):
            site_service.set_setting(db, "display.running_text", text, actor)
        changed = _audit_workstation_changes(db, settings, form.workstation, actor)
    db.forget_site_cache()
    _save_workstation_file(settings, changed)  # the file follows the committed audit rows


def print_test_ticket(
    db: Database, target: str, paper_mm: int, *, os_printer: OsPrinter | None = None
) -> str:
    """Print a test ticket (number T001, marked as a test) to ``target`` as a real ticket would
    go; returns where it went: the PDF file, or the printer."""
    target = target.strip() or "pdf"
    data = ticketing.test_ticket_data(db)
    kind, _, address = target.partition(":")
    if kind.startswith("escpos-"):
        print_ticket_escpos(data, target, paper_mm=paper_mm)
        return target
    if kind == "printer":
        if os_printer is None:
            raise PrinterError("Printer sistem hanya dapat diuji dari aplikasi P4 Desk.")
        os_printer(render_ticket_pdf(data, paper_mm), address, paper_mm)
        return target
    if kind != "pdf":
        raise PrinterError(f"Tujuan cetak tidak dikenali: {target!r}.")
    path = Path(address) if address else data_dir() / "tes-cetak-tiket.pdf"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render_ticket_pdf(data, paper_mm))
    except OSError as exc:
        raise PrinterError(f"Berkas {path} tidak dapat ditulis: {exc.strerror or exc}.") from exc
    return str(path)


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

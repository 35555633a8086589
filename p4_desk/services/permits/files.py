"""The permit catalogue as JSON: the one way in for the central catalogue and an admin's file,
and the same form back out (``services.permits``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from p4_desk.domain.working_days import (
    holidays_from_json,
)
from p4_desk.errors import ValidationError
from p4_desk.services.permits.holidays import _replace_holidays, list_holidays
from p4_desk.services.permits.types import (
    CATALOG_FORMAT,
    CATALOG_VERSION,
    DEADLINE_RULES,
    CatalogImportSummary,
    Requirement,
    _check_permit,
    _info,
    _set_requirements,
    list_permit_types,
)
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import PermitType

# -- catalogue JSON -------------------------------------------------------------------------


def _permit_from_json(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[Requirement]]:
    if not isinstance(raw, Mapping):
        raise ValidationError(
            "Setiap jenis izin dalam katalog harus berupa objek JSON.", field="permit_types"
        )
    try:
        reqs = [
            Requirement(str(r["code"]), str(r["name"]), bool(r.get("mandatory", True)))
            for r in raw.get("requirements", [])
        ]
        fields = {
            "code": str(raw["code"]),
            "name": str(raw["name"]),
            "agency": str(raw["agency"]),
            "working_days": raw["working_days"],
            "fee": raw.get("fee", 0),
            "legal_basis": str(raw.get("legal_basis") or ""),
            "product": str(raw.get("product") or ""),
            "retired": bool(raw.get("retired", False)),
        }
        if "cuti_bersama_is_workday" in raw:  # absent: the site keeps its own choice
            fields["cuti_bersama_is_workday"] = _cuti_bersama_flag(raw["cuti_bersama_is_workday"], raw)
        for rule in DEADLINE_RULES:  # absent: the site keeps its own choice
            if rule in raw:
                fields[rule] = _rule_flag(rule, raw[rule], raw)
    except (KeyError, TypeError) as exc:
        raise ValidationError(
            f"Jenis izin dalam katalog tidak lengkap (kolom {exc} tidak ada): {dict(raw)!r:.120}",
            field="permit_types",
        ) from None
    code, name, agency, checked = _check_permit(
        fields["code"], fields["name"], fields["agency"], fields["working_days"], fields["fee"], reqs
    )
    fields.update(code=code, name=name, agency=agency)
    return fields, checked


def _cuti_bersama_flag(value: Any, raw: Mapping[str, Any]) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValidationError(
        f"'cuti_bersama_is_workday' pada jenis izin {raw.get('code')} harus true, false atau null.",
        field="permit_types",
    )


def _rule_flag(rule: str, value: Any, raw: Mapping[str, Any]) -> bool:
    if isinstance(value, bool):
        return value
    raise ValidationError(
        f"'{rule}' pada jenis izin {raw.get('code')} harus true atau false.", field="permit_types"
    )


def import_catalog(db: Database, data: Mapping[str, Any], actor: Actor = SYSTEM) -> CatalogImportSummary:
    """Add or update every permit type of ``data`` (and replace the holidays of its years).

    All or nothing: one bad entry refuses the whole file. Permit types missing from the
    file are left as they are; the catalogue retires a permit type with ``"retired": true``.
    """
    if not isinstance(data, Mapping) or data.get("format") != CATALOG_FORMAT:
        raise ValidationError(
            f"Berkas ini bukan katalog P4 Desk (format '{CATALOG_FORMAT}').", field="format"
        )
    if data.get("version") != CATALOG_VERSION:
        raise ValidationError(
            f"Versi katalog {data.get('version')!r} tidak didukung (hanya versi {CATALOG_VERSION}).",
            field="version",
        )
    permits = [_permit_from_json(raw) for raw in data.get("permit_types") or []]
    codes = [fields["code"] for fields, _ in permits]
    if len(codes) != len(set(codes)):
        raise ValidationError(
            "Katalog memuat kode jenis izin yang sama lebih dari sekali.", field="permit_types"
        )
    holidays = holidays_from_json(data.get("holidays") or [])
    added = updated = unchanged = 0
    with db.write() as s:
        existing = {p.code: p for p in s.scalars(select(PermitType))}
        for fields, reqs in permits:
            permit = existing.get(fields["code"])
            if permit is None:
                permit = PermitType(**fields, updated_at=db.now())
                _set_requirements(permit, reqs)
                s.add(permit)
                added += 1
                continue
            old = _info(permit, {}).to_json()
            new = {
                **fields,
                "requirements": [{"code": r.code, "name": r.name, "mandatory": r.mandatory} for r in reqs],
            }
            for kept in ("cuti_bersama_is_workday", *DEADLINE_RULES):
                new.setdefault(kept, old[kept])
            if old == new:
                unchanged += 1
                continue
            for key, value in fields.items():
                setattr(permit, key, value)
            _set_requirements(permit, reqs)
            permit.updated_at = db.now()
            updated += 1
        holiday_count = _replace_holidays(s, holidays) if holidays else 0
        summary = CatalogImportSummary(added, updated, unchanged, holiday_count)
        record(s, db, actor, "catalog.import", "permit_type", None, details=summary.to_json())
    return summary


def export_catalog(db: Database) -> dict[str, Any]:
    """The whole catalogue (retired permit types included) and the holiday list."""
    return {
        "format": CATALOG_FORMAT,
        "version": CATALOG_VERSION,
        "permit_types": [p.to_json() for p in list_permit_types(db, include_retired=True)],
        "holidays": [{"date": h.date.isoformat(), "name": h.name, "kind": h.kind} for h in list_holidays(db)],
    }

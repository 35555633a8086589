"""Permit catalogue (permit types and their requirements) and the holiday list.

The catalogue is data that also comes from the central provincial API, in the JSON form
of docs/DEVELOPING.md; ``import_catalog`` is the one way in for both the central
catalogue and an admin's file, ``export_catalog`` writes the same form back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, extract, select
from sqlalchemy.orm import Session

from p4_desk.domain.working_days import (
    Holiday,
    HolidayCalendar,
    holidays_from_json,
    indonesian_calendar,
    load_seed_holidays,
)
from p4_desk.errors import AlreadyExists, NotFound, ValidationError
from p4_desk.services.site import get_setting
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Agency, HolidayRow, PermitRequirement, PermitType

CATALOG_FORMAT = "p4-desk-catalog"
CATALOG_VERSION = 1

_CODE_RE = re.compile(r"[A-Z0-9][A-Z0-9_.-]{0,31}")


@dataclass(frozen=True)
class Requirement:
    code: str
    name: str
    mandatory: bool = True


@dataclass(frozen=True)
class PermitTypeInfo:
    code: str
    name: str
    agency: str
    agency_name: str
    working_days: int
    fee: int
    legal_basis: str
    product: str
    retired: bool
    requirements: tuple[Requirement, ...]
    # None: the site's default (workdays.cuti_bersama_is_workday)
    cuti_bersama_is_workday: bool | None = None
    # deemed approved when the office misses the deadline: warned before (domain.permit_clock)
    fiktif_positif: bool = False
    # a resubmitted dossier restarts the deadline clock from zero (else it resumes)
    clock_restarts_on_resubmission: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "agency": self.agency,
            "working_days": self.working_days,
            "fee": self.fee,
            "legal_basis": self.legal_basis,
            "product": self.product,
            "retired": self.retired,
            "requirements": [
                {"code": r.code, "name": r.name, "mandatory": r.mandatory} for r in self.requirements
            ],
            "cuti_bersama_is_workday": self.cuti_bersama_is_workday,
            "fiktif_positif": self.fiktif_positif,
            "clock_restarts_on_resubmission": self.clock_restarts_on_resubmission,
        }


#: catalogue keys of true/false rules that a catalogue may leave out (the site keeps its own)
DEADLINE_RULES = ("fiktif_positif", "clock_restarts_on_resubmission")


@dataclass(frozen=True)
class CatalogImportSummary:
    added: int
    updated: int
    unchanged: int
    holidays: int

    def to_json(self) -> dict[str, int]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "holidays": self.holidays,
        }


# -- validation ---------------------------------------------------------------------------


def _code(value: Any, field: str, what: str) -> str:
    code = str(value or "").strip().upper()
    if not _CODE_RE.fullmatch(code):
        raise ValidationError(
            f"Kode {what} '{value}' tidak valid: huruf besar, angka, titik, garis bawah atau "
            "tanda minus, paling panjang 32 karakter.",
            field=field,
        )
    return code


def _check_permit(
    code: str, name: str, agency: str, working_days: int, fee: int, requirements: Sequence[Requirement]
) -> tuple[str, str, str, list[Requirement]]:
    code = _code(code, "code", "izin")
    if not name.strip():
        raise ValidationError(f"Nama izin {code} wajib diisi.", field="name")
    agency = _code(agency, "agency", "instansi")
    if isinstance(working_days, bool) or not isinstance(working_days, int) or not 0 <= working_days <= 365:
        raise ValidationError(f"Jangka waktu izin {code} harus 0–365 hari kerja.", field="working_days")
    if isinstance(fee, bool) or not isinstance(fee, int) or fee < 0:
        raise ValidationError(f"Biaya izin {code} harus bilangan rupiah, 0 atau lebih.", field="fee")
    checked: list[Requirement] = []
    seen: set[str] = set()
    for req in requirements:
        req_code = _code(req.code, "requirements", "persyaratan")
        if req_code in seen:
            raise ValidationError(
                f"Persyaratan {req_code} tercantum dua kali pada izin {code}.", field="requirements"
            )
        if not req.name.strip():
            raise ValidationError(f"Nama persyaratan {req_code} wajib diisi.", field="requirements")
        seen.add(req_code)
        checked.append(Requirement(req_code, req.name.strip(), bool(req.mandatory)))
    return code, name.strip(), agency, checked


def _info(p: PermitType, agency_names: Mapping[str, str]) -> PermitTypeInfo:
    return PermitTypeInfo(
        code=p.code,
        name=p.name,
        agency=p.agency,
        agency_name=agency_names.get(p.agency, p.agency),
        working_days=p.working_days,
        fee=p.fee,
        legal_basis=p.legal_basis,
        product=p.product,
        retired=p.retired,
        requirements=tuple(Requirement(r.code, r.name, r.mandatory) for r in p.requirements),
        cuti_bersama_is_workday=p.cuti_bersama_is_workday,
        fiktif_positif=p.fiktif_positif,
        clock_restarts_on_resubmission=p.clock_restarts_on_resubmission,
    )


def _agency_names(s: Session) -> dict[str, str]:
    return {code: name for code, name in s.execute(select(Agency.code, Agency.name))}


def find_permit_type(s: Session, code: str) -> PermitType:
    permit = s.scalar(select(PermitType).where(PermitType.code == code.strip().upper()))
    if permit is None:
        raise NotFound(f"Jenis izin '{code}' tidak ada dalam katalog.", field="permit_type")
    return permit


def _set_requirements(permit: PermitType, requirements: Sequence[Requirement]) -> None:
    # Rows are updated in place by code: a delete-then-insert of the same code would hit
    # the unique constraint, because the unit of work inserts before it deletes.
    existing = {r.code: r for r in permit.requirements}
    rows = []
    for position, req in enumerate(requirements):
        row = existing.pop(req.code, None) or PermitRequirement(code=req.code)
        row.name, row.mandatory, row.position = req.name, req.mandatory, position
        rows.append(row)
    permit.requirements[:] = rows


# -- catalogue administration ---------------------------------------------------------------


def add_permit_type(
    db: Database,
    code: str,
    name: str,
    agency: str,
    *,
    working_days: int,
    fee: int = 0,
    legal_basis: str = "",
    product: str = "",
    requirements: Sequence[Requirement] = (),
    fiktif_positif: bool = False,
    clock_restarts_on_resubmission: bool = False,
    actor: Actor = SYSTEM,
) -> PermitTypeInfo:
    code, name, agency, reqs = _check_permit(code, name, agency, working_days, fee, requirements)
    with db.write() as s:
        if s.scalar(select(PermitType.id).where(PermitType.code == code)) is not None:
            raise AlreadyExists(f"Jenis izin {code} sudah ada dalam katalog.", field="code")
        permit = PermitType(
            code=code,
            name=name,
            agency=agency,
            working_days=working_days,
            fee=fee,
            legal_basis=legal_basis.strip(),
            product=product.strip(),
            retired=False,
            fiktif_positif=fiktif_positif,
            clock_restarts_on_resubmission=clock_restarts_on_resubmission,
            updated_at=db.now(),
        )
        _set_requirements(permit, reqs)
        s.add(permit)
        s.flush()
        info = _info(permit, _agency_names(s))
        record(s, db, actor, "permit_type.add", "permit_type", code, details=info.to_json())
        return info


def update_permit_type(
    db: Database,
    code: str,
    *,
    name: str | None = None,
    agency: str | None = None,
    working_days: int | None = None,
    fee: int | None = None,
    legal_basis: str | None = None,
    product: str | None = None,
    requirements: Sequence[Requirement] | None = None,
    actor: Actor = SYSTEM,
) -> PermitTypeInfo:
    """Change what is given; applications already taken keep their own snapshot."""
    with db.write() as s:
        permit = find_permit_type(s, code)
        current = [Requirement(r.code, r.name, r.mandatory) for r in permit.requirements]
        _, new_name, new_agency, reqs = _check_permit(
            permit.code,
            permit.name if name is None else name,
            permit.agency if agency is None else agency,
            permit.working_days if working_days is None else working_days,
            permit.fee if fee is None else fee,
            current if requirements is None else requirements,
        )
        before = _info(permit, {}).to_json()
        permit.name, permit.agency = new_name, new_agency
        if working_days is not None:
            permit.working_days = working_days
        if fee is not None:
            permit.fee = fee
        if legal_basis is not None:
            permit.legal_basis = legal_basis.strip()
        if product is not None:
            permit.product = product.strip()
        if requirements is not None:
            _set_requirements(permit, reqs)
        permit.updated_at = db.now()
        s.flush()
        info = _info(permit, _agency_names(s))
        record(
            s, db, actor, "permit_type.update", "permit_type", permit.code,
            details={"before": before, "after": info.to_json()},
        )  # fmt: skip
        return info


def retire_permit_type(
    db: Database, code: str, retired: bool = True, actor: Actor = SYSTEM
) -> PermitTypeInfo:
    """A retired permit type takes no new applications; its old applications stay."""
    with db.write() as s:
        permit = find_permit_type(s, code)
        permit.retired = retired
        permit.updated_at = db.now()
        record(
            s,
            db,
            actor,
            "permit_type.retire" if retired else "permit_type.reinstate",
            "permit_type",
            permit.code,
        )
        return _info(permit, _agency_names(s))


def set_cuti_bersama_rule(
    db: Database, code: str, workday: bool | None, actor: Actor = SYSTEM
) -> PermitTypeInfo:
    """Whether *cuti bersama* counts as a working day for this permit's deadline (``None``: as
    the site's default). Applications already taken keep their due date."""
    with db.write() as s:
        permit = find_permit_type(s, code)
        before = permit.cuti_bersama_is_workday
        permit.cuti_bersama_is_workday = workday
        permit.updated_at = db.now()
        record(
            s, db, actor, "permit_type.cuti_bersama", "permit_type", permit.code,
            details={"before": before, "after": workday},
        )  # fmt: skip
        return _info(permit, _agency_names(s))


def set_deadline_rules(
    db: Database,
    code: str,
    *,
    fiktif_positif: bool | None = None,
    clock_restarts_on_resubmission: bool | None = None,
    actor: Actor = SYSTEM,
) -> PermitTypeInfo:
    """Set the deadline rules of a permit type (``None``: leave as it is): whether a missed
    deadline approves it ("fiktif positif") and whether a resubmission restarts the clock."""
    with db.write() as s:
        permit = find_permit_type(s, code)
        before = {rule: getattr(permit, rule) for rule in DEADLINE_RULES}
        if fiktif_positif is not None:
            permit.fiktif_positif = fiktif_positif
        if clock_restarts_on_resubmission is not None:
            permit.clock_restarts_on_resubmission = clock_restarts_on_resubmission
        after = {rule: getattr(permit, rule) for rule in DEADLINE_RULES}
        if after != before:
            permit.updated_at = db.now()
            record(
                s, db, actor, "permit_type.deadline_rules", "permit_type", permit.code,
                details={"before": before, "after": after},
            )  # fmt: skip
        return _info(permit, _agency_names(s))


def get_permit_type(db: Database, code: str) -> PermitTypeInfo:
    with db.read() as s:
        return _info(find_permit_type(s, code), _agency_names(s))


def list_permit_types(db: Database, include_retired: bool = False) -> list[PermitTypeInfo]:
    with db.read() as s:
        query = select(PermitType).order_by(PermitType.agency, PermitType.name)
        if not include_retired:
            query = query.where(PermitType.retired.is_(False))
        names = _agency_names(s)
        return [_info(p, names) for p in s.scalars(query)]


# -- holidays -------------------------------------------------------------------------------


def holiday_calendar(db: Database) -> HolidayCalendar:
    """The calendar every deadline of the site is counted with.

    Official lists: the site's holidays table (central catalogue, admin import); a year the
    table does not cover yet uses the shipped seed list (2025 and 2026), so a new site counts
    right before its first catalogue import. Every other year: the ``holidays`` package's
    estimate, and a due date counted through it is marked *perkiraan*. Whether *cuti bersama*
    is a working day is the site setting ``workdays.cuti_bersama_is_workday`` unless a permit
    type says otherwise (``PermitTypeInfo.cuti_bersama_is_workday``)."""
    stored = list_holidays(db)
    covered = {h.date.year for h in stored}
    seed = [h for h in load_seed_holidays() if h.date.year not in covered]
    site_default = bool(get_setting(db, "workdays.cuti_bersama_is_workday"))
    calendar = indonesian_calendar([*stored, *seed], cuti_bersama_is_workday=site_default)
    this_year = db.now().astimezone(db.timezone).year
    calendar.prepare((this_year, this_year + 1))  # off the UI thread: the intake dialog loads it in a task
    return calendar


def list_holidays(db: Database, year: int | None = None) -> list[Holiday]:
    with db.read() as s:
        query = select(HolidayRow).order_by(HolidayRow.day, HolidayRow.name)
        if year is not None:
            query = query.where(extract("year", HolidayRow.day) == year)
        return [Holiday(r.day, r.name, r.kind) for r in s.scalars(query)]  # type: ignore[arg-type]


def _replace_holidays(s: Session, holidays: Iterable[Holiday]) -> int:
    """Replace the holidays of every year the list covers (a year's list comes whole)."""
    by_key = {(h.date, h.name): h for h in holidays}
    years = {day.year for day, _name in by_key}
    for year in years:
        s.execute(
            delete(HolidayRow).where(HolidayRow.day >= date(year, 1, 1), HolidayRow.day <= date(year, 12, 31))
        )
    for h in by_key.values():
        s.add(HolidayRow(day=h.date, name=h.name, kind=h.kind))
    return len(by_key)


def import_holidays(db: Database, holidays: Iterable[Holiday], actor: Actor = SYSTEM) -> int:
    """Replace the holiday list of each year present in ``holidays``; returns how many were stored."""
    items = list(holidays)
    with db.write() as s:
        count = _replace_holidays(s, items)
        years = sorted({h.date.year for h in items})
        record(s, db, actor, "holiday.import", "holiday", None, details={"years": years, "count": count})
    return count


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

"""Permit types and their requirements: add, change, retire, read (``services.permits``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.errors import AlreadyExists, NotFound, ValidationError
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Agency, PermitRequirement, PermitType

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

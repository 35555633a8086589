"""The province permit catalogue and holiday list, in the desk's export format.

Import merges: permit types are upserted by code (retire one with ``"retired": true``),
holidays by date; nothing is deleted, so a site never loses a permit type that its
open applications refer to.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.central.models import Holiday, PermitType
from p4_desk.errors import ValidationError

CATALOG_FORMAT = "p4-desk-catalog"
CATALOG_VERSION = 1
HOLIDAY_KINDS = ("national", "cuti_bersama")


@dataclass(frozen=True)
class ImportSummary:
    permit_types: int
    holidays: int


def catalog_document(session: Session) -> dict[str, Any]:
    """The whole catalogue as the documented JSON object (stable order)."""
    permit_types = [
        {
            "code": p.code,
            "name": p.name,
            "agency": p.agency,
            "working_days": p.working_days,
            "fee": p.fee,
            "legal_basis": p.legal_basis,
            "product": p.product,
            "retired": p.retired,
            "requirements": p.requirements,
        }
        for p in session.scalars(select(PermitType).order_by(PermitType.code))
    ]
    holidays = [
        {"date": h.day.isoformat(), "name": h.name, "kind": h.kind}
        for h in session.scalars(select(Holiday).order_by(Holiday.day))
    ]
    return {
        "format": CATALOG_FORMAT,
        "version": CATALOG_VERSION,
        "permit_types": permit_types,
        "holidays": holidays,
    }


def canonical_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def etag_of(body: bytes) -> str:
    """A strong ETag: the same bytes always give the same tag, on every server."""
    return '"' + hashlib.sha256(body).hexdigest() + '"'


def import_catalog(session: Session, document: Any) -> ImportSummary:
    """Merge a catalogue document into the database (validated fully before writing)."""
    if not isinstance(document, dict) or document.get("format") != CATALOG_FORMAT:
        raise ValidationError(f"Berkas bukan katalog P4 Desk (format '{CATALOG_FORMAT}').")
    if document.get("version") != CATALOG_VERSION:
        raise ValidationError(
            f"Versi katalog {document.get('version')!r} tidak didukung (harus {CATALOG_VERSION})."
        )
    permit_types = [_permit_type(item) for item in _list(document, "permit_types")]
    holidays = [_holiday(item) for item in _list(document, "holidays")]
    for permit_type in permit_types:
        session.merge(permit_type)
    for holiday in holidays:
        session.merge(holiday)
    return ImportSummary(permit_types=len(permit_types), holidays=len(holidays))


def add_holiday(session: Session, day: date, name: str, *, cuti_bersama: bool = False) -> None:
    """Add or rename one holiday (national, or *cuti bersama* joint leave)."""
    if not name.strip():
        raise ValidationError("Nama hari libur wajib diisi.", field="name")
    kind = "cuti_bersama" if cuti_bersama else "national"
    session.merge(Holiday(day=day, name=name.strip(), kind=kind))


def _list(document: dict[str, Any], key: str) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise ValidationError(f"Kolom '{key}' pada katalog harus berupa daftar.")
    return value


def _permit_type(item: Any) -> PermitType:
    if not isinstance(item, dict):
        raise ValidationError("Setiap jenis izin harus berupa objek.")
    code = _string(item, "code", "jenis izin")
    where = f"jenis izin {code}"
    working_days = item.get("working_days")
    fee = item.get("fee", 0)
    if type(working_days) is not int or working_days < 0:
        raise ValidationError(f"'working_days' pada {where} harus bilangan bulat ≥ 0.")
    if type(fee) is not int or fee < 0:
        raise ValidationError(f"'fee' pada {where} harus bilangan bulat ≥ 0 (rupiah).")
    retired = item.get("retired", False)
    if not isinstance(retired, bool):
        raise ValidationError(f"'retired' pada {where} harus true atau false.")
    requirements = item.get("requirements", [])
    if not isinstance(requirements, list):
        raise ValidationError(f"'requirements' pada {where} harus berupa daftar.")
    return PermitType(
        code=code,
        name=_string(item, "name", where),
        agency=_string(item, "agency", where),
        working_days=working_days,
        fee=fee,
        legal_basis=str(item.get("legal_basis") or ""),
        product=str(item.get("product") or ""),
        retired=retired,
        requirements=[_requirement(r, where) for r in requirements],
    )


def _requirement(item: Any, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise ValidationError(f"Persyaratan pada {where} harus berupa objek.")
    mandatory = item.get("mandatory", True)
    if not isinstance(mandatory, bool):
        raise ValidationError(f"'mandatory' pada persyaratan {where} harus true atau false.")
    return {
        "code": _string(item, "code", f"persyaratan {where}"),
        "name": _string(item, "name", f"persyaratan {where}"),
        "mandatory": mandatory,
    }


def _holiday(item: Any) -> Holiday:
    if not isinstance(item, dict):
        raise ValidationError("Setiap hari libur harus berupa objek.")
    raw_date = _string(item, "date", "hari libur")
    try:
        day = date.fromisoformat(raw_date)
    except ValueError:
        raise ValidationError(f"Tanggal hari libur tidak sah: {raw_date!r}.") from None
    kind = item.get("kind", "national")
    if kind not in HOLIDAY_KINDS:
        raise ValidationError(
            f"Jenis hari libur {kind!r} tidak dikenal (national atau cuti_bersama)."
        )
    return Holiday(day=day, name=_string(item, "name", f"hari libur {raw_date}"), kind=kind)


def _string(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"Kolom '{key}' pada {where} wajib diisi.")
    return value.strip()

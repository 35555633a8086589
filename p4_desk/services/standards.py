"""The published service standard (*standar pelayanan*, PermenPANRB 15/2014) and the maklumat.

Every queue service carries the six parts a citizen reads — persyaratan, prosedur, jangka
waktu, biaya/tarif, produk, penanganan pengaduan — and its legal basis. A part is *filled in*
when its text is not blank (the fee when it is set; 0 is "Gratis"); the standard is *published*
when the site chose to show it to citizens (the kiosk's "Informasi layanan", the board). The
maklumat pelayanan (the hall's service pledge) is site-wide: its text, its decree and whether
the board shows it, kept as site settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from p4_desk.errors import ValidationError
from p4_desk.services import site as site_service
from p4_desk.services.catalog import find_service
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Service

#: the six citizen-facing parts, in the order of PermenPANRB 15/2014, with their Indonesian names
PARTS: dict[str, str] = {
    "requirements": "Persyaratan",
    "procedure": "Prosedur",
    "time": "Jangka waktu",
    "fee": "Biaya/tarif",
    "product": "Produk",
    "complaints": "Penanganan pengaduan",
}
_TEXT_LIMITS = {"requirements": 4000, "procedure": 4000, "time": 200, "product": 2000, "complaints": 2000}
_LEGAL_LIMIT = 2000
_MAX_FEE = 2_000_000_000


@dataclass(frozen=True)
class ServiceStandard:
    code: str
    name: str
    agency: str
    agency_name: str
    active: bool
    requirements: str
    procedure: str
    time: str
    fee: int | None  # rupiah; None: not filled in
    product: str
    complaints: str
    legal_basis: str
    published: bool

    @property
    def missing(self) -> tuple[str, ...]:
        """The parts not filled in (keys of ``PARTS``), in order."""
        return tuple(
            part
            for part in PARTS
            if (self.fee is None if part == "fee" else not str(getattr(self, part)).strip())
        )

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def requirement_lines(self) -> tuple[str, ...]:
        return _lines(self.requirements)

    @property
    def procedure_lines(self) -> tuple[str, ...]:
        return _lines(self.procedure)

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["missing"] = list(self.missing)
        return data


@dataclass(frozen=True)
class Maklumat:
    text: str
    decree: str
    decree_date: date | None
    on_board: bool
    complaint_channels: str

    @property
    def set(self) -> bool:
        return bool(self.text.strip())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def standard_of(service: Service) -> ServiceStandard:
    return ServiceStandard(
        code=service.code,
        name=service.name,
        agency=service.agency.code,
        agency_name=service.agency.name,
        active=service.active,
        requirements=service.std_requirements or "",
        procedure=service.std_procedure or "",
        time=service.std_time or "",
        fee=service.std_fee,
        product=service.std_product or "",
        complaints=service.std_complaints or "",
        legal_basis=service.legal_basis or "",
        published=bool(service.std_published),
    )


def list_standards(db: Database, *, published_only: bool = False) -> list[ServiceStandard]:
    """Every active service's standard, by agency then service name."""
    with db.read() as s:
        q = select(Service).options(joinedload(Service.agency)).where(Service.active.is_(True))
        if published_only:
            q = q.where(Service.std_published.is_(True))
        rows = [standard_of(sv) for sv in s.scalars(q)]
    return sorted(rows, key=lambda r: (r.agency_name, r.name))


def get_standard(db: Database, code: str) -> ServiceStandard:
    with db.read() as s:
        return standard_of(find_service(s, code, with_agency=True))


_COLUMNS = {
    "requirements": "std_requirements",
    "procedure": "std_procedure",
    "time": "std_time",
    "fee": "std_fee",
    "product": "std_product",
    "complaints": "std_complaints",
    "legal_basis": "legal_basis",
    "published": "std_published",
}


def check_standard_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values as stored (columns of ``Service``), or ``ValidationError`` naming the field."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in _COLUMNS:
            raise ValidationError(f"Bagian standar pelayanan '{key}' tidak dikenal.", field=key)
        if key == "fee":
            if value is not None and (type(value) is not int or not 0 <= value <= _MAX_FEE):
                raise ValidationError(
                    "Biaya/tarif harus bilangan bulat rupiah 0 atau lebih (0 = gratis).", field="fee"
                )
        elif key == "published":
            if not isinstance(value, bool):
                raise ValidationError("'Dipublikasikan' harus ya atau tidak.", field="published")
        else:
            if not isinstance(value, str):
                raise ValidationError(f"{PARTS.get(key, 'Dasar hukum')} harus berupa teks.", field=key)
            value = value.strip()
            limit = _TEXT_LIMITS.get(key, _LEGAL_LIMIT)
            if len(value) > limit:
                raise ValidationError(
                    f"{PARTS.get(key, 'Dasar hukum')} terlalu panjang (maks. {limit} karakter).", field=key
                )
        out[_COLUMNS[key]] = value
    return out


def set_standard(db: Database, code: str, actor: Actor = SYSTEM, **values: Any) -> ServiceStandard:
    """Change some parts of a service's standard (only the keys given); one transaction."""
    columns = check_standard_fields(values)
    with db.write() as s:
        service = find_service(s, code, with_agency=True)
        changed = {
            key: value
            for key, value in values.items()
            if getattr(service, _COLUMNS[key]) != columns[_COLUMNS[key]]
        }
        for column, value in columns.items():
            setattr(service, column, value)
        if changed:
            record(
                s,
                db,
                actor,
                "service.standard",
                "service",
                service.code,
                details={"changed": sorted(changed)},
            )
        return standard_of(service)


def maklumat(db: Database) -> Maklumat:
    settings = site_service.all_settings(db)
    raw_date = str(settings["standard.maklumat_decree_date"] or "").strip()
    return Maklumat(
        text=str(settings["standard.maklumat_text"] or ""),
        decree=str(settings["standard.maklumat_decree"] or ""),
        decree_date=date.fromisoformat(raw_date) if raw_date else None,
        on_board=bool(settings["display.show_maklumat"]),
        complaint_channels=str(settings["permits.complaint_channel"] or ""),
    )


# --- the catalogue file (``services.catalog_files``) ----------------------------------------

_FILE_KEYS = ("requirements", "procedure", "time", "fee", "product", "complaints", "legal_basis", "published")


def standards_to_json(db: Database) -> dict[str, Any]:
    """The ``service_standards`` and ``maklumat`` sections of the catalogue file."""
    mk = maklumat(db)
    return {
        "service_standards": [
            {"service": st.code, **{key: getattr(st, key) for key in _FILE_KEYS}} for st in list_standards(db)
        ],
        "maklumat": {
            "text": mk.text,
            "decree": mk.decree,
            "decree_date": mk.decree_date.isoformat() if mk.decree_date else "",
        },
    }


def _parts_from_json(raw: Any) -> tuple[str, dict[str, Any]]:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("service"), str):
        raise ValidationError(
            "Setiap standar layanan dalam katalog harus berupa objek dengan kode 'service'.",
            field="service_standards",
        )
    unknown = sorted(set(raw) - {"service", *_FILE_KEYS})
    if unknown:
        raise ValidationError(
            f"Kolom standar layanan tidak dikenal pada {raw['service']}: {', '.join(unknown)}.",
            field="service_standards",
        )
    values = {key: raw[key] for key in _FILE_KEYS if key in raw}
    for key in ("requirements", "procedure"):  # a list of lines is accepted too
        if isinstance(values.get(key), list) and all(isinstance(line, str) for line in values[key]):
            values[key] = "\n".join(values[key])
    check_standard_fields(values)
    return raw["service"], values


def import_standards(db: Database, data: Mapping[str, Any], actor: Actor = SYSTEM) -> int:
    """Apply the file's ``service_standards`` and ``maklumat`` (each optional); returns how many
    services it names. Everything is checked first; one transaction (joins the caller's)."""
    rows = data.get("service_standards") or []
    if not isinstance(rows, list):
        raise ValidationError("'service_standards' harus berupa daftar.", field="service_standards")
    parsed = [_parts_from_json(raw) for raw in rows]
    pledge = data.get("maklumat")
    settings: dict[str, Any] = {}
    if pledge is not None:
        if not isinstance(pledge, Mapping):
            raise ValidationError("'maklumat' harus berupa objek.", field="maklumat")
        for key in ("text", "decree", "decree_date"):
            if key in pledge:
                setting = site_service.site_setting(f"standard.maklumat_{key}")
                settings[setting.key] = setting.check(pledge[key])
    with db.write():
        for code, values in parsed:
            set_standard(db, code, actor, **values)
        if settings:
            site_service.set_settings(db, settings, actor)
    return len(parsed)

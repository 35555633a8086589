"""Agencies (instansi), services (layanan) and counters (loket) of a site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload, selectinload

from p4_desk.domain import opening_hours
from p4_desk.domain.queue_rules import MAX_HEAD_START_MINUTES
from p4_desk.errors import AlreadyExists, NotFound, ValidationError
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Agency, Counter, Service, counter_services

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


@dataclass(frozen=True)
class AgencyInfo:
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class ServiceInfo:
    code: str
    name: str
    agency: str
    agency_name: str
    prefix: str
    target_wait_minutes: int
    daily_quota: int | None
    opening_hours: dict[str, list[list[str]]] | None
    priority_head_start_minutes: int
    default_service_minutes: int
    active: bool

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class CounterInfo:
    code: str
    name: str
    state: str
    services: tuple[str, ...]
    officer: str | None
    active: bool


def _check_code(code: str, field: str) -> str:
    if not _CODE.match(code):
        raise ValidationError(
            f"Kode '{code}' tidak valid: gunakan huruf, angka, '-' atau '_' (maks. 32).", field=field
        )
    return code.upper()


def _agency(s: Session, code: str) -> Agency:
    agency = s.scalar(select(Agency).where(Agency.code == code.upper()))
    if agency is None:
        raise NotFound(f"Instansi '{code}' tidak ditemukan.", field="agency")
    return agency


_SERVICE_BY_CODE = select(Service).where(Service.code == bindparam("code"))
_SERVICE_WITH_AGENCY = _SERVICE_BY_CODE.options(joinedload(Service.agency))  # built once: a hot path


def find_service(s: Session, code: str, *, with_agency: bool = False) -> Service:
    q = _SERVICE_WITH_AGENCY if with_agency else _SERVICE_BY_CODE
    service = s.scalar(q, {"code": code.upper()})
    if service is None:
        raise NotFound(f"Layanan '{code}' tidak ditemukan.", field="service")
    return service


def find_counter(s: Session, code: str) -> Counter:
    counter = s.scalar(select(Counter).where(Counter.code == code.upper()))
    if counter is None:
        raise NotFound(f"Loket '{code}' tidak ditemukan.", field="counter")
    return counter


def service_info(service: Service) -> ServiceInfo:
    return ServiceInfo(
        code=service.code,
        name=service.name,
        agency=service.agency.code,
        agency_name=service.agency.name,
        prefix=service.prefix,
        target_wait_minutes=service.target_wait_minutes,
        daily_quota=service.daily_quota,
        opening_hours=service.opening_hours,
        priority_head_start_minutes=service.priority_head_start_minutes,
        default_service_minutes=service.default_service_minutes,
        active=service.active,
    )


def counter_info(counter: Counter, officer: str | None = None) -> CounterInfo:
    return CounterInfo(
        code=counter.code,
        name=counter.name,
        state=counter.state,
        services=tuple(sv.code for sv in counter.services),
        officer=officer,
        active=counter.active,
    )


# --- agencies -------------------------------------------------------------------------------


def add_agency(db: Database, code: str, name: str, actor: Actor = SYSTEM) -> AgencyInfo:
    code = _check_code(code, "code")
    if not name.strip():
        raise ValidationError("Nama instansi wajib diisi.", field="name")
    with db.write() as s:
        if s.scalar(select(Agency).where(Agency.code == code)) is not None:
            raise AlreadyExists(f"Instansi '{code}' sudah ada.", field="code")
        s.add(Agency(code=code, name=name.strip(), active=True))
        record(s, db, actor, "agency.add", "agency", code, details={"name": name})
    return AgencyInfo(code, name.strip(), True)


def update_agency(
    db: Database, code: str, *, name: str | None = None, active: bool | None = None, actor: Actor = SYSTEM
) -> AgencyInfo:
    with db.write() as s:
        agency = _agency(s, code)
        if name is not None:
            if not name.strip():
                raise ValidationError("Nama instansi wajib diisi.", field="name")
            agency.name = name.strip()
        if active is not None:
            agency.active = active
        record(s, db, actor, "agency.update", "agency", agency.code, details={"name": name, "active": active})
        return AgencyInfo(agency.code, agency.name, agency.active)


def list_agencies(db: Database, include_inactive: bool = False) -> list[AgencyInfo]:
    with db.read() as s:
        q = select(Agency).order_by(Agency.name)
        if not include_inactive:
            q = q.where(Agency.active.is_(True))
        return [AgencyInfo(a.code, a.name, a.active) for a in s.scalars(q)]


# --- services -------------------------------------------------------------------------------


def _check_service_fields(
    prefix: str | None,
    target_wait: int | None,
    quota: int | None,
    head_start: int | None,
    default_minutes: int | None,
) -> None:
    if prefix is not None and not re.fullmatch(r"[A-Z]{1,3}", prefix):
        raise ValidationError("Awalan nomor antrian harus 1–3 huruf kapital, misalnya A.", field="prefix")
    if target_wait is not None and not 1 <= target_wait <= 600:
        raise ValidationError("Target waktu tunggu harus 1–600 menit.", field="target_wait_minutes")
    if quota is not None and quota < 1:
        raise ValidationError(
            "Kuota harian harus minimal 1 (kosongkan jika tanpa kuota).", field="daily_quota"
        )
    if head_start is not None and not 0 <= head_start <= MAX_HEAD_START_MINUTES:
        raise ValidationError(
            f"Keunggulan antrian prioritas harus 0–{MAX_HEAD_START_MINUTES} menit.",
            field="priority_head_start_minutes",
        )
    if default_minutes is not None and not 1 <= default_minutes <= 240:
        raise ValidationError("Perkiraan lama layanan harus 1–240 menit.", field="default_service_minutes")


def _prefix_taken(s: Session, prefix: str, except_id: int | None = None) -> bool:
    q = select(Service.id).where(Service.prefix == prefix, Service.active.is_(True))
    if except_id is not None:
        q = q.where(Service.id != except_id)
    return s.scalar(q) is not None


def add_service(
    db: Database,
    code: str,
    name: str,
    agency: str,
    prefix: str,
    *,
    target_wait_minutes: int = 15,
    daily_quota: int | None = None,
    hours: dict[str, list[list[str]]] | None = None,
    priority_head_start_minutes: int = 15,
    default_service_minutes: int = 5,
    actor: Actor = SYSTEM,
) -> ServiceInfo:
    code = _check_code(code, "code")
    prefix = prefix.strip().upper()
    if not name.strip():
        raise ValidationError("Nama layanan wajib diisi.", field="name")
    _check_service_fields(
        prefix, target_wait_minutes, daily_quota, priority_head_start_minutes, default_service_minutes
    )
    hours = opening_hours.validate(hours)
    with db.write() as s:
        if s.scalar(select(Service).where(Service.code == code)) is not None:
            raise AlreadyExists(f"Layanan '{code}' sudah ada.", field="code")
        if _prefix_taken(s, prefix):
            raise AlreadyExists(
                f"Awalan '{prefix}' sudah dipakai layanan lain; nomor antrian harus unik.", field="prefix"
            )
        service = Service(
            code=code,
            name=name.strip(),
            agency=_agency(s, agency),
            prefix=prefix,
            target_wait_minutes=target_wait_minutes,
            daily_quota=daily_quota,
            opening_hours=hours,
            priority_head_start_minutes=priority_head_start_minutes,
            default_service_minutes=default_service_minutes,
            active=True,
        )
        s.add(service)
        s.flush()
        record(s, db, actor, "service.add", "service", code, details=service_info(service).to_json())
        return service_info(service)


_UNSET: Any = object()


def update_service(
    db: Database,
    code: str,
    *,
    name: str | None = None,
    prefix: str | None = None,
    target_wait_minutes: int | None = None,
    daily_quota: int | None = _UNSET,
    hours: dict[str, list[list[str]]] | None = _UNSET,
    priority_head_start_minutes: int | None = None,
    default_service_minutes: int | None = None,
    active: bool | None = None,
    actor: Actor = SYSTEM,
) -> ServiceInfo:
    if prefix is not None:
        prefix = prefix.strip().upper()
    _check_service_fields(
        prefix,
        target_wait_minutes,
        None if daily_quota is _UNSET else daily_quota,
        priority_head_start_minutes,
        default_service_minutes,
    )
    with db.write() as s:
        service = find_service(s, code)
        before = service_info(service).to_json()
        if name is not None:
            if not name.strip():
                raise ValidationError("Nama layanan wajib diisi.", field="name")
            service.name = name.strip()
        if prefix is not None and prefix != service.prefix:
            if _prefix_taken(s, prefix, service.id):
                raise AlreadyExists(f"Awalan '{prefix}' sudah dipakai layanan lain.", field="prefix")
            service.prefix = prefix
        if target_wait_minutes is not None:
            service.target_wait_minutes = target_wait_minutes
        if daily_quota is not _UNSET:
            service.daily_quota = daily_quota
        if hours is not _UNSET:
            service.opening_hours = opening_hours.validate(hours)
        if priority_head_start_minutes is not None:
            service.priority_head_start_minutes = priority_head_start_minutes
        if default_service_minutes is not None:
            service.default_service_minutes = default_service_minutes
        if active is not None:
            service.active = active
        after = service_info(service)
        record(
            s,
            db,
            actor,
            "service.update",
            "service",
            service.code,
            details={"before": before, "after": after.to_json()},
        )
        return after


def list_services(db: Database, include_inactive: bool = False) -> list[ServiceInfo]:
    with db.read() as s:
        q = select(Service).options(selectinload(Service.agency)).order_by(Service.code)
        if not include_inactive:
            q = q.where(Service.active.is_(True))
        return [service_info(sv) for sv in s.scalars(q)]


# --- counters -------------------------------------------------------------------------------


def add_counter(
    db: Database, code: str, name: str, services: list[str], actor: Actor = SYSTEM
) -> CounterInfo:
    code = _check_code(code, "code")
    if not name.strip():
        raise ValidationError("Nama loket wajib diisi.", field="name")
    if not services:
        raise ValidationError("Loket harus melayani minimal satu layanan.", field="services")
    with db.write() as s:
        if s.scalar(select(Counter).where(Counter.code == code)) is not None:
            raise AlreadyExists(f"Loket '{code}' sudah ada.", field="code")
        counter = Counter(
            code=code,
            name=name.strip(),
            state="closed",
            active=True,
            services=[find_service(s, sv) for sv in services],
        )
        s.add(counter)
        s.flush()
        record(
            s,
            db,
            actor,
            "counter.add",
            "counter",
            code,
            details={"name": name, "services": [sv.code for sv in counter.services]},
        )
        return counter_info(counter)


def update_counter(
    db: Database,
    code: str,
    *,
    name: str | None = None,
    services: list[str] | None = None,
    active: bool | None = None,
    actor: Actor = SYSTEM,
) -> CounterInfo:
    with db.write() as s:
        counter = find_counter(s, code)
        if name is not None:
            if not name.strip():
                raise ValidationError("Nama loket wajib diisi.", field="name")
            counter.name = name.strip()
        if services is not None:
            if not services:
                raise ValidationError("Loket harus melayani minimal satu layanan.", field="services")
            counter.services = [find_service(s, sv) for sv in services]
        if active is not None:
            counter.active = active
        record(
            s,
            db,
            actor,
            "counter.update",
            "counter",
            counter.code,
            details={"name": name, "services": services, "active": active},
        )
        return counter_info(counter)


def counter_names_for(db: Database, service: str) -> list[str]:
    """Names of the active counters serving ``service``, by code (the ticket's "Dilayani di"):
    one query, not every counter with its services (a hall has 250 services)."""
    with db.read() as s:
        q = (
            select(Counter.name)
            .join(counter_services, counter_services.c.counter_id == Counter.id)
            .join(Service, Service.id == counter_services.c.service_id)
            .where(Service.code == service, Counter.active.is_(True))
            .order_by(Counter.code)
        )
        return list(s.scalars(q))


def list_counters(db: Database, include_inactive: bool = False) -> list[CounterInfo]:
    from p4_desk.store.models import User

    with db.read() as s:
        q = select(Counter).options(selectinload(Counter.services)).order_by(Counter.code)
        if not include_inactive:
            q = q.where(Counter.active.is_(True))
        counters = list(s.scalars(q))
        names = dict(s.execute(select(User.id, User.username)).all())
        return [counter_info(c, names.get(c.officer_id) if c.officer_id else None) for c in counters]

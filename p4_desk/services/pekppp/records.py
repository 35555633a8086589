"""The records PEKPPP asks for that no queue row holds: IKM follow-ups and service innovations.

An IKM follow-up is an action on a weak element of one IKM run (a service, or the whole site,
over a period): what is done, who owns it, by when, and the day it was done. An innovation is
something the hall changed in a service from a given day; its effect is read from the tickets
(``evidence``), never typed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from p4_desk.domain.ikm import ELEMENTS
from p4_desk.errors import InvalidTransition, NotFound, ValidationError
from p4_desk.services.catalog import find_service
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import IkmAction, ServiceInnovation

_MAX_WINDOW = 366


@dataclass(frozen=True)
class IkmActionInfo:
    id: int
    service: str | None  # None: the site's IKM
    service_name: str | None
    period_from: date
    period_to: date
    element: str
    action: str
    owner: str
    due_on: date
    done_on: date | None
    done_note: str | None

    def state(self, today: date) -> str:
        """``done``, ``late`` (not done, past its date) or ``open``."""
        if self.done_on is not None:
            return "done"
        return "late" if today > self.due_on else "open"


@dataclass(frozen=True)
class InnovationInfo:
    id: int
    service: str
    service_name: str
    name: str
    description: str
    started_on: date
    window_days: int


def _text(value: str, field: str, what: str, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{what} wajib diisi.", field=field)
    if len(text) > limit:
        raise ValidationError(f"{what} terlalu panjang (maks. {limit} karakter).", field=field)
    return text


def _action_info(row: IkmAction) -> IkmActionInfo:
    return IkmActionInfo(
        id=row.id,
        service=row.service.code if row.service else None,
        service_name=row.service.name if row.service else None,
        period_from=row.period_from,
        period_to=row.period_to,
        element=row.element,
        action=row.action,
        owner=row.owner,
        due_on=row.due_on,
        done_on=row.done_on,
        done_note=row.done_note,
    )


def add_ikm_action(
    db: Database,
    *,
    element: str,
    action: str,
    owner: str,
    due_on: date,
    period_from: date,
    period_to: date,
    service: str | None = None,
    actor: Actor = SYSTEM,
) -> IkmActionInfo:
    code = (element or "").strip().upper()
    if code not in ELEMENTS:
        raise ValidationError(f"Unsur IKM '{element}' tidak dikenal (U1 sampai U9).", field="element")
    if period_to < period_from:
        raise ValidationError("Akhir periode IKM tidak boleh sebelum awalnya.", field="period_to")
    if due_on < period_to:
        raise ValidationError(
            "Batas waktu tindak lanjut tidak boleh sebelum akhir periode IKM.", field="due_on"
        )
    with db.write() as s:
        service_row = find_service(s, service) if service else None
        row = IkmAction(
            service_id=service_row.id if service_row else None,
            period_from=period_from,
            period_to=period_to,
            element=code,
            action=_text(action, "action", "Tindak lanjut", 2000),
            owner=_text(owner, "owner", "Penanggung jawab", 200),
            due_on=due_on,
            created_at=db.now(),
            created_by=actor.username,
        )
        row.service = service_row
        s.add(row)
        s.flush()
        record(
            s,
            db,
            actor,
            "ikm_action.add",
            "ikm_action",
            row.id,
            details={
                "element": code,
                "service": service_row.code if service_row else None,
                "due": due_on.isoformat(),
            },
        )
        return _action_info(row)


def complete_ikm_action(
    db: Database, action_id: int, done_on: date, note: str | None = None, actor: Actor = SYSTEM
) -> IkmActionInfo:
    with db.write() as s:
        row = s.get(IkmAction, action_id)
        if row is None:
            raise NotFound(f"Tindak lanjut IKM nomor {action_id} tidak ditemukan.", field="id")
        if row.done_on is not None:
            raise InvalidTransition(f"Tindak lanjut IKM nomor {action_id} sudah selesai.", field="id")
        if done_on < row.period_from:
            raise ValidationError("Tanggal selesai tidak boleh sebelum periode IKM.", field="done_on")
        if done_on > db.now().astimezone(db.timezone).date():
            raise ValidationError("Tanggal selesai tidak boleh setelah hari ini.", field="done_on")
        row.done_on = done_on
        row.done_note = (note or "").strip() or None
        record(s, db, actor, "ikm_action.done", "ikm_action", row.id, details={"done": done_on.isoformat()})
        return _action_info(row)


def list_ikm_actions(db: Database, year: int | None = None) -> list[IkmActionInfo]:
    """Actions on IKM runs that end in ``year`` (all when None), by period then id."""
    with db.read() as s:
        q = (
            select(IkmAction)
            .options(joinedload(IkmAction.service))
            .order_by(IkmAction.period_from, IkmAction.id)
        )
        if year is not None:
            q = q.where(IkmAction.period_to.between(date(year, 1, 1), date(year, 12, 31)))
        return [_action_info(row) for row in s.scalars(q)]


def add_innovation(
    db: Database,
    *,
    service: str,
    name: str,
    started_on: date,
    description: str = "",
    window_days: int = 30,
    actor: Actor = SYSTEM,
) -> InnovationInfo:
    if not 7 <= window_days <= _MAX_WINDOW:
        raise ValidationError(f"Jendela pembanding harus 7 sampai {_MAX_WINDOW} hari.", field="window_days")
    with db.write() as s:
        service_row = find_service(s, service)
        row = ServiceInnovation(
            service_id=service_row.id,
            name=_text(name, "name", "Nama inovasi", 200),
            description=(description or "").strip()[:4000],
            started_on=started_on,
            window_days=window_days,
            created_at=db.now(),
            created_by=actor.username,
        )
        row.service = service_row
        s.add(row)
        s.flush()
        record(
            s,
            db,
            actor,
            "innovation.add",
            "service_innovation",
            row.id,
            details={"service": service_row.code, "started": started_on.isoformat()},
        )
        return _innovation_info(row)


def _innovation_info(row: ServiceInnovation) -> InnovationInfo:
    return InnovationInfo(
        id=row.id,
        service=row.service.code,
        service_name=row.service.name,
        name=row.name,
        description=row.description,
        started_on=row.started_on,
        window_days=row.window_days,
    )


def list_innovations(db: Database, year: int | None = None) -> list[InnovationInfo]:
    """Innovations started in ``year`` or before it (an innovation counts while it lasts)."""
    with db.read() as s:
        q = (
            select(ServiceInnovation)
            .options(joinedload(ServiceInnovation.service))
            .order_by(ServiceInnovation.started_on, ServiceInnovation.id)
        )
        if year is not None:
            q = q.where(ServiceInnovation.started_on <= date(year, 12, 31))
        return [_innovation_info(row) for row in s.scalars(q)]

"""Finding applications: by number (look-alike letters forgiven), NIK, phone or part of a name."""

from __future__ import annotations

import contextlib
import re
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from p4_desk.domain.masking import mask_nik
from p4_desk.domain.nik import normalize_nik
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.registration import parse_registration_number
from p4_desk.errors import ValidationError
from p4_desk.services.applications.records import (
    ApplicationInfo,
    ApplicationSummary,
    application_info,
    find_application,
)
from p4_desk.services.permits import holiday_calendar
from p4_desk.services.privacy.access import log_access
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor
from p4_desk.store.models import Application, PermitType


def get_application(db: Database, ref: str, *, actor: Actor | None = None) -> ApplicationInfo:
    """One application; with ``actor`` (an officer looking) the view goes to the access log."""
    calendar = holiday_calendar(db)
    if actor is None:
        with db.read() as s:
            return application_info(s, find_application(s, db, ref), db, calendar)
    with db.write() as s:
        app = find_application(s, db, ref)
        log_access(s, db, actor, "view", "application", app.registration_number, nik=_nik_of(app))
        return application_info(s, app, db, calendar)


def _nik_of(app: Application) -> str:
    return app.nik if app.anonymised_at is None else ""


def search_applications(
    db: Database, text: str, limit: int = 50, *, actor: Actor | None = None
) -> list[ApplicationSummary]:
    """By registration number (typos in look-alike letters forgiven), NIK, phone or part of the name.

    With ``actor`` (an officer searching) every hit, or the search itself when nothing matched,
    goes to the access log."""
    query_text = text.strip()
    if not query_text:
        return []
    conditions: list[Any] = []
    try:
        conditions.append(Application.registration_number == parse_registration_number(query_text).text)
    except ValidationError:
        if re.fullmatch(r"[A-Za-z]{2,6}-[0-9-]+", query_text):  # a number without its check character
            conditions.append(Application.registration_number.startswith(query_text.upper()))
    nik = normalize_nik(query_text)
    if re.fullmatch(r"[0-9]{16}", nik):
        conditions.append(Application.nik == nik)
    with contextlib.suppress(ValidationError):
        conditions.append(Application.phone == normalize_phone(query_text))
    name_condition = None
    if len(query_text) >= 2 and not any(ch.isdigit() for ch in query_text):
        name_condition = Application.name_key.contains(" ".join(query_text.lower().split()), autoescape=True)
        conditions.append(name_condition)
    if not conditions:
        return []
    with db.write() if actor is not None else db.read() as s:
        where = or_(*conditions)
        if name_condition is not None and len(conditions) == 1:
            where = _name_filter(s, name_condition)
        rows = s.execute(
            select(Application, PermitType.code, PermitType.name)
            .join(PermitType, Application.permit_type_id == PermitType.id)
            .where(where)
            .order_by(Application.received_at.desc())
            .limit(limit)
        ).all()
        if actor is not None:
            for a, _code, _name in rows:
                log_access(s, db, actor, "search", "application", a.registration_number,
                           nik=_nik_of(a), query=query_text)  # fmt: skip
            if not rows:
                log_access(s, db, actor, "search", "application", None, nik=nik or None, query=query_text)
        return [
            ApplicationSummary(
                registration_number=a.registration_number,
                permit_type=code,
                permit_name=name,
                state=a.state,
                applicant_name=a.name,
                nik_masked=a.nik if a.anonymised_at else mask_nik(a.nik),
                phone=a.phone,
                received_at=a.received_at,
                due_date=a.due_date,
                incomplete=a.incomplete,
                clock_state=a.clock_state,
            )
            for a, code, name in rows
        ]


_NAME_CANDIDATES = 1000


def _name_filter(s: Session, condition: Any) -> Any:
    """A part-of-name search that stays fast whether the name is rare or common.

    Newest-first over the received-at index stops early when many rows match, but reads the
    whole table when few do; the name index (name and id only) is read quickly in full. So:
    take the ids from the name index when there are few, else let the newest-first scan run.
    """
    ids = s.scalars(select(Application.id).where(condition).limit(_NAME_CANDIDATES + 1)).all()
    return Application.id.in_(ids) if len(ids) <= _NAME_CANDIDATES else condition

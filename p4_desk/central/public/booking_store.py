"""The central server's booking tables as the offering and the halls' feed both use them: a
hall's rules and zone, and the seats per slot and per day (``booking_seats``, ``booking_days``).
Split from ``booking`` (issue 21); the seat rules are described there.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from p4_desk.central.booking_models import BookingDay, BookingRules, BookingSeat


def now_utc() -> datetime:
    return datetime.now(UTC)


def rules_of(session: Session, site: str) -> dict[str, Any] | None:
    row = session.get(BookingRules, site)
    return row.rules if row else None


def zone_of(session: Session, site: str) -> ZoneInfo:
    return ZoneInfo(str((rules_of(session, site) or {}).get("timezone") or "Asia/Jakarta"))


def upsert_zero(session: Session, model: Any, values: dict[str, Any]) -> None:
    dialect = session.get_bind().dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)
    session.execute(ins.values(**values, booked=0).on_conflict_do_nothing())


def take_seat(session: Session, model: Any, keys: dict[str, Any], cap: int) -> bool:
    upsert_zero(session, model, keys)
    where = [getattr(model, k) == v for k, v in keys.items()]
    done = session.execute(
        update(model)
        .where(*where, model.booked < cap)
        .values(booked=model.booked + 1)
        .execution_options(synchronize_session=False)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def free_seat(session: Session, site: str, service: str, slot: datetime, day: date) -> None:
    for model, keys in ((BookingSeat, {"slot_start": slot}), (BookingDay, {"day": day})):
        where = [model.site == site, model.service == service] + [
            getattr(model, k) == v for k, v in keys.items()
        ]
        session.execute(
            update(model)
            .where(*where, model.booked > 0)
            .values(booked=model.booked - 1)
            .execution_options(synchronize_session=False)
        )

"""SQL building blocks of the statistics (dialect differences) and the resolved filter scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Float, cast, extract, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from p4_desk.errors import NotFound
from p4_desk.services.catalog import find_counter, find_service
from p4_desk.services.stats.model import Period, StatsFilter
from p4_desk.store.db import Database
from p4_desk.store.models import (
    Agency,
    Service,
    TicketLeg,
    User,
)
from p4_desk.store.types import UTCDateTime


def _seconds(db: Database, later: Any, earlier: Any) -> ColumnElement[float]:
    """Seconds from ``earlier`` to ``later`` (both UTC timestamps) in the database's dialect."""
    if db.is_sqlite:
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return cast(extract("epoch", later - earlier), Float)


def _hour_bucket(db: Database, column: Any) -> ColumnElement[str]:
    """``'YYYY-MM-DD HH'`` of a UTC timestamp, the same text on both dialects.

    SQLite stores timestamps as ISO text (``YYYY-MM-DD HH:MM:SS.ffffff``): the first 13
    characters are the hour, several times cheaper than ``strftime`` parsing every row."""
    if db.is_sqlite:
        return func.substr(column, 1, 13)
    return func.to_char(column, "YYYY-MM-DD HH24")


def _utc_param(moment: datetime) -> ColumnElement[datetime]:
    return literal(moment, UTCDateTime())


@dataclass(frozen=True)
class _Scope:
    start: datetime
    end: datetime
    service_ids: tuple[int, ...] | None
    counter_id: int | None
    officer_id: int | None
    # legs queued in this part of [start, end) only (the days not summarised); the figures that
    # depend on the period's end (waiting at end, busy time) still use ``end``
    queued: tuple[datetime, datetime] | None = None

    def legs(self) -> list[ColumnElement[bool]]:
        L = TicketLeg
        lo, hi = self.queued or (self.start, self.end)
        where: list[ColumnElement[bool]] = [L.queued_at >= lo, L.queued_at < hi]
        if self.service_ids is not None:
            where.append(L.service_id.in_(self.service_ids))
        if self.counter_id is not None:
            where.append(L.counter_id == self.counter_id)
        if self.officer_id is not None:
            where.append(L.officer_id == self.officer_id)
        return where


def _resolve(s: Session, db: Database, period: Period, filters: StatsFilter) -> _Scope:
    start, end = period.bounds(db.timezone)
    service_ids: tuple[int, ...] | None = None
    if filters.agency:
        agency = s.scalar(select(Agency).where(Agency.code == filters.agency.strip().upper()))
        if agency is None:
            raise NotFound(f"Instansi '{filters.agency}' tidak ditemukan.", field="agency")
        service_ids = tuple(s.scalars(select(Service.id).where(Service.agency_id == agency.id)))
    if filters.service:
        sid = find_service(s, filters.service.strip()).id
        service_ids = tuple(i for i in service_ids if i == sid) if service_ids is not None else (sid,)
    counter_id = find_counter(s, filters.counter.strip()).id if filters.counter else None
    officer_id = None
    if filters.officer:
        officer_id = s.scalar(select(User.id).where(User.username == filters.officer.strip().lower()))
        if officer_id is None:
            raise NotFound(f"Petugas '{filters.officer}' tidak ditemukan.", field="officer")
    return _Scope(start, end, service_ids, counter_id, officer_id)

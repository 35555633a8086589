"""Tables of the central database (separate from a desk's database)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite keeps no offset by itself)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


#: 64-bit ids on PostgreSQL; SQLite's rowid alias must be spelled INTEGER
Id64 = BigInteger().with_variant(Integer, "sqlite")


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON}


class Site(Base):
    """A service centre (MPP / P4) that pushes events; one active token at a time."""

    __tablename__ = "sites"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    #: sha256 of the pending one-time enrolment code, NULL once used
    enrolment_code_hash: Mapped[str | None] = mapped_column(String(64))
    #: the pending code is refused after this moment (``sites.DEFAULT_ENROLMENT_DAYS``)
    enrolment_expires_at: Mapped[datetime | None]
    #: sha256 of the bearer token, NULL when never enrolled or revoked
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class StoredEvent(Base):
    """An outbox event exactly as a site sent it; (site, event_id) is the idempotency key."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("site", "event_id", name="uq_events_site_event"),)

    seq: Mapped[int] = mapped_column(Id64, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), index=True)
    event_id: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(40))
    schema_version: Mapped[int]
    occurred_at: Mapped[datetime]
    received_at: Mapped[datetime]
    payload: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))


class TicketProjection(Base):
    """Latest known snapshot of each queue ticket (the newest ``occurred_at`` wins)."""

    __tablename__ = "tickets"

    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), primary_key=True)
    ticket_uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    number: Mapped[str | None] = mapped_column(String(16))
    service: Mapped[str | None] = mapped_column(String(64))
    agency: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str | None] = mapped_column(String(32))
    service_day: Mapped[date | None] = mapped_column(Date, index=True)
    issued_at: Mapped[datetime | None]
    called_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    occurred_at: Mapped[datetime]
    event_id: Mapped[str] = mapped_column(String(36))


class ApplicationProjection(Base):
    """Latest known state of each permit application, by registration number."""

    __tablename__ = "applications"

    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), primary_key=True)
    #: unique per site (DOMAIN.md), so the key includes the site
    registration_number: Mapped[str] = mapped_column(String(64), primary_key=True)
    permit_type: Mapped[str | None] = mapped_column(String(64))
    agency: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(40))
    #: local date (province time zone) the application was received
    day: Mapped[date] = mapped_column(Date, index=True)
    occurred_at: Mapped[datetime]
    event_id: Mapped[str] = mapped_column(String(36))


class ComplaintProjection(Base):
    """Latest known state of each complaint, by complaint number."""

    __tablename__ = "complaints"

    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), primary_key=True)
    complaint_number: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str | None] = mapped_column(String(40))
    agency: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(40))
    day: Mapped[date] = mapped_column(Date, index=True)
    occurred_at: Mapped[datetime]
    event_id: Mapped[str] = mapped_column(String(36))


class SurveyProjection(Base):
    """One IKM survey response."""

    __tablename__ = "surveys"

    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), primary_key=True)
    survey_uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    service: Mapped[str | None] = mapped_column(String(64))
    answers: Mapped[dict[str, Any]]
    day: Mapped[date] = mapped_column(Date, index=True)
    occurred_at: Mapped[datetime]
    event_id: Mapped[str] = mapped_column(String(36))


class PermitType(Base):
    """One permit type of the province catalogue (requirements kept as a JSON list)."""

    __tablename__ = "permit_types"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    agency: Mapped[str] = mapped_column(String(64))
    working_days: Mapped[int]
    fee: Mapped[int]
    legal_basis: Mapped[str] = mapped_column(String(200))
    product: Mapped[str] = mapped_column(String(200))
    retired: Mapped[bool]
    requirements: Mapped[list[dict[str, Any]]] = mapped_column(JSON)


class Holiday(Base):
    """A national holiday or *cuti bersama* day (working-day deadlines skip it)."""

    __tablename__ = "holidays"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))


class ApplicationUpdate(Base):
    """A back-office status change, pulled by the owning site through a cursor (``id``)."""

    __tablename__ = "application_updates"

    id: Mapped[int] = mapped_column(Id64, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), index=True)
    registration_number: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime]

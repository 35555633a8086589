"""Site, agencies, services, counters, users, tickets, audit log and outbox."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from p4_desk.store.models.base import Base
from p4_desk.store.types import UTCDateTime


class Site(Base):
    """The one building this database serves (always id 1)."""

    __tablename__ = "site"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Jakarta")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SiteSetting(Base):
    """Site-wide options every workstation shares (running text, policies, ...)."""

    __tablename__ = "site_setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Agency(Base):
    __tablename__ = "agency"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


counter_services = Table(
    "counter_service",
    Base.metadata,
    Column("counter_id", ForeignKey("counter.id", ondelete="CASCADE"), primary_key=True),
    Column("service_id", ForeignKey("service.id", ondelete="CASCADE"), primary_key=True),
)


class Service(Base):
    __tablename__ = "service"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    prefix: Mapped[str] = mapped_column(String(3))
    target_wait_minutes: Mapped[int] = mapped_column(Integer, default=15)
    daily_quota: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # {"mon": [["08:00", "15:00"]], ..., "fri": [["08:00", "11:30"], ["13:30", "15:00"]]};
    # null means always open (24 h, e.g. a demo or an information desk).
    opening_hours: Mapped[Any] = mapped_column(JSON, nullable=True)
    # Head start, in minutes, that a priority ticket gets over a regular one (DESIGN §4).
    priority_head_start_minutes: Mapped[int] = mapped_column(Integer, default=15)
    default_service_minutes: Mapped[int] = mapped_column(Integer, default=5)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The citizen-facing parts of the service standard (PermenPANRB 15/2014; migration 0013):
    # empty text is "not filled in"; ``std_fee`` None is "not filled in", 0 is free of charge.
    std_requirements: Mapped[str] = mapped_column(Text, default="", server_default="")
    std_procedure: Mapped[str] = mapped_column(Text, default="", server_default="")
    std_time: Mapped[str] = mapped_column(String(200), default="", server_default="")
    std_fee: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    std_product: Mapped[str] = mapped_column(Text, default="", server_default="")
    std_complaints: Mapped[str] = mapped_column(Text, default="", server_default="")
    legal_basis: Mapped[str] = mapped_column(Text, default="", server_default="")
    # shown to citizens (kiosk "Informasi layanan"): the standard is published
    std_published: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    agency: Mapped[Agency] = relationship()


class Counter(Base):
    __tablename__ = "counter"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(10), default="closed")  # open | paused | closed
    state_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    services: Mapped[list[Service]] = relationship(secondary=counter_services, order_by="Service.code")


class User(Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # operator | supervisor | admin
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: locks in a row without a successful login since; each lock lasts twice the one before
    lockouts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ServiceDaySequence(Base):
    """Last ticket number handed out per service per service day (atomic allocation)."""

    __tablename__ = "service_day_sequence"
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), primary_key=True)
    service_day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("issued_service_id", "service_day", "seq", name="uq_ticket_service_day_seq"),
        Index("ix_ticket_queue", "state", "service_id", "queue_key"),
        Index("ix_ticket_day_number", "service_day", "number"),
        Index("ix_ticket_public_token", "public_token", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    # The unguessable key of the citizen's "my ticket" page (``/t/{token}``, in the ticket's QR);
    # NULL for tickets issued before migration 0009.
    public_token: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # Service the ticket is queued in now (changes on transfer); number keeps the issuing prefix.
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    issued_service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    service_day: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str | None] = mapped_column(String(16), nullable=True)
    state: Mapped[str] = mapped_column(String(12))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Original arrival: ordering uses it, a transfer keeps it.
    arrival_at: Mapped[datetime] = mapped_column(UTCDateTime())
    queue_key: Mapped[float] = mapped_column(Float)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"), nullable=True)
    # A transfer to one specific counter: only that counter may call it.
    target_counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"), nullable=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    cancel_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    transferred_from_service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), nullable=True)
    print_state: Mapped[str] = mapped_column(String(10), default="none")  # none|pending|printed|failed
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    service: Mapped[Service] = relationship(foreign_keys=[service_id])
    issued_service: Mapped[Service] = relationship(foreign_keys=[issued_service_id])
    counter: Mapped[Counter | None] = relationship(foreign_keys=[counter_id])
    target_counter: Mapped[Counter | None] = relationship(foreign_keys=[target_counter_id])
    officer: Mapped[User | None] = relationship()


class TicketLeg(Base):
    """One visit of a ticket to one service queue; a transfer closes a leg and opens the next.

    Statistics count legs, so a transferred ticket counts once per service it was served in.
    """

    __tablename__ = "ticket_leg"
    __table_args__ = (Index("ix_ticket_leg_service_queued", "service_id", "queued_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"), nullable=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    # open | done | no_show | cancelled | transferred | unserved (the service day ended first)
    outcome: Mapped[str] = mapped_column(String(12), default="open")


class AuditEntry(Base):
    """Append-only (triggers refuse UPDATE, DELETE and TRUNCATE: migrations 0001, 0008) and
    hash-chained (``store/journal.py``)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str | None] = mapped_column(String(64), nullable=True)
    workstation: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    details: Mapped[Any] = mapped_column(JSON, nullable=True)
    #: the previous row's ``row_hash`` (``journal.GENESIS`` for the first row)
    prev_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: sha256 of ``prev_hash`` and this row's content (``journal.audit_digest``)
    row_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class OutboxEvent(Base):
    """Transactional outbox (DESIGN §5): written in the same transaction as the change."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_next", "state", "next_attempt_at", "seq"),)
    seq: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    schema_version: Mapped[int] = mapped_column(Integer, default=1)
    payload: Mapped[Any] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(8), default="pending")  # pending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

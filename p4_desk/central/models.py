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
    Float,
    ForeignKey,
    Index,
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
    #: when the site last pushed events or pulled updates: the public pages' figures are live
    #: only while it is recent (``central.public.live``)
    last_contact_at: Mapped[datetime | None]


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
    __table_args__ = (
        Index("ix_tickets_public_token", "public_token"),
        Index("ix_tickets_queue", "site", "service_day", "service", "state"),
    )

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
    # what the citizens' pages need (desk events since migration 0009; NULL from older halls)
    public_token: Mapped[str | None] = mapped_column(String(32))
    queue_key: Mapped[float | None] = mapped_column(Float)
    started_at: Mapped[datetime | None]
    counter: Mapped[str | None] = mapped_column(String(64))
    counter_name: Mapped[str | None] = mapped_column(String(200))
    service_name: Mapped[str | None] = mapped_column(String(200))
    agency_name: Mapped[str | None] = mapped_column(String(200))
    #: the service's target wait when issued (desk events since central migration 0007)
    target_wait_minutes: Mapped[int | None] = mapped_column(Integer)
    #: the names of the services the visit goes on to ("lanjut ke", central migration 0007)
    visit_next: Mapped[list[str] | None] = mapped_column(JSON)
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
    # the public tracking page (``/lacak``): sha256 of the receipt's secret, and what it shows
    tracking_secret_hash: Mapped[str | None] = mapped_column(String(64))
    permit_name: Mapped[str | None] = mapped_column(String(200))
    applicant_masked: Mapped[str | None] = mapped_column(String(200))
    due_date: Mapped[date | None] = mapped_column(Date)
    missing_documents: Mapped[list[str] | None] = mapped_column(JSON)


class ApplicationStep(Base):
    """One state an application reached, as its events told (the tracking page's history)."""

    __tablename__ = "application_steps"
    __table_args__ = (Index("ix_application_steps_application", "site", "registration_number"),)

    id: Mapped[int] = mapped_column(Id64, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(ForeignKey("sites.code"))
    registration_number: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime]
    event_id: Mapped[str] = mapped_column(String(36), unique=True)


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


class CounterProjection(Base):
    """Latest known state of each counter (open, paused, closed), from the counter events."""

    __tablename__ = "counters"

    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), primary_key=True)
    counter: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(10))
    occurred_at: Mapped[datetime]
    event_id: Mapped[str] = mapped_column(String(36))


class SiteBoard(Base):
    """The hall's public board (``site.board``): services, opening hours, counters, reminder rule."""

    __tablename__ = "site_boards"

    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), primary_key=True)
    board: Mapped[dict[str, Any]]
    occurred_at: Mapped[datetime]
    event_id: Mapped[str] = mapped_column(String(36))


class WebComplaint(Base):
    """A complaint filed on the public form, until and after the hall took it in.

    ``id`` is the halls' pull cursor. The reporter's contact is kept only until the hall has
    filed the complaint (its ``complaint.received`` event carries ``web_code``), then erased.
    """

    __tablename__ = "web_complaints"
    __table_args__ = (Index("ix_web_complaints_site_id", "site", "id"),)

    id: Mapped[int] = mapped_column(Id64, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    site: Mapped[str] = mapped_column(ForeignKey("sites.code"))
    kind: Mapped[str] = mapped_column(String(40))
    agency: Mapped[str] = mapped_column(String(64))
    agency_name: Mapped[str] = mapped_column(String(200))
    service: Mapped[str | None] = mapped_column(String(64))
    service_name: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    service_date: Mapped[date] = mapped_column(Date)
    filed_at: Mapped[datetime]
    identity: Mapped[str] = mapped_column(String(12))
    reporter_name: Mapped[str | None] = mapped_column(String(200))
    reporter_phone: Mapped[str | None] = mapped_column(String(20))
    reporter_email: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    #: ``submitted`` until the hall files it, then the desk's complaint states; ``refused``
    state: Mapped[str] = mapped_column(String(20))
    complaint_number: Mapped[str | None] = mapped_column(String(64))
    #: [{"state", "at", "note"?}] as the hall's events told, oldest first
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    deadlines: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    refused_reason: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]


class Reminder(Base):
    """A citizen's "Ingatkan saya" for one ticket: the phone, deleted when the ticket ends."""

    __tablename__ = "reminders"

    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), primary_key=True)
    ticket_uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    phone: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]


class Notification(Base):
    """One message to send, at most one per (ticket, event): the delivery queue with its retries."""

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("site", "ticket_uid", "event", name="uq_notifications_ticket_event"),
        Index("ix_notifications_due", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Id64, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(ForeignKey("sites.code"))
    ticket_uid: Mapped[str] = mapped_column(String(64))
    #: ``near`` (N people ahead) or ``called``
    event: Mapped[str] = mapped_column(String(10))
    #: what the message says: ticket number, counter, people ahead (no personal data)
    details: Mapped[dict[str, Any]]
    #: pending → sending → sent; failed (gave up), dropped (the ticket ended first), unknown
    state: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


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


class ProvinceStaff(Base):
    """An account of the province's staff for the ``/provinsi`` pages (central CLI)."""

    __tablename__ = "province_staff"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None]


class ProvinceSession(Base):
    """A staff login: sha256 of the cookie's random token, until ``expires_at``."""

    __tablename__ = "province_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("province_staff.username"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


from p4_desk.central import booking_models as _booking_models  # noqa: E402,F401  (registers the appointment tables)

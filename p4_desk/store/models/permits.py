"""Permit catalogue, holidays, permit applications and their history, intake drafts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from p4_desk.store.models.base import Base
from p4_desk.store.types import UTCDateTime


class PermitType(Base):
    """A permit the site takes applications for (service standard: PermenPANRB 15/2014)."""

    __tablename__ = "permit_type"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Agency code as the catalogue gives it; the central catalogue may name agencies that
    # have no counter at this site, so this is not a foreign key.
    agency: Mapped[str] = mapped_column(String(32))
    working_days: Mapped[int] = mapped_column(Integer)
    fee: Mapped[int] = mapped_column(Integer, default=0)  # rupiah
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    product: Mapped[str] = mapped_column(String(200), default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    # Whether cuti bersama counts as a working day for this permit's deadline; None: the
    # site's default (workdays.cuti_bersama_is_workday). Many services stay open on those days.
    cuti_bersama_is_workday: Mapped[bool | None] = mapped_column(Boolean, nullable=True, default=None)
    # The law deems an application approved when the office misses the deadline ("fiktif
    # positif"): officers and the supervisor are warned before it passes.
    fiktif_positif: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A resubmitted dossier restarts the deadline clock from zero (OSS 43/44); else it resumes.
    clock_restarts_on_resubmission: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    requirements: Mapped[list[PermitRequirement]] = relationship(
        order_by="PermitRequirement.position", cascade="all, delete-orphan"
    )


class PermitRequirement(Base):
    __tablename__ = "permit_requirement"
    __table_args__ = (UniqueConstraint("permit_type_id", "code", name="uq_permit_requirement_type_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    permit_type_id: Mapped[int] = mapped_column(ForeignKey("permit_type.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(300))
    mandatory: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class HolidayRow(Base):
    """A national holiday or *cuti bersama* day (data: seeded, then from the central API)."""

    __tablename__ = "holiday"
    __table_args__ = (UniqueConstraint("day", "name", name="uq_holiday_day_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # national | cuti_bersama


class RegistrationSequence(Base):
    """Last registration number handed out per prefix and month (atomic allocation)."""

    __tablename__ = "registration_sequence"
    prefix: Mapped[str] = mapped_column(String(6), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Application(Base):
    """A permit application taken at the counter."""

    __tablename__ = "application"
    __table_args__ = (
        Index("ix_application_received", "received_at"),
        Index("ix_application_clock_due", "clock_state", "due_date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    registration_number: Mapped[str] = mapped_column(String(24), unique=True)
    permit_type_id: Mapped[int] = mapped_column(ForeignKey("permit_type.id"))
    state: Mapped[str] = mapped_column(String(16))
    # Personal data (UU 27/2022): kept for the officer's search and the hand-over check,
    # masked on paper, screens citizens see, events and logs.
    nik: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)  # lower-case, for search
    phone: Mapped[str] = mapped_column(String(20), index=True)  # E.164
    email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    address: Mapped[str] = mapped_column(Text)
    nib: Mapped[str | None] = mapped_column(String(13), nullable=True)
    business_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    ticket_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    ticket_number: Mapped[str | None] = mapped_column(String(16), nullable=True)
    fee: Mapped[int] = mapped_column(Integer)  # rupiah at intake
    incomplete: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The working day the deadline clock runs out (recounted when it stops and resumes; while
    # it is stopped, the date last promised).
    due_date: Mapped[date] = mapped_column(Date)
    # The due date was counted through a year with no official holiday list (perkiraan).
    due_estimated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The deadline clock (domain.permit_clock): running | stopped | ended; its history is
    # ``clock_events``. ``clock_days``: the working days promised at intake (the permit type's
    # then; 0 only in the instant between migration 0010 adding the column and filling it).
    clock_state: Mapped[str] = mapped_column(String(8), default="running", server_default="running")
    clock_days: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    # The clock's revision (its events but the end) when the intake receipt was last printed: a
    # receipt at the same revision again is a copy (SALINAN); after a change it is a new receipt.
    receipt_clock_events: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    officer_name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    receipt_prints: Mapped[int] = mapped_column(Integer, default=0)
    handed_over_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    handed_over_to: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Collected by a representative with a power of attorney (surat kuasa), checked by the
    # officer. The representative's NIK is kept masked only: nothing later needs the full number.
    handed_over_by_proxy: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    proxy_nik_masked: Mapped[str | None] = mapped_column(String(16), nullable=True)
    proxy_letter_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    proxy_letter_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The per-application secret of the public tracking page (``/lacak/{number}?k={secret}``,
    # in the receipt's QR): without it the page answers 404.
    tracking_secret: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # When its personal fields were anonymised past retention (``services.privacy.purge``).
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    permit_type: Mapped[PermitType] = relationship()
    documents: Mapped[list[ApplicationDocument]] = relationship(
        order_by="ApplicationDocument.position", cascade="all, delete-orphan"
    )
    history: Mapped[list[ApplicationStatusChange]] = relationship(
        order_by="ApplicationStatusChange.id", cascade="all, delete-orphan"
    )
    clock_events: Mapped[list[ApplicationClockEvent]] = relationship(
        order_by="ApplicationClockEvent.id", cascade="all, delete-orphan"
    )


class ApplicationDocument(Base):
    """One requirement of the permit type as checked at intake (a snapshot of its name)."""

    __tablename__ = "application_document"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    requirement_code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(300))
    mandatory: Mapped[bool] = mapped_column(Boolean)
    received: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ApplicationStatusChange(Base):
    """Tracking history: every state an application went through, who and when."""

    __tablename__ = "application_status_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    officer_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    officer_name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ApplicationClockEvent(Base):
    """One change of an application's deadline clock: start, stop, resume, restart, end."""

    __tablename__ = "application_clock_event"
    __table_args__ = (Index("ix_application_clock_event_action_day", "action", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(8))  # domain.permit_clock.ClockAction
    day: Mapped[date] = mapped_column(Date)  # site-local
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    waiting_for: Mapped[str | None] = mapped_column(String(16), nullable=True)  # for a stop
    reason: Mapped[str] = mapped_column(Text, default="")
    # the clock after this change: working days used (NULL only on ends that migration 0010
    # backfilled, whose count nobody made then) and the due date (NULL while stopped)
    used_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    officer_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    officer_name: Mapped[str | None] = mapped_column(String(64), nullable=True)


class IntakeDraft(Base):
    """What an officer typed into an intake form and has not saved yet (autosave)."""

    __tablename__ = "intake_draft"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    data: Mapped[Any] = mapped_column(JSON)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

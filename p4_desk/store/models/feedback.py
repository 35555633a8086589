"""Complaints (*pengaduan*) with their step history, and IKM survey responses."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from p4_desk.store.models.base import Base
from p4_desk.store.models.core import Agency, Service, User
from p4_desk.store.types import UTCDateTime


class ComplaintSequence(Base):
    """Last complaint number handed out per calendar year (site time zone)."""

    __tablename__ = "complaint_sequence"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer)


class Complaint(Base):
    __tablename__ = "complaint"
    __table_args__ = (
        Index("ix_complaint_state_agency", "state", "agency_id"),
        Index("ix_complaint_web_code", "web_code", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    # The citizen's tracking code of a complaint filed on the central server's web form
    # (``/pengaduan``); NULL for complaints taken at the desk.
    web_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    kind: Mapped[str] = mapped_column(String(24))  # aspirasi | pengaduan | permintaan_informasi
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), nullable=True)
    description: Mapped[str] = mapped_column(Text)
    ticket_ref: Mapped[str | None] = mapped_column(String(32), nullable=True)
    registration_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    service_date: Mapped[date] = mapped_column(Date)
    # named | confidential (kept, never printed nor sent) | anonymous (nothing kept)
    identity: Mapped[str] = mapped_column(String(12))
    reporter_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reporter_phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reporter_email: Mapped[str | None] = mapped_column(String(200), nullable=True)
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    place: Mapped[str | None] = mapped_column(String(200), nullable=True)
    state: Mapped[str] = mapped_column(String(12))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_on: Mapped[date] = mapped_column(Date)  # local date the deadlines count from
    forwarded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # due dates by name (ISO dates), recomputed at each step from the rules of that moment
    deadlines: Mapped[Any] = mapped_column(JSON)
    # the officer who took the complaint: answers for verification and forwarding
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    # When the reporter's identity and the text were anonymised past retention.
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    agency: Mapped[Agency] = relationship()
    service: Mapped[Service | None] = relationship()
    officer: Mapped[User | None] = relationship()
    steps: Mapped[list[ComplaintStep]] = relationship(back_populates="complaint", order_by="ComplaintStep.id")


class ComplaintStep(Base):
    """One state change of a complaint (the tracking history shown and printed)."""

    __tablename__ = "complaint_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    from_state: Mapped[str | None] = mapped_column(String(12), nullable=True)
    to_state: Mapped[str] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str | None] = mapped_column(String(64), nullable=True)

    complaint: Mapped[Complaint] = relationship(back_populates="steps")


_SCORE_COLUMNS = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")


class SurveyResponse(Base):
    """One respondent's IKM answers; at most one per ticket (NULL tickets are anonymous)."""

    __tablename__ = "survey_response"
    __table_args__ = (
        *(CheckConstraint(f"{c} BETWEEN 1 AND 4", name=f"{c}_range") for c in _SCORE_COLUMNS),
        Index("ix_survey_response_day_service", "service_day", "service_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"), nullable=True, unique=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), nullable=True)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counter.id"), nullable=True)
    channel: Mapped[str] = mapped_column(String(10))  # screen | paper
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    service_day: Mapped[date] = mapped_column(Date)  # local date, the period the answer counts in
    u1: Mapped[int] = mapped_column(SmallInteger)
    u2: Mapped[int] = mapped_column(SmallInteger)
    u3: Mapped[int] = mapped_column(SmallInteger)
    u4: Mapped[int] = mapped_column(SmallInteger)
    u5: Mapped[int] = mapped_column(SmallInteger)
    u6: Mapped[int] = mapped_column(SmallInteger)
    u7: Mapped[int] = mapped_column(SmallInteger)
    u8: Mapped[int] = mapped_column(SmallInteger)
    u9: Mapped[int] = mapped_column(SmallInteger)

    service: Mapped[Service | None] = relationship()

"""Appointments: each service's booking rule and the bookings (migration 0015)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from p4_desk.store.models.base import Base
from p4_desk.store.models.core import Service
from p4_desk.store.types import UTCDateTime


class BookingRuleRow(Base):
    """A service's appointment rule (``domain.booking_rules.BookingRule`` as JSON)."""

    __tablename__ = "booking_rule"
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    rule: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    service: Mapped[Service] = relationship()


class Booking(Base):
    """One appointment: made on the central server (``web``) or at the hall by phone (``hall``).

    State: ``booked`` → ``checked_in`` (on time: queued by the service's check-in policy) or
    ``late`` (checked in after the window: served as a walk-in), or ``cancelled``. A booking still
    ``booked`` after its check-in window closed is a no-show (counted, not stored).
    """

    __tablename__ = "booking"
    __table_args__ = (Index("ix_booking_service_slot", "service_id", "slot_start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    slot_start: Mapped[datetime] = mapped_column(UTCDateTime())
    slot_minutes: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(32))
    origin: Mapped[str] = mapped_column(String(8))  # web | hall
    state: Mapped[str] = mapped_column(String(12), default="booked")
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"), nullable=True, unique=True)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    service: Mapped[Service] = relationship()

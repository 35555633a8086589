"""Tables of the central server's appointments (central migration 0006; imported by ``models``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from p4_desk.central.models import Base, Id64


class BookingRules(Base):
    """A hall's booking rules (``site.booking_rules``): the services that take appointments."""

    __tablename__ = "booking_rules"

    site: Mapped[str] = mapped_column(ForeignKey("sites.code"), primary_key=True)
    rules: Mapped[dict[str, Any]]
    occurred_at: Mapped[datetime]
    event_id: Mapped[str] = mapped_column(String(36))


class BookingSeat(Base):
    """Seats taken in one slot (web and hall bookings); the web takes one only while ``booked <
    capacity`` in one conditional UPDATE, so concurrent requests never overfill it."""

    __tablename__ = "booking_seats"

    site: Mapped[str] = mapped_column(String(32), primary_key=True)
    service: Mapped[str] = mapped_column(String(64), primary_key=True)
    slot_start: Mapped[datetime] = mapped_column(primary_key=True)
    booked: Mapped[int] = mapped_column(Integer)


class BookingDay(Base):
    """Appointments of one service on one local day (the walk-in share caps them)."""

    __tablename__ = "booking_days"

    site: Mapped[str] = mapped_column(String(32), primary_key=True)
    service: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    booked: Mapped[int] = mapped_column(Integer)


class CentralBooking(Base):
    """One appointment the central server knows: made here (``web``, with name and phone, which
    the hall pulls) or told by the hall (``hall``: no name, no phone)."""

    __tablename__ = "bookings"
    __table_args__ = (
        UniqueConstraint("site", "code", name="uq_bookings_site_code"),
        # the retention purge's rows: web bookings still holding a phone (central migration 0007)
        Index(
            "ix_bookings_unpurged",
            "site",
            "slot_start",
            sqlite_where=text("phone IS NOT NULL"),
            postgresql_where=text("phone IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Id64, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(ForeignKey("sites.code"))
    code: Mapped[str] = mapped_column(String(8))
    service: Mapped[str] = mapped_column(String(64))
    service_name: Mapped[str] = mapped_column(String(200))
    slot_start: Mapped[datetime]
    slot_minutes: Mapped[int] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    origin: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(12))  # booked | cancelled | checked_in | late
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class BookingFeed(Base):
    """What the hall pulls (``GET /api/v1/sites/{site}/bookings?cursor=``): web bookings made or
    cancelled, in ``id`` order."""

    __tablename__ = "booking_feed"
    __table_args__ = (Index("ix_booking_feed_site_id", "site", "id"),)

    id: Mapped[int] = mapped_column(Id64, primary_key=True, autoincrement=True)
    site: Mapped[str] = mapped_column(String(32))
    booking_id: Mapped[int] = mapped_column(Id64, ForeignKey("bookings.id"))
    state: Mapped[str] = mapped_column(String(12))

"""PEKPPP records a hall keeps besides its queue: IKM follow-up actions and service innovations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from p4_desk.store.models.base import Base
from p4_desk.store.models.core import Service
from p4_desk.store.types import UTCDateTime


class IkmAction(Base):
    """A follow-up of an IKM run's weak element: what, who, by when, and when it was done."""

    __tablename__ = "ikm_action"
    id: Mapped[int] = mapped_column(primary_key=True)
    # NULL: the IKM of the whole site
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), nullable=True)
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    element: Mapped[str] = mapped_column(String(3))  # U1..U9
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str | None] = mapped_column(String(64), nullable=True)

    service: Mapped[Service | None] = relationship()


class ServiceInnovation(Base):
    """A service innovation the hall introduced on ``started_on`` (waits compared around it)."""

    __tablename__ = "service_innovation"
    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date] = mapped_column(Date)
    # days compared before and after the start (both windows the same length)
    window_days: Mapped[int] = mapped_column(Integer, default=30)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str | None] = mapped_column(String(64), nullable=True)

    service: Mapped[Service] = relationship()

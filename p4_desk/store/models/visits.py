"""One visit, several services (issue 17.4, migration 0012): the plan a ticket carries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from p4_desk.store.models.base import Base
from p4_desk.store.models.core import Service
from p4_desk.store.types import UTCDateTime


class VisitStep(Base):
    """One planned service of a multi-service ticket, in order (``domain.visits``).

    Only tickets issued for two or more services have rows. ``joined_at``: when the ticket joined
    this step's queue (the issue for the first step; the end of the previous leg for the next);
    the place of a transferred continuation is kept from it.
    """

    __tablename__ = "visit_step"
    __table_args__ = (UniqueConstraint("ticket_id", "position", name="uq_visit_step_ticket_position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    status: Mapped[str] = mapped_column(String(10))  # pending | current | done | skipped
    joined_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    service: Mapped[Service] = relationship()

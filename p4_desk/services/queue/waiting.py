"""Who waits in which queue now: the one query behind every "waiting" and "longest wait" figure.

The definitions are ``domain.waiting``: a ticket waits in the queue of its open, not yet called
service leg, since that leg was queued. The kiosk and ``p4-desk queue status`` (``status``), the
supervisor's live monitor (``services.stats``) and the counter's waiting list read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from p4_desk.domain.ticket_lifecycle import TicketState
from p4_desk.domain.waiting import longest_wait_minutes
from p4_desk.store.models import Ticket, TicketLeg
from p4_desk.store.types import UTCDateTime


@dataclass(frozen=True)
class QueueWaiting:
    """The tickets waiting in one service queue now."""

    waiting: int
    oldest_joined_at: datetime | None  # when the longest-waiting ticket joined this queue

    def longest_wait_minutes(self, now: datetime) -> int | None:
        return longest_wait_minutes(self.oldest_joined_at, now)


NOBODY = QueueWaiting(0, None)


def waiting_by_service(s: Session, today: date) -> dict[int, QueueWaiting]:
    """Today's waiting tickets per service id: how many, and when the longest-waiting one joined.

    Tickets left waiting from an earlier service day are not in any queue (they are never called).
    """
    rows = s.execute(
        select(TicketLeg.service_id, func.count(), type_coerce(func.min(TicketLeg.queued_at), UTCDateTime()))
        .join(Ticket, Ticket.id == TicketLeg.ticket_id)
        .where(
            Ticket.state == TicketState.WAITING,
            Ticket.service_day == today,
            TicketLeg.outcome == "open",
            TicketLeg.called_at.is_(None),
        )
        .group_by(TicketLeg.service_id)
    )
    return {service_id: QueueWaiting(int(count), oldest) for service_id, count, oldest in rows}


def joined_queue_at() -> ColumnElement[datetime]:
    """Per ticket row: when it joined the queue it is in now (the start of its latest leg)."""
    latest = (
        select(TicketLeg.queued_at)
        .where(TicketLeg.ticket_id == Ticket.id)
        .order_by(TicketLeg.id.desc())
        .limit(1)
        .correlate(Ticket)
        .scalar_subquery()
    )
    return type_coerce(latest, UTCDateTime())

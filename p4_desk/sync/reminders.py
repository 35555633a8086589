"""Kiosk reminders: the phones citizens gave at the kiosk (``reminder_request``) are handed to
the central server after the push (so their tickets are there) and deleted here; one whose
ticket ended first is deleted unsent; one the server does not know yet is tried again later.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, or_, select, update
from sqlalchemy.orm import Session

from p4_desk.domain.queue_rules import service_day
from p4_desk.domain.ticket_lifecycle import TicketState
from p4_desk.store.db import Database
from p4_desk.store.models import ReminderRequest, Ticket
from p4_desk.sync.client import CentralClient, PermanentError, TransientError

log = logging.getLogger(__name__)

#: a phone the central server could not take yet (its ticket's events not there) waits this long
REMINDER_RETRY_S = 30.0


@dataclass
class HandedOver:
    sent: int = 0
    notes: list[str] = field(default_factory=list)


def any_due(s: Session, now: datetime) -> bool:
    return s.scalar(select(ReminderRequest.ticket_id).where(_due(now)).limit(1)) is not None


def hand_over_reminders(db: Database, client: CentralClient, now: datetime) -> HandedOver:
    """Give the central server the phones typed at the kiosk, then delete them here."""
    result = HandedOver()
    today = service_day(now, db.timezone)
    remindable = (TicketState.WAITING.value, TicketState.CALLED.value)
    with db.write() as s:
        ended = select(Ticket.id).where(or_(Ticket.state.not_in(remindable), Ticket.service_day != today))
        s.execute(delete(ReminderRequest).where(ReminderRequest.ticket_id.in_(ended)))
        due = s.execute(
            select(ReminderRequest.ticket_id, ReminderRequest.requested_at, ReminderRequest.phone, Ticket.uid)
            .join(Ticket, Ticket.id == ReminderRequest.ticket_id)
            .where(_due(now))
            .order_by(ReminderRequest.requested_at)
        ).all()
    for ticket_id, requested_at, phone, uid in due:
        same = (ReminderRequest.ticket_id == ticket_id) & (ReminderRequest.requested_at == requested_at)
        try:
            client.post_reminder(uid, phone)
        except TransientError as exc:
            log.info("sync: kiosk reminder kept for later: %s", exc.reason)
            _postpone(db, _due(now), now)
            return result
        except PermanentError as refused:
            if refused.status == 404:  # the ticket's events are not there yet
                _postpone(db, same, now)
                continue
            # over, not a mobile number, or no gateway in the province: nothing to send
            result.notes.append(f"Pengingat tiket tidak diteruskan: {refused.reason}")
        else:
            result.sent += 1
        with db.write() as s:
            s.execute(delete(ReminderRequest).where(same))
    return result


def _postpone(db: Database, which: ColumnElement[bool], now: datetime) -> None:
    with db.write() as s:
        s.execute(
            update(ReminderRequest)
            .where(which)
            .values(next_attempt_at=now + timedelta(seconds=REMINDER_RETRY_S))
            .execution_options(synchronize_session=False)
        )


def _due(now: datetime) -> ColumnElement[bool]:
    return or_(ReminderRequest.next_attempt_at.is_(None), ReminderRequest.next_attempt_at <= now)

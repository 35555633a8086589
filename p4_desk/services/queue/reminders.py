""" "Your turn is near" asked at the kiosk: the citizen's optional mobile number (issue 16).

The central server sends the messages (``p4_desk.central.notify``); the desk only hands it the
number. The number is kept in ``reminder_request`` until the sync agent has given it to the
central server, and never goes into an outbox event or the audit log (the audit row says that a
reminder was asked, with the last four digits only): the central server's event log is never
deleted, and the phone must be gone when the ticket ends. A ticket that ends before the number
left the hall takes the number with it (the agent deletes such rows unsent).
"""

from __future__ import annotations

from p4_desk.domain.masking import mask_phone
from p4_desk.domain.phone import normalize_phone
from p4_desk.domain.queue_rules import service_day
from p4_desk.domain.ticket_lifecycle import TicketState
from p4_desk.errors import ValidationError
from p4_desk.services.citizen_links import public_base_url
from p4_desk.services.queue.tickets import find_ticket
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import ReminderRequest

#: a ticket in these states can still be told that its turn nears or has come
REMINDABLE = (TicketState.WAITING.value, TicketState.CALLED.value)


def reminders_offered(db: Database) -> bool:
    """Whether the kiosk offers "Ingatkan saya": the hall has a central server to send them."""
    return public_base_url(db) is not None


def ask_reminder(db: Database, ticket: str | int, phone: str, actor: Actor = SYSTEM) -> str:
    """Keep ``phone`` for the ticket's reminders; returns what the citizen may be shown
    (``…7890``). Raises ``ValidationError`` (field ``phone``) with the reason in Indonesian."""
    number = normalize_phone(phone)
    if not number.startswith("+628"):
        raise ValidationError("Gunakan nomor ponsel (diawali 08), bukan telepon rumah.", field="phone")
    if public_base_url(db) is None:
        raise ValidationError(
            "Pengingat belum tersedia: MPP ini belum terhubung ke server pusat.", field="phone"
        )
    now = db.now()
    with db.write() as s:
        row = find_ticket(s, db, ticket, lock=True)
        if row.state not in REMINDABLE or row.service_day != service_day(now, db.timezone):
            raise ValidationError("Tiket ini sudah tidak menunggu panggilan.", field="phone")
        if row.public_token is None:
            raise ValidationError("Tiket ini dibuat sebelum pengingat tersedia.", field="phone")
        request = s.get(ReminderRequest, row.id)
        if request is None:
            s.add(ReminderRequest(ticket_id=row.id, phone=number, requested_at=now))
        else:
            request.phone, request.requested_at, request.next_attempt_at = number, now, None
        record(
            s, db, actor, "ticket.reminder_asked", "ticket", row.uid,
            details={"number": row.number, "phone_end": number[-4:]},
        )  # fmt: skip
    return mask_phone(number)

"""When a reminder is due, and the delivery queue that sends it (retries, backoff, exactly once).

Due (``enqueue_due``, after every batch of a hall's events and when a citizen asks): a waiting
ticket with at most N people ahead (the hall's setting ``central.remind_when_ahead``, on its
board; default 3) gets a ``near`` message; a called ticket a ``called`` message. A ticket that
ended (done, no-show, cancelled, or a past service day) loses its reminder: the phone is
deleted and what was not sent yet is dropped. ``(site, ticket, event)`` is unique, so an event
seen again, late or twice queues nothing new.

Sending (``deliver_due``, by the ``NotificationWorker`` thread of each server process): due rows
are claimed — marked ``sending`` with a lease, committed — before the gateway is called
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so servers behind a load balancer never claim the
same row; SQLite writers queue anyway). Then ``sent``; a ``retry`` is due again after
exponential backoff with full jitter (``Retry-After`` wins), until ``MAX_ATTEMPTS``; ``failed``
is final. An ``unknown`` outcome, or a lease that ran out because a server died mid-send, is
retried only through a gateway that deduplicates (``Gateway.idempotent``); otherwise it stays
``unknown``: better no second message than the same message twice.
"""

from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from p4_desk.central import live
from p4_desk.central.models import Notification, Reminder, Site, SiteBoard, TicketProjection
from p4_desk.central.notify.gateways import Gateway, Message
from p4_desk.domain.phone import normalize_phone
from p4_desk.errors import NotFound, ValidationError

log = logging.getLogger(__name__)

DEFAULT_REMIND_WHEN_AHEAD = 3
MAX_ATTEMPTS = 8
BACKOFF_BASE_S = 2.0
BACKOFF_CAP_S = 300.0
LEASE = timedelta(seconds=60)
CLAIM_BATCH = 20


# --- due -------------------------------------------------------------------------------------


def enqueue_due(session: Session, site: str, now: datetime) -> int:
    """Queue what the site's reminders are due for now; returns how many messages were queued."""
    reminders = list(session.scalars(select(Reminder).where(Reminder.site == site)))
    if not reminders:
        return 0
    board_row = session.get(SiteBoard, site)
    board = board_row.board if board_row is not None else None
    threshold = int((board or {}).get("remind_when_ahead") or DEFAULT_REMIND_WHEN_AHEAD)
    today = live.local_today(board, now)
    site_row = session.get(Site, site)
    site_name = site_row.name if site_row is not None else site
    tickets = {
        t.ticket_uid: t
        for t in session.scalars(
            select(TicketProjection).where(
                TicketProjection.site == site,
                TicketProjection.ticket_uid.in_([r.ticket_uid for r in reminders]),
            )
        )
    }
    figures: dict[str, live.QueueFigures] | None = None
    queued = 0
    for reminder in reminders:
        ticket = tickets.get(reminder.ticket_uid)
        if ticket is None:
            continue
        if ticket.state in live.ENDED or (ticket.service_day is not None and ticket.service_day < today):
            end_reminder(session, site, reminder.ticket_uid)
            continue
        details: dict[str, Any] = {"site_name": site_name, "number": ticket.number}
        if ticket.state == "called":
            details["counter_name"] = ticket.counter_name or ticket.counter
            queued += _queue(session, site, ticket.ticket_uid, "called", details, now)
        elif ticket.state == "waiting":
            ahead = live.people_ahead(session, ticket)
            if ahead > threshold:
                continue
            if figures is None:
                figures = live.queue_figures(session, site, board, now)
            service = live.board_service(board, ticket.service)
            default = float(service.get("default_service_minutes") or live.DEFAULT_SERVICE_MINUTES)
            queue = figures.get(ticket.service or "", live.QueueFigures())
            details.update(ahead=ahead, estimate_minutes=queue.estimate_for(ahead, default))
            queued += _queue(session, site, ticket.ticket_uid, "near", details, now)
    return queued


def remind(session: Session, token: str, phone: str, now: datetime) -> Reminder:
    """The citizen of ticket ``token`` asks to be told: keep the phone, queue what is due already."""
    rows = list(
        session.scalars(select(TicketProjection).where(TicketProjection.public_token == token).limit(2))
    )
    if len(rows) != 1:
        raise NotFound("Tiket tidak ditemukan.")
    return _remind(session, rows[0], phone, now)


def remind_from_hall(session: Session, site: str, ticket_uid: str, phone: str, now: datetime) -> Reminder:
    """The citizen gave the phone at the hall's kiosk; the hall's sync hands it over."""
    ticket = session.get(TicketProjection, (site, ticket_uid))
    if ticket is None:
        raise NotFound("Tiket belum diterima server pusat.")
    return _remind(session, ticket, phone, now)


def _remind(session: Session, ticket: TicketProjection, phone: str, now: datetime) -> Reminder:
    board_row = session.get(SiteBoard, ticket.site)
    today = live.local_today(board_row.board if board_row else None, now)
    if ticket.state not in ("waiting", "called") or (
        ticket.service_day is not None and ticket.service_day < today
    ):
        raise ValidationError("Tiket ini sudah tidak menunggu panggilan.", field="phone")
    number = normalize_phone(phone)
    if not number.startswith("+628"):
        raise ValidationError("Gunakan nomor ponsel (diawali 08), bukan telepon rumah.", field="phone")
    reminder = session.get(Reminder, (ticket.site, ticket.ticket_uid))
    if reminder is None:
        reminder = Reminder(site=ticket.site, ticket_uid=ticket.ticket_uid, phone=number, created_at=now)
        session.add(reminder)
    else:
        reminder.phone = number
    session.flush()
    enqueue_due(session, ticket.site, now)
    return reminder


def forget(session: Session, token: str) -> None:
    """The citizen takes the reminder back: the phone is deleted at once."""
    for ticket in session.scalars(select(TicketProjection).where(TicketProjection.public_token == token)):
        end_reminder(session, ticket.site, ticket.ticket_uid)


def end_reminder(session: Session, site: str, ticket_uid: str) -> None:
    """The ticket is over: delete the phone, drop what was not sent."""
    session.execute(delete(Reminder).where(Reminder.site == site, Reminder.ticket_uid == ticket_uid))
    session.execute(
        update(Notification)
        .where(
            Notification.site == site,
            Notification.ticket_uid == ticket_uid,
            Notification.state == "pending",
        )
        .values(state="dropped", last_error="Tiket sudah selesai sebelum pesan terkirim.")
        .execution_options(synchronize_session=False)
    )


def purge_ended(session: Session, now: datetime) -> None:
    """Look at every site with reminders again (tickets that ended or whose day is over)."""
    for site in sorted(set(session.scalars(select(Reminder.site)))):
        enqueue_due(session, site, now)


def _queue(
    session: Session, site: str, ticket_uid: str, event: str, details: dict[str, Any], now: datetime
) -> int:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    insert = dialect.insert(Notification)
    statement = insert.values(
        site=site,
        ticket_uid=ticket_uid,
        event=event,
        details=details,
        state="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    ).on_conflict_do_nothing(index_elements=["site", "ticket_uid", "event"])
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]


# --- sending ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Claimed:
    id: int
    message: Message
    attempts: int


def deliver_due(
    sessions: sessionmaker[Session], gateway: Gateway, now: datetime, rng: random.Random | None = None
) -> int:
    """Send what is due now through ``gateway``; returns how many rows were handled."""
    rng = rng or random.Random()
    claimed = _claim(sessions, gateway, now)
    for row in claimed:
        try:
            delivery = gateway.send(row.message)
        except Exception as exc:  # a broken adapter must not kill the worker
            log.exception("notification gateway failed")
            delivery_outcome, reason, retry_after = "unknown", f"galat gateway ({type(exc).__name__})", None
        else:
            delivery_outcome, reason, retry_after = delivery.outcome, delivery.reason, delivery.retry_after
        _settle(sessions, gateway, row, delivery_outcome, reason, retry_after, rng)
    return len(claimed)


def _claim(sessions: sessionmaker[Session], gateway: Gateway, now: datetime) -> list[_Claimed]:
    with sessions.begin() as session:
        _recover_stale(session, gateway, now)
        query = (
            select(Notification)
            .where(Notification.state == "pending", Notification.next_attempt_at <= now)
            .order_by(Notification.next_attempt_at, Notification.id)
            .limit(CLAIM_BATCH)
        )
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        claimed = []
        for row in session.scalars(query):
            reminder = session.get(Reminder, (row.site, row.ticket_uid))
            if reminder is None:
                row.state, row.last_error = "dropped", "Tidak ada nomor telepon (tiket sudah selesai)."
                continue
            row.state, row.attempts, row.next_attempt_at = "sending", row.attempts + 1, now + LEASE
            key = f"{row.site}:{row.ticket_uid}:{row.event}"
            claimed.append(
                _Claimed(row.id, Message(reminder.phone, row.event, dict(row.details), key), row.attempts)
            )
    return claimed


def _recover_stale(session: Session, gateway: Gateway, now: datetime) -> None:
    """Rows left ``sending`` by a server that died mid-send."""
    stale = Notification.state == "sending", Notification.next_attempt_at < now
    if gateway.idempotent:
        values: dict[str, Any] = {"state": "pending", "next_attempt_at": now}
    else:
        values = {"state": "unknown", "last_error": "Server berhenti saat mengirim; tidak dikirim ulang."}
    session.execute(
        update(Notification).where(*stale).values(**values).execution_options(synchronize_session=False)
    )


def _settle(
    sessions: sessionmaker[Session],
    gateway: Gateway,
    row: _Claimed,
    outcome: str,
    reason: str,
    retry_after: float | None,
    rng: random.Random,
) -> None:
    now = datetime.now(UTC)
    with sessions.begin() as session:
        notification = session.get(Notification, row.id)
        if notification is None or notification.state != "sending":
            return
        if outcome == "sent":
            notification.state, notification.sent_at, notification.last_error = "sent", now, None
            log.info("reminder %s sent through %s", notification.event, gateway.name)
            return
        notification.last_error = reason[:2000] or None
        again = outcome == "retry" or (outcome == "unknown" and gateway.idempotent)
        if not again:
            notification.state = "failed" if outcome == "failed" else "unknown"
        elif row.attempts >= MAX_ATTEMPTS:
            notification.state = "failed"
        else:
            ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** (row.attempts - 1))
            delay = retry_after if retry_after is not None else rng.uniform(0.0, ceiling)
            notification.state, notification.next_attempt_at = "pending", now + timedelta(seconds=delay)
        log.warning("reminder %s not sent (%s): %s", notification.event, notification.state, reason)


class NotificationWorker:
    """A daemon thread that delivers due reminders every ``interval_s`` (and purges ended ones)."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        gateway: Gateway,
        *,
        interval_s: float = 0.5,
        purge_every_s: float = 60.0,
    ) -> None:
        self.sessions = sessions
        self.gateway = gateway
        self.interval_s = interval_s
        self.purge_every_s = purge_every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="p4-central-notify", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        last_purge = 0.0
        rng = random.Random()
        while not self._stop.is_set():
            try:
                now = datetime.now(UTC)
                if now.timestamp() - last_purge >= self.purge_every_s:
                    with self.sessions.begin() as session:
                        purge_ended(session, now)
                    last_purge = now.timestamp()
                deliver_due(self.sessions, self.gateway, now, rng)
            except Exception:  # the database may be away for a moment: try again next round
                log.exception("notification worker round failed")
            self._stop.wait(self.interval_s)

"""What the halls' events tell the citizens' pages, beyond the per-record projections of intake.

Called by ``intake.store_batch`` with the events a batch newly stored, in the batch's
transaction (``after_events``):

- the site was in contact now (``sites.last_contact_at``; the pulls note it too, see
  ``note_contact``): the pages' figures are *live* only while that is recent (``is_live``);
- every application event adds a step to the tracking page's history (``application_steps``);
- complaint events that carry a ``web_code`` link a web complaint to the hall's complaint and
  bring its state, the answer and the deadlines; the first one erases the reporter's contact
  here (the hall has it now); ``complaint.web_refused`` says why a hall could not file one;
- ``privacy.purged`` anonymises the central copies of records a hall purged (``central.privacy``);
- the reminders of the site are looked at again (``notify.queue.enqueue_due``).

Staleness (DESIGN §5 *Decided*): a hall whose services are open and that has not been in
contact for ``STALE_AFTER`` (2 minutes: four missed pulls at the desk's 30 s) is shown with
"data terakhir HH.MM", never as live.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from p4_desk.central.envelopes import (
    APPLICATION_TYPES,
    COMPLAINT_TYPES,
    PURGED_TYPES,
    WEB_REFUSAL_TYPES,
    Event,
)
from p4_desk.central.models import (
    ApplicationStep,
    CounterProjection,
    Site,
    TicketProjection,
    WebComplaint,
)
from p4_desk.domain import opening_hours
from p4_desk.domain.queue_rules import estimate_wait_minutes

STALE_AFTER = timedelta(minutes=2)
#: ticket states after which a ticket is over (its reminder's phone is deleted)
ENDED = frozenset({"done", "no_show", "cancelled"})
AT_COUNTER = frozenset({"called", "serving"})
#: the estimate's average service time: the service's latest completed tickets of the day
RECENT_FOR_ESTIMATE = 20
DEFAULT_SERVICE_MINUTES = 5
#: a site's contact time is written at most this often (every pull would otherwise write)
CONTACT_RESOLUTION = timedelta(seconds=5)


def after_events(session: Session, site: str, events: Sequence[Event]) -> None:
    """The follow-ups of the events a batch newly stored (see the module's docstring)."""
    from p4_desk.central.notify.queue import enqueue_due  # notify reads the projections
    from p4_desk.central.public import booking

    note_contact(session, site)
    for event in sorted(events, key=lambda e: (e.occurred_at, e.event_id)):
        if event.type in APPLICATION_TYPES and event.projection is not None:
            _, row = event.projection
            session.add(
                ApplicationStep(
                    site=site,
                    registration_number=row["registration_number"],
                    state=row["state"],
                    at=event.occurred_at,
                    event_id=event.event_id,
                )
            )
        elif event.type in COMPLAINT_TYPES and isinstance(event.payload.get("web_code"), str):
            _link_web_complaint(session, site, event)
        elif event.type in WEB_REFUSAL_TYPES:
            session.execute(
                update(WebComplaint)
                .where(WebComplaint.site == site, WebComplaint.code == event.payload["web_code"])
                .values(state="refused", refused_reason=event.payload["reason"], updated_at=_now())
            )
        elif event.type in PURGED_TYPES:
            from p4_desk.central.privacy import anonymise

            anonymise(session, site, event.payload)
    session.flush()
    booking.after_events(session, site, list(events))
    enqueue_due(session, site, _now())


def note_contact(session: Session, site: str) -> None:
    """The site pushed or pulled just now."""
    now = _now()
    session.execute(
        update(Site)
        .where(Site.code == site)
        .where((Site.last_contact_at.is_(None)) | (Site.last_contact_at < now - CONTACT_RESOLUTION))
        .values(last_contact_at=now)
        .execution_options(synchronize_session=False)
    )


def is_live(last_contact_at: datetime | None, now: datetime) -> bool:
    return last_contact_at is not None and now - last_contact_at <= STALE_AFTER


def board_zone(board: dict[str, Any] | None) -> ZoneInfo:
    return ZoneInfo(str((board or {}).get("timezone") or "Asia/Jakarta"))


def service_open(service: dict[str, Any], local: datetime) -> bool:
    """Open now by its opening hours (none given: always open, as at the desk)."""
    hours = service.get("opening_hours")
    try:
        return opening_hours.is_open(hours if isinstance(hours, dict) else None, local)
    except (ValueError, TypeError, KeyError):
        return False


def hours_today(service: dict[str, Any], local: datetime) -> str:
    hours = service.get("opening_hours")
    try:
        return opening_hours.describe_day(hours if isinstance(hours, dict) else None, local.weekday())
    except (ValueError, TypeError, KeyError):
        return "-"


def local_today(board: dict[str, Any] | None, now: datetime) -> date:
    """The hall's service day now (its own zone, never UTC)."""
    return now.astimezone(board_zone(board)).date()


@dataclass
class QueueFigures:
    """One service queue of a hall now, as its events told."""

    waiting: int = 0
    serving: list[tuple[str, str]] = field(default_factory=list)  # (number, counter name), newest first
    open_counters: int = 0
    average_minutes: float | None = None

    def estimate_for(self, ahead: int, default_minutes: float) -> int:
        """``domain.queue_rules.estimate_wait_minutes``, the desk's rule, on these figures."""
        average = self.average_minutes if self.average_minutes is not None else default_minutes
        return estimate_wait_minutes(ahead, self.open_counters, average)


def queue_figures(
    session: Session, site: str, board: dict[str, Any] | None, now: datetime
) -> dict[str, QueueFigures]:
    """Per service code: waiting, now at a counter, open counters, average service time today."""
    today = local_today(board, now)
    figures: dict[str, QueueFigures] = {}

    def of(service: str | None) -> QueueFigures:
        return figures.setdefault(service or "", QueueFigures())

    today_tickets = (TicketProjection.site == site, TicketProjection.service_day == today)
    for service, count in session.execute(
        select(TicketProjection.service, func.count())
        .where(*today_tickets, TicketProjection.state == "waiting")
        .group_by(TicketProjection.service)
    ):
        of(service).waiting = int(count)
    for service, number, counter_name, counter in session.execute(
        select(
            TicketProjection.service,
            TicketProjection.number,
            TicketProjection.counter_name,
            TicketProjection.counter,
        )
        .where(*today_tickets, TicketProjection.state.in_(AT_COUNTER))
        .order_by(TicketProjection.called_at.desc())
    ):
        of(service).serving.append((number or "-", counter_name or counter or "-"))
    durations: dict[str, list[float]] = {}
    for service, started, finished in session.execute(
        select(TicketProjection.service, TicketProjection.started_at, TicketProjection.finished_at)
        .where(
            *today_tickets,
            TicketProjection.state == "done",
            TicketProjection.started_at.is_not(None),
            TicketProjection.finished_at.is_not(None),
        )
        .order_by(TicketProjection.finished_at.desc())
    ):
        recent = durations.setdefault(service or "", [])
        if len(recent) < RECENT_FOR_ESTIMATE and started and finished:
            recent.append(max(0.0, (finished - started).total_seconds() / 60))
    for service, minutes in durations.items():
        if minutes:
            of(service).average_minutes = sum(minutes) / len(minutes)
    open_counters = set(
        session.scalars(
            select(CounterProjection.counter).where(
                CounterProjection.site == site, CounterProjection.state == "open"
            )
        )
    )
    for counter in (board or {}).get("counters", []):
        if counter.get("code") in open_counters:
            for service in counter.get("services", []):
                of(str(service)).open_counters += 1
    return figures


def people_ahead(session: Session, ticket: TicketProjection) -> int:
    """Waiting tickets of the same queue that are called before this one (the desk's order:
    the place in line ``queue_key``; tickets from a hall before 0009 by their issue time)."""
    query = select(func.count()).where(
        TicketProjection.site == ticket.site,
        TicketProjection.service_day == ticket.service_day,
        TicketProjection.service == ticket.service,
        TicketProjection.state == "waiting",
        TicketProjection.ticket_uid != ticket.ticket_uid,
    )
    if ticket.queue_key is not None:
        query = query.where(
            or_(
                TicketProjection.queue_key < ticket.queue_key,
                and_(TicketProjection.queue_key == ticket.queue_key, TicketProjection.number < ticket.number),
            )
        )
    elif ticket.issued_at is not None:
        query = query.where(TicketProjection.issued_at < ticket.issued_at)
    return int(session.scalar(query) or 0)


def board_service(board: dict[str, Any] | None, code: str | None) -> dict[str, Any]:
    for service in (board or {}).get("services", []):
        if service.get("code") == code:
            return dict(service)
    return {}


def _link_web_complaint(session: Session, site: str, event: Event) -> None:
    payload = event.payload
    complaint = session.scalar(
        select(WebComplaint).where(WebComplaint.site == site, WebComplaint.code == payload["web_code"])
    )
    if complaint is None:
        return
    state = str(payload.get("state") or "")
    step: dict[str, Any] = {"state": state, "at": event.occurred_at.isoformat()}
    note = payload.get("note")
    if isinstance(note, str) and note and state in ("answered", "closed"):
        step["note"] = note[:4000]
    steps = sorted([*complaint.steps, step], key=lambda s: str(s["at"]))
    complaint.steps = steps
    latest = steps[-1]
    complaint.state = str(latest["state"])[:20]
    complaint.complaint_number = str(payload.get("complaint_number") or "")[:64] or None
    deadlines = payload.get("deadlines")
    if isinstance(deadlines, dict) and step is latest:
        complaint.deadlines = {str(k): str(v)[:10] for k, v in deadlines.items()}
    # the hall has the reporter's contact now: the central server keeps none of it
    complaint.reporter_name = complaint.reporter_phone = complaint.reporter_email = None
    complaint.refused_reason = None
    complaint.updated_at = _now()


def _now() -> datetime:
    return datetime.now(UTC)

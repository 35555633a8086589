"""Retention and purge (UU 27/2022): personal data past its period is anonymised or deleted.

The periods are site settings (``privacy.*_keep_days``, declared in ``config.SITE_SETTINGS``;
defaults and reasons in docs/privacy/retention.md). ``purge`` runs from ``p4-desk purge`` and
the hourly housekeeping; what it does, per kind of record:

- applications handed over longer ago than their period: NIK reduced to its masked form, name,
  phone, e-mail, address, the recipient, the representative's details, the tracking secret and
  the officers' free-text notes emptied (the permit type, states, dates and deadline clock stay,
  so statistics count them as before);
- complaints closed longer ago: the reporter's identity (named or confidential), the place,
  the description and the step notes emptied; kind, agency, identity category, states, dates
  and deadlines stay;
- tickets of service days past the period: the citizen's page token and the cancel reason;
  reminder phones older than a day (a reminder never outlives its service day);
- bookings (taken at the hall or pulled from the web) whose slot is older than the tickets'
  period: the name and phone (the central server empties its copies by the same period,
  ``central.public.booking_feed``); code, service, slot and state stay;
- outbox events sent to the central server longer ago, and web complaints already filed here.

Each batch of at most ``BATCH`` rows of one kind is one transaction: the rows, one audit row
``privacy.purge`` with the counts (never the data) and, for what the central server holds too
(applications, complaints, tickets), a ``privacy.purged`` event naming the records so that the
central server anonymises its copies. A crash leaves whole batches done and the rest untouched;
running again picks up where it stopped (idempotent: a row once purged no longer matches).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select, update
from sqlalchemy.orm import Session

from p4_desk.domain.masking import mask_nik
from p4_desk.domain.nik import normalize_nik
from p4_desk.services import site as site_service
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import (
    Application,
    ApplicationClockEvent,
    ApplicationDocument,
    ApplicationStatusChange,
    Booking,
    CentralWebComplaint,
    Complaint,
    ComplaintStep,
    OutboxEvent,
    ReminderRequest,
    Ticket,
)

BATCH = 200
PURGED_EVENT = "privacy.purged"
ERASED_NAME = "[dihapus]"
ERASED_TEXT = "[dihapus setelah masa simpan berakhir]"
#: a reminder's phone is kept at most this long whatever the settings say
REMINDER_KEEP = timedelta(days=1)

KIND_LABELS = {
    "applications": "permohonan dianonimkan",
    "complaints": "pengaduan dianonimkan",
    "tickets": "tiket dibersihkan",
    "reminders": "nomor pengingat dihapus",
    "bookings": "nama dan telepon pemesanan dihapus",
    "outbox": "peristiwa terkirim dihapus",
    "web_complaints": "salinan pengaduan web dihapus",
}


@dataclass(frozen=True)
class RetentionPeriods:
    applications_days: int
    complaints_days: int
    tickets_days: int
    outbox_sent_days: int


@dataclass(frozen=True)
class PurgeReport:
    dry_run: bool
    periods: RetentionPeriods
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, "periods": asdict(self.periods), "counts": dict(self.counts),
                "total": self.total}  # fmt: skip


def retention_periods(db: Database) -> RetentionPeriods:
    def days(key: str) -> int:
        return int(site_service.get_setting(db, f"privacy.{key}"))

    return RetentionPeriods(
        applications_days=days("applications_keep_days"),
        complaints_days=days("complaints_keep_days"),
        tickets_days=days("tickets_keep_days"),
        outbox_sent_days=days("outbox_sent_keep_days"),
    )


def purge(db: Database, actor: Actor = SYSTEM, *, dry_run: bool = False, batch: int = BATCH) -> PurgeReport:
    """Anonymise or delete what is past retention (or, ``dry_run``, count it only)."""
    periods = retention_periods(db)
    now = db.now()
    kinds: list[tuple[str, Kind]] = [
        ("applications", _applications(now - timedelta(days=periods.applications_days))),
        ("complaints", _complaints(db, now - timedelta(days=periods.complaints_days))),
        ("tickets", _tickets(db, now - timedelta(days=periods.tickets_days))),
        ("reminders", _reminders(now - REMINDER_KEEP)),
        ("bookings", _bookings(now - timedelta(days=periods.tickets_days))),
        ("outbox", _outbox(now - timedelta(days=periods.outbox_sent_days))),
        ("web_complaints", _web_complaints(now - timedelta(days=periods.outbox_sent_days))),
    ]
    counts: dict[str, int] = {}
    for name, kind in kinds:
        if dry_run:
            with db.read() as s:
                counts[name] = int(s.scalar(select(func.count()).select_from(kind.pending.subquery())) or 0)
            continue
        counts[name] = 0
        while True:
            with db.write() as s:
                query = kind.pending.limit(batch)
                if not db.is_sqlite:
                    query = query.with_for_update(skip_locked=True)
                keys = list(s.execute(query).all())
                if not keys:
                    break
                refs = kind.apply(s, keys, now)
                counts[name] += len(keys)
                record(
                    s, db, actor, "privacy.purge", "privacy", name,
                    details={"kind": name, "count": len(keys)},
                    event_type=PURGED_EVENT if refs else None,
                    payload={name: refs} if refs else None,
                )  # fmt: skip
            if len(keys) < batch:
                break
    return PurgeReport(dry_run, periods, counts)


@dataclass(frozen=True)
class Kind:
    """What is due (a select of the rows' keys) and how a batch of them is purged; ``apply``
    returns the references the central server is told of (empty: it holds no copy)."""

    pending: Any
    apply: Callable[[Session, list[Any], datetime], list[str]]


def _applications(cutoff: datetime) -> Kind:
    done_at = func.coalesce(Application.handed_over_at, Application.updated_at)
    pending = (
        select(Application.id, Application.registration_number, Application.nik)
        .where(Application.state == "handed_over", Application.anonymised_at.is_(None), done_at < cutoff)
        .order_by(Application.id)
    )

    def apply(s: Session, keys: list[Any], now: datetime) -> list[str]:
        for app_id, _number, nik in keys:
            digits = normalize_nik(nik)
            masked = mask_nik(digits) if len(digits) == 16 and digits.isdigit() else "*" * 16
            s.execute(
                update(Application)
                .where(Application.id == app_id, Application.anonymised_at.is_(None))
                .values(
                    nik=masked,
                    name=ERASED_NAME,
                    name_key="",
                    phone="",
                    email=None,
                    address="",
                    handed_over_to=None,
                    proxy_nik_masked=None,
                    proxy_letter_number=None,
                    tracking_secret=None,
                    anonymised_at=now,
                )  # fmt: skip
            )
        ids = [k[0] for k in keys]
        s.execute(
            update(ApplicationDocument).where(ApplicationDocument.application_id.in_(ids)).values(note="")
        )
        s.execute(
            update(ApplicationStatusChange)
            .where(ApplicationStatusChange.application_id.in_(ids))
            .values(note="")
        )
        s.execute(
            update(ApplicationClockEvent)
            .where(ApplicationClockEvent.application_id.in_(ids))
            .values(reason="")
        )
        return [k[1] for k in keys]

    return Kind(pending, apply)


def _complaints(db: Database, cutoff: datetime) -> Kind:
    pending = (
        select(Complaint.id, Complaint.number)
        .where(Complaint.state == "closed", Complaint.anonymised_at.is_(None), Complaint.closed_at < cutoff)
        .order_by(Complaint.id)
    )

    def apply(s: Session, keys: list[Any], now: datetime) -> list[str]:
        ids = [k[0] for k in keys]
        latitude = float(site_service.get_setting(db, "site.latitude"))
        longitude = float(site_service.get_setting(db, "site.longitude"))
        s.execute(
            update(Complaint)
            .where(Complaint.id.in_(ids), Complaint.anonymised_at.is_(None))
            .values(
                reporter_name=None,
                reporter_phone=None,
                reporter_email=None,
                place=None,
                description=ERASED_TEXT,
                latitude=latitude,
                longitude=longitude,
                anonymised_at=now,
            )  # fmt: skip
        )
        s.execute(update(ComplaintStep).where(ComplaintStep.complaint_id.in_(ids)).values(note=None))
        return [k[1] for k in keys]

    return Kind(pending, apply)


def _tickets(db: Database, cutoff: datetime) -> Kind:
    last_day = cutoff.astimezone(db.timezone).date()
    personal: ColumnElement[bool] = or_(Ticket.public_token.is_not(None), Ticket.cancel_reason.is_not(None))
    pending = select(Ticket.id, Ticket.uid).where(Ticket.service_day < last_day, personal).order_by(Ticket.id)

    def apply(s: Session, keys: list[Any], now: datetime) -> list[str]:
        s.execute(
            update(Ticket)
            .where(Ticket.id.in_([k[0] for k in keys]))
            .values(public_token=None, cancel_reason=None)
        )
        return [k[1] for k in keys]

    return Kind(pending, apply)


def _reminders(cutoff: datetime) -> Kind:
    pending = (
        select(ReminderRequest.ticket_id)
        .where(ReminderRequest.requested_at < cutoff)
        .order_by(ReminderRequest.ticket_id)
    )

    def apply(s: Session, keys: list[Any], now: datetime) -> list[str]:
        s.execute(delete(ReminderRequest).where(ReminderRequest.ticket_id.in_([k[0] for k in keys])))
        return []

    return Kind(pending, apply)


def _bookings(cutoff: datetime) -> Kind:
    personal: ColumnElement[bool] = or_(Booking.name != ERASED_NAME, Booking.phone != "")
    pending = select(Booking.id).where(Booking.slot_start < cutoff, personal).order_by(Booking.id)

    def apply(s: Session, keys: list[Any], now: datetime) -> list[str]:
        ids = [k[0] for k in keys]
        s.execute(update(Booking).where(Booking.id.in_(ids)).values(name=ERASED_NAME, phone=""))
        return []

    return Kind(pending, apply)


def _outbox(cutoff: datetime) -> Kind:
    pending = (
        select(OutboxEvent.seq)
        .where(OutboxEvent.state == "sent", OutboxEvent.sent_at < cutoff)
        .order_by(OutboxEvent.seq)
    )

    def apply(s: Session, keys: list[Any], now: datetime) -> list[str]:
        s.execute(delete(OutboxEvent).where(OutboxEvent.seq.in_([k[0] for k in keys])))
        return []

    return Kind(pending, apply)


def _web_complaints(cutoff: datetime) -> Kind:
    pending = (
        select(CentralWebComplaint.id)
        .where(CentralWebComplaint.applied.is_(True), CentralWebComplaint.received_at < cutoff)
        .order_by(CentralWebComplaint.id)
    )

    def apply(s: Session, keys: list[Any], now: datetime) -> list[str]:
        s.execute(delete(CentralWebComplaint).where(CentralWebComplaint.id.in_([k[0] for k in keys])))
        return []

    return Kind(pending, apply)

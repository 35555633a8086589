"""Sync state of the desk (DESIGN §5): one row of agent state, and pulled application updates.

The outbox rows themselves live in ``core.OutboxEvent``; this module holds what the sync agent
remembers between runs: when it last reached the central API, whether it is online, the
application-update cursor and the catalogue ETag.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from p4_desk.store.models.base import Base
from p4_desk.store.types import UTCDateTime


class SyncState(Base):
    """A single row (``id = 1``) shared by every workstation of the site database."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    central_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    backoff_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    catalog_etag: Mapped[str | None] = mapped_column(String(200), nullable=True)
    catalog_fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    application_cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    web_complaint_cursor: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    booking_cursor: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")  # migration 0015


class CentralApplicationUpdate(Base):
    """A back-office status change pulled from the central API, kept until applied."""

    __tablename__ = "central_application_update"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    registration_number: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    applied: Mapped[bool] = mapped_column(Boolean, default=False)


class CentralWebComplaint(Base):
    """A complaint a citizen filed on the central server's web form, pulled and kept until filed.

    ``outcome`` is the complaint number it was filed as, or why the hall could not file it.
    """

    __tablename__ = "central_web_complaint"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    document: Mapped[Any] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    applied: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str | None] = mapped_column(Text, nullable=True)


class ReminderRequest(Base):
    """A citizen at the kiosk asked to be told when their turn nears (issue 16).

    The phone waits here only until the sync agent has handed it to the central server (which
    sends the messages and deletes it when the ticket ends); it never goes into an outbox event
    or the audit log. A row whose ticket ended first is deleted unsent.
    """

    __tablename__ = "reminder_request"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"), primary_key=True)
    phone: Mapped[str] = mapped_column(String(16))  # E.164, a mobile number
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

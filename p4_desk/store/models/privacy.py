"""Who read whose personal data (UU 27/2022, breach readiness): the data-access log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from p4_desk.store.models.base import Base
from p4_desk.store.types import UTCDateTime


class DataAccess(Base):
    """One look at one person's record: a search hit, a view, an export, a reveal.

    Append-only like the audit log (triggers of migration 0011). Kept apart from ``audit_log``
    because a read changes nothing: the audit log's newest id is the change marker every screen
    polls, and a search must not make every screen of the hall reload. The person is named by
    ``nik_hash`` (sha256 of the site's salt and the NIK, so the log still answers "who read NIK
    X" after the record itself was anonymised) and shown by ``subject`` (masked NIK or initials).
    """

    __tablename__ = "data_access_log"
    __table_args__ = (
        Index("ix_data_access_log_nik_hash", "nik_hash"),
        Index("ix_data_access_log_username_at", "username", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    username: Mapped[str | None] = mapped_column(String(64), nullable=True)
    workstation: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(16))  # search | view | export | correct | reveal
    record_kind: Mapped[str] = mapped_column(String(16))  # application | complaint | person
    record_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    nik_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    subject: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: the search as typed, NIK and phone digits masked
    query: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)

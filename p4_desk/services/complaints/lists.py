"""Reading complaints: one, the list (overdue only if asked), overdue ones by agency and officer."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from p4_desk.domain.complaint_lifecycle import ComplaintState
from p4_desk.services.complaints.records import (
    ComplaintInfo,
    OverdueGroup,
    complaint_info,
    find_complaint,
    site_today,
)
from p4_desk.services.privacy.access import initials, log_access
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor
from p4_desk.store.models import Agency, Complaint, User


def get_complaint(db: Database, number: str, *, actor: Actor | None = None) -> ComplaintInfo:
    """One complaint; with ``actor`` (an officer looking) a view of a reporter's identity goes
    to the access log."""
    if actor is None:
        with db.read() as s:
            return complaint_info(find_complaint(s, number), site_today(db), with_steps=True)
    with db.write() as s:
        c = find_complaint(s, number)
        if c.identity == "named" and c.anonymised_at is None:
            log_access(s, db, actor, "view", "complaint", c.number, subject=initials(c.reporter_name))
        return complaint_info(c, site_today(db), with_steps=True)


def list_complaints(
    db: Database,
    *,
    overdue_only: bool = False,
    include_closed: bool = True,
    agency: str | None = None,
    officer: str | None = None,
) -> list[ComplaintInfo]:
    """Newest first; ``overdue_only`` keeps those with a deadline past in their current state."""
    today = site_today(db)
    q = (
        select(Complaint)
        .options(
            selectinload(Complaint.agency), selectinload(Complaint.service), selectinload(Complaint.officer)
        )
        .order_by(Complaint.received_at.desc(), Complaint.id.desc())
    )
    if not include_closed or overdue_only:
        q = q.where(Complaint.state != ComplaintState.CLOSED.value)
    if agency:
        q = q.join(Agency, Complaint.agency_id == Agency.id).where(Agency.code == agency.upper())
    if officer:
        q = q.join(User, Complaint.officer_id == User.id).where(User.username == officer)
    with db.read() as s:
        found = [complaint_info(c, today) for c in s.scalars(q)]
    return [c for c in found if c.overdue] if overdue_only else found


def overdue_by_agency(db: Database) -> list[OverdueGroup]:
    groups: dict[str, tuple[str, list[str]]] = {}
    for c in list_complaints(db, overdue_only=True):
        groups.setdefault(c.agency, (c.agency_name, []))[1].append(c.number)
    return _sorted_groups(groups)


def overdue_by_officer(db: Database) -> list[OverdueGroup]:
    groups: dict[str, tuple[str, list[str]]] = {}
    for c in list_complaints(db, overdue_only=True):
        key = c.officer or "-"
        groups.setdefault(key, (c.officer_name or "Tanpa petugas", []))[1].append(c.number)
    return _sorted_groups(groups)


def _sorted_groups(groups: dict[str, tuple[str, list[str]]]) -> list[OverdueGroup]:
    result = [OverdueGroup(key, name, tuple(numbers)) for key, (name, numbers) in groups.items()]
    return sorted(result, key=lambda g: (-g.count, g.key))

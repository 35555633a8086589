"""Steps of a complaint (``domain.complaint_lifecycle``) and the automatic close."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.domain.complaint_deadlines import DeadlineRules, compute_deadlines, overdue
from p4_desk.domain.complaint_lifecycle import ComplaintState, check_transition
from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.errors import ValidationError
from p4_desk.services.complaints.records import (
    ComplaintInfo,
    complaint_info,
    deadline_rules,
    deadlines_of,
    event_payload,
    find_complaint,
    optional_text,
    site_holidays,
    site_today,
)
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Complaint, ComplaintStep

NOTE_REQUIRED = {
    ComplaintState.ANSWERED: "Isi tanggapan / rencana tindak lanjut instansi.",
}


def step_complaint(
    db: Database, number: str, to_state: str, note: str | None = None, actor: Actor = SYSTEM
) -> ComplaintInfo:
    """Move a complaint one step; closing before it was forwarded needs a reason."""
    note = optional_text(note)
    today = site_today(db)
    calendar, rules = site_holidays(db), deadline_rules(db)
    with db.write() as s:
        c = find_complaint(s, number, lock=True, db=db)
        check_transition(c.state, to_state)
        new = ComplaintState(to_state)
        if new in NOTE_REQUIRED and not note:
            raise ValidationError(NOTE_REQUIRED[new], field="note")
        if new is ComplaintState.CLOSED and c.state in ("received", "verified") and not note:
            raise ValidationError(
                "Alasan penutupan wajib diisi (mis. bukan pengaduan, ganda, di luar layanan).",
                field="note",
            )
        apply_step(s, db, c, new, note, actor, today, calendar, rules)
        s.flush()
        return complaint_info(c, today, with_steps=True)


def apply_step(
    s: Session,
    db: Database,
    c: Complaint,
    new: ComplaintState,
    note: str | None,
    actor: Actor,
    today: date,
    calendar: HolidayCalendar,
    rules: DeadlineRules,
) -> None:
    now = db.now()
    old = c.state
    if new is ComplaintState.FORWARDED:
        c.forwarded_on, c.answered_on = today, None
    elif new is ComplaintState.ANSWERED:
        c.answered_on = today
    elif new is ComplaintState.CLOSED:
        c.closed_at = now
    fresh = compute_deadlines(
        c.received_on, rules, calendar, forwarded_on=c.forwarded_on, answered_on=c.answered_on
    )
    # deadlines already promised keep their date; only those that depend on this step move
    kept = {k: v for k, v in (c.deadlines or {}).items() if k not in ("follow_up_plan", "auto_close")}
    c.deadlines = {**{k: v.isoformat() for k, v in fresh.items()}, **kept}
    c.state, c.updated_at = new.value, now
    c.steps.append(
        ComplaintStep(
            at=now,
            from_state=old,
            to_state=new.value,
            note=note,
            officer_id=actor.user_id,
            username=actor.username,
        )
    )
    record(
        s,
        db,
        actor,
        "complaint.step",
        "complaint",
        c.number,
        details={"from": old, "to": new.value, "note": note},
        event_type="complaint.status_changed",
        payload=event_payload(c, note, actor.username),
        at=now,
    )


AUTO_CLOSE_NOTE = "Ditutup otomatis: pelapor tidak menanggapi tindak lanjut dalam batas waktu."


def auto_close_due(db: Database) -> list[str]:
    """Close answered complaints whose reporter did not reply in time; returns their numbers.

    Safe to call as often as wanted (at start-up, every hour): a closed complaint is skipped.
    """
    today = site_today(db)
    calendar, rules = site_holidays(db), deadline_rules(db)
    with db.read() as s:
        candidates = [
            c.number
            for c in s.scalars(select(Complaint).where(Complaint.state == ComplaintState.ANSWERED.value))
            if "auto_close" in overdue(c.state, deadlines_of(c), today)
        ]
    closed = []
    for number in candidates:
        with db.write() as s:
            c = find_complaint(s, number, lock=True, db=db)
            if c.state != ComplaintState.ANSWERED.value:  # replied or closed meanwhile
                continue
            if "auto_close" not in overdue(c.state, deadlines_of(c), today):
                continue
            apply_step(s, db, c, ComplaintState.CLOSED, AUTO_CLOSE_NOTE, SYSTEM, today, calendar, rules)
            closed.append(c.number)
    return closed

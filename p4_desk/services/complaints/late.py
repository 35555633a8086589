"""Late responders of this hall: the complaints that passed a LAPOR! deadline without the
required step, per agency and officer, for deadlines due in a period (``p4-desk complaint late``,
the supervisor's *Keterlambatan pengaduan* panel). The same rule as the province's list
(``domain.complaint_lateness``), read from the local database, so both agree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from p4_desk.domain.complaint_lateness import PassedDeadline, Step, late_facts, passed
from p4_desk.domain.complaint_lifecycle import COMPLAINTS
from p4_desk.errors import ValidationError
from p4_desk.services.complaints.records import deadlines_of, site_holidays, site_today
from p4_desk.store.db import Database
from p4_desk.store.models import Complaint

MAX_DAYS = 366


@dataclass(frozen=True)
class LateResponse(PassedDeadline):
    agency: str
    agency_name: str
    officer: str | None
    complaint_number: str
    received_on: date
    state: str
    state_label: str

    def to_json(self) -> dict[str, object]:
        data = dict(vars(self))
        for key in ("received_on", "due", "done_on"):
            value = data[key]
            data[key] = value.isoformat() if isinstance(value, date) else None
        return data


def late_responses(db: Database, first: date, last: date) -> list[LateResponse]:
    """Deadlines due ``first..last`` met late or still missed today, by agency, officer, number."""
    if first > last:
        raise ValidationError("Tanggal awal harus sebelum atau sama dengan tanggal akhir.", field="from")
    if (last - first).days >= MAX_DAYS:
        raise ValidationError(f"Periode paling panjang {MAX_DAYS} hari.", field="to")
    today, calendar = site_today(db), site_holidays(db)
    zone = db.timezone
    found = []
    with db.read() as s:
        complaints = s.scalars(
            select(Complaint).options(selectinload(Complaint.steps), selectinload(Complaint.agency))
        )
        for c in complaints:
            steps = [
                Step(state=step.to_state, on=step.at.astimezone(zone).date(), officer=step.username)
                for step in sorted(c.steps, key=lambda st: (st.at, st.id))
            ]
            for result in passed(deadlines_of(c), steps, today, calendar, first, last):
                found.append(
                    LateResponse(
                        agency=c.agency.code,
                        agency_name=c.agency.name,
                        officer=result.officer,
                        complaint_number=c.number,
                        received_on=c.received_on,
                        state=c.state,
                        state_label=COMPLAINTS.label(c.state),
                        **late_facts(result),
                    )
                )
    return sorted(found, key=lambda r: (r.agency, r.officer or "", r.complaint_number, r.due))

"""Demo feedback: IKM survey answers for part of the history, and complaints in every state.

Written directly as history, without audit rows or outbox events (see ``p4_desk.demo``).
"""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from sqlalchemy import select

from p4_desk.domain.complaint_deadlines import ComplaintState, compute_deadlines
from p4_desk.domain.ikm import ELEMENTS
from p4_desk.services import site as site_service
from p4_desk.services.catalog import find_service
from p4_desk.services.complaints import allocate_number, deadline_rules, site_holidays
from p4_desk.store.db import Database
from p4_desk.store.models import Agency, Complaint, ComplaintStep, SurveyResponse, Ticket, User

DEMO_ANSWER_SHARE = 0.3  # of the finished history tickets
# score weights per element: mostly "baik", waiting time (U3) and facilities (U9) a bit weaker
_DEMO_WEIGHTS = {code: (2, 8, 55, 35) for code in ELEMENTS} | {"U3": (5, 20, 50, 25), "U9": (4, 14, 52, 30)}


def load_demo_feedback(db: Database, seed: int = 2027) -> dict[str, int]:
    """Survey answers for part of the demo's finished tickets, and a few complaints."""
    rng = random.Random(seed)
    answered = 0
    with db.write() as s:
        done = s.execute(
            select(Ticket.id, Ticket.service_id, Ticket.counter_id, Ticket.service_day, Ticket.finished_at)
            .where(Ticket.state == "done", Ticket.finished_at.is_not(None))
            .order_by(Ticket.id)
        ).all()
        for ticket_id, service_id, counter_id, day, finished_at in done:
            if rng.random() >= DEMO_ANSWER_SHARE:
                continue
            scores = {
                code.lower(): rng.choices((1, 2, 3, 4), weights=_DEMO_WEIGHTS[code])[0] for code in ELEMENTS
            }
            s.add(
                SurveyResponse(
                    uid=str(uuid.uuid4()),
                    ticket_id=ticket_id,
                    service_id=service_id,
                    counter_id=counter_id,
                    channel="screen",
                    submitted_at=(finished_at or db.now()) + timedelta(minutes=1),
                    service_day=day,
                    **scores,
                )
            )
            answered += 1
    return {"survey_answers": answered, "complaints": add_demo_complaints(db)}


# (days ago received, kind, agency, service, description, identity, steps taken (state, days ago))
_DEMO_COMPLAINTS: list[tuple[int, str, str, str | None, str, str, list[tuple[str, int]]]] = [
    (9, "pengaduan", "DUKCAPIL", "KTP", "KTP-el belum dicetak sejak tiga minggu; blangko disebut habis.",
     "named", []),
    (16, "pengaduan", "SAMSAT", "PKB", "Diminta membayar biaya tambahan di luar ketentuan saat bayar pajak.",
     "confidential", [("verified", 15), ("forwarded", 14)]),
    (6, "permintaan_informasi", "IMIGRASI", "PASPOR", "Berapa lama paspor jadi bila kuota harian habis?",
     "named", [("verified", 5), ("forwarded", 5), ("answered", 3)]),
    (1, "aspirasi", "DPMPTSP", None, "Mohon ditambah kursi tunggu dan colokan listrik di area perizinan.",
     "anonymous", []),
    (20, "pengaduan", "POLRES", "SKCK", "Laporan ganda dari pelapor yang sama.",
     "named", [("closed", 19)]),
]  # fmt: skip


def add_demo_complaints(db: Database) -> int:
    """A few complaints in every state, one of them overdue, written directly as history.

    Like the demo's ticket history they get no audit rows or outbox events: they did not
    happen here, and a demo must not send invented complaints to the province.
    """
    calendar, rules = site_holidays(db), deadline_rules(db)
    tz, now = db.timezone, db.now()
    lat = float(site_service.get_setting(db, "site.latitude"))
    lon = float(site_service.get_setting(db, "site.longitude"))
    with db.write() as s:
        officer = s.scalar(select(User).where(User.role == "operator").order_by(User.id))
        for index, (ago, kind, agency_code, service_code, text, identity, steps) in enumerate(
            sorted(_DEMO_COMPLAINTS, key=lambda row: -row[0])
        ):
            received_at = now - timedelta(days=ago)
            received_on = received_at.astimezone(tz).date()
            agency_row = s.scalar(select(Agency).where(Agency.code == agency_code))
            if agency_row is None:
                continue
            c = Complaint(
                uid=str(uuid.uuid4()),
                number=allocate_number(s, db, received_at.astimezone(tz).year),
                kind=kind,
                agency=agency_row,
                service=find_service(s, service_code) if service_code else None,
                description=text,
                service_date=received_on,
                identity=identity,
                reporter_name=None if identity == "anonymous" else ("Warga Contoh " + str(index + 1)),
                reporter_phone=None if identity == "anonymous" else f"+62812000000{index + 1:02d}",
                latitude=lat,
                longitude=lon,
                place="Mal Pelayanan Publik",
                state=ComplaintState.RECEIVED.value,
                received_at=received_at,
                received_on=received_on,
                deadlines={},
                officer=officer,
                updated_at=received_at,
            )
            c.steps.append(
                ComplaintStep(
                    at=received_at,
                    to_state="received",
                    officer_id=officer.id if officer else None,
                    username=officer.username if officer else None,
                )
            )
            for state, step_ago in steps:
                at = now - timedelta(days=step_ago)
                day = at.astimezone(tz).date()
                if state == "forwarded":
                    c.forwarded_on = day
                elif state == "answered":
                    c.answered_on = day
                elif state == "closed":
                    c.closed_at = at
                note = {
                    "answered": "Paspor selesai 4 hari kerja setelah foto.",
                    "closed": "Laporan ganda.",
                }.get(state)
                c.steps.append(
                    ComplaintStep(
                        at=at,
                        from_state=c.state,
                        to_state=state,
                        note=note,
                        officer_id=officer.id if officer else None,
                        username=officer.username if officer else None,
                    )
                )
                c.state, c.updated_at = state, at
            due = compute_deadlines(
                received_on, rules, calendar, forwarded_on=c.forwarded_on, answered_on=c.answered_on
            )
            c.deadlines = {k: v.isoformat() for k, v in due.items()}
            s.add(c)
    return len(_DEMO_COMPLAINTS)

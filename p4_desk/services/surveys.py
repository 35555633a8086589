"""IKM satisfaction survey (SKM, PermenPANRB 14/2017): answers, and the index for a period.

One answer per ticket (a unique constraint backs the check); answers without a ticket are
anonymous. The index is computed from SQL sums per element with ``domain.ikm``, and the
number of respondents is set against the Krejcie–Morgan sample size for the visitors of the
period (tickets served).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from p4_desk.domain.ikm import ELEMENTS, IkmResult, SurveyAnswers, compute_ikm_from_sums, krejcie_morgan
from p4_desk.domain.queue_rules import service_day
from p4_desk.errors import AlreadyExists, InvalidTransition, NotFound, ValidationError
from p4_desk.printing.ikm_report import IkmReportContent, render_ikm_report
from p4_desk.services import queue
from p4_desk.services import site as site_service
from p4_desk.services.catalog import find_counter, find_service
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Agency, Counter, Service, SurveyResponse, Ticket

CHANNELS = ("screen", "paper")
# A finished ticket is offered on the survey screen for this long (the citizen is still there).
SURVEY_WINDOW_MINUTES = 15
_COLUMNS = {code: getattr(SurveyResponse, code.lower()) for code in ELEMENTS}


@dataclass(frozen=True)
class SurveyInfo:
    uid: str
    ticket: str | None  # ticket number
    ticket_uid: str | None
    service: str | None
    counter: str | None
    channel: str
    submitted_at: datetime
    service_day: date
    answers: Mapping[str, int]

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__} | {"answers": dict(self.answers)}


@dataclass(frozen=True)
class IkmSummary:
    """The IKM of one unit (site, agency or service) for one period."""

    unit: str
    date_from: date
    date_to: date
    service: str | None
    service_name: str | None
    agency: str | None
    agency_name: str | None
    respondents: int
    visitors: int
    sample_size: int
    result: IkmResult | None  # None while nobody answered
    sums: Mapping[str, int]

    @property
    def sample_reached(self) -> bool:
        return self.respondents >= self.sample_size

    def to_json(self) -> dict[str, Any]:
        r = self.result
        return {
            "unit": self.unit,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "service": self.service,
            "agency": self.agency,
            "respondents": self.respondents,
            "visitors": self.visitors,
            "sample_size": self.sample_size,
            "sums": dict(self.sums),
            "nrr": {code: float(v) for code, v in r.nrr.items()} if r else None,
            "weighted_nrr": {code: float(v) for code, v in r.weighted_nrr.items()} if r else None,
            "ikm": float(r.ikm) if r else None,
            "ikm_exact": float(r.ikm_exact) if r else None,
            "grade": r.grade if r else None,
            "mutu": r.mutu if r else None,
        }


# --- answers --------------------------------------------------------------------------------


def _already(number: str) -> AlreadyExists:
    return AlreadyExists(
        f"Tiket {number} sudah mengisi survei. Satu tiket hanya dapat memberi satu penilaian.",
        field="ticket",
    )


def record_survey(
    db: Database,
    answers: Mapping[str, int],
    *,
    ticket: str | int | None = None,
    service: str | None = None,
    counter: str | None = None,
    channel: str = "paper",
    actor: Actor = SYSTEM,
) -> SurveyInfo:
    """Record one respondent; linked to the ticket (and its service) when one is given."""
    checked = SurveyAnswers(answers)
    if channel not in CHANNELS:
        raise ValidationError(f"Saluran survei '{channel}' tidak dikenal.", field="channel")
    now = db.now()
    ticket_id = queue.get_ticket(db, ticket).id if ticket not in (None, "") else None
    with db.write() as s:
        t = s.get(Ticket, ticket_id) if ticket_id is not None else None
        if t is not None:
            if t.state != "done":
                raise InvalidTransition(
                    f"Tiket {t.number} belum selesai dilayani; survei diisi setelah layanan.",
                    field="ticket",
                )
            if s.scalar(select(SurveyResponse.id).where(SurveyResponse.ticket_id == t.id)):
                raise _already(t.number)
            service_row: Service | None = t.service
            counter_row: Counter | None = t.counter
            day = t.service_day
        else:
            service_row = find_service(s, service) if service else None
            counter_row = find_counter(s, counter) if counter else None
            day = service_day(now, db.timezone)
        row = SurveyResponse(
            uid=str(uuid.uuid4()),
            ticket_id=t.id if t else None,
            service_id=service_row.id if service_row else None,
            counter_id=counter_row.id if counter_row else None,
            channel=channel,
            submitted_at=now,
            service_day=day,
            **{code.lower(): score for code, score in checked.scores.items()},
        )
        s.add(row)
        try:
            s.flush()
        except IntegrityError as exc:  # two screens answering for one ticket at once
            raise _already(t.number if t else "") from exc
        info = SurveyInfo(
            uid=row.uid,
            ticket=t.number if t else None,
            ticket_uid=t.uid if t else None,
            service=service_row.code if service_row else None,
            counter=counter_row.code if counter_row else None,
            channel=channel,
            submitted_at=now,
            service_day=day,
            answers=dict(checked.scores),
        )
        record(
            s,
            db,
            actor,
            "survey.submit",
            "survey",
            row.uid,
            details={"ticket": info.ticket, "service": info.service, "channel": channel},
            event_type="survey.submitted",
            payload={
                "survey_uid": info.uid,
                "ticket_uid": info.ticket_uid,
                "service": info.service,
                "answers": dict(checked.scores),
                "submitted_at": now.isoformat(),
            },
            at=now,
        )
        return info


def record_survey_from_json(
    db: Database, data: Mapping[str, Any], *, channel: str = "paper", actor: Actor = SYSTEM
) -> SurveyInfo:
    """``{"ticket": "A017" | 17 (optional), "service": "KTP" (optional), "answers": {"U1": 4, ...}}``."""
    unknown = sorted(set(data) - {"ticket", "service", "counter", "answers"})
    if unknown:
        raise ValidationError(f"Kolom survei tidak dikenal: {', '.join(unknown)}", field=unknown[0])
    answers = data.get("answers")
    if not isinstance(answers, Mapping):
        raise ValidationError(
            'Jawaban survei harus berupa objek {"U1": 1..4, …, "U9": 1..4}.', field="answers"
        )
    return record_survey(
        db,
        {str(k).upper(): v for k, v in answers.items()},
        ticket=data.get("ticket"),
        service=data.get("service"),
        counter=data.get("counter"),
        channel=channel,
        actor=actor,
    )


def pending_ticket(db: Database, counter_code: str) -> queue.TicketInfo | None:
    """The ticket the survey screen at a counter asks about: the latest one finished there
    within the last minutes, if it has no answer yet."""
    now = db.now()
    with db.read() as s:
        counter = find_counter(s, counter_code)
        latest = s.scalar(
            select(Ticket)
            .where(
                Ticket.counter_id == counter.id,
                Ticket.state == "done",
                Ticket.finished_at >= now - timedelta(minutes=SURVEY_WINDOW_MINUTES),
            )
            .order_by(Ticket.finished_at.desc(), Ticket.id.desc())
            .limit(1)
        )
        if latest is None:
            return None
        if s.scalar(select(SurveyResponse.id).where(SurveyResponse.ticket_id == latest.id)):
            return None
        ticket_id = latest.id
    return queue.get_ticket(db, ticket_id)


# --- the index ------------------------------------------------------------------------------


def ikm_summary(
    db: Database,
    date_from: date,
    date_to: date,
    *,
    service: str | None = None,
    agency: str | None = None,
) -> IkmSummary:
    """IKM of the site, an agency or a service for the service days ``date_from..date_to``."""
    if date_to < date_from:
        raise ValidationError("Tanggal akhir tidak boleh sebelum tanggal awal.", field="date_to")
    unit = site_service.get_site(db).name
    with db.read() as s:
        service_row = find_service(s, service) if service else None
        agency_row = None
        if agency:
            agency_row = s.scalar(select(Agency).where(Agency.code == agency.strip().upper()))
            if agency_row is None:
                raise NotFound(f"Instansi '{agency}' tidak ditemukan.", field="agency")

        answers = select(
            func.count(SurveyResponse.id), *(func.coalesce(func.sum(col), 0) for col in _COLUMNS.values())
        ).where(SurveyResponse.service_day.between(date_from, date_to))
        served = select(func.count(Ticket.id)).where(
            Ticket.state == "done", Ticket.service_day.between(date_from, date_to)
        )
        if service_row is not None:
            answers = answers.where(SurveyResponse.service_id == service_row.id)
            served = served.where(Ticket.service_id == service_row.id)
        if agency_row is not None:
            answers = answers.join(Service, SurveyResponse.service_id == Service.id).where(
                Service.agency_id == agency_row.id
            )
            served = served.join(Service, Ticket.service_id == Service.id).where(
                Service.agency_id == agency_row.id
            )
        count, *totals = s.execute(answers).one()
        visitors = int(s.scalar(served) or 0)
        sums = {code: int(total) for code, total in zip(ELEMENTS, totals, strict=True)}
        return IkmSummary(
            unit=unit,
            date_from=date_from,
            date_to=date_to,
            service=service_row.code if service_row else None,
            service_name=service_row.name if service_row else None,
            agency=agency_row.code if agency_row else None,
            agency_name=agency_row.name if agency_row else None,
            respondents=int(count),
            visitors=visitors,
            sample_size=krejcie_morgan(visitors) if visitors else 0,
            result=compute_ikm_from_sums(int(count), sums) if count else None,
            sums=sums,
        )


def ikm_report_content(summary: IkmSummary, printed_at: datetime) -> IkmReportContent:
    """What the IKM report of ``summary`` shows; ``printed_at`` aware, in the site's zone."""
    if summary.result is None:
        raise ValidationError("Belum ada responden survei pada periode ini; laporan IKM belum dapat dibuat.")
    if summary.service_name:
        scope = f"Layanan {summary.service_name}"
    else:
        scope = summary.agency_name or "Seluruh layanan"
    return IkmReportContent(
        unit=summary.unit,
        scope=scope,
        date_from=summary.date_from,
        date_to=summary.date_to,
        visitors=summary.visitors,
        sample_size=summary.sample_size,
        respondents=summary.respondents,
        sums=summary.sums,
        result=summary.result,
        printed_at=printed_at,
    )


def ikm_report_pdf(
    db: Database, date_from: date, date_to: date, *, service: str | None = None, agency: str | None = None
) -> bytes:
    """The IKM report of the site, an agency or a service for a period, as A4 PDF bytes."""
    summary = ikm_summary(db, date_from, date_to, service=service, agency=agency)
    return render_ikm_report(ikm_report_content(summary, db.now().astimezone(db.timezone)))


def month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)

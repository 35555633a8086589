"""The projection row an event becomes at the central server (model and values), per type."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from p4_desk.central import event_fields as field
from p4_desk.central.event_types import (
    APPLICATION_TYPES,
    BOARD_TYPES,
    BOOKING_TYPES,
    COMPLAINT_TYPES,
    COUNTER_STATES,
    COUNTER_TYPES,
    PEKPPP_TYPES,
    PURGED_TYPES,
    SURVEY_TYPES,
    TICKET_TYPES,
    WEB_REFUSAL_TYPES,
)
from p4_desk.central.models import (
    ApplicationProjection,
    ComplaintProjection,
    CounterProjection,
    SiteBoard,
    SurveyProjection,
    TicketProjection,
)
from p4_desk.domain.names import mask_name


def projection_of(
    type_: str, version: int, event_id: str, occurred_at: datetime, payload: dict[str, Any]
) -> tuple[Any, dict[str, Any]] | None:
    common = {"occurred_at": occurred_at, "event_id": event_id}
    if type_ in TICKET_TYPES:
        issued_at = field.aware_datetime(payload.get("issued_at"), "payload.issued_at")
        service_day = payload.get("service_day")
        day = field.day(service_day, "payload.service_day") if service_day is not None else None
        if day is None and issued_at is not None:
            day = field.local_day(issued_at)
        return TicketProjection, {
            "ticket_uid": field.text(payload, "ticket_uid", required=True),
            "number": field.text(payload, "number", limit=16),
            "service": field.text(payload, "service"),
            "agency": field.text(payload, "agency"),
            "state": field.text(payload, "state", required=True, limit=20),
            "priority": field.text(payload, "priority", limit=32),
            "service_day": day,
            "issued_at": issued_at,
            "called_at": field.aware_datetime(payload.get("called_at"), "payload.called_at"),
            "finished_at": field.aware_datetime(payload.get("finished_at"), "payload.finished_at"),
            "started_at": field.aware_datetime(payload.get("started_at"), "payload.started_at"),
            "public_token": field.text(payload, "public_token", limit=32),
            "queue_key": field.number(payload, "queue_key"),
            "counter": field.text(payload, "counter"),
            "counter_name": field.text(payload, "counter_name", limit=200),
            "service_name": field.text(payload, "service_name", limit=200),
            "agency_name": field.text(payload, "agency_name", limit=200),
            "target_wait_minutes": field.minutes(payload, "target_wait_minutes"),
            "visit_next": field.visit_next(payload),
            **common,
        }
    if type_ in APPLICATION_TYPES:
        received = field.aware_datetime(payload.get("received_at"), "payload.received_at")
        if version >= 3:
            field.check_clock(payload.get("clock"))
        return ApplicationProjection, {
            "registration_number": field.text(payload, "registration_number", required=True),
            "permit_type": field.text(payload, "permit_type"),
            "agency": field.text(payload, "agency"),
            "state": field.permit_state(payload, version),
            "day": field.local_day(received or occurred_at),
            "tracking_secret_hash": field.secret_hash(payload),
            "permit_name": field.text(payload, "permit_name", limit=200),
            "applicant_masked": mask_name(field.text(payload, "applicant_masked", limit=200) or "") or None,
            "due_date": field.day(payload.get("due_date"), "payload.due_date"),
            "missing_documents": field.missing_documents(payload),
            **common,
        }
    if type_ in COMPLAINT_TYPES:
        received = field.aware_datetime(payload.get("received_at"), "payload.received_at")
        return ComplaintProjection, {
            "complaint_number": field.text(payload, "complaint_number", required=True),
            "kind": field.text(payload, "kind", limit=40),
            "agency": field.text(payload, "agency"),
            "state": field.text(payload, "state", required=True, limit=40),
            "day": field.local_day(received or occurred_at),
            **common,
        }
    if type_ in SURVEY_TYPES:
        answers = field.survey_answers(payload)
        submitted = field.aware_datetime(payload.get("submitted_at"), "payload.submitted_at")
        return SurveyProjection, {
            "survey_uid": field.text(payload, "survey_uid", required=True),
            "service": field.text(payload, "service"),
            "answers": answers,
            "day": field.local_day(submitted or occurred_at),
            **common,
        }
    if type_ in COUNTER_TYPES:
        return CounterProjection, {
            "counter": field.text(payload, "counter", required=True),
            "state": COUNTER_STATES[type_],
            **common,
        }
    if type_ in BOARD_TYPES:
        return SiteBoard, {"board": field.board(payload), **common}
    if type_ in BOOKING_TYPES:
        from p4_desk.central.public.booking import check_payload

        try:
            check_payload(type_, payload)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise field.Invalid("invalid_payload", f"payload {type_} tidak lengkap atau tidak sah.") from None
        return None  # applied by ``central.public.booking.after_events``
    if type_ in WEB_REFUSAL_TYPES:
        field.text(payload, "web_code", required=True, limit=32)
        field.text(payload, "reason", required=True, limit=2000)
    if type_ in PEKPPP_TYPES and (
        type(payload.get("year")) is not int or not isinstance(payload.get("aspects"), list)
    ):
        raise field.Invalid("invalid_payload", "Ringkasan PEKPPP harus memuat 'year' dan 'aspects'.")
    if type_ in PURGED_TYPES:
        from p4_desk.central.privacy import check_payload as check_purge

        try:
            check_purge(payload)
        except ValueError as exc:
            raise field.Invalid("invalid_payload", str(exc)) from None
    # a web refusal is applied by ``central.public.live``, a purge by ``central.privacy``; a
    # PEKPPP summary is read as sent
    return None

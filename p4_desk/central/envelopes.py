"""Event envelopes as the central server reads them: types, versions, checks, projection rows.

Versions: application events are at ``schema_version`` 3 since desk migration 0010: the payload
carries the deadline clock (``clock``: state, working days allowed and used, due date) and who
collected the permit (``handed_over_to``, ``proxy``); ``application.clock_changed`` (a stop,
resume or restart of the clock) exists only at 3. Version 2 has the English permit states
(0006) without the clock; version 1 the old Indonesian identifiers. Both are still read,
because a hall not yet upgraded sends them, and an upgraded hall may still hold unsent older
events in its outbox (a hall offline for a week). The state is translated when it is projected;
the event is stored as it was sent. Other event types are at version 1 (``ticket.unserved``:
a ticket closed at the end of its service day, the same ticket snapshot as every ticket event).
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from p4_desk.central.models import (
    ApplicationProjection,
    ComplaintProjection,
    CounterProjection,
    SiteBoard,
    SurveyProjection,
    TicketProjection,
)
from p4_desk.domain.names import mask_name
from p4_desk.domain.permit_lifecycle import LEGACY_NAMES, PermitState

TICKET_TYPES = frozenset(
    f"ticket.{verb}"
    for verb in (
        "issued",
        "called",
        "recalled",
        "started",
        "finished",
        "no_show",
        "reactivated",
        "cancelled",
        "transferred",
        "unserved",
    )
)
COUNTER_TYPES = frozenset({"counter.opened", "counter.paused", "counter.closed"})
APPLICATION_TYPES = frozenset(
    {"application.received", "application.status_changed", "application.clock_changed"}
)
COMPLAINT_TYPES = frozenset({"complaint.received", "complaint.status_changed"})
SURVEY_TYPES = frozenset({"survey.submitted"})
#: the hall's public board (services, opening hours, counters) and a web complaint it could not file
BOARD_TYPES = frozenset({"site.board"})
WEB_REFUSAL_TYPES = frozenset({"complaint.web_refused"})
#: the hall's yearly PEKPPP evidence figures (``services.pekppp``), read by ``central.pekppp``
PEKPPP_TYPES = frozenset({"pekppp.summary"})
#: a hall purged personal data past retention: the records whose central copies go (central.privacy)
PURGED_TYPES = frozenset({"privacy.purged"})
#: appointments (issue 17): the hall's rules and its bookings' steps (``central.public.booking``)
BOOKING_TYPES = frozenset(
    {"site.booking_rules", "booking.created", "booking.cancelled", "booking.checked_in", "booking.late"}
)
IKM_ELEMENTS = frozenset(f"U{n}" for n in range(1, 10))
#: the largest payload one event may carry (its canonical JSON), and its deepest nesting
MAX_PAYLOAD_BYTES = 256 * 1024  # a hall's site.board with 250 services is ~40 KB
MAX_PAYLOAD_DEPTH = 8
EVENT_TYPES = (
    TICKET_TYPES
    | COUNTER_TYPES
    | APPLICATION_TYPES
    | COMPLAINT_TYPES
    | SURVEY_TYPES
    | BOARD_TYPES
    | WEB_REFUSAL_TYPES
    | PEKPPP_TYPES
    | PURGED_TYPES
    | BOOKING_TYPES
)
COUNTER_STATES = {"counter.opened": "open", "counter.paused": "paused", "counter.closed": "closed"}

#: the envelope versions read per event type (the newest is what an up-to-date hall writes)
SCHEMA_VERSIONS: dict[str, frozenset[int]] = {
    type_: frozenset({1, 2, 3}) if type_ in APPLICATION_TYPES else frozenset({1}) for type_ in EVENT_TYPES
} | {"application.clock_changed": frozenset({3})}
CLOCK_STATES = frozenset({"running", "stopped", "ended"})


def province_zone() -> ZoneInfo:
    """Time zone for the local date of applications, complaints and surveys."""
    return ZoneInfo(os.environ.get("P4_CENTRAL_TZ", "Asia/Jakarta"))


@dataclass(frozen=True)
class Event:
    sent_id: str  # as the site wrote it, echoed back in the answer
    event_id: str  # canonical form, the stored key
    type: str
    occurred_at: datetime
    schema_version: int
    payload: dict[str, Any]
    content_hash: str
    projection: tuple[Any, dict[str, Any]] | None  # (model, row) or None


class Invalid(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def content_hash(
    event_id: str, type_: str, occurred_at: datetime, payload: dict[str, Any], schema_version: int = 1
) -> str:
    """sha256 of the canonical JSON of the envelope (times normalised to UTC)."""
    canonical = json.dumps(
        {
            "id": event_id,
            "type": type_,
            "occurred_at": occurred_at.astimezone(UTC).isoformat(),
            "schema_version": schema_version,
            "payload": payload,
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def validate(raw: Any) -> Event:
    if not isinstance(raw, dict):
        raise Invalid("invalid_envelope", "Peristiwa harus berupa objek JSON.")
    sent_id = raw.get("id")
    if not isinstance(sent_id, str):
        raise Invalid("invalid_id", "Kolom 'id' wajib berupa UUID.")
    try:
        event_id = str(uuid.UUID(sent_id))
    except ValueError:
        raise Invalid("invalid_id", "Kolom 'id' bukan UUID yang sah.") from None
    type_ = raw.get("type")
    if not isinstance(type_, str) or type_ not in EVENT_TYPES:
        raise Invalid("unknown_type", f"Jenis peristiwa tidak dikenal: {type_!r}.")
    version = raw.get("schema_version")
    accepted = SCHEMA_VERSIONS[type_]
    if type(version) is not int or version not in accepted:
        choices = " atau ".join(str(v) for v in sorted(accepted))
        raise Invalid(
            "unsupported_schema_version",
            f"schema_version untuk {type_} harus {choices}, diterima {version!r}.",
        )
    occurred_at = _aware_datetime(raw.get("occurred_at"), "occurred_at", required=True)
    assert occurred_at is not None
    payload = raw.get("payload")
    if not isinstance(payload, dict):
        raise Invalid("invalid_payload", "Kolom 'payload' wajib berupa objek JSON.")
    _check_size(payload)
    return Event(
        sent_id=sent_id,
        event_id=event_id,
        type=type_,
        occurred_at=occurred_at,
        schema_version=version,
        payload=payload,
        content_hash=content_hash(event_id, type_, occurred_at, payload, version),
        projection=_projection(type_, version, event_id, occurred_at, payload),
    )


def _check_size(payload: dict[str, Any]) -> None:
    depth = 0
    stack: list[tuple[Any, int]] = [(payload, 1)]
    while stack:
        item, level = stack.pop()
        depth = max(depth, level)
        if depth > MAX_PAYLOAD_DEPTH:
            raise Invalid("invalid_payload", f"payload bersarang lebih dari {MAX_PAYLOAD_DEPTH} tingkat.")
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    size = len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())
    if size > MAX_PAYLOAD_BYTES:
        raise Invalid(
            "payload_too_large",
            f"payload {size // 1024} KiB melebihi batas {MAX_PAYLOAD_BYTES // 1024} KiB per peristiwa.",
        )


def _aware_datetime(value: Any, name: str, *, required: bool = False) -> datetime | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise Invalid("invalid_payload", f"'{name}' wajib berupa waktu ISO-8601 dengan zona.")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid("invalid_payload", f"'{name}' bukan waktu ISO-8601: {value!r}.") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise Invalid("invalid_payload", f"'{name}' harus menyertakan zona waktu (offset).")
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        raise Invalid("invalid_payload", f"'{name}' di luar rentang waktu.") from None


def _day(value: Any, name: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise Invalid("invalid_payload", f"'{name}' harus berupa tanggal YYYY-MM-DD.")


def _text(payload: dict[str, Any], name: str, *, required: bool = False, limit: int = 64) -> Any:
    value = payload.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or len(value) > limit or not storable(value):
        raise Invalid("invalid_payload", f"payload.{name} wajib berupa teks (1–{limit} karakter).")
    return value


def storable(text: str) -> bool:
    """PostgreSQL refuses NUL characters and no database stores lone surrogates."""
    if "\x00" in text:
        return False
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def _survey_answers(payload: dict[str, Any]) -> dict[str, int]:
    """Answers per IKM element ``U1``..``U9``, each 1 (tidak baik) to 4 (sangat baik)."""
    answers = payload.get("answers")
    if not isinstance(answers, dict) or not all(
        key in IKM_ELEMENTS and type(score) is int and 1 <= score <= 4 for key, score in answers.items()
    ):
        raise Invalid("invalid_payload", "payload.answers wajib berisi nilai 1–4 untuk unsur U1–U9.")
    return answers


def _number(payload: dict[str, Any], name: str) -> float | None:
    value = payload.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise Invalid("invalid_payload", f"payload.{name} wajib berupa angka.")
    return float(value)


def _minutes(payload: dict[str, Any], name: str) -> int | None:
    value = payload.get(name)
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= 24 * 60:
        raise Invalid("invalid_payload", f"payload.{name} wajib berupa bilangan menit 0–1440.")
    return value


def _secret_hash(payload: dict[str, Any]) -> str | None:
    secret = payload.get("tracking_secret")
    if secret is None:
        return None
    if not isinstance(secret, str) or not 8 <= len(secret) <= 64 or not storable(secret):
        raise Invalid("invalid_payload", "payload.tracking_secret wajib berupa teks 8–64 karakter.")
    return hashlib.sha256(secret.encode()).hexdigest()


def _missing_documents(payload: dict[str, Any]) -> list[str] | None:
    """The names of the missing documents (``missing_document_names``), else their codes."""
    for key in ("missing_document_names", "missing_documents"):
        value = payload.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(
            isinstance(v, str) and 0 < len(v) <= 200 and storable(v) for v in value
        ):
            raise Invalid("invalid_payload", f"payload.{key} wajib berupa daftar teks.")
        return list(value)
    return None


def _board(payload: dict[str, Any]) -> dict[str, Any]:
    """The hall's board as the public pages read it (``central.public.live``)."""
    services = payload.get("services")
    counters = payload.get("counters", [])
    if not isinstance(services, list) or not all(
        isinstance(s, dict) and isinstance(s.get("code"), str) and isinstance(s.get("name"), str)
        for s in services
    ):
        raise Invalid("invalid_payload", "payload.services wajib berupa daftar layanan (code, name).")
    if not isinstance(counters, list) or not all(
        isinstance(c, dict) and isinstance(c.get("code"), str) and isinstance(c.get("services", []), list)
        for c in counters
    ):
        raise Invalid("invalid_payload", "payload.counters wajib berupa daftar loket (code, services).")
    zone = payload.get("timezone", "Asia/Jakarta")
    try:
        ZoneInfo(zone)
    except (TypeError, ValueError, KeyError, OSError):
        raise Invalid("invalid_payload", f"payload.timezone bukan zona waktu: {zone!r}.") from None
    ahead = payload.get("remind_when_ahead", 3)
    if type(ahead) is not int or not 1 <= ahead <= 50:
        raise Invalid("invalid_payload", "payload.remind_when_ahead wajib bilangan 1–50.")
    return payload


def _local_day(moment: datetime) -> date:
    return moment.astimezone(province_zone()).date()


def _permit_state(payload: dict[str, Any], version: int) -> str:
    """The application's state as an English identifier, from either vocabulary by version."""
    value = _text(payload, "state", required=True, limit=40)
    try:
        return str(PermitState(value) if version >= 2 else LEGACY_NAMES[value])
    except (ValueError, KeyError):
        words = ", ".join(PermitState) if version >= 2 else ", ".join(LEGACY_NAMES)
        raise Invalid(
            "invalid_payload",
            f"payload.state '{value}' bukan status permohonan schema_version {version} ({words}).",
        ) from None


def _check_clock(clock: Any) -> None:
    """``payload.clock`` of a version-3 application event (the deadline clock after the change)."""

    def days(name: str) -> bool:
        value = clock.get(name)
        return type(value) is int and 0 <= value <= 10_000

    if not (
        isinstance(clock, dict)
        and clock.get("state") in CLOCK_STATES
        and days("allowance")
        and days("used_days")
    ):
        raise Invalid(
            "invalid_payload",
            "payload.clock wajib berisi state (running, stopped, ended), allowance dan used_days "
            "(bilangan hari kerja).",
        )
    _day(clock.get("due_date"), "payload.clock.due_date")


def _projection(
    type_: str, version: int, event_id: str, occurred_at: datetime, payload: dict[str, Any]
) -> tuple[Any, dict[str, Any]] | None:
    common = {"occurred_at": occurred_at, "event_id": event_id}
    if type_ in TICKET_TYPES:
        issued_at = _aware_datetime(payload.get("issued_at"), "payload.issued_at")
        service_day = payload.get("service_day")
        day = _day(service_day, "payload.service_day") if service_day is not None else None
        if day is None and issued_at is not None:
            day = _local_day(issued_at)
        return TicketProjection, {
            "ticket_uid": _text(payload, "ticket_uid", required=True),
            "number": _text(payload, "number", limit=16),
            "service": _text(payload, "service"),
            "agency": _text(payload, "agency"),
            "state": _text(payload, "state", required=True, limit=20),
            "priority": _text(payload, "priority", limit=32),
            "service_day": day,
            "issued_at": issued_at,
            "called_at": _aware_datetime(payload.get("called_at"), "payload.called_at"),
            "finished_at": _aware_datetime(payload.get("finished_at"), "payload.finished_at"),
            "started_at": _aware_datetime(payload.get("started_at"), "payload.started_at"),
            "public_token": _text(payload, "public_token", limit=32),
            "queue_key": _number(payload, "queue_key"),
            "counter": _text(payload, "counter"),
            "counter_name": _text(payload, "counter_name", limit=200),
            "service_name": _text(payload, "service_name", limit=200),
            "agency_name": _text(payload, "agency_name", limit=200),
            "target_wait_minutes": _minutes(payload, "target_wait_minutes"),
            **common,
        }
    if type_ in APPLICATION_TYPES:
        received = _aware_datetime(payload.get("received_at"), "payload.received_at")
        if version >= 3:
            _check_clock(payload.get("clock"))
        return ApplicationProjection, {
            "registration_number": _text(payload, "registration_number", required=True),
            "permit_type": _text(payload, "permit_type"),
            "agency": _text(payload, "agency"),
            "state": _permit_state(payload, version),
            "day": _local_day(received or occurred_at),
            "tracking_secret_hash": _secret_hash(payload),
            "permit_name": _text(payload, "permit_name", limit=200),
            "applicant_masked": mask_name(_text(payload, "applicant_name", limit=200) or "") or None,
            "due_date": _day(payload.get("due_date"), "payload.due_date"),
            "missing_documents": _missing_documents(payload),
            **common,
        }
    if type_ in COMPLAINT_TYPES:
        received = _aware_datetime(payload.get("received_at"), "payload.received_at")
        return ComplaintProjection, {
            "complaint_number": _text(payload, "complaint_number", required=True),
            "kind": _text(payload, "kind", limit=40),
            "agency": _text(payload, "agency"),
            "state": _text(payload, "state", required=True, limit=40),
            "day": _local_day(received or occurred_at),
            **common,
        }
    if type_ in SURVEY_TYPES:
        answers = _survey_answers(payload)
        submitted = _aware_datetime(payload.get("submitted_at"), "payload.submitted_at")
        return SurveyProjection, {
            "survey_uid": _text(payload, "survey_uid", required=True),
            "service": _text(payload, "service"),
            "answers": answers,
            "day": _local_day(submitted or occurred_at),
            **common,
        }
    if type_ in COUNTER_TYPES:
        return CounterProjection, {
            "counter": _text(payload, "counter", required=True),
            "state": COUNTER_STATES[type_],
            **common,
        }
    if type_ in BOARD_TYPES:
        return SiteBoard, {"board": _board(payload), **common}
    if type_ in BOOKING_TYPES:
        from p4_desk.central.public.booking import check_payload

        try:
            check_payload(type_, payload)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise Invalid("invalid_payload", f"payload {type_} tidak lengkap atau tidak sah.") from None
        return None  # applied by ``central.public.booking.after_events``
    if type_ in WEB_REFUSAL_TYPES:
        _text(payload, "web_code", required=True, limit=32)
        _text(payload, "reason", required=True, limit=2000)
    if type_ in PEKPPP_TYPES and (
        type(payload.get("year")) is not int or not isinstance(payload.get("aspects"), list)
    ):
        raise Invalid("invalid_payload", "Ringkasan PEKPPP harus memuat 'year' dan 'aspects'.")
    if type_ in PURGED_TYPES:
        from p4_desk.central.privacy import check_payload as check_purge

        try:
            check_purge(payload)
        except ValueError as exc:
            raise Invalid("invalid_payload", str(exc)) from None
    # a web refusal is applied by ``central.public.live``, a purge by ``central.privacy``; a
    # PEKPPP summary is read as sent
    return None

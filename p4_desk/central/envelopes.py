"""Event envelopes as the central server reads them: types, versions, checks, projection rows.

Versions: application events are at ``schema_version`` 3 since desk migration 0010: the payload
carries the deadline clock (``clock``: state, working days allowed and used, due date) and the
proxy's letter (``proxy``); ``application.clock_changed`` (a stop,
resume or restart of the clock) exists only at 3. Version 2 has the English permit states
(0006) without the clock; version 1 the old Indonesian identifiers. Both are still read,
because a hall not yet upgraded sends them, and an upgraded hall may still hold unsent older
events in its outbox (a hall offline for a week). The state is translated when it is projected;
the event is stored as sent, minimised first (``domain.outgoing``: names withheld, NIKs and
phone numbers in free text masked — an older desk still sends them). Other event types are at
version 1 (``ticket.unserved``: a ticket closed at the end of its service day, the same ticket
snapshot as every ticket event).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from p4_desk.central.event_fields import Invalid, aware_datetime, province_zone, storable  # noqa: F401
from p4_desk.central.event_types import (  # noqa: F401 - the names other modules read here
    APPLICATION_TYPES,
    BOARD_TYPES,
    BOOKING_TYPES,
    COMPLAINT_TYPES,
    COUNTER_STATES,
    COUNTER_TYPES,
    EVENT_TYPES,
    IKM_ELEMENTS,
    MAX_PAYLOAD_BYTES,
    MAX_PAYLOAD_DEPTH,
    PEKPPP_TYPES,
    PURGED_TYPES,
    SCHEMA_VERSIONS,
    SURVEY_TYPES,
    TICKET_TYPES,
    WEB_REFUSAL_TYPES,
)
from p4_desk.central.projection import projection_of
from p4_desk.domain.outgoing import minimise


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
    occurred_at = aware_datetime(raw.get("occurred_at"), "occurred_at", required=True)
    assert occurred_at is not None
    payload = raw.get("payload")
    if not isinstance(payload, dict):
        raise Invalid("invalid_payload", "Kolom 'payload' wajib berupa objek JSON.")
    _check_size(payload)
    payload = minimise(type_, payload)  # an older desk still sends names (docs/privacy/fields.md)
    return Event(
        sent_id=sent_id,
        event_id=event_id,
        type=type_,
        occurred_at=occurred_at,
        schema_version=version,
        payload=payload,
        content_hash=content_hash(event_id, type_, occurred_at, payload, version),
        projection=projection_of(type_, version, event_id, occurred_at, payload),
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
        stack.extend([(child, level + 1) for child in children if isinstance(child, dict | list)])
    size = len(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())
    if size > MAX_PAYLOAD_BYTES:
        raise Invalid(
            "payload_too_large",
            f"payload {size // 1024} KiB melebihi batas {MAX_PAYLOAD_BYTES // 1024} KiB per peristiwa.",
        )

"""Request and answer bodies of the central API: what ``docs/api/openapi.json`` describes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field, WithJsonSchema

from p4_desk.central import back_office, catalog, envelopes, intake, sites
from p4_desk.domain import outgoing

ENVELOPE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Event envelope (docs/DEVELOPING.md). schema_version 1 for every type; "
    "application events also 2 and 3: 2 and 3 carry payload.state as an English identifier "
    "(received, verifying, processing, approved, rejected, ready, handed_over) where 1 carries "
    "the old Indonesian words (diterima ... diserahkan); 3 adds payload.clock (the deadline "
    "clock: state running/stopped/ended, allowance, used_days, due_date) and the proxy's letter "
    "(proxy); application.clock_changed is at 3 only. Each invalid "
    "envelope is rejected on its own with a reason; the rest of the batch is still stored. "
    "Personal data (UU 27/2022, docs/privacy/fields.md): per event family the payload may carry "
    "only the personal fields listed in x-personal-fields-accepted; those in x-personal-fields-withheld "
    "(an older desk still sends them) are removed before the event is stored, applicant_name "
    "becoming applicant_masked (B*** S***); a NIK or phone number in the free-text fields of "
    "x-free-text-masked is stored masked (1871********0001, ****7890).",
    "x-personal-fields-accepted": {k: list(v) for k, v in outgoing.PERSONAL_FIELDS_ACCEPTED.items()},
    "x-personal-fields-withheld": {k: list(v) for k, v in outgoing.WITHHELD.items()},
    "x-free-text-masked": {k: list(v) for k, v in outgoing.FREE_TEXT.items()},
    "required": ["id", "type", "occurred_at", "schema_version", "payload"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "type": {"type": "string", "enum": sorted(envelopes.EVENT_TYPES)},
        "occurred_at": {"type": "string", "format": "date-time"},
        "schema_version": {
            "type": "integer",
            "enum": sorted(set().union(*envelopes.SCHEMA_VERSIONS.values())),
        },
        "payload": {"type": "object"},
    },
}


class EnrolRequest(BaseModel):
    site: str = Field(pattern=sites.SITE_CODE_PATTERN.pattern, examples=["LS01"])
    enrolment_code: str = Field(max_length=32, pattern=r"^[A-Za-z0-9 -]+$", examples=["K7QM-3XHD-9PRT"])


class EnrolAnswer(BaseModel):
    token: str = Field(description="Bearer token of the site; shown once, keep it in the keyring.")


class EventBatch(BaseModel):
    events: Annotated[
        list[Any],
        Field(max_length=intake.MAX_BATCH),
        WithJsonSchema({"type": "array", "maxItems": intake.MAX_BATCH, "items": ENVELOPE_SCHEMA}),
    ]


class RejectedEvent(BaseModel):
    id: str | None = Field(description="The id as sent, or null when it was missing/unusable.")
    code: str = Field(
        description="Stable reason code: invalid_envelope, invalid_id, unknown_type, "
        "unsupported_schema_version, invalid_payload, payload_too_large, conflicting_content (extension)."
    )
    reason: str = Field(description="Reason in Bahasa Indonesia.")


class IntakeAnswer(BaseModel):
    accepted: list[str]
    duplicate: list[str] = Field(description="Already stored with identical content: a success.")
    rejected: list[RejectedEvent] = Field(description="Permanent failures; do not resend as is.")


class Requirement(BaseModel):
    code: str
    name: str
    mandatory: bool


class PermitTypeOut(BaseModel):
    code: str
    name: str
    agency: str
    working_days: int
    fee: int
    legal_basis: str
    product: str
    retired: bool
    requirements: list[Requirement]


class HolidayOut(BaseModel):
    date: date
    name: str
    kind: str = Field(description="national | cuti_bersama")


class CatalogDocument(BaseModel):
    format: str = Field(examples=[catalog.CATALOG_FORMAT])
    version: int
    permit_types: list[PermitTypeOut]
    holidays: list[HolidayOut]


class ApplicationUpdateOut(BaseModel):
    id: int = Field(description="Monotonic id; the next cursor (extension).")
    registration_number: str
    state: str = Field(
        description="Permit state: English identifier with schema_version=2, the old Indonesian "
        "word with schema_version=1 (the default, for halls not yet upgraded).",
        examples=["approved"],
    )
    note: str | None
    changed_at: datetime


class ApplicationUpdates(BaseModel):
    updates: list[ApplicationUpdateOut]
    cursor: int = Field(description="Pass back as ?cursor= to get only newer updates.")


class StatusRequest(BaseModel):
    state: str = Field(
        pattern=back_office.STATE_PATTERN.pattern,
        examples=["approved"],
        description="received, verifying, processing, approved, rejected, ready or handed_over "
        "(the old words, e.g. disetujui, are taken too and stored in English).",
    )
    note: str | None = Field(default=None, max_length=2000)
    site: str | None = Field(
        default=None,
        pattern=sites.SITE_CODE_PATTERN.pattern,
        description="Needed only when several sites use the same registration number.",
    )


class StatusAnswer(ApplicationUpdateOut):
    site: str


class WebReporter(BaseModel):
    name: str | None
    phone: str | None
    email: str | None


class WebComplaintOut(BaseModel):
    id: int = Field(description="Monotonic id; the next cursor.")
    code: str = Field(description="The citizen's tracking code (web_code in the complaint's events).")
    kind: str
    agency: str
    service: str | None
    description: str
    service_date: date
    filed_at: datetime = Field(description="The LAPOR! deadlines count from this moment.")
    identity: str = Field(description="anonymous, confidential or named")
    reporter: WebReporter | None = Field(description="null for anonymous; erased here once filed.")
    latitude: float | None
    longitude: float | None


class WebComplaintsOut(BaseModel):
    complaints: list[WebComplaintOut]
    cursor: int = Field(description="Pass back as ?cursor= to get only newer complaints.")


class HallReminderIn(BaseModel):
    ticket_uid: str = Field(max_length=64, description="The ticket's id (ticket_uid in its events).")
    phone: str = Field(max_length=30, examples=["081234567890"], description="A mobile number.")


class HallReminderAnswer(BaseModel):
    ticket_uid: str
    phone_end: str = Field(description="The number's last four digits (what the citizen is shown).")


class TimeAnswer(BaseModel):
    now: datetime = Field(description="Server time, ISO-8601 UTC.")


class HealthAnswer(BaseModel):
    status: str
    version: str


class SiteSummaryOut(BaseModel):
    tickets_issued: int
    tickets_served: int
    tickets_no_show: int
    average_wait_minutes: float | None = Field(description="Issue → first call, called tickets.")
    applications_by_state: dict[str, int]
    complaints_by_state: dict[str, int]
    survey_respondents: int


class StatsSummary(BaseModel):
    from_: date = Field(alias="from")
    to: date
    sites: dict[str, SiteSummaryOut]


class ErrorAnswer(BaseModel):
    detail: str = Field(description="Message in Bahasa Indonesia.")
    code: str


ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorAnswer, "description": "Token missing, wrong or revoked"},
    403: {"model": ErrorAnswer, "description": "Token valid but not for this resource"},
    429: {
        "model": ErrorAnswer,
        "description": "Too many requests, or too many failed attempts from this address; see Retry-After",
    },
}

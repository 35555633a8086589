"""The JSON twins of the citizens' pages, as ``docs/api/openapi.json`` describes them.

Never in any of them (DESIGN §7): NIK, a person's name (only the applicant's masked name on the
tracking page), phone (only its last four digits to the ticket holder who gave it), e-mail,
address, a complaint reporter's identity, officers.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

State = Literal["open", "stale", "closed", "no_data"]


class Fresh(BaseModel):
    state: State = Field(
        description="open: open and live; stale: open but the hall has not been in contact for "
        "2 minutes (figures are from as_of); closed: no service open now; no_data: no board yet."
    )
    state_text: str = Field(description="The state in Indonesian, as the page shows it.")
    live: bool = Field(description="True only while the figures are live.")
    as_of: datetime | None = Field(description="When the hall was last in contact.")
    as_of_text: str | None = Field(examples=["10.42 WIB"])


class HallOut(Fresh):
    site: str
    name: str
    waiting: int
    services_open: int
    services_total: int
    longest_estimate_minutes: int | None
    longest_estimate_text: str


class Halls(BaseModel):
    halls: list[HallOut]
    generated_at: datetime


class Serving(BaseModel):
    number: str
    counter: str = Field(description="The counter's name, e.g. Loket 3.")


class ServiceOut(BaseModel):
    code: str
    name: str
    agency: str
    agency_name: str
    open_now: bool
    hours_today: str = Field(examples=["08.00–12.00, 13.00–15.30"])
    waiting: int
    serving: list[Serving] = Field(description="Numbers now called or served, at which counter.")
    open_counters: int
    estimate_minutes: int = Field(description="Estimated wait of a ticket taken now.")
    estimate_text: str


class HallDetail(Fresh):
    site: str
    name: str
    timezone: str
    services: list[ServiceOut]


class ReminderState(BaseModel):
    available: bool = Field(description="The province has a message gateway and the ticket still waits.")
    active: bool
    phone_hint: str | None = Field(description="The last four digits of the phone given, to its holder.")
    when_ahead: int = Field(description="A message is sent when this many people are ahead, and when called.")


class TicketOut(BaseModel):
    site: str
    site_name: str
    number: str | None
    service: str | None
    service_name: str | None
    agency_name: str | None
    state: str = Field(description="waiting, called, serving, done, no_show, cancelled, expired")
    state_label: str
    message: str
    people_ahead: int | None
    estimate_minutes: int | None
    estimate_text: str | None
    counter_name: str | None = Field(description="Once called: the counter to go to.")
    called_at: datetime | None
    issued_at: datetime | None
    issued_text: str | None
    visit_next: list[str] = Field(
        default_factory=list,
        description="A visit of several services: the services it goes on to after this one, in order.",
    )
    visit_text: str | None = Field(None, description='"Lanjut ke: Pajak Kendaraan, lalu Kartu Keluarga"')
    freshness: Fresh = Field(description="Whether the figures are live, or since when they are old.")
    reminder: ReminderState


class ReminderIn(BaseModel):
    phone: str = Field(max_length=30, examples=["0812-3456-7890"])
    consent: bool = Field(description="The citizen agrees the number is used for this ticket only.")


class HistoryStep(BaseModel):
    state: str
    label: str
    at: datetime
    at_text: str
    by: str


class TrackingOut(BaseModel):
    registration_number: str
    site_name: str
    permit_type: str | None
    permit_name: str | None
    applicant: str | None = Field(description="Masked: B*** S***.")
    state: str
    state_label: str
    received_on: date
    received_text: str
    due_date: date | None
    due_text: str | None
    missing_documents: list[str]
    history: list[HistoryStep]
    as_of: datetime | None


class ServiceChoice(BaseModel):
    code: str
    name: str


class AgencyChoice(BaseModel):
    code: str
    name: str
    services: list[ServiceChoice]


class HallChoice(BaseModel):
    site: str
    name: str
    agencies: list[AgencyChoice]


class KindChoice(BaseModel):
    code: str
    label: str


class ComplaintChoices(BaseModel):
    halls: list[HallChoice]
    kinds: list[KindChoice]


class ComplaintIn(BaseModel):
    site: str = Field(max_length=32)
    kind: str = Field(max_length=40, description="aspirasi, pengaduan or permintaan_informasi")
    agency: str = Field(max_length=64)
    service: str | None = Field(default=None, max_length=64)
    description: str = Field(max_length=4000)
    service_date: date | None = Field(default=None, description="Default: today; at most 30 days ago.")
    identity: Literal["anonymous", "confidential", "named"] = "anonymous"
    reporter_name: str | None = Field(default=None, max_length=200)
    reporter_phone: str | None = Field(default=None, max_length=30)
    reporter_email: str | None = Field(default=None, max_length=200)
    latitude: float | None = Field(default=None, description="Only with the citizen's consent.")
    longitude: float | None = None


class ComplaintFiled(BaseModel):
    code: str = Field(description="The tracking code, e.g. WEB-K7QM-3XHD-9PRT-ABCD.")
    url: str


class ComplaintRefusedAnswer(BaseModel):
    detail: str
    code: str
    errors: dict[str, str] = Field(description="One Indonesian message per wrong field.")


class ComplaintStep(BaseModel):
    state: str
    label: str
    at: str | None
    at_text: str
    note: str | None = None


class Deadline(BaseModel):
    name: str
    label: str
    date: str
    text: str


class ComplaintOut(BaseModel):
    code: str
    site_name: str
    agency_name: str
    service_name: str | None
    kind: str
    kind_label: str
    description: str
    filed_at: datetime
    filed_text: str
    state: str = Field(description="submitted, received, verified, forwarded, answered, closed, refused")
    state_label: str
    complaint_number: str | None
    steps: list[ComplaintStep]
    answer: str | None
    deadlines: list[Deadline] = Field(description="LAPOR! deadlines still open, earliest first.")
    refused_reason: str | None

"""The appointment endpoints' JSON, as ``docs/api/openapi.json`` describes it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class SlotOut(BaseModel):
    start: datetime = Field(description="Slot start, in the hall's zone.")
    free: int = Field(description="Seats still free in this slot.")


class SlotsOut(BaseModel):
    site: str
    service: str
    service_name: str | None = None
    date: str = Field(examples=["2026-03-04"])
    available: bool = Field(description="False when nothing can be booked; reason says why.")
    reason: str | None = Field(default=None, description="Why no slot is offered (Indonesian).")
    slots: list[SlotOut]


class BookingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    site: str = Field(max_length=32, examples=["MPP-BDL"])
    service: str = Field(max_length=64, examples=["KTP"])
    slot: str = Field(max_length=40, description="Slot start, ISO-8601 with offset.")
    name: str = Field(max_length=200)
    phone: str = Field(max_length=32, description="Mobile number (no NIK is asked).")


class BookingOut(BaseModel):
    code: str = Field(description="8-digit booking code, typed or scanned at the kiosk.")
    site: str
    service: str
    service_name: str
    slot_start: datetime
    slot_text: str = Field(examples=["Rabu, 4 Maret 2026 pukul 10.30 WIB"])
    state: str = Field(description="booked | cancelled | checked_in | late")
    qr_svg: str = Field(description="The code as a QR code (SVG).")
    qr_data_uri: str


class HallBookingOut(BaseModel):
    id: int
    code: str
    service: str
    slot_start: datetime
    slot_minutes: int
    name: str | None
    phone: str | None
    state: str


class HallBookings(BaseModel):
    bookings: list[HallBookingOut]
    cursor: int


class HallHoldIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(max_length=16, description="The code the hall gives the booking (starts with 9).")
    service: str = Field(max_length=64, examples=["KTP"])
    slot_start: str = Field(max_length=40, description="Slot start, ISO-8601 with offset.")


class HallHold(BaseModel):
    code: str
    held: bool = Field(description="False when the service takes no web bookings here: nothing to hold.")

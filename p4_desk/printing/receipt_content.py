"""What one permit receipt prints (``printing.receipt`` lays it out): content objects only, so
services build them without reportlab and the renderer never queries anything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal


@dataclass(frozen=True)
class ReceiptDocument:
    name: str
    mandatory: bool
    received: bool
    note: str = ""


@dataclass(frozen=True)
class ReceiptClockLine:
    """One change of the deadline clock, as printed."""

    day: date
    text: str  # "Jangka waktu berhenti: menunggu kelengkapan berkas (Fotokopi STR belum diserahkan)"
    used: int | None  # working days used after it


@dataclass(frozen=True)
class ReceiptClock:
    """The deadline clock on an intake receipt."""

    allowance: int  # working days promised
    used: int
    stopped_since: date | None  # the clock stands still since this day...
    waiting_for: str | None  # ...waiting for this ("kelengkapan berkas")
    revised: bool  # changed after intake: the receipt is marked PERUBAHAN PERKIRAAN SELESAI
    original_due: date | None  # what the first receipt promised
    changes: tuple[ReceiptClockLine, ...] = ()


@dataclass(frozen=True)
class ReceiptProxy:
    """The representative who collected the permit with a power of attorney (surat kuasa)."""

    name: str
    nik_masked: str
    letter_number: str | None = None
    letter_date: date | None = None


@dataclass(frozen=True)
class ReceiptContent:
    """Everything printed on one receipt; times are already in the site's zone."""

    kind: Literal["intake", "handover"]
    site_name: str
    site_address: str
    agency_name: str
    registration_number: str
    tracking_url: str
    applicant_name: str
    nik_masked: str
    permit_name: str
    product: str
    documents: tuple[ReceiptDocument, ...]
    fee: int
    received_at: datetime  # aware, site zone
    due_date: date | None  # None while the deadline clock is stopped
    officer_name: str
    complaint_channel: str
    ticket_number: str | None = None
    copy: bool = False
    handed_over_to: str | None = None
    handed_over_at: datetime | None = None  # aware, site zone
    due_estimated: bool = False  # counted through a year with no official holiday list yet
    clock: ReceiptClock | None = None
    proxy: ReceiptProxy | None = None  # a hand-over to a representative

    def __post_init__(self) -> None:
        if "*" not in self.nik_masked or (self.proxy is not None and "*" not in self.proxy.nik_masked):
            raise ValueError("nik_masked must be a masked NIK")
        if self.due_date is None and (self.clock is None or self.clock.stopped_since is None):
            raise ValueError("only a stopped clock leaves the due date open")

    @property
    def revised(self) -> bool:
        return self.kind == "intake" and self.clock is not None and self.clock.revised

    @property
    def received(self) -> tuple[ReceiptDocument, ...]:
        return tuple(d for d in self.documents if d.received)

    @property
    def missing(self) -> tuple[ReceiptDocument, ...]:
        return tuple(d for d in self.documents if d.mandatory and not d.received)

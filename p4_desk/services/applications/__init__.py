"""Permit applications: intake, drafts, lifecycle, search, hand-over and receipts.

One module per use-case family; this package is their public face (``applications.intake``):

- ``forms``: what the officer typed (``IntakeRequest``) and the field checks;
- ``records``: the read models (``ApplicationInfo``), the event payload, finding one;
- ``receiving``: intake, the registration number, the due date;
- ``lookup``: get and search;
- ``lifecycle``: state steps, hand-over (to the applicant or a representative), back-office
  updates;
- ``clock``: the deadline clock as stored and read; ``clock_steps``: stop, resume, restart;
- ``deadlines``: fiktif-positif warnings and clocks waiting for the applicant;
- ``drafts``: autosaved intake forms;
- ``receipts``: the receipt PDF.

Personal data (UU 27/2022): the full NIK leaves this package only masked (see ``records``).
"""

from p4_desk.services.applications.clock import ClockChange, ClockInfo
from p4_desk.services.applications.clock_steps import restart_clock, resume_clock, stop_clock
from p4_desk.services.applications.deadlines import (
    DeadlineWarningEntry,
    StoppedClock,
    fiktif_positif_warnings,
    stopped_clocks,
)
from p4_desk.services.applications.drafts import (
    DRAFT_KEEP_DAYS,
    discard_draft,
    draft_key,
    load_draft,
    purge_stale_drafts,
    save_draft,
)
from p4_desk.services.applications.forms import DocumentInput, IntakeInvalid, IntakeRequest, check_fields
from p4_desk.services.applications.lifecycle import ProxyLetter, apply_central_update, change_state, hand_over
from p4_desk.services.applications.lookup import get_application, search_applications
from p4_desk.services.applications.receipts import ReceiptKind, receipt_pdf, tracking_url
from p4_desk.services.applications.receiving import (
    INCOMPLETE_POLICIES,
    allocate_sequence,
    incomplete_policy,
    intake,
    registration_prefix,
)
from p4_desk.services.applications.records import (
    ApplicationInfo,
    ApplicationSummary,
    DocumentInfo,
    HistoryEntry,
    ProxyInfo,
)

__all__ = [
    "DRAFT_KEEP_DAYS",
    "INCOMPLETE_POLICIES",
    "ApplicationInfo",
    "ApplicationSummary",
    "ClockChange",
    "ClockInfo",
    "DeadlineWarningEntry",
    "DocumentInfo",
    "DocumentInput",
    "HistoryEntry",
    "IntakeInvalid",
    "IntakeRequest",
    "ProxyInfo",
    "ProxyLetter",
    "ReceiptKind",
    "StoppedClock",
    "allocate_sequence",
    "apply_central_update",
    "change_state",
    "check_fields",
    "discard_draft",
    "draft_key",
    "fiktif_positif_warnings",
    "get_application",
    "hand_over",
    "incomplete_policy",
    "intake",
    "load_draft",
    "purge_stale_drafts",
    "receipt_pdf",
    "registration_prefix",
    "restart_clock",
    "resume_clock",
    "save_draft",
    "search_applications",
    "stop_clock",
    "stopped_clocks",
    "tracking_url",
]

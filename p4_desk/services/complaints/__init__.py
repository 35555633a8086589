"""Complaints (*pengaduan*, SP4N-LAPOR!): filing, steps with deadlines, overdue lists, auto-close.

A complaint is received at a counter or the supervisor desk, gets a number, and moves
received → verified → forwarded → answered → closed (``domain.complaint_lifecycle``). Every
step is one transaction: the complaint row, its step row, an audit row and an outbox event
(``complaint.received`` / ``complaint.status_changed``), which is how it reaches the central
API and from there SP4N-LAPOR!.

One module per use-case family; this package is their public face (``complaints.file_complaint``):
``records`` (read models, deadlines, reporter identity rules), ``lists``, ``filing``, ``steps``,
``web`` (complaints filed on the central server's web form, pulled by sync).
Demo complaints are written by ``p4_desk.demo.feedback``.
"""

from p4_desk.services.complaints.filing import MAX_DESCRIPTION, file_complaint, file_complaint_from_json
from p4_desk.services.complaints.lists import (
    get_complaint,
    list_complaints,
    overdue_by_agency,
    overdue_by_officer,
)
from p4_desk.services.complaints.records import (
    HIDDEN_REPORTER,
    IDENTITIES,
    ComplaintInfo,
    ComplaintStepInfo,
    OverdueGroup,
    allocate_number,
    deadline_label,
    deadline_rules,
    site_holidays,
)
from p4_desk.services.complaints.steps import AUTO_CLOSE_NOTE, NOTE_REQUIRED, auto_close_due, step_complaint
from p4_desk.services.complaints.web import file_web_complaint, take_in_web_complaint

__all__ = [
    "AUTO_CLOSE_NOTE",
    "HIDDEN_REPORTER",
    "IDENTITIES",
    "MAX_DESCRIPTION",
    "NOTE_REQUIRED",
    "ComplaintInfo",
    "ComplaintStepInfo",
    "OverdueGroup",
    "allocate_number",
    "auto_close_due",
    "deadline_label",
    "deadline_rules",
    "file_complaint",
    "file_complaint_from_json",
    "file_web_complaint",
    "get_complaint",
    "list_complaints",
    "overdue_by_agency",
    "overdue_by_officer",
    "site_holidays",
    "step_complaint",
    "take_in_web_complaint",
]

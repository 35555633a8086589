"""Personal data (UU 27/2022): retention and purge, the data subject's access and correction,
the confidential reporter's identity on request, and the data-access log (who read whose data).

- ``purge``: anonymise or delete what is past its retention period (site settings);
- ``person``: export everything about one NIK (JSON and PDF), correct name/phone/address;
- ``reveal``: a confidential complaint reporter's identity, with a stated reason;
- ``access``: the access log rows and the ``who_read`` question.
"""

from p4_desk.services.privacy.access import AccessEntry, log_access, who_read
from p4_desk.services.privacy.person import Correction, PersonExport, correct_person, person_export
from p4_desk.services.privacy.purge import (
    KIND_LABELS,
    PurgeReport,
    RetentionPeriods,
    purge,
    retention_periods,
)
from p4_desk.services.privacy.reveal import RevealedReporter, reveal_reporter

__all__ = [
    "KIND_LABELS",
    "AccessEntry",
    "Correction",
    "PersonExport",
    "PurgeReport",
    "RetentionPeriods",
    "RevealedReporter",
    "correct_person",
    "log_access",
    "person_export",
    "purge",
    "retention_periods",
    "reveal_reporter",
    "who_read",
]

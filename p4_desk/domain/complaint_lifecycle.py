"""Complaint (*pengaduan*) states, after SP4N-LAPOR! practice.

    received → verified → forwarded → answered → closed
        └──────────┴→ closed            ↖────────┘ (forwarded again)

Besides the main line: a complaint that is not one (spam, duplicate, outside our services)
may be closed straight from ``received`` or ``verified``; and a reporter who is not satisfied
with the answer may have it forwarded again (``answered → forwarded``). ``closed`` is final.
Deadlines per state are in ``complaint_deadlines``.
"""

from __future__ import annotations

from enum import StrEnum

from p4_desk.domain.state_machine import StateMachine


class ComplaintState(StrEnum):
    RECEIVED = "received"
    VERIFIED = "verified"
    FORWARDED = "forwarded"
    ANSWERED = "answered"
    CLOSED = "closed"


COMPLAINTS = StateMachine(
    noun="pengaduan",
    states=ComplaintState,
    initial=ComplaintState.RECEIVED,
    labels={
        ComplaintState.RECEIVED: "Diterima",
        ComplaintState.VERIFIED: "Diverifikasi",
        ComplaintState.FORWARDED: "Diteruskan ke instansi",
        ComplaintState.ANSWERED: "Ditanggapi",
        ComplaintState.CLOSED: "Selesai",
    },
    transitions={
        ComplaintState.RECEIVED: frozenset({ComplaintState.VERIFIED, ComplaintState.CLOSED}),
        ComplaintState.VERIFIED: frozenset({ComplaintState.FORWARDED, ComplaintState.CLOSED}),
        ComplaintState.FORWARDED: frozenset({ComplaintState.ANSWERED}),
        ComplaintState.ANSWERED: frozenset({ComplaintState.CLOSED, ComplaintState.FORWARDED}),
        ComplaintState.CLOSED: frozenset(),
    },
)

STATE_LABELS = COMPLAINTS.labels
parse_state = COMPLAINTS.parse
allowed_next = COMPLAINTS.allowed_next
is_final = COMPLAINTS.is_final
check_transition = COMPLAINTS.check_transition

"""Permit application states, after the SiCantik pattern.

    received → verifying → processing → approved ─┐
                                      ↘ rejected ─┴→ ready → handed_over

``rejected → ready``: a rejection is also a product. The applicant collects the rejection
letter (*surat penolakan*) and the returned dossier at the counter, so a rejected
application goes through hand-over like an approved one; ``rejected`` is therefore not
final. ``handed_over`` is the only final state.

An incomplete dossier (*berkas belum lengkap*) is a flag on the application with the
list of missing documents, not a state: the application keeps moving (it may be
received and verified while documents are still due), and the flag is shown next to
whatever state it is in.

The deadline clock (``domain.permit_clock``) runs until the decision: it ends when the
application first reaches a ``DECIDED`` state (the back office may skip straight to ``ready``).

Until migration 0006 the identifiers were Indonesian words (``diterima`` ... ``diserahkan``,
``LEGACY_NAMES``). Halls not yet upgraded still send them (event ``schema_version`` 1), and a
person may still type them on the command line; they are translated at those edges only.
"""

from __future__ import annotations

from enum import StrEnum

from p4_desk.domain.state_machine import StateMachine


class PermitState(StrEnum):
    RECEIVED = "received"
    VERIFYING = "verifying"
    PROCESSING = "processing"
    APPROVED = "approved"
    REJECTED = "rejected"
    READY = "ready"
    HANDED_OVER = "handed_over"


#: the identifiers before 0006 (stored, sent and typed until then)
LEGACY_NAMES: dict[str, PermitState] = {
    "diterima": PermitState.RECEIVED,
    "verifikasi": PermitState.VERIFYING,
    "diproses": PermitState.PROCESSING,
    "disetujui": PermitState.APPROVED,
    "ditolak": PermitState.REJECTED,
    "siap_diambil": PermitState.READY,
    "diserahkan": PermitState.HANDED_OVER,
}
LEGACY_BY_STATE: dict[PermitState, str] = {state: name for name, state in LEGACY_NAMES.items()}

PERMITS = StateMachine(
    noun="permohonan",
    states=PermitState,
    initial=PermitState.RECEIVED,
    labels={
        PermitState.RECEIVED: "Berkas diterima",
        PermitState.VERIFYING: "Verifikasi berkas",
        PermitState.PROCESSING: "Sedang diproses",
        PermitState.APPROVED: "Disetujui",
        PermitState.REJECTED: "Ditolak",
        PermitState.READY: "Siap diambil",
        PermitState.HANDED_OVER: "Sudah diserahkan",
    },
    transitions={
        PermitState.RECEIVED: frozenset({PermitState.VERIFYING}),
        PermitState.VERIFYING: frozenset({PermitState.PROCESSING}),
        PermitState.PROCESSING: frozenset({PermitState.APPROVED, PermitState.REJECTED}),
        PermitState.APPROVED: frozenset({PermitState.READY}),
        PermitState.REJECTED: frozenset({PermitState.READY}),
        PermitState.READY: frozenset({PermitState.HANDED_OVER}),
        PermitState.HANDED_OVER: frozenset(),
    },
    aliases=LEGACY_NAMES,
)

#: the decision has been taken (penetapan): the deadline clock has ended
DECIDED = frozenset({PermitState.APPROVED, PermitState.REJECTED, PermitState.READY, PermitState.HANDED_OVER})

INITIAL_STATE = PERMITS.initial
LABELS = PERMITS.labels
parse_state = PERMITS.parse
allowed_next = PERMITS.allowed_next
is_final = PERMITS.is_final
check_transition = PERMITS.check_transition

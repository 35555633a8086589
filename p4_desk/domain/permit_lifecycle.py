"""Permit application states, after the SiCantik pattern.

    diterima → verifikasi → diproses → disetujui ─┐
                                     ↘ ditolak ───┴→ siap_diambil → diserahkan

``ditolak → siap_diambil``: a rejection is also a product. The applicant collects the
rejection letter (*surat penolakan*) and the returned dossier at the counter, so a
rejected application goes through hand-over like an approved one; ``ditolak`` is
therefore not final. ``diserahkan`` is the only final state.

An incomplete dossier (*berkas belum lengkap*) is a flag on the application with the
list of missing documents, not a state: the application keeps moving (it may be
received and verified while documents are still due), and the flag is shown next to
whatever state it is in.
"""

from __future__ import annotations

from enum import StrEnum

from p4_desk.domain.state_machine import StateMachine


class PermitState(StrEnum):
    DITERIMA = "diterima"
    VERIFIKASI = "verifikasi"
    DIPROSES = "diproses"
    DISETUJUI = "disetujui"
    DITOLAK = "ditolak"
    SIAP_DIAMBIL = "siap_diambil"
    DISERAHKAN = "diserahkan"


PERMITS = StateMachine(
    noun="permohonan",
    states=PermitState,
    initial=PermitState.DITERIMA,
    labels={
        PermitState.DITERIMA: "Berkas diterima",
        PermitState.VERIFIKASI: "Verifikasi berkas",
        PermitState.DIPROSES: "Sedang diproses",
        PermitState.DISETUJUI: "Disetujui",
        PermitState.DITOLAK: "Ditolak",
        PermitState.SIAP_DIAMBIL: "Siap diambil",
        PermitState.DISERAHKAN: "Sudah diserahkan",
    },
    transitions={
        PermitState.DITERIMA: frozenset({PermitState.VERIFIKASI}),
        PermitState.VERIFIKASI: frozenset({PermitState.DIPROSES}),
        PermitState.DIPROSES: frozenset({PermitState.DISETUJUI, PermitState.DITOLAK}),
        PermitState.DISETUJUI: frozenset({PermitState.SIAP_DIAMBIL}),
        PermitState.DITOLAK: frozenset({PermitState.SIAP_DIAMBIL}),
        PermitState.SIAP_DIAMBIL: frozenset({PermitState.DISERAHKAN}),
        PermitState.DISERAHKAN: frozenset(),
    },
)

INITIAL_STATE = PERMITS.initial
LABELS = PERMITS.labels
parse_state = PERMITS.parse
allowed_next = PERMITS.allowed_next
is_final = PERMITS.is_final
check_transition = PERMITS.check_transition

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

from p4_desk.errors import InvalidTransition, ValidationError


class PermitState(StrEnum):
    DITERIMA = "diterima"
    VERIFIKASI = "verifikasi"
    DIPROSES = "diproses"
    DISETUJUI = "disetujui"
    DITOLAK = "ditolak"
    SIAP_DIAMBIL = "siap_diambil"
    DISERAHKAN = "diserahkan"


LABELS: dict[PermitState, str] = {
    PermitState.DITERIMA: "Berkas diterima",
    PermitState.VERIFIKASI: "Verifikasi berkas",
    PermitState.DIPROSES: "Sedang diproses",
    PermitState.DISETUJUI: "Disetujui",
    PermitState.DITOLAK: "Ditolak",
    PermitState.SIAP_DIAMBIL: "Siap diambil",
    PermitState.DISERAHKAN: "Sudah diserahkan",
}

INITIAL_STATE = PermitState.DITERIMA

TRANSITIONS: dict[PermitState, frozenset[PermitState]] = {
    PermitState.DITERIMA: frozenset({PermitState.VERIFIKASI}),
    PermitState.VERIFIKASI: frozenset({PermitState.DIPROSES}),
    PermitState.DIPROSES: frozenset({PermitState.DISETUJUI, PermitState.DITOLAK}),
    PermitState.DISETUJUI: frozenset({PermitState.SIAP_DIAMBIL}),
    PermitState.DITOLAK: frozenset({PermitState.SIAP_DIAMBIL}),
    PermitState.SIAP_DIAMBIL: frozenset({PermitState.DISERAHKAN}),
    PermitState.DISERAHKAN: frozenset(),
}


def parse_state(value: str) -> PermitState:
    try:
        return PermitState(value)
    except ValueError:
        raise ValidationError(f"Status permohonan '{value}' tidak dikenal", field="state") from None


def allowed_next(state: PermitState | str) -> frozenset[PermitState]:
    return TRANSITIONS[parse_state(state)]


def is_final(state: PermitState | str) -> bool:
    return not TRANSITIONS[parse_state(state)]


def check_transition(old: PermitState | str, new: PermitState | str) -> None:
    """Raise ``InvalidTransition`` (Indonesian message) unless ``old → new`` is allowed."""
    old_state, new_state = parse_state(old), parse_state(new)
    if new_state in TRANSITIONS[old_state]:
        return
    if old_state is new_state:
        message = f"Permohonan sudah berstatus '{LABELS[old_state]}'"
    elif is_final(old_state):
        message = f"Permohonan sudah '{LABELS[old_state]}'; statusnya tidak dapat diubah lagi"
    else:
        message = (
            f"Status permohonan tidak dapat diubah dari '{LABELS[old_state]}' menjadi '{LABELS[new_state]}'"
        )
    raise InvalidTransition(message)

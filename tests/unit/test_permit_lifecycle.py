import pytest

from p4_desk.domain.permit_lifecycle import (
    INITIAL_STATE,
    LABELS,
    PermitState,
    allowed_next,
    check_transition,
    is_final,
)
from p4_desk.errors import InvalidTransition, ValidationError

APPROVED_PATH = ["diterima", "verifikasi", "diproses", "disetujui", "siap_diambil", "diserahkan"]
REJECTED_PATH = ["diterima", "verifikasi", "diproses", "ditolak", "siap_diambil", "diserahkan"]


@pytest.mark.parametrize("path", [APPROVED_PATH, REJECTED_PATH])
def test_an_application_can_walk_to_hand_over(path: list[str]) -> None:
    assert path[0] == INITIAL_STATE
    for old, new in zip(path, path[1:], strict=False):
        check_transition(old, new)
    assert is_final(path[-1])


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("diterima", "disetujui", "tidak dapat diubah dari 'Berkas diterima' menjadi 'Disetujui'"),
        ("verifikasi", "siap_diambil", "tidak dapat diubah"),
        ("disetujui", "ditolak", "tidak dapat diubah"),
        ("siap_diambil", "diproses", "tidak dapat diubah"),
        ("diserahkan", "diproses", "tidak dapat diubah lagi"),
        ("diproses", "diproses", "sudah berstatus 'Sedang diproses'"),
    ],
)
def test_illegal_transitions_are_refused_in_indonesian(old: str, new: str, message: str) -> None:
    with pytest.raises(InvalidTransition) as err:
        check_transition(old, new)
    assert message in err.value.message


def test_allowed_next() -> None:
    assert allowed_next("diproses") == {PermitState.DISETUJUI, PermitState.DITOLAK}
    assert allowed_next("ditolak") == {PermitState.SIAP_DIAMBIL}
    assert allowed_next("diserahkan") == frozenset()
    assert [s for s in PermitState if is_final(s)] == [PermitState.DISERAHKAN]


def test_every_state_has_an_indonesian_label() -> None:
    assert set(LABELS) == set(PermitState)
    assert all(LABELS.values())


def test_unknown_state_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="tidak dikenal"):
        check_transition("diterima", "berkas_kurang")

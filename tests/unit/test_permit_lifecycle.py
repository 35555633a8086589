import pytest

from p4_desk.domain.permit_lifecycle import (
    INITIAL_STATE,
    LABELS,
    LEGACY_NAMES,
    PERMITS,
    PermitState,
    allowed_next,
    check_transition,
    is_final,
)
from p4_desk.errors import InvalidTransition, ValidationError

APPROVED_PATH = ["received", "verifying", "processing", "approved", "ready", "handed_over"]
REJECTED_PATH = ["received", "verifying", "processing", "rejected", "ready", "handed_over"]


@pytest.mark.parametrize("path", [APPROVED_PATH, REJECTED_PATH])
def test_an_application_can_walk_to_hand_over(path: list[str]) -> None:
    assert path[0] == INITIAL_STATE
    for old, new in zip(path, path[1:], strict=False):
        check_transition(old, new)
    assert is_final(path[-1])


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("received", "approved", "tidak dapat diubah dari 'Berkas diterima' menjadi 'Disetujui'"),
        ("verifying", "ready", "tidak dapat diubah"),
        ("approved", "rejected", "tidak dapat diubah"),
        ("ready", "processing", "tidak dapat diubah"),
        ("handed_over", "processing", "tidak dapat diubah lagi"),
        ("processing", "processing", "sudah berstatus 'Sedang diproses'"),
    ],
)
def test_illegal_transitions_are_refused_in_indonesian(old: str, new: str, message: str) -> None:
    with pytest.raises(InvalidTransition) as err:
        check_transition(old, new)
    assert message in err.value.message


def test_allowed_next() -> None:
    assert allowed_next("processing") == {PermitState.APPROVED, PermitState.REJECTED}
    assert allowed_next("rejected") == {PermitState.READY}
    assert allowed_next("handed_over") == frozenset()
    assert [s for s in PermitState if is_final(s)] == [PermitState.HANDED_OVER]


def test_every_state_has_an_indonesian_label() -> None:
    assert set(LABELS) == set(PermitState)
    assert all(LABELS.values())


def test_unknown_state_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="tidak dikenal"):
        check_transition("received", "berkas_kurang")


def test_the_old_indonesian_identifiers_are_understood_only_where_asked() -> None:
    assert PERMITS.parse("disetujui", accept_aliases=True) is PermitState.APPROVED
    assert PERMITS.parse("SIAP_DIAMBIL", accept_aliases=True) is PermitState.READY
    assert sorted(LEGACY_NAMES.values()) == sorted(PermitState)  # one old word per state
    with pytest.raises(ValidationError, match="Status permohonan 'diserahkan' tidak dikenal"):
        check_transition("ready", "diserahkan")

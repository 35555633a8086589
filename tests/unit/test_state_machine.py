"""The one lifecycle shape shared by tickets, permit applications and complaints."""

from __future__ import annotations

from enum import StrEnum

import pytest

from p4_desk.domain.complaint_lifecycle import COMPLAINTS
from p4_desk.domain.permit_lifecycle import PERMITS
from p4_desk.domain.state_machine import StateMachine
from p4_desk.domain.ticket_lifecycle import TICKETS
from p4_desk.errors import InvalidTransition, ValidationError


class Lamp(StrEnum):
    OFF = "off"
    ON = "on"
    BROKEN = "broken"


def lamp(**overrides: object) -> StateMachine[Lamp]:
    spec: dict[str, object] = {
        "noun": "lampu",
        "states": Lamp,
        "initial": Lamp.OFF,
        "labels": {Lamp.OFF: "Mati", Lamp.ON: "Menyala", Lamp.BROKEN: "Rusak"},
        "transitions": {
            Lamp.OFF: frozenset({Lamp.ON}),
            Lamp.ON: frozenset({Lamp.OFF, Lamp.BROKEN}),
            Lamp.BROKEN: frozenset(),
        },
        "aliases": {"padam": Lamp.OFF},
    }
    spec.update(overrides)
    return StateMachine(**spec)


def test_allowed_steps_pass_and_the_rest_are_refused_in_indonesian() -> None:
    machine = lamp()
    machine.check_transition("off", "on")
    with pytest.raises(
        InvalidTransition, match="Status lampu tidak dapat diubah dari 'Mati' menjadi 'Rusak'"
    ):
        machine.check_transition("off", "broken")
    with pytest.raises(InvalidTransition, match="Lampu sudah berstatus 'Menyala'"):
        machine.check_transition("on", "on")
    with pytest.raises(InvalidTransition, match="Lampu sudah 'Rusak'; statusnya tidak dapat diubah lagi"):
        machine.check_transition("broken", "off")


def test_final_states_next_states_and_everything_reachable() -> None:
    machine = lamp()
    assert [s for s in Lamp if machine.is_final(s)] == [Lamp.BROKEN]
    assert machine.allowed_next("on") == {Lamp.OFF, Lamp.BROKEN}
    assert machine.later_states("off") == {Lamp.ON, Lamp.OFF, Lamp.BROKEN}  # off → on → off is a cycle
    assert machine.later_states("broken") == frozenset()


def test_aliases_are_taken_only_when_asked_for() -> None:
    machine = lamp()
    assert machine.parse(" on ") is Lamp.ON
    assert machine.parse("PADAM", accept_aliases=True) is Lamp.OFF
    with pytest.raises(ValidationError, match="Status lampu 'padam' tidak dikenal"):
        machine.parse("padam")
    with pytest.raises(ValidationError, match="tidak dikenal"):
        machine.label("blinking")


@pytest.mark.parametrize(
    ("overrides", "complaint"),
    [
        ({"labels": {Lamp.OFF: "Mati", Lamp.ON: "Menyala"}}, "label"),
        ({"labels": {Lamp.OFF: "Mati", Lamp.ON: "", Lamp.BROKEN: "Rusak"}}, "label"),
        ({"transitions": {Lamp.OFF: frozenset({Lamp.ON}), Lamp.ON: frozenset()}}, "row of transitions"),
        ({"aliases": {"on": Lamp.OFF}}, "alias shadows"),
    ],
)
def test_an_incomplete_machine_is_refused_when_it_is_built(
    overrides: dict[str, object], complaint: str
) -> None:
    with pytest.raises(ValueError, match=complaint):
        lamp(**overrides)


@pytest.mark.parametrize("machine", [TICKETS, PERMITS, COMPLAINTS], ids=["tickets", "permits", "complaints"])
def test_the_three_lifecycles_use_the_shape_with_english_identifiers(machine: StateMachine) -> None:
    for state in machine.states:
        assert state.value.isascii() and state.value == state.value.lower()
        assert machine.label(state)[0].isupper()  # a label a person reads, not the identifier
    # every state can be reached from the initial one
    assert set(machine.states) <= machine.later_states(machine.initial) | {machine.initial}

"""The one shape of a lifecycle: states, the transitions between them, and their labels.

Tickets, permit applications and complaints each declare one ``StateMachine``; the checks
(what may follow a state, which states are final, is this step allowed) and their Indonesian
messages are written here once. A machine checks itself when it is built: every state has a
label and a row in the transitions table, and the initial state is one of its states.

State identifiers are English (they are stored and sent to the central API); labels are what
officers and citizens read, in Bahasa Indonesia. ``aliases`` are other words a person may type
for a state (e.g. the Indonesian identifiers permits had before 0006); only ``parse`` with
``accept_aliases=True`` takes them, so stored values stay in one vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from p4_desk.errors import InvalidTransition, ValidationError

S = TypeVar("S", bound=StrEnum)


@dataclass(frozen=True)
class StateMachine(Generic[S]):
    #: what moves through the states, lower case Indonesian ("permohonan", "tiket", "pengaduan")
    noun: str
    states: type[S]
    initial: S
    labels: Mapping[S, str]
    transitions: Mapping[S, frozenset[S]]
    aliases: Mapping[str, S] = field(default_factory=dict)

    def __post_init__(self) -> None:
        members = set(self.states)
        if set(self.labels) != members or not all(self.labels.values()):
            raise ValueError(f"{self.states.__name__}: every state needs a label")
        if set(self.transitions) != members:
            raise ValueError(f"{self.states.__name__}: every state needs a row of transitions")
        if any(not targets <= members for targets in self.transitions.values()):
            raise ValueError(f"{self.states.__name__}: a transition leads outside the states")
        if self.initial not in members:
            raise ValueError(f"{self.states.__name__}: the initial state is not one of the states")
        if set(self.aliases) & {str(member) for member in self.states}:
            raise ValueError(f"{self.states.__name__}: an alias shadows a state identifier")

    def parse(self, value: S | str, *, accept_aliases: bool = False) -> S:
        """The state named ``value``; a ``ValidationError`` (Indonesian) when there is none."""
        text = str(value).strip()
        try:
            return self.states(text)
        except ValueError:
            pass
        if accept_aliases and text.lower() in self.aliases:
            return self.aliases[text.lower()]
        choices = ", ".join(state.value for state in self.states)
        raise ValidationError(
            f"Status {self.noun} '{value}' tidak dikenal (pilihan: {choices})", field="state"
        )

    def label(self, state: S | str) -> str:
        return self.labels[self.parse(state)]

    def allowed_next(self, state: S | str) -> frozenset[S]:
        return self.transitions[self.parse(state)]

    def is_final(self, state: S | str) -> bool:
        return not self.transitions[self.parse(state)]

    def later_states(self, state: S | str) -> frozenset[S]:
        """Every state reachable from ``state`` in one or more steps."""
        later: set[S] = set()
        frontier = set(self.allowed_next(state))
        while frontier:
            later |= frontier
            frontier = {n for f in frontier for n in self.transitions[f]} - later
        return frozenset(later)

    def check_transition(self, old: S | str, new: S | str) -> None:
        """Raise ``InvalidTransition`` (Indonesian message) unless ``old → new`` is allowed."""
        old_state, new_state = self.parse(old), self.parse(new)
        if new_state in self.transitions[old_state]:
            return
        subject = self.noun.capitalize()
        if old_state is new_state:
            message = f"{subject} sudah berstatus '{self.labels[old_state]}'"
        elif self.is_final(old_state):
            message = f"{subject} sudah '{self.labels[old_state]}'; statusnya tidak dapat diubah lagi"
        else:
            message = (
                f"Status {self.noun} tidak dapat diubah dari '{self.labels[old_state]}' "
                f"menjadi '{self.labels[new_state]}'"
            )
        raise InvalidTransition(message)

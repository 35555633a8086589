"""Queue ticket states and the counter actions that move a ticket between them (DESIGN §4).

    waiting → called → serving → done
       │        │  ↖ recall │
       │        ├→ no_show ─┴─→ (reactivate, same day) → waiting
       │        └──────────────→ waiting  (transfer; or returned when its counter is closed)
       │                  serving → waiting (transfer)
       └→ cancelled

``done`` and ``cancelled`` are final. A *recall* announces a called ticket again and keeps it
``called``; it is an action, not a transition.

The no-show rule: a called ticket may be marked *no-show* only after it was recalled
``recalls_required`` times (site setting ``queue.recalls_before_no_show``, default 1), so a
citizen who did not hear the first call is called again before losing the turn. The queue
service enforces it and the counter window enables its button from the same function.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from p4_desk.domain.state_machine import StateMachine
from p4_desk.errors import InvalidTransition


class TicketState(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


TICKETS = StateMachine(
    noun="tiket",
    states=TicketState,
    initial=TicketState.WAITING,
    labels={
        TicketState.WAITING: "Menunggu",
        TicketState.CALLED: "Dipanggil",
        TicketState.SERVING: "Dilayani",
        TicketState.DONE: "Selesai",
        TicketState.NO_SHOW: "Tidak hadir",
        TicketState.CANCELLED: "Dibatalkan",
    },
    transitions={
        TicketState.WAITING: frozenset({TicketState.CALLED, TicketState.CANCELLED}),
        TicketState.CALLED: frozenset({TicketState.SERVING, TicketState.NO_SHOW, TicketState.WAITING}),
        TicketState.SERVING: frozenset({TicketState.DONE, TicketState.WAITING}),
        TicketState.DONE: frozenset(),
        TicketState.NO_SHOW: frozenset({TicketState.WAITING}),
        TicketState.CANCELLED: frozenset(),
    },
)

STATE_LABELS = TICKETS.labels

#: a ticket is "at a counter" in these states (one per counter at a time)
AT_COUNTER = frozenset({TicketState.CALLED, TicketState.SERVING})


class TicketAction(StrEnum):
    CALL = "call"
    RECALL = "recall"
    START = "start"
    FINISH = "finish"
    NO_SHOW = "no_show"
    TRANSFER = "transfer"
    REACTIVATE = "reactivate"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Move:
    allowed_from: frozenset[TicketState]
    to: TicketState  # the state after the action (a recall stays ``called``)
    verb: str  # Indonesian passive: "Tiket A001 tidak dapat <verb>"


MOVES: dict[TicketAction, Move] = {
    TicketAction.CALL: Move(frozenset({TicketState.WAITING}), TicketState.CALLED, "dipanggil"),
    TicketAction.RECALL: Move(frozenset({TicketState.CALLED}), TicketState.CALLED, "dipanggil ulang"),
    TicketAction.START: Move(frozenset({TicketState.CALLED}), TicketState.SERVING, "mulai dilayani"),
    TicketAction.FINISH: Move(frozenset({TicketState.SERVING}), TicketState.DONE, "diselesaikan"),
    TicketAction.NO_SHOW: Move(frozenset({TicketState.CALLED}), TicketState.NO_SHOW, "ditandai tidak hadir"),
    TicketAction.TRANSFER: Move(
        frozenset({TicketState.CALLED, TicketState.SERVING}), TicketState.WAITING, "dialihkan"
    ),
    TicketAction.REACTIVATE: Move(
        frozenset({TicketState.NO_SHOW}), TicketState.WAITING, "diaktifkan kembali"
    ),
    TicketAction.CANCEL: Move(frozenset({TicketState.WAITING}), TicketState.CANCELLED, "dibatalkan"),
}


def check_action(action: TicketAction, state: TicketState | str, number: str) -> TicketState:
    """The state after ``action``; ``InvalidTransition`` (Indonesian) when ``state`` does not allow it."""
    move = MOVES[action]
    current = TICKETS.parse(state)
    if current not in move.allowed_from:
        raise InvalidTransition(
            f"Tiket {number} tidak dapat {move.verb}: statusnya {STATE_LABELS[current].lower()}."
        )
    return move.to


def no_show_allowed(recall_count: int, recalls_required: int) -> bool:
    """The no-show rule: enough recalls first (``queue.recalls_before_no_show``)."""
    return recall_count >= recalls_required


def check_no_show(number: str, recall_count: int, recalls_required: int) -> None:
    if not no_show_allowed(recall_count, recalls_required):
        raise InvalidTransition(
            f"Panggil ulang tiket {number} minimal {recalls_required} kali sebelum menandai tidak hadir."
        )


def legal_actions(
    state: TicketState | str, recall_count: int, recalls_required: int
) -> frozenset[TicketAction]:
    """The actions a ticket in ``state`` allows now, the no-show rule included."""
    current = TICKETS.parse(state)
    actions = {action for action, move in MOVES.items() if current in move.allowed_from}
    if not no_show_allowed(recall_count, recalls_required):
        actions.discard(TicketAction.NO_SHOW)
    return frozenset(actions)

"""Queue ticket states and the counter actions that move a ticket between them (DESIGN §4).

    waiting → called → serving → done
       │        │  ↖ recall │
       │        ├→ no_show ─┴─→ (reactivate, same day) → waiting
       │        └──────────────→ waiting  (transfer; or returned when its counter is closed)
       │                  serving → waiting (transfer)
       ├→ cancelled
       └→ unserved  (and called → unserved: the service day ended first)

A visit of several services (``domain.visits``): finishing a leg that has a next step in the
ticket's plan takes it ``serving → waiting`` in that next service's queue (the transition a
transfer uses) instead of ``done``; the last step's finish makes it ``done``.

``done``, ``cancelled`` and ``unserved`` are final. A *recall* announces a called ticket again and
keeps it ``called``; it is an action, not a transition.

The end of the service day (the site's local midnight, WIB/WITA/WIT): a ticket still waiting or
called then was never served and can no longer be (it is never called on a later day). The
housekeeping job closes it as ``unserved`` ("Tidak terlayani"), stamped with that midnight. It is
not a counter action: nobody at a counter decides it, so it is not in ``legal_actions``.

The no-show rule: a called ticket may be marked *no-show* only after it was recalled
``recalls_required`` times (site setting ``queue.recalls_before_no_show``, default 1), so a
citizen who did not hear the first call is called again before losing the turn. The queue
service enforces it and the counter window enables its button from the same function.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
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
    UNSERVED = "unserved"


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
        TicketState.UNSERVED: "Tidak terlayani",
    },
    transitions={
        TicketState.WAITING: frozenset({TicketState.CALLED, TicketState.CANCELLED, TicketState.UNSERVED}),
        TicketState.CALLED: frozenset(
            {TicketState.SERVING, TicketState.NO_SHOW, TicketState.WAITING, TicketState.UNSERVED}
        ),
        TicketState.SERVING: frozenset({TicketState.DONE, TicketState.WAITING}),
        TicketState.DONE: frozenset(),
        TicketState.NO_SHOW: frozenset({TicketState.WAITING}),
        TicketState.CANCELLED: frozenset(),
        TicketState.UNSERVED: frozenset(),
    },
)

STATE_LABELS = TICKETS.labels

#: a ticket is "at a counter" in these states (one per counter at a time)
AT_COUNTER = frozenset({TicketState.CALLED, TicketState.SERVING})

#: states a ticket may be left in when its service day ends; it is then closed as unserved
OPEN_AT_DAY_END = frozenset({TicketState.WAITING, TicketState.CALLED})


def closed_at_day_end(state: TicketState | str, service_day: date, today: date) -> bool:
    """Whether a ticket of ``service_day`` in ``state`` is to be closed as unserved ``today``
    (both local dates of the site): its day is over and it was never served."""
    return service_day < today and TICKETS.parse(state) in OPEN_AT_DAY_END


def day_end_midnight(service_day: date, zone: tzinfo) -> datetime:
    """When a service day ends: the local midnight after it (aware, in ``zone``)."""
    return datetime.combine(service_day + timedelta(days=1), time(0), tzinfo=zone)


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

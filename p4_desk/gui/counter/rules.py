"""Which counter actions are legal right now (pure; the window enables buttons from this).

- nobody at the counter: call next / call a chosen ticket (counter open), break or resume;
- a ticket at the counter: what the ticket lifecycle allows (``domain.ticket_lifecycle``):
  called → recall, start, transfer, and no-show once the no-show rule allows it;
  serving → finish, transfer;
- a break is taken only with empty hands (finish or transfer the ticket first);
- a no-show of today who came back is queued again (reactivate) whenever the counter is known
  and there is one, with or without a ticket in hand;
- nothing that writes is legal while the database is unreachable or an action is running.

``why_not`` says why an action is not legal (a ``Refusal``), for the actions whose refusal the
officer cannot see at a glance: the window words it on the button and in the hint line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from p4_desk.domain.ticket_lifecycle import TicketAction, TicketState, no_show_allowed
from p4_desk.domain.ticket_lifecycle import legal_actions as ticket_actions
from p4_desk.services.queue import TicketInfo

CALL_NEXT = "call_next"
RECALL = TicketAction.RECALL.value
START = TicketAction.START.value
FINISH = TicketAction.FINISH.value
NO_SHOW = TicketAction.NO_SHOW.value
TRANSFER = TicketAction.TRANSFER.value
REACTIVATE = TicketAction.REACTIVATE.value
CALL_CHOSEN = "call_chosen"
PAUSE = "pause"
RESUME = "resume"
INTAKE = "intake"
COMPLAINT = "complaint"
APPLICATIONS = "applications"

#: the ticket actions that have a button on the counter window
_AT_THE_COUNTER = frozenset({RECALL, START, FINISH, NO_SHOW, TRANSFER})


def legal_actions(
    counter_state: str | None,
    ticket: TicketInfo | None,
    *,
    recalls_required: int,
    has_selection: bool,
    connected: bool = True,
    busy: bool = False,
    has_no_shows: bool = False,
) -> frozenset[str]:
    if not connected or busy or counter_state is None:
        return frozenset()
    actions: set[str] = {INTAKE, COMPLAINT, APPLICATIONS}
    if has_no_shows:
        actions.add(REACTIVATE)
    if ticket is None:
        if counter_state == "open":
            actions |= {CALL_NEXT, PAUSE}
            if has_selection:
                actions.add(CALL_CHOSEN)
        else:
            actions.add(RESUME)
    else:
        allowed = ticket_actions(ticket.state, ticket.recall_count, recalls_required)
        actions |= {action.value for action in allowed} & _AT_THE_COUNTER
    return frozenset(actions)


class Refusal(StrEnum):
    UNKNOWN_COUNTER = "unknown_counter"  # no snapshot of this counter (not found, not loaded yet)
    OFFLINE = "offline"  # the database is unreachable
    ON_BREAK = "on_break"
    CLOSED = "closed"
    TICKET_IN_HAND = "ticket_in_hand"  # finish or transfer the ticket at the counter first
    RECALL_FIRST = "recall_first"  # the no-show rule: recall (F3) first
    NOT_CALLED = "not_called"  # no-show only for a called ticket, not one in service
    NO_NO_SHOWS = "no_no_shows"  # nobody marked no-show today to queue again


@dataclass(frozen=True)
class WhyNot:
    refusal: Refusal
    recalls_done: int = 0
    recalls_required: int = 0


def why_not(
    action: str,
    counter_state: str | None,
    ticket: TicketInfo | None,
    *,
    recalls_required: int,
    connected: bool = True,
    has_no_shows: bool = False,
) -> WhyNot | None:
    """Why ``action`` (call next, no-show, reactivate) cannot be done now; ``None`` when it can
    or when the reason is only that another action is running."""
    if not connected:
        return WhyNot(Refusal.OFFLINE)
    if counter_state is None:
        return WhyNot(Refusal.UNKNOWN_COUNTER)
    if action == CALL_NEXT:
        if ticket is not None:
            return WhyNot(Refusal.TICKET_IN_HAND)
        if counter_state == "paused":
            return WhyNot(Refusal.ON_BREAK)
        if counter_state != "open":
            return WhyNot(Refusal.CLOSED)
    elif action == NO_SHOW:
        if ticket is None:
            return None
        if ticket.state != TicketState.CALLED:
            return WhyNot(Refusal.NOT_CALLED)
        if not no_show_allowed(ticket.recall_count, recalls_required):
            return WhyNot(Refusal.RECALL_FIRST, ticket.recall_count, recalls_required)
    elif action == REACTIVATE and not has_no_shows:
        return WhyNot(Refusal.NO_NO_SHOWS)
    return None

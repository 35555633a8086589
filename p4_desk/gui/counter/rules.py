"""Which counter actions are legal right now (pure; the window enables buttons from this).

- nobody at the counter: call next / call a chosen ticket (counter open), break or resume;
- a ticket at the counter: what the ticket lifecycle allows (``domain.ticket_lifecycle``):
  called → recall, start, transfer, and no-show once the no-show rule allows it;
  serving → finish, transfer;
- a break is taken only with empty hands (finish or transfer the ticket first);
- nothing that writes is legal while the database is unreachable or an action is running.
"""

from __future__ import annotations

from p4_desk.domain.ticket_lifecycle import TicketAction
from p4_desk.domain.ticket_lifecycle import legal_actions as ticket_actions
from p4_desk.services.queue import TicketInfo

CALL_NEXT = "call_next"
RECALL = TicketAction.RECALL.value
START = TicketAction.START.value
FINISH = TicketAction.FINISH.value
NO_SHOW = TicketAction.NO_SHOW.value
TRANSFER = TicketAction.TRANSFER.value
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
) -> frozenset[str]:
    if not connected or busy or counter_state is None:
        return frozenset()
    actions: set[str] = {INTAKE, COMPLAINT, APPLICATIONS}
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

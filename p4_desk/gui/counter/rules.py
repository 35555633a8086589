"""Which counter actions are legal right now (pure; the window enables buttons from this).

- nobody at the counter: call next / call a chosen ticket (counter open), break or resume;
- a ticket called: recall, start, transfer, and no-show once it was recalled often enough
  (site setting ``queue.recalls_before_no_show``);
- a ticket being served: finish, transfer;
- a break is taken only with empty hands (finish or transfer the ticket first);
- nothing that writes is legal while the database is unreachable or an action is running.
"""

from __future__ import annotations

from p4_desk.services.queue import TicketInfo

CALL_NEXT = "call_next"
RECALL = "recall"
START = "start"
FINISH = "finish"
NO_SHOW = "no_show"
TRANSFER = "transfer"
CALL_CHOSEN = "call_chosen"
PAUSE = "pause"
RESUME = "resume"
INTAKE = "intake"
COMPLAINT = "complaint"
APPLICATIONS = "applications"


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
    elif ticket.state == "called":
        actions |= {RECALL, START, TRANSFER}
        if ticket.recall_count >= recalls_required:
            actions.add(NO_SHOW)
    elif ticket.state == "serving":
        actions |= {FINISH, TRANSFER}
    return frozenset(actions)

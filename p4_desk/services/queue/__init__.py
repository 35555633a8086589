"""The queue engine: tickets from issue to done, counters open/paused/closed.

Every public function is one transaction: the ticket row, its service leg, an audit row and an
outbox event are committed together or not at all. Concurrency (DESIGN §4): on SQLite every
write transaction starts with ``BEGIN IMMEDIATE`` (one writer at a time across processes); on
PostgreSQL numbers come from an atomic upsert and call-next locks its row with
``FOR UPDATE SKIP LOCKED``, so two counters never get the same ticket.

One module per use-case family; this package is their public face (``queue.issue_ticket``):

- ``tickets``: the ticket read model (``TicketInfo``), finding tickets, waiting lists;
- ``issuing``: a new ticket, its number and wait estimate;
- ``calling``: call, recall, start, finish, no-show, reactivate, cancel, transfer;
- ``counters``: open / break / close a counter, its status and tally;
- ``reminders``: "your turn is near" asked at the kiosk (the phone, until sync hands it over);
- ``status``: the queue at a glance per service (kiosk, ``p4-desk queue status``);
- ``day_end``: tickets left open when their service day ended are closed as unserved;
- ``visits``: one visit across several services (the plan, the next leg after a finish).
"""

from p4_desk.services.queue.calling import (
    call_next,
    call_ticket,
    cancel,
    finish,
    no_show,
    reactivate,
    recall,
    set_print_state,
    start,
    transfer,
)
from p4_desk.services.queue.counters import (
    COUNTER_STATE_LABELS,
    CounterStatus,
    counter_tally,
    set_counter_state,
)
from p4_desk.services.queue.day_end import close_ended_days
from p4_desk.services.queue.issuing import issue_ticket
from p4_desk.services.queue.reminders import ask_reminder, reminders_offered
from p4_desk.services.queue.status import QueueStatus, ServiceStatus, queue_status
from p4_desk.services.queue.tickets import (
    TicketInfo,
    current_ticket,
    get_ticket,
    no_shows_today,
    recent_calls,
    ticket_payload,
    waiting_list,
)
from p4_desk.services.queue.visits import with_plan

__all__ = [
    "COUNTER_STATE_LABELS",
    "CounterStatus",
    "QueueStatus",
    "ServiceStatus",
    "TicketInfo",
    "ask_reminder",
    "reminders_offered",
    "call_next",
    "call_ticket",
    "cancel",
    "close_ended_days",
    "counter_tally",
    "current_ticket",
    "finish",
    "get_ticket",
    "issue_ticket",
    "no_show",
    "no_shows_today",
    "queue_status",
    "reactivate",
    "recall",
    "recent_calls",
    "set_counter_state",
    "set_print_state",
    "start",
    "ticket_payload",
    "transfer",
    "waiting_list",
    "with_plan",
]

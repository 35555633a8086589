"""Queue rules: ticket numbers, service day, priority ordering, wait estimate. Pure functions.

Priority ordering (UU 25/2009 Pasal 29 asks for special treatment of vulnerable groups, but sets
no algorithm): a priority ticket is queued as if it had arrived ``head_start_minutes`` earlier
than it did. Every ticket's place is fixed by a *queue key* computed once from its arrival time,
so the rule is:

* **Priority first, within the bound**: a priority ticket is called before every regular ticket
  that arrived less than ``head_start_minutes`` before it.
* **No starvation (the bound)**: no ticket is ever called after a ticket that arrived more than
  ``head_start_minutes`` later than it. A regular ticket can therefore only be overtaken by
  priority tickets that arrived within ``head_start_minutes`` after it, however many priority
  tickets keep arriving; with ``head_start_minutes = 0`` the queue is first come, first served.

The key is a number stored on the ticket, so calling next is one indexed ``ORDER BY``, and the
same order holds across all counters and processes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

PRIORITY_GROUPS: dict[str, str] = {
    "lansia": "Lansia",
    "disabilitas": "Penyandang disabilitas",
    "ibu_hamil": "Ibu hamil",
    "anak": "Anak / balita",
}

MAX_HEAD_START_MINUTES = 240


@dataclass(frozen=True)
class PriorityPolicy:
    head_start_minutes: int = 15

    def __post_init__(self) -> None:
        if not 0 <= self.head_start_minutes <= MAX_HEAD_START_MINUTES:
            raise ValueError("head_start_minutes out of range")


def format_ticket_number(prefix: str, seq: int) -> str:
    """``A001`` … ``A999``, then ``A1000``: the number never wraps within a service day."""
    return f"{prefix}{seq:03d}"


def service_day(instant: datetime, timezone: ZoneInfo) -> date:
    """The site's local calendar date of an instant (never the UTC date)."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime")
    return instant.astimezone(timezone).date()


def queue_key(arrival: datetime, priority: str | None, policy: PriorityPolicy) -> float:
    """Sort key of a waiting ticket: smaller is called first (ties broken by ticket id)."""
    head_start = policy.head_start_minutes * 60 if priority else 0
    return arrival.timestamp() - head_start


@dataclass(frozen=True)
class WaitingTicket:
    id: int
    arrival: datetime
    priority: str | None
    key: float


def pick_next(waiting: Sequence[WaitingTicket]) -> WaitingTicket | None:
    """The ticket a counter calls next among those it may serve."""
    if not waiting:
        return None
    return min(waiting, key=lambda t: (t.key, t.id))


def estimate_wait_minutes(people_ahead: int, open_counters: int, average_service_minutes: float) -> int:
    """People ahead × average service time, shared over the counters open for the service."""
    if people_ahead <= 0:
        return 0
    return math.ceil(people_ahead * average_service_minutes / max(open_counters, 1))

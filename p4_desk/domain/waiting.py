"""What "waiting" means: one definition for every screen, command and report (DESIGN §4).

- A ticket *waits in a queue* from the moment it joined that queue until it is called. It joins
  a queue when it is issued into it, transferred into it, or queued again (a reactivated no-show;
  a ticket returned when a supervisor closes its counter keeps its leg and so its start). That
  moment is the start of the ticket's current service leg, ``ticket_leg.queued_at``. It is the
  wait a queue is answerable for and what its target (``service.target_wait_minutes``) means,
  and the period statistics measure the same span (waiting time of a leg = called - queued).
- A queue's *longest wait now* is the longest such wait among the tickets waiting in it now;
  with nobody waiting there is none (screens show "–").
- Figures are whole minutes, rounded down (9 min 59 s is 9 minutes), so the kiosk, the counter,
  ``p4-desk queue status`` and the supervisor show the same number for the same queue, and a
  queue is *over target* when that number is greater than the target.
- Not a waiting time: how long a citizen has been in the hall (since ``ticket.arrival_at``, kept
  through transfers). It decides the place in the next queue, so a transferred citizen is not
  sent to the back, but it includes the time spent being served at the first counter.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def queue_wait(joined_at: datetime, now: datetime) -> timedelta:
    """How long a ticket that joined its queue at ``joined_at`` has waited there (never negative)."""
    return max(timedelta(0), now - joined_at)


def wait_minutes(joined_at: datetime, now: datetime) -> int:
    """The wait in whole minutes, rounded down."""
    return int(queue_wait(joined_at, now).total_seconds() // 60)


def longest_wait_minutes(oldest_joined_at: datetime | None, now: datetime) -> int | None:
    """A queue's longest wait now, from when its longest-waiting ticket joined; None if empty."""
    return None if oldest_joined_at is None else wait_minutes(oldest_joined_at, now)


def over_target(longest_minutes: int | None, target_minutes: int) -> bool:
    return longest_minutes is not None and longest_minutes > target_minutes

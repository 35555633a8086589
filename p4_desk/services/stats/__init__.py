"""Queue statistics and the live monitor: one computation for the window, the CLI and reports.

Definitions (the supervisor's numbers must mean the same everywhere):

- The unit is the *service leg* (``TicketLeg``): one visit of a ticket to one service queue. A
  transferred ticket therefore counts once per service it queued in; a reactivated no-show opens
  a new leg too.
- A leg belongs to the period in which it was *queued* (``queued_at``). The period is a range of
  local dates (the site's time zone), converted to UTC bounds ``[start, end)``.
- *issued*: legs opened by issuing a ticket (queued at the ticket's issue time, in its issuing
  service); *served*, *no-show*, *cancelled*, *transferred*, *unserved*: legs by outcome (a leg
  is *unserved* when its service day ended while it was waiting or called: the housekeeping
  closes it at that local midnight, ``services.queue.day_end``); *waiting at end*: legs not yet
  called and not yet ended when the period ended, unserved legs excepted (they are counted as
  unserved, not as still waiting).
- *waiting time* of a leg = ``called_at - queued_at`` (legs that were called);
  *service time* = ``ended_at - started_at`` (legs with outcome ``done``).
- *within target*: served legs whose waiting time is at most the service's target, over all
  served legs.
- *idle time* of an officer: time the officer's counter was open (from the ``counter.open``
  audit row to the next state change of that counter — pause and close end it; a pause is a
  break, not idleness), clipped to the period and to now, minus the time the officer was busy
  with the period's legs (``called_at`` to ``ended_at``, or to now for a ticket still at the
  counter), never negative; an unserved leg adds no busy time (nobody was served). Officers
  without recorded open sessions (e.g. imported history) have no idle time.
- *permits* (``PermitFigures``): applications whose deadline clock ended (the decision) on a
  local date of the period; *on time* when the clock had run at most the working days promised
  (``domain.permit_clock``: the days the office waited for the applicant do not count). Only
  the agency filter narrows them (permits have no service, counter or queue officer); with
  another filter they are left out (``None``). Decisions taken before the clock was recorded
  (backfilled by migration 0010 without a count) are not in them.

Everything is aggregated in SQL that runs unchanged on SQLite and PostgreSQL, with one
exception per expression where the dialects differ (seconds between two timestamps, an hour
bucket as text). One ``GROUP BY`` pass over the period's legs (service x officer x UTC hour)
feeds the per-service, per-officer, per-day figures and the totals; tickets issued come from
the ticket table by service day; percentiles from the two duration columns (see
``_percentiles``). Each UTC hour is converted to local time in Python with ``zoneinfo`` (exact
for whole-hour zones such as WIB/WITA/WIT, and it needs no time zone support in SQLite).
"""

from p4_desk.services.stats.compute import compute_statistics
from p4_desk.services.stats.live import LIVE_WAIT_WINDOW, CounterLive, LiveMonitor, ServiceLive, live_monitor
from p4_desk.services.stats.model import (
    MAX_PERIOD_DAYS,
    DayFigures,
    OfficerFigures,
    Period,
    PermitFigures,
    ServiceFigures,
    Statistics,
    StatsFilter,
    Totals,
)
from p4_desk.services.stats.summaries import summarise_finished_days

__all__ = [
    "LIVE_WAIT_WINDOW",
    "MAX_PERIOD_DAYS",
    "CounterLive",
    "DayFigures",
    "LiveMonitor",
    "OfficerFigures",
    "Period",
    "PermitFigures",
    "ServiceFigures",
    "ServiceLive",
    "Statistics",
    "StatsFilter",
    "Totals",
    "compute_statistics",
    "live_monitor",
    "summarise_finished_days",
]

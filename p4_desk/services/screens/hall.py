"""The screens in the waiting hall: the ticket kiosk, the display board, the survey tablet.

Each carries the change marker read in the same transaction, so a screen knows exactly which
state of the database it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from p4_desk.services import queue, site, standards, surveys
from p4_desk.services.queue import CounterStatus, ServiceStatus, TicketInfo
from p4_desk.services.standards import Maklumat
from p4_desk.store import journal
from p4_desk.store.db import Database

RECENT_CALLS = 8


@dataclass(frozen=True)
class KioskScreen:
    marker: int
    site_name: str
    timezone: str
    services: tuple[ServiceStatus, ...]  # with today's hours, waiting counts and quota use
    counters: tuple[CounterStatus, ...] = ()  # which counters serve what: told on the ticket

    def counters_for(self, service: str) -> list[str]:
        """The names of the counters serving ``service``: where the citizen will be called."""
        return [c.name for c in self.counters if service in c.services]


@dataclass(frozen=True)
class BoardScreen:
    marker: int
    site_name: str
    timezone: str
    running_text: str
    counters: tuple[CounterStatus, ...]
    recent: tuple[TicketInfo, ...]  # newest call first
    #: the maklumat and complaint channels for the board's rotation; None: not shown there
    maklumat: Maklumat | None = None


@dataclass(frozen=True)
class SurveyScreen:
    marker: int
    ticket: TicketInfo | None  # finished at this counter and not rated yet


def kiosk_screen(db: Database) -> KioskScreen:
    with db.read(snapshot=True):
        marker = journal.change_marker(db)
        info = site.get_site(db)
        status = queue.queue_status(db)
        return KioskScreen(marker, info.name, info.timezone, status.services, status.counters)


def board_screen(db: Database, recent_limit: int = RECENT_CALLS) -> BoardScreen:
    with db.read(snapshot=True):
        marker = journal.change_marker(db)
        info = site.get_site(db)
        return BoardScreen(
            marker=marker,
            site_name=info.name,
            timezone=info.timezone,
            running_text=str(site.get_setting(db, "display.running_text") or ""),
            counters=queue.queue_status(db).counters,
            recent=tuple(queue.recent_calls(db, recent_limit)),
            maklumat=shown if (shown := standards.maklumat(db)).on_board else None,
        )


def survey_screen(db: Database, counter_code: str) -> SurveyScreen:
    with db.read(snapshot=True):
        return SurveyScreen(journal.change_marker(db), surveys.pending_ticket(db, counter_code))

"""The counter officer's screen and the targets of its transfer dialog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from p4_desk.errors import NotFound
from p4_desk.services import catalog, queue, site
from p4_desk.services.catalog import CounterInfo, ServiceInfo
from p4_desk.services.queue import TicketInfo
from p4_desk.store.db import Database


@dataclass(frozen=True)
class CounterScreen:
    counter: CounterInfo
    ticket: TicketInfo | None  # the ticket at this counter (called or being served)
    waiting: tuple[TicketInfo, ...]  # in calling order
    tally: dict[str, Any]  # today's served / no-show / average service minutes of the officer
    recalls_required: int  # site setting queue.recalls_before_no_show
    no_shows: tuple[TicketInfo, ...] = ()  # today's no-shows this counter may queue again, latest first


@dataclass(frozen=True)
class TransferTargets:
    services: tuple[ServiceInfo, ...]
    counters: tuple[CounterInfo, ...]


def counter_screen(db: Database, counter_code: str, officer_id: int | None) -> CounterScreen:
    with db.read(snapshot=True):
        counter = next((c for c in catalog.list_counters(db) if c.code == counter_code.upper()), None)
        if counter is None:
            raise NotFound(f"Loket '{counter_code}' tidak ditemukan atau tidak aktif.", field="counter")
        ticket = queue.current_ticket(db, counter.code)
        return CounterScreen(
            counter=counter,
            ticket=queue.with_plan(db, ticket) if ticket else None,  # with its "lanjut ke: …"
            waiting=tuple(queue.waiting_list(db, counter.code)),
            tally=queue.counter_tally(db, counter.code, officer_id),
            recalls_required=int(site.get_setting(db, "queue.recalls_before_no_show")),
            no_shows=tuple(queue.no_shows_today(db, counter.code)),
        )


def transfer_targets(db: Database) -> TransferTargets:
    with db.read(snapshot=True):
        return TransferTargets(tuple(catalog.list_services(db)), tuple(catalog.list_counters(db)))

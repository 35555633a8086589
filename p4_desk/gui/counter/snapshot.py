"""Everything the counter window shows, read in one background task (Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from p4_desk.errors import NotFound
from p4_desk.services import catalog, queue, site
from p4_desk.services.catalog import CounterInfo
from p4_desk.services.queue import TicketInfo
from p4_desk.store.db import Database


@dataclass(frozen=True)
class CounterSnapshot:
    counter: CounterInfo
    ticket: TicketInfo | None
    waiting: list[TicketInfo]
    tally: dict[str, Any]
    recalls_required: int


def load_snapshot(db: Database, counter_code: str, officer_id: int | None) -> CounterSnapshot:
    counter = next((c for c in catalog.list_counters(db) if c.code == counter_code.upper()), None)
    if counter is None:
        raise NotFound(f"Loket '{counter_code}' tidak ditemukan atau tidak aktif.", field="counter")
    return CounterSnapshot(
        counter=counter,
        ticket=queue.current_ticket(db, counter.code),
        waiting=queue.waiting_list(db, counter.code),
        tally=queue.counter_tally(db, counter.code, officer_id),
        recalls_required=int(site.get_setting(db, "queue.recalls_before_no_show")),
    )

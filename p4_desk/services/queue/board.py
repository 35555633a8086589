"""The hall's public board: what the central server's citizens' pages need to know of the queue.

The queue events carry each ticket's changes (``tickets.ticket_payload``) and each counter's;
what no ticket tells is here, as one ``site.board`` outbox event: the active services with
their agency, prefix, opening hours (the central server evaluates them in the site's zone),
default service time and quota; which counters serve which services; the reminder rule
``central.remind_when_ahead``. Nothing personal (no officer). ``publish_board`` writes the event
only when the board differs from the last one written, so the sync agent may call it often.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from p4_desk.services import site as site_service
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import Counter, OutboxEvent, Service

BOARD_EVENT = "site.board"


def service_board(db: Database) -> dict[str, Any]:
    """The board as it is now."""
    site = site_service.get_site(db)
    ahead = int(site_service.get_setting(db, "central.remind_when_ahead"))
    with db.read() as s:
        services = s.scalars(
            select(Service)
            .options(selectinload(Service.agency))
            .where(Service.active.is_(True))
            .order_by(Service.code)
        )
        board_services = [
            {
                "code": sv.code,
                "name": sv.name,
                "agency": sv.agency.code,
                "agency_name": sv.agency.name,
                "prefix": sv.prefix,
                "opening_hours": sv.opening_hours,
                "default_service_minutes": sv.default_service_minutes,
                "daily_quota": sv.daily_quota,
            }
            for sv in services
        ]
        counters = s.scalars(
            select(Counter)
            .options(selectinload(Counter.services))
            .where(Counter.active.is_(True))
            .order_by(Counter.code)
        )
        board_counters = [
            {"code": c.code, "name": c.name, "services": [sv.code for sv in c.services if sv.active]}
            for c in counters
        ]
    return {
        "site_name": site.name,
        "timezone": site.timezone,
        "remind_when_ahead": ahead,
        "services": board_services,
        "counters": board_counters,
    }


def publish_board(db: Database, actor: Actor = SYSTEM) -> bool:
    """Write a ``site.board`` event when the board changed since the last one; True when written."""
    board = service_board(db)
    with db.write() as s:
        last = s.scalar(
            select(OutboxEvent.payload)
            .where(OutboxEvent.type == BOARD_EVENT)
            .order_by(OutboxEvent.seq.desc())
            .limit(1)
        )
        if last == board:
            return False
        details = {"services": len(board["services"]), "counters": len(board["counters"])}
        record(
            s, db, actor, "site.board", "site", None, details=details, event_type=BOARD_EVENT, payload=board
        )
    return True

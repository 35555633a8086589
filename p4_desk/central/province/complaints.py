"""Each complaint's history as the central server has it: from the stored ``complaint.*`` events.

The projection keeps only the latest state; the ranking and the late-responder list need every
step with its day and officer, so they read the events themselves (``events.payload`` as sent).
A step's day is the local date of the event in the site's time zone (its ``site.board``), else
the province's (``envelopes.province_zone``); the deadlines are the ones the hall computed, as
its newest event carries them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from p4_desk.central.envelopes import COMPLAINT_TYPES, province_zone
from p4_desk.central.models import Holiday, SiteBoard, StoredEvent
from p4_desk.domain.complaint_lateness import Step, parse_deadlines
from p4_desk.domain.working_days import Holiday as CalendarHoliday
from p4_desk.domain.working_days import HolidayCalendar, indonesian_calendar, load_seed_holidays


@dataclass
class ComplaintHistory:
    site: str
    number: str
    kind: str | None = None
    agency: str | None = None
    state: str = "received"
    received_on: date | None = None
    deadlines: dict[str, date] = field(default_factory=dict)
    steps: list[Step] = field(default_factory=list)


def site_zones(session: Session) -> dict[str, ZoneInfo]:
    zones = {}
    for site, board in session.execute(select(SiteBoard.site, SiteBoard.board)):
        try:
            zones[site] = ZoneInfo(str(board.get("timezone") or ""))
        except (ValueError, KeyError, OSError):
            continue
    return zones


def histories(session: Session, sites: Iterable[str] | None = None) -> list[ComplaintHistory]:
    """Every complaint of ``sites`` (all when None), steps oldest first."""
    zones = site_zones(session)
    fallback = province_zone()
    query = (
        select(StoredEvent.site, StoredEvent.occurred_at, StoredEvent.payload)
        .where(StoredEvent.type.in_(sorted(COMPLAINT_TYPES)))
        .order_by(StoredEvent.site, StoredEvent.occurred_at, StoredEvent.event_id)
    )
    if sites is not None:
        query = query.where(StoredEvent.site.in_(list(sites)))
    found: dict[tuple[str, str], ComplaintHistory] = {}
    for site, occurred_at, raw in session.execute(query):
        payload = json.loads(raw)
        number = payload.get("complaint_number")
        state = payload.get("state")
        if not isinstance(number, str) or not isinstance(state, str):
            continue
        zone = zones.get(site, fallback)
        history = found.setdefault((site, number), ComplaintHistory(site, number))
        history.kind = payload.get("kind") or history.kind
        history.agency = payload.get("agency") or history.agency
        history.state = state
        history.deadlines = parse_deadlines(payload.get("deadlines")) or history.deadlines
        if history.received_on is None:
            history.received_on = (
                _local_day(payload.get("received_at"), zone) or occurred_at.astimezone(zone).date()
            )
        officer = payload.get("officer")
        history.steps.append(
            Step(
                state=state,
                on=occurred_at.astimezone(zone).date(),
                officer=officer if isinstance(officer, str) else None,
            )
        )
    return list(found.values())


def _local_day(value: object, zone: ZoneInfo) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(zone).date() if moment.tzinfo else None


def province_calendar(session: Session) -> HolidayCalendar:
    """Working days as the halls count them: the catalogue's holidays, and for a year the
    catalogue does not cover, the official list shipped with the program (then the estimate)."""
    stored = [
        CalendarHoliday(
            date=h.day, name=h.name, kind="cuti_bersama" if h.kind == "cuti_bersama" else "national"
        )
        for h in session.scalars(select(Holiday))
    ]
    years = {h.date.year for h in stored}
    shipped = [h for h in load_seed_holidays() if h.date.year not in years]
    return indonesian_calendar([*stored, *shipped])


def today_in_province() -> date:
    return datetime.now(province_zone()).date()

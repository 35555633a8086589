"""The holiday list every deadline of the site is counted with (``services.permits``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, extract, select
from sqlalchemy.orm import Session

from p4_desk.domain.working_days import (
    Holiday,
    HolidayCalendar,
    indonesian_calendar,
    load_seed_holidays,
)
from p4_desk.services.site import get_setting
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, Actor, record
from p4_desk.store.models import HolidayRow

# -- holidays -------------------------------------------------------------------------------


def holiday_calendar(db: Database) -> HolidayCalendar:
    """The calendar every deadline of the site is counted with.

    Official lists: the site's holidays table (central catalogue, admin import); a year the
    table does not cover yet uses the shipped seed list (2025 and 2026), so a new site counts
    right before its first catalogue import. Every other year: the ``holidays`` package's
    estimate, and a due date counted through it is marked *perkiraan*. Whether *cuti bersama*
    is a working day is the site setting ``workdays.cuti_bersama_is_workday`` unless a permit
    type says otherwise (``PermitTypeInfo.cuti_bersama_is_workday``)."""
    stored = list_holidays(db)
    covered = {h.date.year for h in stored}
    seed = [h for h in load_seed_holidays() if h.date.year not in covered]
    site_default = bool(get_setting(db, "workdays.cuti_bersama_is_workday"))
    calendar = indonesian_calendar([*stored, *seed], cuti_bersama_is_workday=site_default)
    this_year = db.now().astimezone(db.timezone).year
    calendar.prepare((this_year, this_year + 1))  # off the UI thread: the intake dialog loads it in a task
    return calendar


def list_holidays(db: Database, year: int | None = None) -> list[Holiday]:
    with db.read() as s:
        query = select(HolidayRow).order_by(HolidayRow.day, HolidayRow.name)
        if year is not None:
            query = query.where(extract("year", HolidayRow.day) == year)
        return [Holiday(r.day, r.name, r.kind) for r in s.scalars(query)]  # type: ignore[arg-type]


def _replace_holidays(s: Session, holidays: Iterable[Holiday]) -> int:
    """Replace the holidays of every year the list covers (a year's list comes whole)."""
    by_key = {(h.date, h.name): h for h in holidays}
    years = {day.year for day, _name in by_key}
    for year in years:
        s.execute(
            delete(HolidayRow).where(HolidayRow.day >= date(year, 1, 1), HolidayRow.day <= date(year, 12, 31))
        )
    for h in by_key.values():
        s.add(HolidayRow(day=h.date, name=h.name, kind=h.kind))
    return len(by_key)


def import_holidays(db: Database, holidays: Iterable[Holiday], actor: Actor = SYSTEM) -> int:
    """Replace the holiday list of each year present in ``holidays``; returns how many were stored."""
    items = list(holidays)
    with db.write() as s:
        count = _replace_holidays(s, items)
        years = sorted({h.date.year for h in items})
        record(s, db, actor, "holiday.import", "holiday", None, details={"years": years, "count": count})
    return count

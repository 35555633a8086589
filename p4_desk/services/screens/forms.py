"""What the dialogs with a form offer to choose from, read when they open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from p4_desk.domain.working_days import HolidayCalendar
from p4_desk.services import applications, catalog, permits, site
from p4_desk.services.catalog import AgencyInfo, ServiceInfo
from p4_desk.services.permits import PermitTypeInfo
from p4_desk.store.db import Database


@dataclass(frozen=True)
class ComplaintChoices:
    agencies: tuple[AgencyInfo, ...]
    services: tuple[ServiceInfo, ...]
    latitude: Any  # the site's position (site settings), offered as the complaint's place
    longitude: Any


@dataclass(frozen=True)
class IntakeSetup:
    permit_types: tuple[PermitTypeInfo, ...]  # the ones taking applications
    calendar: HolidayCalendar
    today: date  # site-local
    policy: str  # permits.incomplete_policy: refuse | accept
    draft: dict[str, Any] | None  # what this workstation typed earlier for this ticket


def complaint_choices(db: Database) -> ComplaintChoices:
    with db.read(snapshot=True):
        return ComplaintChoices(
            agencies=tuple(catalog.list_agencies(db)),
            services=tuple(catalog.list_services(db)),
            latitude=site.get_setting(db, "site.latitude"),
            longitude=site.get_setting(db, "site.longitude"),
        )


def intake_setup(db: Database, draft_key: str) -> IntakeSetup:
    with db.read(snapshot=True):
        return IntakeSetup(
            permit_types=tuple(permits.list_permit_types(db)),
            calendar=permits.holiday_calendar(db),
            today=db.now().astimezone(db.timezone).date(),
            policy=applications.incomplete_policy(db),
            draft=applications.load_draft(db, draft_key),
        )

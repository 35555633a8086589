"""The supervisor's screens: the live monitor, the statistics filters, complaints and the IKM."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from p4_desk.services import catalog, complaints, stats, surveys, users
from p4_desk.services.catalog import AgencyInfo, CounterInfo, ServiceInfo
from p4_desk.services.complaints import ComplaintInfo, OverdueGroup
from p4_desk.services.stats import LiveMonitor
from p4_desk.services.surveys import IkmSummary
from p4_desk.services.users import UserInfo
from p4_desk.store.db import Database

OFFICER_ROLES = ("operator", "supervisor")
COMPLAINT_SCOPES = ("open", "overdue", "all")


@dataclass(frozen=True)
class StatisticsChoices:
    """What the statistics filters offer."""

    agencies: tuple[AgencyInfo, ...]
    services: tuple[ServiceInfo, ...]
    counters: tuple[CounterInfo, ...]
    officers: tuple[UserInfo, ...]


@dataclass(frozen=True)
class ComplaintsScreen:
    complaints: tuple[ComplaintInfo, ...]  # newest first, as filtered
    overdue_by_agency: tuple[OverdueGroup, ...]
    overdue_by_officer: tuple[OverdueGroup, ...]
    agencies: tuple[AgencyInfo, ...]  # for the agency filter


@dataclass(frozen=True)
class IkmScreen:
    summary: IkmSummary
    services: tuple[ServiceInfo, ...]  # for the service filter


def live_screen(db: Database) -> LiveMonitor:
    with db.read(snapshot=True):
        return stats.live_monitor(db)


def statistics_choices(db: Database) -> StatisticsChoices:
    with db.read(snapshot=True):
        return StatisticsChoices(
            agencies=tuple(catalog.list_agencies(db)),
            services=tuple(catalog.list_services(db)),
            counters=tuple(catalog.list_counters(db)),
            officers=tuple(u for u in users.list_users(db) if u.role in OFFICER_ROLES),
        )


def complaints_screen(db: Database, scope: str = "open", agency: str | None = None) -> ComplaintsScreen:
    """``scope``: ``open`` (not closed), ``overdue`` (past a deadline) or ``all``."""
    with db.read(snapshot=True):
        found = complaints.list_complaints(
            db, overdue_only=scope == "overdue", include_closed=scope == "all", agency=agency
        )
        return ComplaintsScreen(
            complaints=tuple(found),
            overdue_by_agency=tuple(complaints.overdue_by_agency(db)),
            overdue_by_officer=tuple(complaints.overdue_by_officer(db)),
            agencies=tuple(catalog.list_agencies(db)),
        )


def ikm_screen(db: Database, date_from: date, date_to: date, service: str | None = None) -> IkmScreen:
    with db.read(snapshot=True):
        return IkmScreen(
            summary=surveys.ikm_summary(db, date_from, date_to, service=service),
            services=tuple(catalog.list_services(db)),
        )

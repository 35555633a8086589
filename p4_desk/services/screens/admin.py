"""The tabs of the admin window: each one's list (and the choices of its form) in one read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from p4_desk.domain.working_days import Holiday
from p4_desk.services import catalog, permits, site, users
from p4_desk.services.admin import AuditRow, audit_entities, audit_entries
from p4_desk.services.catalog import AgencyInfo, CounterInfo, ServiceInfo
from p4_desk.services.permits import PermitTypeInfo
from p4_desk.services.site import SiteInfo
from p4_desk.services.users import UserInfo
from p4_desk.store.db import Database


@dataclass(frozen=True)
class AgenciesTab:
    agencies: tuple[AgencyInfo, ...]


@dataclass(frozen=True)
class ServicesTab:
    services: tuple[ServiceInfo, ...]
    agencies: tuple[AgencyInfo, ...]


@dataclass(frozen=True)
class CountersTab:
    counters: tuple[CounterInfo, ...]
    services: tuple[ServiceInfo, ...]  # active ones, which a counter may serve


@dataclass(frozen=True)
class UsersTab:
    users: tuple[UserInfo, ...]


@dataclass(frozen=True)
class PermitsTab:
    permit_types: tuple[PermitTypeInfo, ...]  # retired ones included
    agencies: tuple[AgencyInfo, ...]
    holidays: tuple[Holiday, ...]


@dataclass(frozen=True)
class SiteTab:
    site: SiteInfo
    running_text: str


@dataclass(frozen=True)
class SiteRulesTab:
    values: Mapping[str, Any]  # every site setting (config.SITE_SETTINGS): stored or default


@dataclass(frozen=True)
class AuditTab:
    rows: tuple[AuditRow, ...]  # newest first
    entities: tuple[str, ...]  # for the entity filter


def agencies_tab(db: Database) -> AgenciesTab:
    return AgenciesTab(tuple(catalog.list_agencies(db, include_inactive=True)))


def services_tab(db: Database) -> ServicesTab:
    with db.read(snapshot=True):
        return ServicesTab(
            tuple(catalog.list_services(db, include_inactive=True)),
            tuple(catalog.list_agencies(db, include_inactive=True)),
        )


def counters_tab(db: Database) -> CountersTab:
    with db.read(snapshot=True):
        return CountersTab(
            tuple(catalog.list_counters(db, include_inactive=True)), tuple(catalog.list_services(db))
        )


def users_tab(db: Database) -> UsersTab:
    return UsersTab(tuple(users.list_users(db)))


def permits_tab(db: Database) -> PermitsTab:
    with db.read(snapshot=True):
        return PermitsTab(
            tuple(permits.list_permit_types(db, include_retired=True)),
            tuple(catalog.list_agencies(db, include_inactive=True)),
            tuple(permits.holiday_calendar(db).holidays),
        )


def site_tab(db: Database) -> SiteTab:
    with db.read(snapshot=True):
        return SiteTab(site.get_site(db), str(site.get_setting(db, "display.running_text") or ""))


def site_rules_tab(db: Database) -> SiteRulesTab:
    return SiteRulesTab(site.all_settings(db))


def audit_tab(
    db: Database,
    *,
    entity: str | None = None,
    username: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> AuditTab:
    with db.read(snapshot=True):
        rows = audit_entries(db, entity=entity, username=username, date_from=date_from, date_to=date_to)
        return AuditTab(tuple(rows), tuple(audit_entities(db)))

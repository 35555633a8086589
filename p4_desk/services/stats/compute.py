"""compute_statistics: all figures of one period (definitions in the package docstring)."""

from __future__ import annotations

from sqlalchemy import select

from p4_desk.errors import NotFound
from p4_desk.services.stats.figures import (
    _days,
    _heatmap,
    _local_hour,
    _officer_figures,
    _service_figures,
    _totals,
)
from p4_desk.services.stats.legs import _interpolate, _issued, _leg_groups, _percentiles
from p4_desk.services.stats.model import Period, Statistics, StatsFilter
from p4_desk.services.stats.permits import _permit_figures
from p4_desk.services.stats.scope import _resolve
from p4_desk.services.stats.sessions import _open_seconds
from p4_desk.services.stats.summaries import _values_by_service, recount_scopes, summary_part
from p4_desk.store.db import Database
from p4_desk.store.models import (
    Agency,
    Service,
    Site,
    User,
)


def compute_statistics(
    db: Database, period: Period, filters: StatsFilter | None = None, *, summaries: bool = True
) -> Statistics:
    """All figures of one period, filtered by agency / service / counter / officer.

    The summarised days of the period (``summaries``) are read from their summaries and the
    others recounted from the legs, unless ``summaries`` is False or the filter names a counter
    or an officer (the summaries are per service and officer, the tickets issued per service)."""
    filters = filters or StatsFilter()
    tz = db.timezone
    now = db.now()
    with db.read() as s:
        site = s.get(Site, 1)
        if site is None:
            raise NotFound("Situs belum disiapkan. Jalankan: p4-desk init --site-code KODE --site-name NAMA")
        scope = _resolve(s, db, period, filters)
        part = None
        if summaries and scope.counter_id is None and scope.officer_id is None:
            part = summary_part(s, period, scope.service_ids)
        if part is None or not part.days:
            groups, durations = _leg_groups(s, db, scope, now)
            issued = _issued(s, db, scope, period)
            if durations is None:
                wait_pct, service_pct = _percentiles(s, db, scope)
            else:
                wait_pct, service_pct = _interpolate(durations[0]), _interpolate(durations[1])
        else:
            groups, issued = list(part.groups), list(part.issued)
            waits, services_values = part.waits, part.services
            for run_scope, run_period in recount_scopes(scope, period, part.days, tz):
                groups += _leg_groups(s, db, run_scope, now)[0]
                issued += _issued(s, db, run_scope, run_period)
                for w, v in _values_by_service(s, db, run_scope).values():
                    waits.add(w)
                    services_values.add(v)
            wait_pct, service_pct = waits.percentiles(), services_values.percentiles()
        sessions = _open_seconds(s, scope, now)
        permits = _permit_figures(s, period, filters)
        catalog = {
            sid: (code, name, agency, target)
            for sid, code, name, agency, target in s.execute(
                select(Service.id, Service.code, Service.name, Agency.code, Service.target_wait_minutes).join(
                    Agency, Agency.id == Service.agency_id
                )
            )
        }
        people = {uid: (u, n) for uid, u, n in s.execute(select(User.id, User.username, User.full_name))}
    hours = {
        bucket: _local_hour(bucket, tz) for bucket in {g.bucket for g in groups} | {b for _, b, _ in issued}
    }
    services = _service_figures(groups, issued, catalog)
    return Statistics(
        site_code=site.code,
        site_name=site.name,
        timezone=site.timezone,
        period=period,
        filters=filters,
        generated_at=now,
        totals=_totals(services, wait_pct, service_pct),
        services=tuple(f for f, _sums in services),
        officers=_officer_figures(groups, sessions, people),
        days=_days(groups, issued, hours, period),
        heatmap=_heatmap(issued, hours),
        permits=permits,
    )

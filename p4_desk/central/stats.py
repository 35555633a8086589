"""Province statistics across sites, computed from the projections."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from p4_desk.central.models import (
    ApplicationProjection,
    ComplaintProjection,
    Site,
    StoredEvent,
    SurveyProjection,
    TicketProjection,
)


@dataclass
class SiteSummary:
    tickets_issued: int = 0
    tickets_served: int = 0
    tickets_no_show: int = 0
    average_wait_minutes: float | None = None
    applications_by_state: dict[str, int] = field(default_factory=dict)
    complaints_by_state: dict[str, int] = field(default_factory=dict)
    survey_respondents: int = 0


def summary(session: Session, first_day: date, last_day: date) -> dict[str, SiteSummary]:
    """Per-site figures for service days ``first_day``..``last_day`` (inclusive).

    Wait time is issue → first call of each ticket that was called.
    """
    sites: dict[str, SiteSummary] = {
        code: SiteSummary() for code in session.scalars(select(Site.code).order_by(Site.code))
    }
    waits: dict[str, list[float]] = defaultdict(list)
    tickets = session.execute(
        select(
            TicketProjection.site,
            TicketProjection.state,
            TicketProjection.issued_at,
            TicketProjection.called_at,
        ).where(TicketProjection.service_day.between(first_day, last_day))
    )
    for site, state, issued_at, called_at in tickets:
        figures = sites[site]
        figures.tickets_issued += 1
        figures.tickets_served += state == "done"
        figures.tickets_no_show += state == "no_show"
        if issued_at is not None and called_at is not None and called_at >= issued_at:
            waits[site].append((called_at - issued_at).total_seconds() / 60)
    for site, minutes in waits.items():
        sites[site].average_wait_minutes = round(sum(minutes) / len(minutes), 2)

    for model, attribute in (
        (ApplicationProjection, "applications_by_state"),
        (ComplaintProjection, "complaints_by_state"),
    ):
        rows = session.execute(
            select(model.site, model.state, func.count())
            .where(model.day.between(first_day, last_day))
            .group_by(model.site, model.state)
        )
        for site, state, count in rows:
            getattr(sites[site], attribute)[state] = count

    respondents = session.execute(
        select(SurveyProjection.site, func.count())
        .where(SurveyProjection.day.between(first_day, last_day))
        .group_by(SurveyProjection.site)
    )
    for site, count in respondents:
        sites[site].survey_respondents = count
    return sites


def event_counts(session: Session) -> dict[str, dict[str, int]]:
    """Stored events per site and type: ``{site: {type: count}}`` (sites with none: ``{}``)."""
    counts: dict[str, dict[str, int]] = {
        code: {} for code in session.scalars(select(Site.code).order_by(Site.code))
    }
    rows = session.execute(
        select(StoredEvent.site, StoredEvent.type, func.count())
        .group_by(StoredEvent.site, StoredEvent.type)
        .order_by(StoredEvent.site, StoredEvent.type)
    )
    for site, type_, count in rows:
        counts.setdefault(site, {})[type_] = count
    return counts


def as_json(figures: dict[str, SiteSummary]) -> dict[str, Any]:
    return {code: vars(summary_) for code, summary_ in figures.items()}

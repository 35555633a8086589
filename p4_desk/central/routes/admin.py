"""The back office and the province's statistics (admin token)."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from p4_desk.central import back_office, stats
from p4_desk.central.guards import Guards
from p4_desk.central.schemas import ERRORS, ErrorAnswer, StatsSummary, StatusAnswer, StatusRequest


def router(guards: Guards) -> APIRouter:
    sessions, admin = guards.sessions, guards.admin
    api = APIRouter()

    @api.post(
        "/api/v1/applications/{registration_number}/status",
        response_model=StatusAnswer,
        status_code=201,
        responses={
            **ERRORS,
            404: {"model": ErrorAnswer, "description": "No site sent this application"},
        },
        tags=["admin"],
    )
    def post_application_status(
        registration_number: Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9._-]+$")],
        request: StatusRequest,
        _: Annotated[None, Depends(admin)],
    ) -> StatusAnswer:
        """Back office (admin token): record a status for the site owning the application."""
        with sessions.begin() as session:
            update = back_office.record_status(
                session, registration_number, request.state, note=request.note, site=request.site
            )
        return StatusAnswer(
            id=update.id,
            site=update.site,
            registration_number=update.registration_number,
            state=update.state,
            note=update.note,
            changed_at=update.changed_at,
        )

    @api.get(
        "/api/v1/stats/summary",
        response_model=StatsSummary,
        responses=ERRORS,
        tags=["admin"],
    )
    def get_stats_summary(
        first_day: Annotated[date, Query(alias="from")],
        last_day: Annotated[date, Query(alias="to")],
        _: Annotated[None, Depends(admin)],
    ) -> dict[str, Any]:
        """Province statistics per site for service days from..to (admin token)."""
        if first_day > last_day:
            raise HTTPException(422, "Tanggal 'from' harus sebelum atau sama dengan 'to'.")
        with sessions.begin() as session:
            figures = stats.summary(session, first_day, last_day)
        return {"from": first_day, "to": last_day, "sites": stats.as_json(figures)}

    return api

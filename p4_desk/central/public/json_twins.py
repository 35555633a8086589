"""The JSON twins of the citizens' pages (``/api/v1/public/...``, in the OpenAPI contract), the
rate limits the pages share, and filing a complaint from a form. Split from ``pages`` (issue 21):
each twin answers the same read model as its page (``views``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session, sessionmaker

from p4_desk.central.notify import queue as reminders
from p4_desk.central.notify.gateways import Gateway
from p4_desk.central.public import complaints, views
from p4_desk.central.public.http import (
    CACHE_LIST,
    CACHE_PRIVATE,
    CACHE_TRACKING,
    SECURITY_HEADERS,
    json_answer,
    json_error,
)
from p4_desk.central.public.schemas import (
    ComplaintChoices,
    ComplaintFiled,
    ComplaintIn,
    ComplaintOut,
    ComplaintRefusedAnswer,
    HallDetail,
    Halls,
    ReminderIn,
    TicketOut,
    TrackingOut,
)
from p4_desk.central.ratelimit import rate_limited
from p4_desk.central.schemas import ErrorAnswer

READS = rate_limited("public-read", 1200)  # a hall's Wi-Fi puts many phones behind one address
TRACKING = rate_limited("public-tracking", 60)  # guessing a receipt's secret
FILING = rate_limited("public-complaint", 10)
REMINDING = rate_limited("public-reminder", 20)

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorAnswer, "description": "Not found"}}
LIMITED: dict[int | str, dict[str, Any]] = {429: {"model": ErrorAnswer, "description": "Too many requests"}}

Read = Callable[[Callable[[Session, datetime], dict[str, Any]]], dict[str, Any]]


def add_json_twins(
    router: APIRouter,
    sessions: sessionmaker[Session],
    gateway: Gateway | None,
    read: Read,
    ticket_view: Callable[[Session, str, datetime], dict[str, Any]],
) -> None:
    """The JSON routes on ``router``; ``read`` runs a read model in a session, ``ticket_view``
    is the ticket's (it knows whether reminders can be sent)."""

    @router.get(
        "/api/v1/public/sites",
        response_model=Halls,
        tags=["public"],
        responses=LIMITED,
        dependencies=[Depends(READS)],
    )
    def json_halls(request: Request) -> Response:
        """Every hall with its live state: open services, people waiting, longest estimated wait."""
        return json_answer(request, read(views.halls), CACHE_LIST)

    @router.get(
        "/api/v1/public/sites/{site}",
        response_model=HallDetail,
        tags=["public"],
        responses={**NOT_FOUND, **LIMITED},
        dependencies=[Depends(READS)],
    )
    def json_hall(request: Request, site: Annotated[str, Path(max_length=32)]) -> Response:
        """One hall: per service, waiting, numbers at which counter, estimated wait for a new ticket."""
        return json_answer(request, read(lambda s, now: views.hall(s, site, now)), CACHE_LIST)

    @router.get(
        "/api/v1/public/tickets/{token}",
        response_model=TicketOut,
        tags=["public"],
        responses={**NOT_FOUND, **LIMITED},
        dependencies=[Depends(READS)],
    )
    def json_ticket(request: Request, token: Annotated[str, Path(max_length=64)]) -> Response:
        """My ticket (the token from the ticket's QR): people ahead, estimate, the counter once called."""
        return json_answer(request, read(lambda s, now: ticket_view(s, token, now)), CACHE_PRIVATE)

    @router.put(
        "/api/v1/public/tickets/{token}/reminder",
        response_model=TicketOut,
        tags=["public"],
        responses={
            **NOT_FOUND,
            **LIMITED,
            409: {"model": ErrorAnswer, "description": "No gateway"},
            422: {"model": ErrorAnswer, "description": "Phone or consent missing"},
        },
        dependencies=[Depends(REMINDING)],
    )
    def json_remind(
        request: Request, token: Annotated[str, Path(max_length=64)], body: ReminderIn
    ) -> Response:
        """ "Ingatkan saya": a message when few people are ahead and when called; the phone is
        deleted when the ticket ends."""
        if gateway is None:
            return json_error(409, "reminders_unavailable", "Pengingat belum tersedia di provinsi ini.")
        if not body.consent:
            return json_error(422, "consent_required", "Persetujuan wajib diberikan (consent: true).")
        with sessions.begin() as session:
            reminders.remind(session, token, body.phone, datetime.now(UTC))
        return json_answer(request, read(lambda s, now: ticket_view(s, token, now)), "no-store")

    @router.delete(
        "/api/v1/public/tickets/{token}/reminder",
        status_code=204,
        tags=["public"],
        responses=LIMITED,
        dependencies=[Depends(REMINDING)],
    )
    def json_forget(token: Annotated[str, Path(max_length=64)]) -> Response:
        """Take the reminder back: the phone is deleted at once."""
        with sessions.begin() as session:
            reminders.forget(session, token)
        return Response(status_code=204, headers=SECURITY_HEADERS)

    @router.get(
        "/api/v1/public/applications/{number}",
        response_model=TrackingOut,
        tags=["public"],
        responses={**NOT_FOUND, **LIMITED},
        dependencies=[Depends(TRACKING)],
    )
    def json_tracking(
        request: Request,
        number: Annotated[str, Path(max_length=64)],
        k: Annotated[str | None, Query(max_length=64, description="The receipt's secret")] = None,
    ) -> Response:
        """Application tracking (the receipt's QR): a wrong or missing secret answers 404."""
        return json_answer(request, read(lambda s, now: views.tracking(s, number, k, now)), CACHE_TRACKING)

    @router.get(
        "/api/v1/public/complaint-options",
        response_model=ComplaintChoices,
        tags=["public"],
        responses=LIMITED,
        dependencies=[Depends(READS)],
    )
    def json_choices(request: Request) -> Response:
        """What the complaint form offers: halls, their agencies and services, the kinds."""
        return json_answer(request, read(lambda s, _now: views.complaint_choices(s)), CACHE_LIST)

    @router.post(
        "/api/v1/public/complaints",
        response_model=ComplaintFiled,
        status_code=201,
        tags=["public"],
        responses={**LIMITED, 422: {"model": ComplaintRefusedAnswer, "description": "Fields wrong"}},
        dependencies=[Depends(FILING)],
    )
    def json_file(body: ComplaintIn) -> Response:
        """File a complaint for a hall; it reaches the hall's complaint desk through sync, with the
        LAPOR! deadlines counted from now."""
        form = {k: ("" if v is None else str(v)) for k, v in body.model_dump().items()}
        try:
            filed = file_complaint(sessions, form)
        except complaints.ComplaintRefused as refused:
            return JSONResponse(
                {"detail": refused.message, "code": "invalid_complaint", "errors": refused.errors},
                status_code=422,
                headers=SECURITY_HEADERS,
            )
        answer = {"code": filed.code, "url": f"/pengaduan/{filed.code}"}
        return JSONResponse(
            answer, status_code=201, headers={**SECURITY_HEADERS, "Cache-Control": "no-store"}
        )

    @router.get(
        "/api/v1/public/complaints/{code}",
        response_model=ComplaintOut,
        tags=["public"],
        responses={**NOT_FOUND, **LIMITED},
        dependencies=[Depends(TRACKING)],
    )
    def json_complaint(request: Request, code: Annotated[str, Path(max_length=40)]) -> Response:
        """A web complaint by its tracking code: state, steps, the hall's answer, open deadlines."""
        data = read(lambda s, now: views.complaint(s, complaints.normalise_code(code), now))
        return json_answer(request, data, "private, max-age=10")


def file_complaint(sessions: sessionmaker[Session], form: dict[str, str]) -> complaints.Filed:
    now = datetime.now(UTC)
    with sessions.begin() as session:
        from p4_desk.central.live import local_today
        from p4_desk.central.models import SiteBoard

        board = session.get(SiteBoard, form.get("site", "")) if form.get("site") else None
        today = local_today(board.board if board else None, now)
        return complaints.file_web_complaint(session, dict(form), now, today)

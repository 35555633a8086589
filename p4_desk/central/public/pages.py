"""Routes of the citizens' pages and their JSON twins (one read model each, in ``views``).

HTML: ``/``, ``/s/{site}``, ``/t/{token}`` (+ ``/t/{token}/ingatkan``), ``/lacak/{number}?k=``,
``/pengaduan`` (form, ``POST``), ``/pengaduan/{code}``; files under ``/static/public/``.
JSON: ``/api/v1/public/...`` (in the OpenAPI contract).

Every answer carries the security headers (``SECURITY_HEADERS``: a CSP of this server's own
files only, no referrer — the page addresses hold the ticket's token and the receipt's secret —
no sniffing, no framing) and a short ``Cache-Control``; GET answers an ``ETag`` (hash of the
body) and 304 on a matching ``If-None-Match``, so a phone polling its ticket gets 304s while
nothing changes. The ticket page refreshes itself: ``static/live.js`` polls its JSON twin every
2 seconds, and without JavaScript a ``<meta refresh>`` reloads it every 15.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy.orm import Session, sessionmaker

from p4_desk.central.notify import queue as reminders
from p4_desk.central.notify.gateways import Gateway
from p4_desk.central.public import complaints, views
from p4_desk.central.public.http import (
    CACHE_LIST,
    CACHE_PRIVATE,
    CACHE_STATIC,
    CACHE_TRACKING,
    NOSCRIPT_REFRESH_S,
    PAGE_REFRESH_S,
    POLL_MS,
    SECURITY_HEADERS,
    TICKET_RETRY_S,
    answer,
    json_answer,
    json_error,
    read_form,
    static_files,
    too_large,
)
from p4_desk.central.public.http import templates as http_templates
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
from p4_desk.domain.wording import format_date
from p4_desk.errors import NotFound, ValidationError

log = logging.getLogger(__name__)

READS = rate_limited("public-read", 1200)  # a hall's Wi-Fi puts many phones behind one address
TRACKING = rate_limited("public-tracking", 60)  # guessing a receipt's secret
FILING = rate_limited("public-complaint", 10)
REMINDING = rate_limited("public-reminder", 20)

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorAnswer, "description": "Not found"}}
LIMITED: dict[int | str, dict[str, Any]] = {429: {"model": ErrorAnswer, "description": "Too many requests"}}


def public_router(sessions: sessionmaker[Session], *, gateway: Gateway | None = None) -> APIRouter:
    """The pages and JSON twins on ``sessions``; ``gateway`` sends the reminders (None: none)."""
    templates = http_templates()
    static = static_files()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        worker = reminders.NotificationWorker(sessions, gateway) if gateway is not None else None
        if worker is not None:
            worker.start()
        try:
            yield
        finally:
            if worker is not None:
                worker.stop()

    router = APIRouter(lifespan=lifespan)

    def read(build: Callable[[Session, datetime], dict[str, Any]]) -> dict[str, Any]:
        with sessions.begin() as session:
            return build(session, datetime.now(UTC))

    def page(
        request: Request, template: str, context: dict[str, Any], *, cache: str, status: int = 200
    ) -> Response:
        body = templates.get_template(template).render(poll_ms=POLL_MS, path=request.url.path, **context)
        return answer(request, body.encode(), "text/html; charset=utf-8", cache, status)

    def not_found(request: Request, error: NotFound, *, retry_s: int | None = None) -> Response:
        return page(
            request,
            "error.html",
            {"title": "Tidak ditemukan", "message": error.message, "retry_s": retry_s},
            cache="no-store",
            status=404,
        )

    # --- HTML ----------------------------------------------------------------------------

    @router.get("/", include_in_schema=False, dependencies=[Depends(READS)])
    def home(request: Request) -> Response:
        return page(request, "halls.html", read(views.halls), cache=CACHE_LIST)

    @router.get("/s/{site}", include_in_schema=False, dependencies=[Depends(READS)])
    def hall_page(request: Request, site: Annotated[str, Path(max_length=32)]) -> Response:
        try:
            data = read(lambda s, now: views.hall(s, site, now))
        except NotFound as error:
            return not_found(request, error)
        return page(request, "hall.html", {**data, "refresh_s": PAGE_REFRESH_S}, cache=CACHE_LIST)

    def ticket_view(session: Session, token: str, now: datetime) -> dict[str, Any]:
        return views.ticket(session, token, now, reminders_available=gateway is not None)

    def ticket_page(
        request: Request,
        token: str,
        *,
        form: dict[str, str] | None = None,
        errors: dict[str, str] | None = None,
        status: int = 200,
    ) -> Response:
        try:
            data = read(lambda s, now: ticket_view(s, token, now))
        except NotFound as error:  # a ticket just taken may not have reached this server yet
            return not_found(request, error, retry_s=TICKET_RETRY_S)
        context = {
            **data,
            "token": token,
            "form": form or {},
            "errors": errors or {},
            "refresh_s": NOSCRIPT_REFRESH_S,
            "notice": request.query_params.get("ingat"),
        }
        return page(
            request,
            "ticket.html",
            context,
            cache=CACHE_PRIVATE if status == 200 else "no-store",
            status=status,
        )

    @router.get("/t/{token}", include_in_schema=False, dependencies=[Depends(READS)])
    def my_ticket(request: Request, token: Annotated[str, Path(max_length=64)]) -> Response:
        return ticket_page(request, token)

    @router.post("/t/{token}/ingatkan", include_in_schema=False, dependencies=[Depends(REMINDING)])
    async def ask_reminder(request: Request, token: Annotated[str, Path(max_length=64)]) -> Response:
        form = await read_form(request)
        if form is None:
            return too_large(request, page)
        if gateway is None:
            return ticket_page(
                request,
                token,
                form=form,
                errors={"phone": "Pengingat belum tersedia di provinsi ini."},
                status=409,
            )
        if form.get("consent") != "ya":
            return ticket_page(
                request,
                token,
                form=form,
                errors={"consent": "Centang persetujuan agar kami boleh mengirim pesan."},
                status=422,
            )
        try:
            with sessions.begin() as session:
                reminders.remind(session, token, form.get("phone", ""), datetime.now(UTC))
        except NotFound as error:
            return not_found(request, error)
        except ValidationError as bad:
            return ticket_page(request, token, form=form, errors={"phone": bad.message}, status=422)
        return RedirectResponse(
            f"/t/{quote(token)}?ingat=aktif#pengingat", status_code=303, headers=SECURITY_HEADERS
        )

    @router.post("/t/{token}/ingatkan/hapus", include_in_schema=False, dependencies=[Depends(REMINDING)])
    def drop_reminder(token: Annotated[str, Path(max_length=64)]) -> Response:
        with sessions.begin() as session:
            reminders.forget(session, token)
        return RedirectResponse(
            f"/t/{quote(token)}?ingat=hapus#pengingat", status_code=303, headers=SECURITY_HEADERS
        )

    @router.get("/lacak/{number}", include_in_schema=False, dependencies=[Depends(TRACKING)])
    def tracking_page(
        request: Request,
        number: Annotated[str, Path(max_length=64)],
        k: Annotated[str | None, Query(max_length=64)] = None,
    ) -> Response:
        try:
            data = read(lambda s, now: views.tracking(s, number, k, now))
        except NotFound as error:
            return not_found(request, error)
        return page(request, "tracking.html", data, cache=CACHE_TRACKING)

    def complaint_form(
        request: Request, form: dict[str, str], errors: dict[str, str], status: int = 200
    ) -> Response:
        choices = read(lambda s, _now: views.complaint_choices(s))
        today = datetime.now(UTC).date()
        context = {
            **choices,
            "form": form,
            "errors": errors,
            "today": today.isoformat(),
            "today_text": format_date(today),
        }
        return page(request, "complaint_form.html", context, cache="no-store", status=status)

    @router.get("/pengaduan", include_in_schema=False, dependencies=[Depends(READS)])
    def complaint_start(request: Request) -> Response:
        return complaint_form(request, {"site": request.query_params.get("situs", "")}, {})

    @router.post("/pengaduan", include_in_schema=False, dependencies=[Depends(FILING)])
    async def complaint_post(request: Request) -> Response:
        form = await read_form(request)
        if form is None:
            return too_large(request, page)
        try:
            filed = _file(sessions, form)
        except complaints.ComplaintRefused as refused:
            return complaint_form(request, form, refused.errors, status=422)
        return RedirectResponse(f"/pengaduan/{filed.code}?baru=1", status_code=303, headers=SECURITY_HEADERS)

    @router.get("/pengaduan/{code}", include_in_schema=False, dependencies=[Depends(TRACKING)])
    def complaint_page(request: Request, code: Annotated[str, Path(max_length=40)]) -> Response:
        try:
            data = read(lambda s, now: views.complaint(s, complaints.normalise_code(code), now))
        except NotFound as error:
            return not_found(request, error)
        return page(
            request,
            "complaint.html",
            {**data, "new": request.query_params.get("baru") == "1"},
            cache="private, max-age=10",
        )

    @router.get("/static/public/{name}", include_in_schema=False)
    def static_file(request: Request, name: Annotated[str, Path(max_length=64)]) -> Response:
        if name not in static:
            return Response(status_code=404, headers=SECURITY_HEADERS)
        body, media_type = static[name]
        return answer(request, body, media_type, CACHE_STATIC)

    # --- JSON twins ------------------------------------------------------------------------

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
            filed = _file(sessions, form)
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

    return router


# --- plumbing ----------------------------------------------------------------------------------


def _file(sessions: sessionmaker[Session], form: dict[str, str]) -> complaints.Filed:
    now = datetime.now(UTC)
    with sessions.begin() as session:
        from p4_desk.central.live import local_today
        from p4_desk.central.models import SiteBoard

        board = session.get(SiteBoard, form.get("site", "")) if form.get("site") else None
        today = local_today(board.board if board else None, now)
        return complaints.file_web_complaint(session, dict(form), now, today)

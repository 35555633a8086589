"""Routes of the citizens' pages and their JSON twins (one read model each, in ``views``).

HTML: ``/``, ``/s/{site}``, ``/t/{token}`` (+ ``/t/{token}/ingatkan``), ``/lacak/{number}?k=``,
``/pengaduan`` (form, ``POST``), ``/pengaduan/{code}``; files under ``/static/public/``.
JSON: ``/api/v1/public/...`` (in the OpenAPI contract), in ``json_twins`` (split, issue 21).

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
from fastapi.responses import RedirectResponse
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
    read_form,
    static_files,
    too_large,
)
from p4_desk.central.public.http import templates as http_templates
from p4_desk.central.public.json_twins import (
    FILING,
    READS,
    REMINDING,
    TRACKING,
    add_json_twins,
    file_complaint,
)
from p4_desk.domain.wording import format_date
from p4_desk.errors import NotFound, ValidationError

log = logging.getLogger(__name__)


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
            filed = file_complaint(sessions, form)
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

    add_json_twins(router, sessions, gateway, read, ticket_view)
    return router

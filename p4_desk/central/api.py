"""FastAPI app of the central provincial API.

Auth rules (also in the OpenAPI description):
- ``/enrol``, ``/time``, ``/health``: public.
- ``/sites/{site}/...``: the bearer token of *that* site; another site's token → 403.
- ``/catalog``: any enrolled site's token (or the admin token).
- ``/applications/{regno}/status`` and ``/stats/...``: the admin token from
  ``$P4_CENTRAL_ADMIN_TOKEN``; with no admin token configured these answer 403.
- Missing, wrong or revoked token → 401. Failed attempts are logged and counted per client
  address; past ``ratelimit.FAILED_AUTH_PER_MINUTE`` the address gets 429 for a while.
- Every route has a rate limit per client address (and per site for site routes) → 429 with
  ``Retry-After``. Request bodies are limited while they stream in (413); the events batch is
  read only after its token was accepted. A rejected request is never echoed back.

Every request runs its own short transaction that is committed before the answer
is sent, so an answered request survives a crash of the server.
"""

import hmac
import logging
import os
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from p4_desk import __version__
from p4_desk.central import back_office, catalog, intake, live, sites, stats
from p4_desk.central.db import open_engine, session_factory
from p4_desk.central.guard import (
    FRAMEWORK_DETAILS,
    BodyLimit,
    RequestLog,
    admin_token_problem,
    read_json,
    validation_answer,
)
from p4_desk.central.notify import queue as reminders
from p4_desk.central.notify.gateways import Gateway, gateway_from_env
from p4_desk.central.public import complaints as web_complaints
from p4_desk.central.public import public_router
from p4_desk.central.public.booking_pages import booking_router
from p4_desk.central.ratelimit import RateLimits, note_failed_auth, rate_limited, refuse_if_guessing
from p4_desk.central.schemas import (
    ERRORS,
    ApplicationUpdateOut,
    ApplicationUpdates,
    CatalogDocument,
    EnrolAnswer,
    EnrolRequest,
    ErrorAnswer,
    EventBatch,
    HallReminderAnswer,
    HallReminderIn,
    HealthAnswer,
    IntakeAnswer,
    RejectedEvent,
    StatsSummary,
    StatusAnswer,
    StatusRequest,
    TimeAnswer,
    WebComplaintsOut,
)
from p4_desk.errors import AlreadyExists, AuthError, ConfigError, NotFound, P4Error, PermissionDenied

ADMIN_TOKEN_ENV = "P4_CENTRAL_ADMIN_TOKEN"
MAX_BODY_BYTES = 8 * 1024 * 1024  # an events batch
MAX_SMALL_BODY_BYTES = 16 * 1024  # enrolment, a back-office status
MAX_OTHER_BODY_BYTES = 64 * 1024  # any other route (pages of the public site, ...)
MAX_INT64 = 2**63 - 1

#: requests per minute per client address (and per site on site routes)
ENROL_PER_MINUTE = 10
SYNC_PER_MINUTE = 600  # a hall catching up after a week offline sends batches back to back
ADMIN_PER_MINUTE = 120
CATALOG_PER_MINUTE = 60
TIME_PER_MINUTE = 60

log = logging.getLogger("p4_desk.central")


# --- the app -----------------------------------------------------------------------------


_FROM_ENV: Any = object()


def create_app(
    db_url: str, *, admin_token: str | None = None, gateway: Gateway | None = _FROM_ENV
) -> FastAPI:
    """The API on the database at ``db_url``; ``admin_token`` defaults to the env variable, the
    reminders' message ``gateway`` to ``notify.gateways.gateway_from_env``."""
    admin_secret = admin_token if admin_token is not None else os.environ.get(ADMIN_TOKEN_ENV)
    if admin_secret:
        problem = admin_token_problem(admin_secret)
        if problem:
            raise ConfigError(f"{problem} (${ADMIN_TOKEN_ENV})")
    if gateway is _FROM_ENV:
        gateway = gateway_from_env()
    engine = open_engine(db_url)
    sessions = session_factory(engine)
    site_bearer = HTTPBearer(
        auto_error=False, scheme_name="SiteToken", description="Token from /api/v1/enrol"
    )
    admin_bearer = HTTPBearer(
        auto_error=False,
        scheme_name="AdminToken",
        description=f"Admin token from ${ADMIN_TOKEN_ENV} on the server",
    )

    app = FastAPI(
        title="P4 Desk central provincial API",
        version="1",
        description=__doc__ or "",
    )
    app.state.engine = engine
    app.state.rate_limits = RateLimits()

    app.add_middleware(RequestLog, logger=log)
    # outermost: counts body bytes before any other layer reads them
    app.add_middleware(BodyLimit, limit_for=body_limit)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        return validation_answer(error)

    @app.exception_handler(P4Error)
    async def p4_error(_request: Request, error: P4Error) -> JSONResponse:
        status = {
            NotFound: 404,
            AlreadyExists: 409,
            AuthError: 401,
            PermissionDenied: 403,
        }.get(type(error), 422)
        return _error(status, error.code, error.message)

    def site_token(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(site_bearer)],
    ) -> str:
        """The code of the site the bearer token belongs to (401 otherwise)."""
        refuse_if_guessing(request)
        if credentials is None:
            raise _unauthorised("Token akses wajib disertakan (Authorization: Bearer).")
        with sessions.begin() as session:
            site = sites.site_of_token(session, credentials.credentials)
        if site is None:
            note_failed_auth(request, "site token")
            raise _unauthorised("Token akses salah atau sudah dicabut.")
        request.state.site = site  # the rate limits count per site from here on
        return site

    def own_site(
        site: Annotated[str, Path(examples=["LS01"], max_length=32)],
        token_site: Annotated[str, Depends(site_token)],
        _limit: Annotated[None, Depends(rate_limited("sync", SYNC_PER_MINUTE))],
    ) -> str:
        if site != token_site:
            raise HTTPException(403, "Token ini tidak berlaku untuk situs tersebut.")
        return site

    def is_admin_token(credentials: HTTPAuthorizationCredentials | None) -> bool:
        return bool(
            credentials is not None
            and admin_secret
            and hmac.compare_digest(credentials.credentials.encode(), admin_secret.encode())
        )

    def admin_auth(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(admin_bearer)],
    ) -> None:
        if not admin_secret:
            raise HTTPException(403, f"API admin tidak aktif (${ADMIN_TOKEN_ENV} belum diatur).")
        refuse_if_guessing(request)
        if credentials is None:
            raise _unauthorised("Token admin wajib disertakan (Authorization: Bearer).")
        if is_admin_token(credentials):
            return
        with sessions.begin() as session:
            is_site_token = sites.site_of_token(session, credentials.credentials) is not None
        if is_site_token:
            raise HTTPException(403, "Token situs tidak boleh memakai API admin.")
        note_failed_auth(request, "admin token")
        raise _unauthorised("Token admin salah.")

    def admin(
        _auth: Annotated[None, Depends(admin_auth)],
        _limit: Annotated[None, Depends(rate_limited("admin", ADMIN_PER_MINUTE))],
    ) -> None:
        """The admin token, then the admin rate limit."""

    def reader(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(site_bearer)],
    ) -> None:
        """Any enrolled site, or the admin."""
        if not is_admin_token(credentials):
            site_token(request, credentials)
        rate_limited("catalog", CATALOG_PER_MINUTE)(request)

    @app.post(
        "/api/v1/enrol",
        response_model=EnrolAnswer,
        responses={
            403: {"model": ErrorAnswer, "description": "Code wrong, expired or already used"},
            429: ERRORS[429],
        },
        tags=["sites"],
    )
    def enrol(
        http: Request,
        request: EnrolRequest,
        _limit: Annotated[None, Depends(rate_limited("enrol", ENROL_PER_MINUTE))],
    ) -> EnrolAnswer:
        """Trade the one-time enrolment code of a site for its bearer token (codes expire)."""
        refuse_if_guessing(http, site=request.site)
        try:
            with sessions.begin() as session:
                token = sites.enrol(session, request.site, request.enrolment_code)
        except AuthError as refused:
            note_failed_auth(http, "enrolment code", site=request.site)
            raise HTTPException(403, refused.message) from None
        return EnrolAnswer(token=token)

    @app.post(
        "/api/v1/sites/{site}/events",
        response_model=IntakeAnswer,
        responses={
            **ERRORS,
            413: {"model": ErrorAnswer, "description": "Body over 8 MiB"},
            422: {"model": ErrorAnswer, "description": "Body is not an events batch"},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": EventBatch.model_json_schema()}},
            }
        },
        tags=["sync"],
    )
    async def post_events(request: Request, site: Annotated[str, Depends(own_site)]) -> IntakeAnswer:
        """Store a batch of outbox events (at most 1000); idempotent by event id.

        The body is read only after the site token was accepted."""
        try:
            batch = EventBatch.model_validate(await read_json(request))
        except PydanticValidationError as invalid:
            raise RequestValidationError(invalid.errors()) from None

        def store() -> intake.IntakeResult:
            with sessions.begin() as session:
                return intake.store_batch(session, site, batch.events)

        result = await run_in_threadpool(store)
        return IntakeAnswer(
            accepted=result.accepted,
            duplicate=result.duplicate,
            rejected=[RejectedEvent(id=r.id, code=r.code, reason=r.reason) for r in result.rejected],
        )

    @app.get(
        "/api/v1/catalog",
        response_model=CatalogDocument,
        responses={**ERRORS, 304: {"description": "Not modified (If-None-Match matched)"}},
        tags=["sync"],
    )
    def get_catalog(request: Request, _: Annotated[None, Depends(reader)]) -> Response:
        """The permit catalogue and holidays; strong ETag, 304 on a matching If-None-Match."""
        with sessions.begin() as session:
            body = catalog.canonical_bytes(catalog.catalog_document(session))
        etag = catalog.etag_of(body)
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if _matches(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        return Response(content=body, media_type="application/json", headers=headers)

    @app.get(
        "/api/v1/sites/{site}/application-updates",
        response_model=ApplicationUpdates,
        responses=ERRORS,
        tags=["sync"],
    )
    def get_application_updates(
        site: Annotated[str, Depends(own_site)],
        cursor: Annotated[int, Query(ge=0, le=MAX_INT64)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        schema_version: Annotated[
            int,
            Query(
                ge=min(back_office.UPDATES_VERSIONS),
                le=max(back_office.UPDATES_VERSIONS),
                description="2: states as English identifiers; 1 (default): the old Indonesian words.",
            ),
        ] = back_office.UPDATES_DEFAULT_VERSION,
    ) -> ApplicationUpdates:
        """Back-office status changes of this site's applications after ``cursor``."""
        with sessions.begin() as session:
            updates = back_office.updates_after(session, site, cursor, limit)
            live.note_contact(session, site)
        return ApplicationUpdates(
            updates=[
                ApplicationUpdateOut(
                    id=u.id,
                    registration_number=u.registration_number,
                    state=back_office.as_version(u.state, schema_version),
                    note=u.note,
                    changed_at=u.changed_at,
                )
                for u in updates
            ],
            cursor=updates[-1].id if updates else cursor,
        )

    @app.get(
        "/api/v1/sites/{site}/web-complaints",
        response_model=WebComplaintsOut,
        responses=ERRORS,
        tags=["sync"],
    )
    def get_web_complaints(
        site: Annotated[str, Depends(own_site)],
        cursor: Annotated[int, Query(ge=0, le=MAX_INT64)] = 0,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> dict[str, Any]:
        """Complaints citizens filed for this site on the public form, after ``cursor``."""
        with sessions.begin() as session:
            pending = web_complaints.pending_for_site(session, site, cursor, limit)
            live.note_contact(session, site)
        return {"complaints": pending, "cursor": pending[-1]["id"] if pending else cursor}

    @app.post(
        "/api/v1/sites/{site}/reminders",
        response_model=HallReminderAnswer,
        status_code=201,
        responses={
            **ERRORS,
            404: {"model": ErrorAnswer, "description": "The ticket's events have not arrived yet"},
            409: {"model": ErrorAnswer, "description": "No message gateway in this province"},
        },
        tags=["sync"],
    )
    def post_hall_reminder(
        site: Annotated[str, Depends(own_site)], body: HallReminderIn
    ) -> HallReminderAnswer | JSONResponse:
        """A phone a citizen gave at the hall's kiosk for "your turn is near" (never in an event:
        kept in the reminders only, deleted when the ticket ends). Sent again, it replaces it."""
        if gateway is None:
            return _error(409, "reminders_unavailable", "Pengingat belum tersedia di provinsi ini.")
        with sessions.begin() as session:
            reminder = reminders.remind_from_hall(
                session, site, body.ticket_uid, body.phone, datetime.now(UTC)
            )
            live.note_contact(session, site)
            return HallReminderAnswer(ticket_uid=body.ticket_uid, phone_end=reminder.phone[-4:])

    @app.post(
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

    @app.get(
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

    @app.get("/api/v1/time", response_model=TimeAnswer, tags=["public"])
    def get_time(
        _limit: Annotated[None, Depends(rate_limited("time", TIME_PER_MINUTE))],
    ) -> TimeAnswer:
        """Server clock, for the desk's clock-drift check."""
        return TimeAnswer(now=datetime.now(UTC))

    @app.get(
        "/api/v1/health",
        response_model=HealthAnswer,
        responses={503: {"model": ErrorAnswer, "description": "Database unreachable"}},
        tags=["public"],
    )
    def get_health() -> Any:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return _error(503, "database_unavailable", "Basis data pusat tidak dapat dihubungi.")
        return HealthAnswer(status="ok", version=__version__)

    app.include_router(public_router(sessions, gateway=gateway))  # the citizens' pages (issue 16)
    app.include_router(booking_router(sessions, own_site))  # appointments (issue 17)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        message = FRAMEWORK_DETAILS.get(str(error.detail), str(error.detail))
        response = _error(error.status_code, _code_of(error.status_code), message)
        if error.headers:
            response.headers.update(error.headers)
        return response

    return app


def body_limit(_method: str, path: str) -> int:
    """The largest request body a route takes, in bytes."""
    if path.endswith("/events"):
        return MAX_BODY_BYTES
    if path == "/api/v1/enrol" or path.endswith("/status"):
        return MAX_SMALL_BODY_BYTES
    return MAX_OTHER_BODY_BYTES


def _unauthorised(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"detail": message, "code": code}, status_code=status)


def _code_of(status: int) -> str:
    return {
        401: "auth_failed",
        403: "permission_denied",
        404: "not_found",
        413: "payload_too_large",
        429: "too_many_requests",
    }.get(status, "invalid")


def _matches(if_none_match: str | None, etag: str) -> bool:
    """Weak comparison, as RFC 9110 prescribes for If-None-Match."""
    if not if_none_match:
        return False
    candidates = [tag.strip() for tag in if_none_match.split(",")]
    return "*" in candidates or any(tag.removeprefix("W/") == etag for tag in candidates)

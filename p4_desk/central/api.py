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

import logging
import os
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from p4_desk.central.db import open_engine, session_factory
from p4_desk.central.guard import (
    FRAMEWORK_DETAILS,
    BodyLimit,
    RequestLog,
    admin_token_problem,
    validation_answer,
)
from p4_desk.central.guards import (
    ADMIN_PER_MINUTE,
    ADMIN_TOKEN_ENV,
    CATALOG_PER_MINUTE,
    ENROL_PER_MINUTE,
    MAX_INT64,
    SYNC_PER_MINUTE,
    TIME_PER_MINUTE,
    code_of,
    error,
    make_guards,
)
from p4_desk.central.notify.gateways import Gateway, gateway_from_env
from p4_desk.central.province import routes as province
from p4_desk.central.public import public_router
from p4_desk.central.public.booking_pages import booking_router
from p4_desk.central.ratelimit import RateLimits
from p4_desk.central.routes import admin, service, sites, sync
from p4_desk.errors import AlreadyExists, AuthError, ConfigError, NotFound, P4Error, PermissionDenied

MAX_BODY_BYTES = 8 * 1024 * 1024  # an events batch
MAX_SMALL_BODY_BYTES = 16 * 1024  # enrolment, a back-office status
MAX_OTHER_BODY_BYTES = 64 * 1024  # any other route (pages of the public site, ...)

__all__ = [
    "ADMIN_PER_MINUTE",
    "ADMIN_TOKEN_ENV",
    "CATALOG_PER_MINUTE",
    "ENROL_PER_MINUTE",
    "MAX_INT64",
    "SYNC_PER_MINUTE",
    "TIME_PER_MINUTE",
    "body_limit",
    "create_app",
]

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
    guards = make_guards(sessions, admin_secret)

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
    async def invalid_request(_request: Request, error_: RequestValidationError) -> JSONResponse:
        return validation_answer(error_)

    @app.exception_handler(P4Error)
    async def p4_error(_request: Request, error_: P4Error) -> JSONResponse:
        status = {
            NotFound: 404,
            AlreadyExists: 409,
            AuthError: 401,
            PermissionDenied: 403,
        }.get(type(error_), 422)
        return error(status, error_.code, error_.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error_: StarletteHTTPException) -> JSONResponse:
        message = FRAMEWORK_DETAILS.get(str(error_.detail), str(error_.detail))
        response = error(error_.status_code, code_of(error_.status_code), message)
        if error_.headers:
            response.headers.update(error_.headers)
        return response

    # one line per concern (central/routes); the order is the order of the OpenAPI paths
    app.include_router(sites.router(guards))
    app.include_router(sync.router(guards, gateway))
    app.include_router(admin.router(guards))
    app.include_router(service.router(engine))
    app.include_router(province.router(guards))  # the province's dashboard (issue 18)
    app.include_router(public_router(sessions, gateway=gateway))  # the citizens' pages (issue 16)
    app.include_router(booking_router(sessions, guards.own_site))  # appointments (issue 17)
    return app


def body_limit(_method: str, path: str) -> int:
    """The largest request body a route takes, in bytes."""
    if path.endswith("/events"):
        return MAX_BODY_BYTES
    if path == "/api/v1/enrol" or path.endswith("/status"):
        return MAX_SMALL_BODY_BYTES
    return MAX_OTHER_BODY_BYTES

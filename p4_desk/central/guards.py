"""Who may call what: the bearer-token checks the central API's routers depend on.

``make_guards`` builds them once per app (they close over its sessions and admin token); each
router module takes the ``Guards`` and uses its dependencies in ``Depends(...)``. The two
``HTTPBearer`` schemes are shared, so the OpenAPI contract names them once.
"""

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session, sessionmaker

from p4_desk.central import sites
from p4_desk.central.ratelimit import note_failed_auth, rate_limited, refuse_if_guessing

ADMIN_TOKEN_ENV = "P4_CENTRAL_ADMIN_TOKEN"
MAX_INT64 = 2**63 - 1

#: requests per minute per client address (and per site on site routes)
ENROL_PER_MINUTE = 10
SYNC_PER_MINUTE = 600  # a hall catching up after a week offline sends batches back to back
ADMIN_PER_MINUTE = 120
CATALOG_PER_MINUTE = 60
TIME_PER_MINUTE = 60


@dataclass(frozen=True)
class Guards:
    """The app's sessions and its auth dependencies (FastAPI ``Depends`` targets)."""

    sessions: sessionmaker[Session]
    admin_secret: str | None
    site_bearer: HTTPBearer
    admin_bearer: HTTPBearer
    #: the code of the site the bearer token belongs to (401 otherwise)
    site_token: Callable[..., str]
    #: the ``{site}`` of the path, when the token is that site's (403 otherwise)
    own_site: Callable[..., str]
    #: the admin token, then the admin rate limit
    admin: Callable[..., None]
    #: any enrolled site, or the admin
    reader: Callable[..., None]
    is_admin_token: Callable[[HTTPAuthorizationCredentials | None], bool]


def make_guards(sessions: sessionmaker[Session], admin_secret: str | None) -> Guards:
    site_bearer = HTTPBearer(
        auto_error=False, scheme_name="SiteToken", description="Token from /api/v1/enrol"
    )
    admin_bearer = HTTPBearer(
        auto_error=False,
        scheme_name="AdminToken",
        description=f"Admin token from ${ADMIN_TOKEN_ENV} on the server",
    )

    def site_token(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(site_bearer)],
    ) -> str:
        """The code of the site the bearer token belongs to (401 otherwise)."""
        refuse_if_guessing(request)
        if credentials is None:
            raise unauthorised("Token akses wajib disertakan (Authorization: Bearer).")
        with sessions.begin() as session:
            site = sites.site_of_token(session, credentials.credentials)
        if site is None:
            note_failed_auth(request, "site token")
            raise unauthorised("Token akses salah atau sudah dicabut.")
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
            raise unauthorised("Token admin wajib disertakan (Authorization: Bearer).")
        if is_admin_token(credentials):
            return
        with sessions.begin() as session:
            is_site_token = sites.site_of_token(session, credentials.credentials) is not None
        if is_site_token:
            raise HTTPException(403, "Token situs tidak boleh memakai API admin.")
        note_failed_auth(request, "admin token")
        raise unauthorised("Token admin salah.")

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

    return Guards(
        sessions=sessions,
        admin_secret=admin_secret,
        site_bearer=site_bearer,
        admin_bearer=admin_bearer,
        site_token=site_token,
        own_site=own_site,
        admin=admin,
        reader=reader,
        is_admin_token=is_admin_token,
    )


def unauthorised(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


def error(status: int, code: str, message: str) -> JSONResponse:
    """The API's error answer: ``{"detail", "code"}``."""
    return JSONResponse({"detail": message, "code": code}, status_code=status)


def code_of(status: int) -> str:
    return {
        401: "auth_failed",
        403: "permission_denied",
        404: "not_found",
        413: "payload_too_large",
        429: "too_many_requests",
    }.get(status, "invalid")

"""Request rate limits of the central API: the one module every route uses.

A route declares its limit as a FastAPI dependency::

    from p4_desk.central.ratelimit import rate_limited

    @app.get("/status/{number}", dependencies=[Depends(rate_limited("public.status", 30))])

``rate_limited(scope, per_minute)`` counts requests in a moving one-minute window (the
``limits`` library) per client address, or per site once a site token has been accepted for
the request (``request.state.site``, set by the site authentication: a site's PCs may share one
address, and many sites one proxy). Over the
limit the request is answered 429 with ``Retry-After`` and a short Indonesian message.

Failed authentication is counted separately (``note_failed_auth``): past
``FAILED_AUTH_PER_MINUTE`` failures an address is answered 429 on every authenticated route
until the window has passed, so guessing a token or an enrolment code is slowed to a few
guesses a minute. Each failure is logged with the address and the path, never the secret.

The counters live in ``memory://`` (one server process) unless ``$P4_CENTRAL_RATE_LIMIT_STORAGE``
names a shared store that ``limits`` understands (``redis://host:6379``) for several servers
behind a load balancer.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable

from fastapi import HTTPException, Request
from limits import RateLimitItem, RateLimitItemPerHour, RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

STORAGE_ENV = "P4_CENTRAL_RATE_LIMIT_STORAGE"
#: failed authentications per client address per minute before it is refused for a while
FAILED_AUTH_PER_MINUTE = 10
#: failed enrolments per site code per hour (a code guessed from many addresses)
FAILED_ENROL_PER_SITE_PER_HOUR = 20

log = logging.getLogger("p4_desk.central.auth")


class RateLimits:
    """The counters of one app (``app.state.rate_limits``)."""

    def __init__(self, storage_uri: str | None = None) -> None:
        self.storage = storage_from_string(storage_uri or os.environ.get(STORAGE_ENV) or "memory://")
        self.limiter = MovingWindowRateLimiter(self.storage)

    def hit(self, item: RateLimitItem, *identifiers: str) -> int | None:
        """Count one request; None when allowed, else the seconds until the next is."""
        if self.limiter.hit(item, *identifiers):
            return None
        return self.retry_after(item, *identifiers)

    def exceeded(self, item: RateLimitItem, *identifiers: str) -> int | None:
        """Without counting: None when another request would be allowed, else the wait."""
        if self.limiter.test(item, *identifiers):
            return None
        return self.retry_after(item, *identifiers)

    def retry_after(self, item: RateLimitItem, *identifiers: str) -> int:
        reset = self.limiter.get_window_stats(item, *identifiers).reset_time
        return max(1, math.ceil(reset - time.time()))


def limits_of(request: Request) -> RateLimits:
    state = request.app.state
    if getattr(state, "rate_limits", None) is None:
        state.rate_limits = RateLimits()
    limits: RateLimits = state.rate_limits
    return limits


def client_address(request: Request) -> str:
    """The peer address (uvicorn puts the proxy's X-Forwarded-For here when it trusts it)."""
    return request.client.host if request.client else "unknown"


def too_many(retry_after: int) -> HTTPException:
    return HTTPException(
        429,
        f"Terlalu banyak permintaan. Coba lagi dalam {retry_after} detik.",
        headers={"Retry-After": str(retry_after)},
    )


def rate_limited(scope: str, per_minute: int) -> Callable[[Request], None]:
    """A dependency allowing ``per_minute`` requests per address (and per site) in ``scope``."""
    item = RateLimitItemPerMinute(per_minute)

    def dependency(request: Request) -> None:
        site = getattr(request.state, "site", None)
        # one site's PCs may sit behind one address, and many sites behind one proxy
        key = f"site:{site}" if site else f"addr:{client_address(request)}"
        wait = limits_of(request).hit(item, scope, key)
        if wait is not None:
            raise too_many(wait)

    dependency.__name__ = f"rate_limited_{scope.replace('.', '_')}"
    return dependency


# --- failed authentication ------------------------------------------------------------------

_FAILED_AUTH = RateLimitItemPerMinute(FAILED_AUTH_PER_MINUTE)
_FAILED_ENROL = RateLimitItemPerHour(FAILED_ENROL_PER_SITE_PER_HOUR)


def refuse_if_guessing(request: Request, *, site: str | None = None) -> None:
    """429 before any secret is checked when this address (or site code) failed too often."""
    limits = limits_of(request)
    wait = limits.exceeded(_FAILED_AUTH, "auth", client_address(request))
    if wait is None and site is not None:
        wait = limits.exceeded(_FAILED_ENROL, "enrol", site)
    if wait is not None:
        raise too_many(wait)


def note_failed_auth(request: Request, what: str, *, site: str | None = None) -> None:
    """Count and log one failed authentication (never the secret that was tried)."""
    limits = limits_of(request)
    address = client_address(request)
    limits.limiter.hit(_FAILED_AUTH, "auth", address)
    if site is not None:
        limits.limiter.hit(_FAILED_ENROL, "enrol", site)
    log.warning("authentication failed: %s from %s on %s", what, address, request.url.path)

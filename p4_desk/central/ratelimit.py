"""Rate limits per client address on the central server's endpoints (``limits`` underneath).

``Depends(rate_limited("public-read", 120))`` on a route refuses the 121st request of one
client address within a moving minute with 429, ``Retry-After`` and an Indonesian message.
Counters live in this process's memory: behind a load balancer each server counts its own
share, which still stops one client from hammering a page or guessing secrets. The client
address is the connection's; behind a reverse proxy run uvicorn with ``--proxy-headers`` so it
is the citizen's, not the proxy's.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from fastapi import HTTPException, Request
from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

_storage = MemoryStorage()
_limiter = MovingWindowRateLimiter(_storage)


def rate_limited(scope: str, per_minute: int) -> Callable[[Request], None]:
    """A FastAPI dependency: at most ``per_minute`` requests per client address in ``scope``."""
    item = RateLimitItemPerMinute(per_minute)

    def check(request: Request) -> None:
        client = request.client.host if request.client else "unknown"
        if _limiter.hit(item, scope, client):
            return
        reset_at = _limiter.get_window_stats(item, scope, client).reset_time
        wait = max(1, math.ceil(reset_at - time.time()))
        raise HTTPException(
            429,
            f"Terlalu banyak permintaan dari alamat Anda. Silakan coba lagi dalam {wait} detik.",
            headers={"Retry-After": str(wait)},
        )

    return check


def reset_limits() -> None:
    """Forget every count (tests that start many servers in one process)."""
    _storage.reset()

"""Reference implementation of the central provincial API (DESIGN.md §5).

Sites push their outbox events here, read the permit catalogue and pull back-office
application status changes. The server is stateless apart from its database, so a
province may run several copies behind a load balancer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # FastAPI is an optional extra: import it only when the app is built
    from fastapi import FastAPI


def create_app(db_url: str, *, admin_token: str | None = None) -> FastAPI:
    """Build the ASGI app on the database at ``db_url`` (see :mod:`p4_desk.central.api`)."""
    from p4_desk.central.api import create_app as _create_app

    return _create_app(db_url, admin_token=admin_token)


__all__ = ["create_app"]

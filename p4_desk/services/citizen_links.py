"""The addresses a citizen scans: the ticket's "my ticket" page and the receipt's tracking page.

Both live on the central server's public pages (``p4_desk.central.public``). The base is the
site setting ``central.public_url``; when it is empty, the central server this site is enrolled
with (``sync_state.central_url``). A site that is neither enrolled nor configured has no public
page: the ticket's QR then carries the ticket's id and the receipt's the registration number,
as before, so an officer can still scan them at the desk.
"""

from __future__ import annotations

import secrets
from urllib.parse import quote

from p4_desk.services.site import get_setting
from p4_desk.store.db import Database
from p4_desk.store.models import SyncState

#: 128 bits: a ticket page can be opened by whoever holds the paper, and by nobody else
TICKET_TOKEN_BYTES = 16
#: 96 bits, and the page also needs the registration number; guesses are rate-limited
TRACKING_SECRET_BYTES = 12


def new_ticket_token() -> str:
    return secrets.token_urlsafe(TICKET_TOKEN_BYTES)


def new_tracking_secret() -> str:
    return secrets.token_urlsafe(TRACKING_SECRET_BYTES)


def public_base_url(db: Database) -> str | None:
    """``central.public_url``, else the enrolled central server's URL; ``None`` when neither."""
    configured = str(get_setting(db, "central.public_url") or "").strip()
    if configured:
        return configured.rstrip("/")
    with db.read() as s:
        state = s.get(SyncState, 1)
        enrolled = state.central_url if state is not None else None
    return enrolled.rstrip("/") if enrolled else None


def ticket_page_url(base: str | None, token: str | None) -> str | None:
    """``{base}/t/{token}``, or ``None`` without a base or a token (tickets before 0009)."""
    if not base or not token:
        return None
    return f"{base}/t/{quote(token, safe='')}"


def tracking_page_url(base: str | None, registration_number: str, secret: str | None) -> str | None:
    """``{base}/lacak/{number}?k={secret}``, or ``None`` without a base or a secret."""
    if not base or not secret:
        return None
    return f"{base}/lacak/{quote(registration_number, safe='')}?k={quote(secret, safe='')}"

"""A phone booking confirmed by the central server before the hall keeps it (issue 17).

The central server sells the same slots on the web. A hall that counted only the bookings it
had pulled could take the last seat by phone in the seconds between a web booking and its
pull, and the slot would hold one citizen too many. An enrolled hall therefore holds the seat
at the central server first (``POST /api/v1/sites/{site}/bookings/holds``, the same atomic seat
update as a web booking); the central server's "sudah penuh" is the hall's refusal. Out of
contact, the booking is refused with that said, unless the officer records it without the
confirmation (``p4-desk booking add --offline``: then one seat can be sold twice, as before).
A hall never enrolled has no web bookings to collide with and books locally.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from p4_desk.config import Settings
from p4_desk.errors import P4Error, QuotaExhausted, ValidationError
from p4_desk.services.booking.bookings import Confirm
from p4_desk.store.db import Database
from p4_desk.sync.client import PermanentError, TokenRejected, TransientError
from p4_desk.sync.enrolment import open_client
from p4_desk.sync.state import state_row

log = logging.getLogger(__name__)


def central_confirmation(
    db: Database, settings: Settings
) -> tuple[Confirm | None, Callable[[str], None] | None]:
    """(confirm, release) for ``add_booking``; (None, None) on a desk never enrolled. An
    enrolled desk without its token is told so (``ConfigError``), not quietly booked locally."""
    with db.read() as s:
        state = state_row(s)
        enrolled = bool(state.site_code and (state.central_url or settings.get("sync.url")))
    if not enrolled:
        return None, None
    client = open_client(db, settings)

    def confirm(code: str, service: str, slot: datetime) -> None:
        try:
            client.hold_booking(code, service, slot)
        except PermanentError as refused:
            if refused.status == 409:
                raise QuotaExhausted(
                    f"{refused.reason.rstrip('.')} (menurut server pusat).", field="slot"
                ) from None
            raise ValidationError(
                f"Server pusat menolak janji temu ini: {refused.reason}", field="slot"
            ) from None
        except (TransientError, TokenRejected) as exc:
            reason = exc.reason if isinstance(exc, TransientError) else exc.message
            raise P4Error(
                f"Server pusat tidak terjangkau ({reason}): slot ini juga dijual lewat web, jadi janji "
                "temu belum dapat dipastikan. Coba lagi sebentar, atau catat tanpa konfirmasi pusat "
                "dengan --offline (satu kursi bisa terisi dua kali)."
            ) from None

    def release(code: str) -> None:
        try:
            client.release_booking(code)
        except (PermanentError, TransientError, TokenRejected) as exc:
            log.warning("seat held for booking %s not given back: %s", code, exc)

    return confirm, release

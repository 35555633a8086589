"""What the sync agent pulls from the central API, taken in through the site's use cases.

The sync package sits below the services (DESIGN §3) and only knows the ``Inbox`` protocol of
``p4_desk.sync.adapters``; whoever starts the agent (CLI, GUI) hands it this one.
"""

from __future__ import annotations

from typing import Any

from p4_desk.services import applications, booking, complaints, permits
from p4_desk.services.queue.board import publish_board
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM


class CentralInbox:
    """Pulled catalogues go into the permit catalogue, back-office changes into applications,
    web complaints to the complaint desk; the hall's public board goes out when it changed."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def import_catalog(self, document: dict[str, Any]) -> None:
        permits.import_catalog(self.db, document, SYSTEM)

    def apply_application_update(self, registration_number: str, state: str, note: str) -> None:
        applications.apply_central_update(self.db, registration_number, state, note)

    def take_in_web_complaint(self, document: dict[str, Any]) -> str:
        return complaints.take_in_web_complaint(self.db, document, SYSTEM)

    def publish_board(self) -> None:
        publish_board(self.db)
        booking.publish_booking_rules(self.db)

    def take_in_bookings(self, documents: list[dict[str, Any]], next_cursor: int) -> int:
        return booking.take_in_web_bookings(self.db, documents, next_cursor)

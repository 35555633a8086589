"""Retention of web bookings at the real central server (UU 27/2022, issue 17): a web booking's
name and phone go once its slot is older than the hall's retention period for a visit's personal
data (``privacy.tickets_keep_days``, sent with the hall's booking rules); the booking itself stays
for the figures, and newer bookings keep theirs until the hall no longer needs them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests

from p4_desk.domain.booking_rules import BookingRule
from p4_desk.services import booking, site
from p4_desk.store.db import Database
from tests.integration.central_server import CentralServer
from tests.integration.test_booking_central import ALL_DAY, central_sql, next_slot
from tests.support.citizen import SITE, live_hall, sync

pytestmark = pytest.mark.usefixtures("memory_keyring")


@pytest.fixture
def hall(central: CentralServer, sqlite_url: str) -> Iterator[Database]:
    db = live_hall(central, sqlite_url)
    booking.set_rule(db, "KTP", BookingRule(hours=ALL_DAY, slot_minutes=30, capacity=2, days_ahead=1))
    site.set_setting(db, "privacy.tickets_keep_days", 2)
    yield db
    db.dispose()


def book(central: CentralServer, slot: datetime, name: str) -> str:
    answer = requests.post(
        f"{central.url}/api/v1/public/bookings",
        json={
            "site": SITE,
            "service": "KTP",
            "slot": slot.isoformat(),
            "name": name,
            "phone": "081234567890",
        },  # fmt: skip
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["code"])


def test_names_and_phones_of_web_bookings_go_after_the_halls_retention(
    central: CentralServer, hall: Database
) -> None:
    # Given two web bookings the hall has pulled, one of them (as if) three days old
    sync(hall)
    slot = next_slot()
    old, recent = book(central, slot, "Budi Santoso"), book(central, slot, "Siti Aminah")
    sync(hall)
    assert {b.name for b in booking.list_bookings(hall, slot.date())} == {"Budi Santoso", "Siti Aminah"}
    three_days_ago = (datetime.now(UTC) - timedelta(days=3)).replace(tzinfo=None)
    if not central.db_url.startswith("sqlite"):
        three_days_ago = three_days_ago.replace(tzinfo=UTC)
    central_sql(central, "UPDATE bookings SET slot_start = :t WHERE code = :c", t=three_days_ago, c=old)

    # When the hall pulls again (every 30 seconds in service)
    sync(hall)

    # Then the central server no longer holds the old one's name and phone; the rest stays
    rows = dict(
        (code, (name, phone, state))
        for code, name, phone, state in central_sql(central, "SELECT code, name, phone, state FROM bookings")
    )
    assert rows[old] == (None, None, "booked")
    assert rows[recent] == ("Siti Aminah", "+6281234567890", "booked")
    assert "Budi" not in str(central_sql(central, "SELECT * FROM bookings"))

    # With the hall's retention raised to 30 days, a booking three days old keeps them
    site.set_setting(hall, "privacy.tickets_keep_days", 30)
    sync(hall)  # the rules event with the new period
    central_sql(central, "UPDATE bookings SET slot_start = :t WHERE code = :c", t=three_days_ago, c=recent)
    sync(hall)
    [(name,)] = central_sql(central, "SELECT name FROM bookings WHERE code = :c", c=recent)
    assert name == "Siti Aminah"

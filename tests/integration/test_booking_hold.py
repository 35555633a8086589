"""The last seat of a slot between the web and the hall's telephone (issue 17): a phone booking
taken at an enrolled hall is held at the central server first, so a web booking the hall has
not pulled yet and a phone booking can never both have it. Real central server on 127.0.0.1,
real ``p4-desk booking add`` processes, real HTTP from the citizen's side."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import requests

from p4_desk.domain.booking_rules import BookingRule
from p4_desk.services import booking
from p4_desk.store.db import Database
from tests.integration.central_server import CentralServer
from tests.integration.test_booking_central import ALL_DAY, central_sql, next_slot
from tests.support.citizen import SITE, live_hall, sync
from tests.support.cli import add_cli_admin, login_env

pytestmark = pytest.mark.usefixtures("memory_keyring")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def hall(central: CentralServer, sqlite_url: str) -> Iterator[Database]:
    db = live_hall(central, sqlite_url)
    add_cli_admin(db)
    booking.set_rule(db, "KTP", BookingRule(hours=ALL_DAY, slot_minutes=30, capacity=1, days_ahead=1))
    sync(db)  # the rules reach the central server
    yield db
    db.dispose()


def phone_booking(url: str, slot: str, name: str, *extra: str) -> subprocess.CompletedProcess[str]:
    args = ("booking", "add", "--service", "KTP", "--slot", slot, "--name", name, "--phone", "081234567890")
    return subprocess.run(
        [sys.executable, "-m", "p4_desk", *args, *extra, "--db", url],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=login_env(args),
    )  # fmt: skip


def web_booking(central: CentralServer, slot: str) -> requests.Response:
    body = {"site": SITE, "service": "KTP", "slot": slot, "name": "Warga Web", "phone": "081298765432"}
    return requests.post(f"{central.url}/api/v1/public/bookings", json=body, timeout=30)


def test_the_web_and_the_telephone_never_both_get_the_last_seat(
    central: CentralServer, hall: Database, sqlite_url: str
) -> None:
    web_first, phone_first = next_slot(), next_slot() + timedelta(minutes=30)

    # Given a citizen booked a slot's one seat on the web a moment ago (the hall has not pulled)
    assert web_booking(central, web_first.isoformat()).status_code == 201

    # When an officer books the same slot by phone: refused, by the central server's count
    refused = phone_booking(sqlite_url, web_first.strftime("%Y-%m-%dT%H:%M"), "Budi Santoso")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "sudah penuh (menurut server pusat)" in refused.stderr
    assert booking.list_bookings(hall, web_first.date()) == []  # nothing written at the hall

    # And the other way round: a phone booking holds the next slot, the web then finds it full
    taken = phone_booking(sqlite_url, phone_first.strftime("%Y-%m-%dT%H:%M"), "Siti Aminah")
    assert taken.returncode == 0, taken.stderr
    full = web_booking(central, phone_first.isoformat())
    assert full.status_code == 409 and "sudah penuh" in full.json()["detail"]

    # When the hall syncs, its booking.created finds the held seat: nothing is counted twice
    sync(hall)
    assert sorted(n for (n,) in central_sql(central, "SELECT booked FROM booking_seats")) == [1, 1]
    names = {b.name: b.origin for b in booking.list_bookings(hall, web_first.date())}
    names |= {b.name: b.origin for b in booking.list_bookings(hall, phone_first.date())}
    assert names == {"Warga Web": "web", "Siti Aminah": "hall"}

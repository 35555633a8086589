"""Appointments end to end: the hall's rules reach the real central server by sync, citizens book
there (several processes for the last seat at once), the hall pulls the bookings, checks one in
while out of contact for a day, and comes back. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests
from sqlalchemy import create_engine
from sqlalchemy import text as sql_text

from p4_desk.domain.booking_rules import BookingRule
from p4_desk.services import booking
from p4_desk.store.db import Database
from tests.integration.central_server import CentralServer, running_central
from tests.support.citizen import SITE, live_hall, sync

pytestmark = pytest.mark.usefixtures("memory_keyring")
WIB = ZoneInfo("Asia/Jakarta")
ALL_DAY = {d: [["00:00", "24:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CentralServer]:
    db_url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    with running_central(tmp_path / "central", db_url=db_url) as server:
        yield server


@pytest.fixture
def hall(central: CentralServer, sqlite_url: str) -> Iterator[Database]:
    db = live_hall(central, sqlite_url)
    booking.set_rule(db, "KTP", BookingRule(hours=ALL_DAY, slot_minutes=30, capacity=1, days_ahead=1))
    yield db
    db.dispose()


def next_slot(minutes: int = 30) -> datetime:
    now = datetime.now(WIB).replace(second=0, microsecond=0)
    return now + timedelta(minutes=minutes - now.minute % minutes)


def central_sql(central: CentralServer, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    engine = create_engine(central.db_url)
    try:
        with engine.begin() as conn:
            result = conn.execute(sql_text(sql), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


BOOKER = """
import json, sys, time, requests
url, slot, name, at = sys.argv[1:5]
time.sleep(max(0.0, float(at) - time.time()))  # all processes send at the same moment
r = requests.post(url + "/api/v1/public/bookings", json={"site": "MPP-TEST", "service": "KTP",
                  "slot": slot, "name": name, "phone": "081234567890"}, timeout=60)
print(json.dumps({"status": r.status_code, "body": r.json()}))
"""


def test_citizens_book_the_last_seat_at_once_and_the_hall_serves_it_offline(
    central: CentralServer, hall: Database, tmp_path: Path
) -> None:
    # Given the hall's rules synced: KTP takes one citizen per 30-minute slot
    sync(hall)
    slot = next_slot()
    day = slot.date().isoformat()
    offered = requests.get(
        f"{central.url}/api/v1/public/sites/{SITE}/slots", params={"service": "KTP", "date": day}, timeout=30
    ).json()
    assert offered["available"] and offered["slots"][0] == {"start": slot.isoformat(), "free": 1}

    # When six citizens book that slot's one seat at the same moment, through two server processes
    with running_central(tmp_path / "second", db_url=central.db_url) as second:
        at = time.time() + 3
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    BOOKER,
                    (central, second)[i % 2].url,
                    slot.isoformat(),
                    f"Warga {i}",
                    str(at),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for i in range(6)
        ]
        answers = [json.loads(p.communicate(timeout=120)[0]) for p in procs]

    # Then exactly one gets a code, the others a clear refusal; the seat count never passed one
    won = [a for a in answers if a["status"] == 201]
    assert len(won) == 1, answers
    assert {a["status"] for a in answers if a["status"] != 201} == {409}
    assert all("sudah penuh" in a["body"]["detail"] for a in answers if a["status"] == 409)
    code = won[0]["body"]["code"]
    assert len(code) == 8 and won[0]["body"]["qr_svg"].lstrip().startswith("<?xml")
    assert central_sql(central, "SELECT booked FROM booking_seats") == [(1,)]
    after = requests.get(
        f"{central.url}/api/v1/public/sites/{SITE}/slots", params={"service": "KTP", "date": day}, timeout=30
    ).json()
    assert slot.isoformat() not in [s["start"] for s in after["slots"]]

    # When the hall syncs, it has the booking with the citizen's name
    sync(hall)
    [held] = [b for b in booking.list_bookings(hall, slot.date()) if b.code == code]
    assert held.origin == "web" and held.name.startswith("Warga") and held.phone == "+6281234567890"

    # When the hall has been out of contact for a day, the central server offers nothing
    central_sql(central, "UPDATE sites SET last_contact_at = :t", t=datetime.now(UTC) - timedelta(days=1))
    stale = requests.get(
        f"{central.url}/api/v1/public/sites/{SITE}/slots", params={"service": "KTP", "date": day}, timeout=30
    ).json()
    assert not stale["available"] and stale["reason"].startswith("Pemesanan online sementara tidak tersedia")
    refused = requests.post(
        f"{central.url}/api/v1/public/bookings",
        json={
            "site": SITE,
            "service": "KTP",
            "slot": (slot + timedelta(minutes=30)).isoformat(),
            "name": "Nanti",
            "phone": "081234567890",
        },
        timeout=30,
    )
    assert refused.status_code == 409

    # ... while the hall checks the citizen in from its own database (no sync)
    checked = booking.check_in(hall, code)
    assert not checked.late and checked.ticket.number.startswith("A")

    # Then back online: the check-in reaches the central server and slots are offered again
    sync(hall)
    assert central_sql(central, "SELECT state FROM bookings WHERE code = :c", c=code) == [("checked_in",)]
    back = requests.get(
        f"{central.url}/api/v1/public/sites/{SITE}/slots", params={"service": "KTP", "date": day}, timeout=30
    ).json()
    assert back["available"]


def test_a_citizen_cancels_with_the_code_and_the_hall_learns_it(
    central: CentralServer, hall: Database
) -> None:
    sync(hall)
    slot = next_slot() + timedelta(minutes=30)
    made = requests.post(
        f"{central.url}/api/v1/public/bookings",
        json={
            "site": SITE,
            "service": "KTP",
            "slot": slot.isoformat(),
            "name": "Siti",
            "phone": "0812 9876 5432",
        },
        timeout=30,
    )
    assert made.status_code == 201
    code = made.json()["code"]
    sync(hall)
    assert [b.state for b in booking.list_bookings(hall, slot.date()) if b.code == code] == ["booked"]
    gone = requests.delete(f"{central.url}/api/v1/public/bookings/{code}", timeout=30)
    assert gone.status_code == 200 and gone.json()["state"] == "cancelled"
    again = requests.delete(f"{central.url}/api/v1/public/bookings/{code}", timeout=30)
    assert again.status_code == 422 and again.json()["detail"] == "Janji temu ini sudah dibatalkan."
    unknown = requests.delete(f"{central.url}/api/v1/public/bookings/12345678", timeout=30)
    assert unknown.status_code == 404 and "tidak ditemukan" in unknown.json()["detail"]
    sync(hall)
    assert [b.state for b in booking.list_bookings(hall, slot.date()) if b.code == code] == ["cancelled"]
    free = requests.get(
        f"{central.url}/api/v1/public/sites/{SITE}/slots",
        params={"service": "KTP", "date": slot.date().isoformat()},
        timeout=30,
    ).json()
    assert {"start": slot.isoformat(), "free": 1} in free["slots"]

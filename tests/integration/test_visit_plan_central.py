"""The visit plan on the citizen's "my ticket" page of the real central server (issue 17): the
hall's ticket events carry the names of the services still to come, nothing personal; the page
and its JSON twin show "Lanjut ke: …" and follow the visit as its legs end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from sqlalchemy import select

from p4_desk.services import queue, users
from p4_desk.store.db import Database
from p4_desk.store.models import OutboxEvent
from tests.integration.central_server import CentralServer
from tests.support.citizen import live_hall, sync

pytestmark = pytest.mark.usefixtures("memory_keyring")


@pytest.fixture
def hall(central: CentralServer, sqlite_url: str) -> Iterator[Database]:
    db = live_hall(central, sqlite_url)
    yield db
    db.dispose()


def my_ticket(central: CentralServer, token: str) -> tuple[str, dict[str, object]]:
    page = requests.get(f"{central.url}/t/{token}", timeout=30)
    twin = requests.get(f"{central.url}/api/v1/public/tickets/{token}", timeout=30)
    assert page.status_code == 200 and twin.status_code == 200
    return page.text, twin.json()


def test_my_ticket_shows_where_the_visit_goes_next(central: CentralServer, hall: Database) -> None:
    # Given one number for KTP, then the vehicle tax, then the family card
    mine = queue.issue_ticket(hall, "KTP", then=["PKB", "KK"])
    alone = queue.issue_ticket(hall, "KTP")
    sync(hall)

    # Then the page and its twin name the next services; a one-service ticket names none
    html, twin = my_ticket(central, str(mine.public_token))
    assert "Lanjut ke: Pajak Kendaraan, lalu Kartu Keluarga" in html
    assert twin["visit_next"] == ["Pajak Kendaraan", "Kartu Keluarga"]
    assert twin["visit_text"] == "Lanjut ke: Pajak Kendaraan, lalu Kartu Keluarga"
    html, twin = my_ticket(central, str(alone.public_token))
    assert "Lanjut ke" not in html and twin["visit_next"] == [] and twin["visit_text"] is None

    # When KTP is done, the ticket waits for the vehicle tax: only the family card is still to come
    officer = users.get_user(hall, "petugas1").actor
    queue.set_counter_state(hall, "L1", "open", officer)
    called = queue.call_next(hall, "L1", officer)
    assert called is not None and called.number == mine.number
    queue.start(hall, called.id, officer)
    queue.finish(hall, called.id, officer)
    sync(hall)
    html, twin = my_ticket(central, str(mine.public_token))
    assert twin["service"] == "PKB" and twin["state"] == "waiting"
    assert twin["visit_next"] == ["Kartu Keluarga"] and "Lanjut ke: Kartu Keluarga" in html

    # And what left the hall for the plan is service names: no name, phone or NIK of anyone
    with hall.read() as s:
        payloads = list(s.scalars(select(OutboxEvent.payload).where(OutboxEvent.type.like("ticket.%"))))
    assert {tuple(p["visit_next"]) for p in payloads} == {
        ("Pajak Kendaraan", "Kartu Keluarga"),
        ("Kartu Keluarga",),
        (),
    }

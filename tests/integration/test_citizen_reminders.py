""" "Your turn is near": reminders from the real central server through a fake gateway on 127.0.0.1
(issue 16). The fake records every request; no traffic leaves the machine. The hall is a real
desk database synced by the real agent; outages are a gateway answering 503 or hanging up, and
a hall that does not sync for a while.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from p4_desk.errors import ValidationError
from p4_desk.services import queue, users
from p4_desk.services.queue import TicketInfo
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor
from tests.integration.central_server import CentralServer, running_central
from tests.support.citizen import (
    SITE_NAME,
    FakeGateway,
    GatewayRequest,
    agent_for,
    fake_gateway,
    live_hall,
    sync,
)
from tests.support.sites import make_site

pytestmark = pytest.mark.usefixtures("memory_keyring")
PHONE = "0812-3456-7890"
GATEWAY_TOKEN = "rahasia-gateway-uji"


@pytest.fixture
def gateway() -> Iterator[FakeGateway]:
    with fake_gateway() as fake:
        yield fake


def central_with(tmp_path: Path, gateway: FakeGateway, kind: str) -> Any:
    env = {"P4_NOTIFY_GATEWAY": kind, "P4_NOTIFY_URL": gateway.url, "P4_NOTIFY_TOKEN": GATEWAY_TOKEN}
    return running_central(tmp_path / "central", env=env)


@pytest.fixture
def sms_central(tmp_path: Path, gateway: FakeGateway) -> Iterator[CentralServer]:
    with central_with(tmp_path, gateway, "sms") as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def any_sms_central(
    request: pytest.FixtureRequest, tmp_path: Path, gateway: FakeGateway
) -> Iterator[CentralServer]:
    """The SMS central server on its SQLite file and on a real PostgreSQL server (the delivery
    queue claims with ``FOR UPDATE SKIP LOCKED`` there)."""
    db_url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    env = {"P4_NOTIFY_GATEWAY": "sms", "P4_NOTIFY_URL": gateway.url, "P4_NOTIFY_TOKEN": GATEWAY_TOKEN}
    with running_central(tmp_path / "central", db_url=db_url, env=env) as server:
        yield server


def officer(db: Database) -> Actor:
    return users.get_user(db, "petugas1").actor


def remind(central: CentralServer, ticket: TicketInfo, phone: str = PHONE) -> dict[str, Any]:
    answer = requests.put(
        f"{central.url}/api/v1/public/tickets/{ticket.public_token}/reminder",
        json={"phone": phone, "consent": True},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def wait_for(condition: Callable[[], bool], what: str, limit_s: float = 30.0) -> None:
    """Bounded wait for the server's worker (not a speed check: the limit is generous)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"still waiting for: {what}")


def central_rows(central: CentralServer, sql: str) -> list[tuple[Any, ...]]:
    engine = create_engine(central.db_url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql))]
    finally:
        engine.dispose()


def queue_of(db: Database, waiting: int) -> list[TicketInfo]:
    return [queue.issue_ticket(db, "KTP") for _ in range(waiting)]


def call_and_finish(db: Database, counter: str = "L1") -> TicketInfo:
    called = queue.call_next(db, counter, officer(db))
    assert called is not None
    queue.start(db, called.id, officer(db))
    queue.finish(db, called.id, officer(db))
    return called


def texts(requests_: list[GatewayRequest]) -> list[str]:
    return [r.body["text"] for r in requests_]


def test_near_and_called_are_each_sent_once_and_the_phone_is_deleted_when_the_ticket_ends(
    any_sms_central: CentralServer, gateway: FakeGateway, sqlite_url: str
) -> None:
    central = any_sms_central
    # Given five citizens ahead of me, and my "Ingatkan saya" on the ticket page
    hall = live_hall(central, sqlite_url)
    queue_of(hall, 5)
    mine = queue.issue_ticket(hall, "KTP")
    queue.set_counter_state(hall, "L1", "open", officer(hall))
    sync(hall)
    answer = remind(central, mine)
    assert answer["reminder"] == {
        "available": True,
        "active": True,
        "phone_hint": "****7890",
        "when_ahead": 3,
    }
    assert "+6281234567890" not in str(answer)

    # When two are served (three left ahead of me)
    call_and_finish(hall)
    sync(hall)
    assert gateway.requests == []  # four ahead: nothing yet
    call_and_finish(hall)
    sync(hall)

    # Then one "near" message goes out, in Indonesian, to my number
    wait_for(lambda: len(gateway.delivered()) == 1, "the near message")
    [near] = gateway.delivered()
    assert near.body["to"] == "+6281234567890"
    # (the estimate is the desk's own rule on the same service times: both say the same)
    estimate = queue.get_ticket(hall, mine.id).estimated_wait_minutes
    assert near.body["text"] == (
        f"{SITE_NAME}: nomor antrian {mine.number} tinggal 3 orang lagi sebelum giliran Anda, "
        f"perkiraan ± {estimate} menit. Mohon kembali ke ruang tunggu."
    )
    assert near.headers["Authorization"] == f"Bearer {GATEWAY_TOKEN}"
    assert near.headers["Idempotency-Key"].endswith(":near")

    # When one more is served (two ahead), then I am called, and recalled
    call_and_finish(hall)
    sync(hall)
    call_and_finish(hall)
    call_and_finish(hall)
    called = queue.call_next(hall, "L1", officer(hall))
    assert called is not None and called.number == mine.number
    sync(hall)
    wait_for(lambda: len(gateway.delivered()) == 2, "the called message")
    queue.recall(hall, mine.id, officer(hall))
    sync(hall)

    # Then exactly one "called" message says where to go; nothing is sent twice
    assert texts(gateway.delivered())[1] == (
        f"{SITE_NAME}: nomor antrian {mine.number} dipanggil sekarang. Silakan menuju Loket 1."
    )
    assert central_rows(central, "SELECT event, state FROM notifications ORDER BY id") == [
        ("near", "sent"),
        ("called", "sent"),
    ]
    assert central_rows(central, "SELECT phone FROM reminders") == [("+6281234567890",)]

    # When my service ends, my phone number is deleted
    queue.start(hall, mine.id, officer(hall))
    queue.finish(hall, mine.id, officer(hall))
    sync(hall)
    assert central_rows(central, "SELECT count(*) FROM reminders") == [(0,)]
    assert len(gateway.requests) == 2
    hall.dispose()


def test_a_gateway_outage_is_retried_until_the_message_is_delivered_once(
    sms_central: CentralServer, gateway: FakeGateway, sqlite_url: str
) -> None:
    # Given a gateway that answers 503 (Retry-After: 1) three times
    gateway.plan = [503, 503, 503]
    hall = live_hall(sms_central, sqlite_url)
    queue_of(hall, 2)
    mine = queue.issue_ticket(hall, "KTP")
    sync(hall)

    # When I ask to be reminded with two ahead (due at once)
    remind(sms_central, mine)

    # Then the message is tried again until the gateway takes it, and delivered once
    wait_for(lambda: len(gateway.delivered()) == 1, "delivery after the outage")
    assert gateway.statuses == [503, 503, 503, 200]
    keys = {r.headers["Idempotency-Key"] for r in gateway.requests}
    assert len(keys) == 1  # the same delivery each time: a gateway can drop repeats
    assert central_rows(sms_central, "SELECT state, attempts FROM notifications") == [("sent", 4)]
    hall.dispose()


def test_a_hall_outage_sends_only_what_is_still_true_when_it_comes_back(
    tmp_path: Path, gateway: FakeGateway, sqlite_url: str
) -> None:
    with central_with(tmp_path, gateway, "whatsapp") as central:
        # Given two reminders on tickets far back in the queue
        hall = live_hall(central, sqlite_url)
        queue.set_counter_state(hall, "L1", "open", officer(hall))
        queue_of(hall, 4)
        first = queue.issue_ticket(hall, "KTP")
        second = queue.issue_ticket(hall, "KTP")
        sync(hall)
        remind(central, first, "0812-1111-2222")
        remind(central, second, "0813-3333-4444")
        assert gateway.requests == []

        # When the hall loses its internet while the queue moves: the first is called and
        # served, the second is called and waits at the counter
        for _ in range(4):
            call_and_finish(hall)
        assert call_and_finish(hall).number == first.number
        called = queue.call_next(hall, "L1", officer(hall))
        assert called is not None and called.number == second.number
        time.sleep(1.5)  # the server's worker has had its rounds: still nothing to send
        assert gateway.requests == []

        # When the hall is back and pushes what happened
        sync(hall)

        # Then only the second citizen hears, once, that they are called; the first one's
        # phone is gone without a late message
        wait_for(lambda: len(gateway.delivered()) == 1, "the called message after the outage")
        [message] = gateway.delivered()
        assert message.body["to"] == "6281333334444"
        assert message.body["messaging_product"] == "whatsapp" and message.body["type"] == "template"
        assert message.body["template"]["name"] == "p4_dipanggil"
        assert message.body["template"]["language"] == {"code": "id"}
        parameters = message.body["template"]["components"][0]["parameters"]
        assert [p["text"] for p in parameters] == [second.number, "Loket 1", SITE_NAME]
        assert central_rows(central, "SELECT ticket_uid FROM reminders") == [(second.uid,)]
        hall.dispose()


def test_a_whatsapp_send_whose_outcome_is_unknown_is_not_sent_again(
    tmp_path: Path, gateway: FakeGateway, sqlite_url: str
) -> None:
    # Given a gateway that takes the request and hangs up without answering
    gateway.plan = [0]
    with central_with(tmp_path, gateway, "whatsapp") as central:
        hall = live_hall(central, sqlite_url)
        mine = queue.issue_ticket(hall, "KTP")
        sync(hall)

        # When a reminder is due at once (nobody ahead)
        remind(central, mine)

        # Then the server gives it up as unknown rather than risk a second identical message
        wait_for(
            lambda: central_rows(central, "SELECT state FROM notifications") == [("unknown",)],
            "the delivery marked unknown",
        )
        assert len(gateway.requests) == 1
        hall.dispose()


def test_reminders_refuse_a_landline_and_need_consent(sms_central: CentralServer, sqlite_url: str) -> None:
    hall = live_hall(sms_central, sqlite_url)
    mine = queue.issue_ticket(hall, "KTP")
    sync(hall)
    url = f"{sms_central.url}/api/v1/public/tickets/{mine.public_token}/reminder"
    landline = requests.put(url, json={"phone": "(0721) 123456", "consent": True}, timeout=30)
    assert landline.status_code == 422 and "nomor ponsel" in landline.json()["detail"]
    no_consent = requests.put(url, json={"phone": PHONE, "consent": False}, timeout=30)
    assert no_consent.status_code == 422 and no_consent.json()["code"] == "consent_required"
    page = requests.post(
        f"{sms_central.url}/t/{mine.public_token}/ingatkan",
        data={"phone": PHONE},
        timeout=30,
        allow_redirects=False,
    )
    assert page.status_code == 422 and "Centang persetujuan" in page.text and PHONE in page.text
    assert central_rows(sms_central, "SELECT count(*) FROM reminders") == [(0,)]
    hall.dispose()


# --- the phone given at the kiosk ----------------------------------------------------------------


def desk_rows(db: Database, sql: str) -> list[tuple[Any, ...]]:
    with db.read() as s:
        return [tuple(row) for row in s.execute(text(sql)).all()]


def test_a_phone_given_at_the_kiosk_reaches_the_gateway_after_a_hall_outage_and_never_an_event(
    any_sms_central: CentralServer, gateway: FakeGateway, sqlite_url: str
) -> None:
    central = any_sms_central
    # Given two citizens ahead of me, and the hall's internet down
    hall = live_hall(central, sqlite_url)
    queue.set_counter_state(hall, "L1", "open", officer(hall))
    queue_of(hall, 2)
    mine = queue.issue_ticket(hall, "KTP")
    central.kill()

    # When I type my number at the kiosk
    assert queue.ask_reminder(hall, mine.number, "0812 3456 7890") == "****7890"
    assert agent_for(hall).run_once().reachable is False

    # Then it waits at the hall; when the hall is back, sync hands it over and deletes it here
    assert desk_rows(hall, "SELECT phone FROM reminder_request") == [("+6281234567890",)]
    central.start()
    report = agent_for(hall).run_once()
    assert report.reachable and report.reminders == 1
    assert desk_rows(hall, "SELECT count(*) FROM reminder_request") == [(0,)]

    # And the "near" message goes at once (two ahead), then the "called" one
    wait_for(lambda: len(gateway.delivered()) == 1, "the near message")
    assert gateway.delivered()[0].body["to"] == "+6281234567890"
    assert f"nomor antrian {mine.number} tinggal 2 orang lagi" in texts(gateway.delivered())[0]
    call_and_finish(hall)
    call_and_finish(hall)
    called = queue.call_next(hall, "L1", officer(hall))
    assert called is not None and called.number == mine.number
    sync(hall)
    wait_for(lambda: len(gateway.delivered()) == 2, "the called message")
    assert "dipanggil sekarang. Silakan menuju Loket 1." in texts(gateway.delivered())[1]

    # The number was in no outbox event, no audit row, and not in the central server's event log
    for sql in ("SELECT payload FROM outbox", "SELECT details FROM audit_log"):
        stored = " ".join(str(row) for row in desk_rows(hall, sql))
        assert "34567890" not in stored and mine.number in stored
    assert "34567890" not in str(central_rows(central, "SELECT payload FROM events"))
    hall.dispose()


def test_a_kiosk_phone_whose_ticket_ended_before_it_left_the_hall_is_deleted_unsent(
    sms_central: CentralServer, gateway: FakeGateway, sqlite_url: str
) -> None:
    central = sms_central
    hall = live_hall(central, sqlite_url)
    mine = queue.issue_ticket(hall, "KTP")
    central.kill()
    queue.ask_reminder(hall, mine.id, PHONE)
    queue.cancel(hall, mine.id, "Warga pulang", officer(hall))  # the citizen left
    central.start()
    report = agent_for(hall).run_once()
    assert report.reachable and report.reminders == 0
    assert desk_rows(hall, "SELECT count(*) FROM reminder_request") == [(0,)]
    assert central_rows(central, "SELECT count(*) FROM reminders") == [(0,)]
    time.sleep(1.5)  # the server's worker has had its rounds
    assert gateway.requests == []
    hall.dispose()


def test_the_kiosk_refuses_a_landline_an_ended_ticket_and_a_hall_without_central(
    sms_central: CentralServer, sqlite_url: str, tmp_path: Path
) -> None:
    hall = live_hall(sms_central, sqlite_url)
    mine = queue.issue_ticket(hall, "KTP")
    with pytest.raises(ValidationError, match="bukan telepon rumah"):
        queue.ask_reminder(hall, mine.id, "(0721) 123456")
    with pytest.raises(ValidationError, match="Nomor telepon terlalu pendek"):
        queue.ask_reminder(hall, mine.id, "0812")
    queue.cancel(hall, mine.id, "Warga pulang", officer(hall))
    with pytest.raises(ValidationError, match="sudah tidak menunggu panggilan"):
        queue.ask_reminder(hall, mine.id, PHONE)
    assert desk_rows(hall, "SELECT count(*) FROM reminder_request") == [(0,)]
    hall.dispose()

    alone = make_site(f"sqlite:///{tmp_path / 'alone.sqlite3'}")
    ticket = queue.issue_ticket(alone, "KTP")
    with pytest.raises(ValidationError, match="belum terhubung ke server pusat"):
        queue.ask_reminder(alone, ticket.id, PHONE)
    alone.dispose()


def test_a_kiosk_phone_is_deleted_with_the_reason_when_the_province_has_no_gateway(
    tmp_path: Path, sqlite_url: str
) -> None:
    with running_central(tmp_path / "central", env={"P4_NOTIFY_GATEWAY": "none"}) as central:
        hall = live_hall(central, sqlite_url)
        mine = queue.issue_ticket(hall, "KTP")
        queue.ask_reminder(hall, mine.id, PHONE)
        report = agent_for(hall).run_once()
        assert report.reachable and report.reminders == 0
        assert report.notes == ["Pengingat tiket tidak diteruskan: Pengingat belum tersedia di provinsi ini."]
        assert desk_rows(hall, "SELECT count(*) FROM reminder_request") == [(0,)]
        assert central_rows(central, "SELECT count(*) FROM reminders") == [(0,)]
        hall.dispose()

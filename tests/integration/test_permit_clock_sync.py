"""The clock's changes, a hand-over by proxy and the day-end close reach the real central server
(schema_version 3 application events, ``application.clock_changed``, ``ticket.unserved``)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from p4_desk.config import Settings
from p4_desk.services import applications as apps
from p4_desk.services import catalog, permits, queue, users
from p4_desk.services.applications import DocumentInput, IntakeRequest, ProxyLetter
from p4_desk.services.central_inbox import CentralInbox
from p4_desk.services.housekeeping import run_housekeeping
from p4_desk.services.permits import Requirement
from p4_desk.sync.agent import Backoff, SyncAgent
from p4_desk.sync.enrolment import enrol, open_client
from tests.integration.central_server import CentralServer
from tests.support.permits import make_ready
from tests.support.sites import DEFAULT_START, Clock, make_site

pytestmark = pytest.mark.usefixtures("memory_keyring")

SITE = "MPP-TEST"


def test_a_permits_clock_and_a_days_end_reach_the_province(central: CentralServer, sqlite_url: str) -> None:
    clock = Clock(DEFAULT_START)
    db = make_site(sqlite_url, clock)
    enrol(db, Settings.load(), central.url, SITE, central.add_site(SITE, "MPP Uji Coba"))
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    permits.add_permit_type(
        db,
        "SIP",
        "Surat Izin Praktik",
        "DPMPTSP",
        working_days=5,
        requirements=[Requirement("KTP", "KTP-el")],
    )
    officer = users.get_user(db, "petugas1").actor
    request = IntakeRequest(
        nik="1871015708900003", name="Siti Aminah", phone="081277889900", address="Jl. Teuku Umar 12",
        permit_type="SIP", documents=(DocumentInput("KTP", True),),
    )  # fmt: skip
    number = apps.intake(db, request, officer).registration_number
    clock.advance(days=1)
    apps.stop_clock(db, number, "payment", "Menunggu pembayaran", actor=officer)
    clock.advance(days=1)
    apps.resume_clock(db, number, actor=officer)
    make_ready(db, number, officer)
    letter = ProxyLetter(checked=True, number="7/SK/2026")
    apps.hand_over(db, number, nik="1871021203850001", recipient="Budi Santoso", proxy=letter, actor=officer)
    queue.issue_ticket(db, "KTP")  # nobody calls it today
    clock.advance(days=1)
    run_housekeeping(db, Settings.load(), "counter")

    agent = SyncAgent(db, open_client(db, Settings.load()), CentralInbox(db), backoff=Backoff(0.01, 0.05))
    report = agent.run_once()

    assert report.failed == 0 and report.pending == 0
    sent = central.report()[SITE]
    assert sent["application.clock_changed"] == 2 and sent["application.status_changed"] == 5
    assert sent["ticket.unserved"] == 1
    db.dispose()


@pytest.fixture
def token(central: CentralServer) -> str:
    return central.enrol_site("LS01", "MPP Lampung Selatan")


def envelope(type_: str, version: int, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "type": type_,
        "occurred_at": (datetime(2026, 3, 4, 3, 0, tzinfo=UTC) + timedelta(minutes=1)).isoformat(),
        "schema_version": version,
        "payload": payload,
    }


def test_the_central_intake_checks_the_clock_of_version_3(central: CentralServer, token: str) -> None:
    base = {
        "registration_number": "LS01-0001",
        "permit_type": "PBG",
        "agency": "DPMPTSP",
        "state": "received",
    }
    clock = {
        "state": "stopped",
        "allowance": 10,
        "used_days": 3,
        "due_date": None,
        "waiting_for": "documents",
    }
    good = envelope("application.clock_changed", 3, {**base, "clock": clock})
    without_clock = envelope("application.received", 3, base)
    bad_state = envelope("application.status_changed", 3, {**base, "clock": {**clock, "state": "paused"}})
    bad_date = envelope("application.status_changed", 3, {**base, "clock": {**clock, "due_date": "1 April"}})
    old_version_clock = envelope("application.clock_changed", 2, {**base, "clock": clock})
    version_2 = envelope("application.status_changed", 2, base)  # a hall not upgraded yet
    unserved = envelope("ticket.unserved", 1, {"ticket_uid": str(uuid.uuid4()), "state": "unserved"})
    answer = requests.post(
        f"{central.url}/api/v1/sites/LS01/events",
        json={"events": [good, without_clock, bad_state, bad_date, old_version_clock, version_2, unserved]},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert sorted(body["accepted"]) == sorted([good["id"], version_2["id"], unserved["id"]])
    rejected = {r["id"]: r for r in body["rejected"]}
    for event in (without_clock, bad_state):
        assert rejected[event["id"]]["code"] == "invalid_payload"
        assert "payload.clock wajib berisi state" in rejected[event["id"]]["reason"]
    assert "payload.clock.due_date" in rejected[bad_date["id"]]["reason"]
    assert rejected[old_version_clock["id"]]["code"] == "unsupported_schema_version"

"""Minimisation (issue 15.1/15.2): what reaches the central server carries no name, recipient,
reporter contact or NIK/phone in clear — from events queued by this desk before the rule
existed (stripped at send time) and from an older desk posting them itself (stripped on
arrival). Real desk database (SQLite and PostgreSQL), real central server, real sync agent."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, select, text

from p4_desk.config import Settings
from p4_desk.services.central_inbox import CentralInbox
from p4_desk.store.models import OutboxEvent
from p4_desk.sync.agent import Backoff, SyncAgent
from p4_desk.sync.enrolment import enrol, open_client
from tests.integration.central_server import CentralServer, running_central
from tests.support.sites import DEFAULT_START, Clock, make_site

pytestmark = pytest.mark.usefixtures("memory_keyring")

NIK = "1871031203780002"
CLEAR = ("Siti Aminah", "Budi Santoso", "Rahmat Hidayat", "0812-3456-7890", "3456", NIK, "rahmat@contoh.id")
APPLICATION = {
    "registration_number": "MPPTES-2603-00001",
    "permit_type": "PBG",
    "agency": "DPMPTSP",
    "state": "handed_over",
    "applicant_name": "Siti Aminah",
    "nik_masked": "1871********0002",
    "handed_over_to": "Budi Santoso",
    "proxy": {
        "name": "Budi Santoso",
        "nik_masked": "1871********0003",
        "letter_number": "SK-1",
        "letter_date": None,
    },
    "received_at": DEFAULT_START.isoformat(),
    "note": f"Diambil kuasa, NIK pemohon {NIK}, hubungi 0812-3456-7890",
    "clock": {"state": "ended", "allowance": 14, "used_days": 3, "due_date": "2026-03-24"},
    "tracking_secret": "rahasia-pelacakan-01",
}
COMPLAINT = {
    "complaint_number": "ADU-2026-00001",
    "kind": "pelayanan",
    "agency": "DPMPTSP",
    "state": "received",
    "description": f"Saya pelapor, NIK {NIK[:4]} {NIK[4:8]} {NIK[8:12]} {NIK[12:]}, HP +62 812 3456 7890",
    "confidential": False,
    "reporter": {"name": "Rahmat Hidayat", "phone": "+6281234567890", "email": "rahmat@contoh.id"},
    "place": "Loket 3",
    "received_at": DEFAULT_START.isoformat(),
}


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralServer]:
    with running_central(tmp_path_factory.mktemp("central")) as server:
        yield server


def _stored(central: CentralServer, site: str) -> list[tuple[str, dict[str, object]]]:
    engine = create_engine(central.db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT type, payload FROM events WHERE site = :s ORDER BY seq"), {"s": site}
            )
            stored = [(t, json.loads(p)) for t, p in rows]
            masked = (
                conn.execute(text("SELECT applicant_masked FROM applications WHERE site = :s"), {"s": site})
                .scalars()
                .all()
            )
    finally:
        engine.dispose()
    return [*stored, ("applicant_masked", {"values": list(masked)})]


def _assert_minimised(stored: list[tuple[str, dict[str, object]]]) -> None:
    everything = json.dumps(stored, ensure_ascii=False)
    for clear in CLEAR:
        assert clear not in everything
    by_type = dict(stored)
    application, complaint = by_type["application.received"], by_type["complaint.received"]
    assert application["applicant_masked"] == "S*** A***"
    assert "applicant_name" not in application and "handed_over_to" not in application
    assert application["proxy"] == {"letter_number": "SK-1", "letter_date": None}
    assert application["note"] == "Diambil kuasa, NIK pemohon 1871********0002, hubungi ****7890"
    assert complaint["reporter"] is None
    assert complaint["description"] == "Saya pelapor, NIK 1871********0002, HP ****7890"
    assert by_type["applicant_masked"] == {"values": ["S*** A***"]}  # what the tracking page shows


def test_events_queued_before_the_rule_leave_the_hall_minimised(central: CentralServer, db_url: str) -> None:
    site = "MINI" + ("P" if db_url.startswith("postgresql") else "S")
    db = make_site(db_url, Clock(DEFAULT_START))
    enrol(db, Settings.load(), central.url, site, central.add_site(site, "MPP Uji Data Pribadi"))
    with db.write() as s:  # as the desk wrote them before issue 15: names and numbers in clear
        for type_, payload in (("application.received", APPLICATION), ("complaint.received", COMPLAINT)):
            s.add(
                OutboxEvent(
                    event_id=str(uuid.uuid4()), type=type_, occurred_at=DEFAULT_START, schema_version=3
                    if type_.startswith("application") else 1, payload=payload, state="pending", attempts=0,
                )
            )  # fmt: skip
    agent = SyncAgent(db, open_client(db, Settings.load()), CentralInbox(db), backoff=Backoff(0.01, 0.05))

    report = agent.run_once()

    assert (report.accepted, report.failed) == (2, 0)
    stored = _stored(central, site)
    assert sorted(t for t, _ in stored[:-1]) == ["application.received", "complaint.received"]
    _assert_minimised(stored)
    with db.read() as s:  # the hall's own record keeps what the officer typed
        kept = {row.type: row.payload for row in s.scalars(select(OutboxEvent))}
    assert kept["application.received"]["applicant_name"] == "Siti Aminah"
    assert kept["complaint.received"]["reporter"]["phone"] == "+6281234567890"


def test_an_older_desk_posting_names_has_them_stripped_on_arrival(
    central: CentralServer, tmp_path: Path
) -> None:
    token = central.enrol_site("LAMA", "MPP Desk Lama")
    batch = [
        {
            "id": str(uuid.uuid4()),
            "type": t,
            "occurred_at": DEFAULT_START.isoformat(),
            "schema_version": v,
            "payload": p,
        }
        for t, v, p in (("application.received", 3, APPLICATION), ("complaint.received", 1, COMPLAINT))
    ]
    headers = {"Authorization": f"Bearer {token}"}

    answer = requests.post(
        f"{central.url}/api/v1/sites/LAMA/events", json={"events": batch}, headers=headers, timeout=30
    )
    again = requests.post(
        f"{central.url}/api/v1/sites/LAMA/events", json={"events": batch}, headers=headers, timeout=30
    )

    assert answer.status_code == 200 and len(answer.json()["accepted"]) == 2
    assert len(again.json()["duplicate"]) == 2  # the stripped copy is the one compared
    _assert_minimised(_stored(central, "LAMA"))


def test_the_contract_names_the_personal_fields_it_accepts() -> None:
    contract = json.loads(
        (Path(__file__).parents[2] / "docs" / "api" / "openapi.json").read_text(encoding="utf-8")
    )
    accepted = contract_value(contract, "x-personal-fields-accepted")
    withheld = contract_value(contract, "x-personal-fields-withheld")
    assert "applicant_masked" in accepted["application"] and "applicant_name" not in accepted["application"]
    assert "applicant_name" in withheld["application"] and "handed_over_to" in withheld["application"]
    assert withheld["complaint"] == ["reporter"]
    assert "description" in contract_value(contract, "x-free-text-masked")["complaint"]


def contract_value(contract: dict[str, object], key: str) -> dict[str, list[str]]:
    found: list[dict[str, list[str]]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if key in node:
                found.append(node[key])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(contract)
    assert found, f"{key} missing from docs/api/openapi.json"
    return found[0]

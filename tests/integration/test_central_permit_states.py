"""Permit states on the central server across the upgrade to English identifiers (desk 0006).

Halls upgrade one by one: the server reads application events of schema_version 1 (the old
Indonesian words) and 2 (English), projects both in English, serves back-office updates in the
words each hall asks for, and converts what it stored before on start. Real server process on
127.0.0.1, SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from p4_desk.central import migrate as central_migrate
from p4_desk.central.db import open_engine
from p4_desk.central.envelopes import SCHEMA_VERSIONS
from p4_desk.central.models import ApplicationProjection, ApplicationUpdate
from p4_desk.store.journal import SCHEMA_VERSION
from p4_desk.store.journal import SCHEMA_VERSIONS as DESK_VERSIONS
from tests.integration.central_server import CentralServer, running_central

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=timezone(timedelta(hours=7)))


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CentralServer]:
    db_url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    with running_central(tmp_path, db_url=db_url) as server:
        yield server


def application(number: str, state: str, version: int, type_: str = "application.received") -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "type": type_,
        "occurred_at": T0.isoformat(),
        "schema_version": version,
        "payload": {"registration_number": number, "permit_type": "PBG", "agency": "DPMPTSP", "state": state},
    }


def post(central: CentralServer, token: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    answer = requests.post(
        f"{central.url}/api/v1/sites/LS01/events",
        json={"events": events},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def summary(central: CentralServer) -> dict[str, int]:
    answer = requests.get(
        f"{central.url}/api/v1/stats/summary",
        params={"from": "2026-11-30", "to": "2026-11-30"},
        headers=central.admin_headers(),
        timeout=30,
    )
    result: dict[str, int] = answer.json()["sites"]["LS01"]["applications_by_state"]
    return result


def test_every_version_a_desk_writes_is_one_the_server_reads() -> None:
    for type_, accepted in SCHEMA_VERSIONS.items():
        assert DESK_VERSIONS.get(type_, SCHEMA_VERSION) in accepted, type_


def test_old_and_new_application_events_are_projected_in_english(central: CentralServer) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    old_hall = application("LS01-0001", "diterima", 1)  # not upgraded, or an old outbox row
    new_hall = application("LS01-0002", "received", 2)
    approved = application("LS01-0002", "approved", 2, "application.status_changed")
    approved["occurred_at"] = (T0 + timedelta(hours=1)).isoformat()
    new_word_old_version = application("LS01-0003", "approved", 1)
    old_word_new_version = application("LS01-0004", "disetujui", 2)
    ticket_v2 = {**application("LS01-0005", "received", 2), "type": "ticket.issued"}

    body = post(
        central, token, [old_hall, new_hall, approved, new_word_old_version, old_word_new_version, ticket_v2]
    )

    assert sorted(body["accepted"]) == sorted([old_hall["id"], new_hall["id"], approved["id"]])
    rejected = {r["id"]: (r["code"], r["reason"]) for r in body["rejected"]}
    assert rejected[new_word_old_version["id"]][0] == "invalid_payload"
    assert "bukan status permohonan schema_version 1" in rejected[new_word_old_version["id"]][1]
    assert rejected[old_word_new_version["id"]][0] == "invalid_payload"
    assert rejected[ticket_v2["id"]][0] == "unsupported_schema_version"
    assert summary(central) == {"received": 1, "approved": 1}
    # an old hall sending its event again (lost acknowledgement) gets a duplicate, not a conflict
    assert post(central, token, [old_hall])["duplicate"] == [old_hall["id"]]


def test_each_hall_pulls_back_office_updates_in_its_own_words(central: CentralServer) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    post(central, token, [application("LS01-0001", "received", 2)])
    central.cli("application-status", "LS01-0001", "verifikasi", "--note", "Berkas lengkap")  # old habit
    by_api = requests.post(
        f"{central.url}/api/v1/applications/LS01-0001/status",
        json={"state": "approved"},
        headers=central.admin_headers(),
        timeout=30,
    )
    assert (by_api.status_code, by_api.json()["state"]) == (201, "approved")
    unknown = requests.post(
        f"{central.url}/api/v1/applications/LS01-0001/status",
        json={"state": "selesai"},
        headers=central.admin_headers(),
        timeout=30,
    )
    assert unknown.status_code == 422
    assert "Status permohonan 'selesai' tidak dikenal (pilihan: received," in unknown.json()["detail"]

    url = f"{central.url}/api/v1/sites/LS01/application-updates"
    auth = {"Authorization": f"Bearer {token}"}

    def states(**params: Any) -> list[str]:
        answer = requests.get(url, params={"cursor": 0, **params}, headers=auth, timeout=30)
        assert answer.status_code == 200, answer.text
        return [u["state"] for u in answer.json()["updates"]]

    assert states() == ["verifikasi", "disetujui"]  # a hall before 0006 sends no version
    assert states(schema_version=1) == ["verifikasi", "disetujui"]
    assert states(schema_version=2) == ["verifying", "approved"]
    assert requests.get(url, params={"schema_version": 3}, headers=auth, timeout=30).status_code == 422
    assert summary(central) == {"received": 1}  # the projection follows the site's own events


def test_rows_stored_before_the_upgrade_are_converted_when_the_server_starts(db_url: str) -> None:
    engine = open_engine(db_url, migrate=False)
    central_migrate.upgrade(engine, "0001")  # the schema of a server from before the upgrade
    now = datetime.now(UTC)
    at = now.replace(tzinfo=None) if engine.dialect.name == "sqlite" else now
    # plain SQL: the rows as that server's schema holds them (today's models have more columns)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO sites (code, name, created_at) VALUES ('LS01', 'MPP Lampung Selatan', :at)"),
            {"at": at},
        )
        conn.execute(
            text(
                "INSERT INTO applications (site, registration_number, state, day, occurred_at, event_id) "
                "VALUES ('LS01', 'LS01-0001', 'disetujui', :day, :at, :event)"
            ),
            {"day": date(2026, 11, 30), "at": at, "event": str(uuid.uuid4())},
        )
        conn.execute(
            text(
                "INSERT INTO application_updates (site, registration_number, state, changed_at) "
                "VALUES ('LS01', 'LS01-0001', 'siap_diambil', :at)"
            ),
            {"at": at},
        )
    engine.dispose()

    engine = open_engine(db_url)  # the upgraded server starts: its migration 0002 runs
    assert central_migrate.current_revision(engine) == central_migrate.head_revision()
    with Session(engine) as session:
        assert session.scalars(select(ApplicationProjection.state)).all() == ["approved"]
        assert session.scalars(select(ApplicationUpdate.state)).all() == ["ready"]
    engine.dispose()
    engine = open_engine(db_url)  # and again: nothing changes twice
    with Session(engine) as session:
        assert session.scalars(select(ApplicationUpdate.state)).all() == ["ready"]
    engine.dispose()

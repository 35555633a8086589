"""The central provincial API as a site and the province admin use it: real server
process on 127.0.0.1, real HTTP, SQLite file (and PostgreSQL when P4_TEST_PG_URL is set).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.integration.central_server import CentralServer, running_central

WIB = timezone(timedelta(hours=7))
T0 = datetime(2026, 11, 30, 8, 0, tzinfo=WIB)  # a Monday morning in Lampung


# --- fixtures ------------------------------------------------------------------------


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with running_central(tmp_path) as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def intake_central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CentralServer]:
    """The server on each supported database."""
    db_url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    with running_central(tmp_path, db_url=db_url) as server:
        yield server


# --- helpers -------------------------------------------------------------------------


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def ticket_event(
    ticket_uid: str,
    type_: str = "ticket.issued",
    *,
    state: str = "waiting",
    at: datetime = T0,
    called_at: datetime | None = None,
    number: str = "A001",
) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "type": type_,
        "occurred_at": at.isoformat(),
        "schema_version": 1,
        "payload": {
            "ticket_uid": ticket_uid,
            "number": number,
            "service": "KTP",
            "agency": "DUKCAPIL",
            "state": state,
            "priority": None,
            "service_day": at.date().isoformat(),
            "issued_at": T0.isoformat(),
            "called_at": called_at.isoformat() if called_at else None,
            "started_at": None,
            "finished_at": None,
            "counter": "1" if called_at else None,
            "officer": "budi" if called_at else None,
            "recall_count": 0,
            "cancel_reason": None,
            "transferred_from": None,
        },
    }


def application_event(registration_number: str, state: str = "diterima", at: datetime = T0) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "type": "application.received",
        "occurred_at": at.isoformat(),
        "schema_version": 1,
        "payload": {
            "registration_number": registration_number,
            "permit_type": "PBG",
            "agency": "DPMPTSP",
            "state": state,
            "applicant_name": "Siti Aminah",
            "nik_masked": "1801********0001",
            "due_date": "2026-12-18",
            "received_at": at.isoformat(),
            "note": None,
            "officer": "budi",
            "missing_documents": [],
        },
    }


def post_events(
    server: CentralServer, site: str, token: str, events: list[Any], url: str | None = None
) -> requests.Response:
    return requests.post(
        f"{url or server.url}/api/v1/sites/{site}/events",
        json={"events": events},
        headers=bearer(token),
        timeout=60,
    )


# --- enrolment and auth ----------------------------------------------------------------


def test_enrolment_code_works_once(intake_central: CentralServer) -> None:
    central = intake_central
    code = central.add_site("LS01", "MPP Lampung Selatan")
    assert len(code.replace("-", "")) == 12

    # typed by a person: lower case, no dashes
    typed = code.replace("-", "").lower()
    first = requests.post(
        f"{central.url}/api/v1/enrol", json={"site": "LS01", "enrolment_code": typed}, timeout=30
    )
    assert first.status_code == 200
    token = first.json()["token"]
    again = requests.post(
        f"{central.url}/api/v1/enrol", json={"site": "LS01", "enrolment_code": code}, timeout=30
    )
    assert again.status_code == 403

    updates = requests.get(
        f"{central.url}/api/v1/sites/LS01/application-updates", headers=bearer(token), timeout=30
    )
    assert updates.status_code == 200
    assert updates.json() == {"updates": [], "cursor": 0}


def test_enrolment_code_of_another_site_is_refused(central: CentralServer) -> None:
    code_a = central.add_site("LS01", "MPP Lampung Selatan")
    central.add_site("MET", "MPP Kota Metro")
    answer = requests.post(
        f"{central.url}/api/v1/enrol", json={"site": "MET", "enrolment_code": code_a}, timeout=30
    )
    assert answer.status_code == 403


def test_missing_wrong_and_revoked_tokens_are_refused(intake_central: CentralServer) -> None:
    central = intake_central
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    events_url = f"{central.url}/api/v1/sites/LS01/events"
    batch = {"events": [ticket_event("t-1")]}

    assert requests.post(events_url, json=batch, timeout=30).status_code == 401
    wrong = requests.post(events_url, json=batch, headers=bearer(token + "x"), timeout=30)
    assert wrong.status_code == 401
    assert requests.get(f"{central.url}/api/v1/catalog", timeout=30).status_code == 401

    central.cli("site", "revoke", "LS01")
    revoked = requests.post(events_url, json=batch, headers=bearer(token), timeout=30)
    assert revoked.status_code == 401
    (listed,) = json.loads(central.cli("site", "list", "--json").stdout)["sites"]
    assert (listed["site"], listed["enrolled"]) == ("LS01", False)
    assert listed["revoked_at"] is not None
    assert central.report() == {"LS01": {}}

    new_code = json.loads(central.cli("site", "reenrol", "LS01", "--json").stdout)
    assert new_code["site"] == "LS01"
    enrolled = requests.post(
        f"{central.url}/api/v1/enrol",
        json={"site": "LS01", "enrolment_code": new_code["enrolment_code"]},
        timeout=30,
    )
    new_token = enrolled.json()["token"]
    assert new_token != token
    accepted = requests.post(events_url, json=batch, headers=bearer(new_token), timeout=30)
    assert accepted.status_code == 200
    assert accepted.json()["accepted"] == [batch["events"][0]["id"]]


def test_a_site_cannot_read_or_write_another_sites_data(central: CentralServer) -> None:
    token_a = central.enrol_site("LS01", "MPP Lampung Selatan")
    token_b = central.enrol_site("MET", "MPP Kota Metro")
    post_events(central, "MET", token_b, [application_event("MET-0001")])
    central.cli("application-status", "MET-0001", "disetujui")

    write = post_events(central, "MET", token_a, [ticket_event("t-1")])
    read = requests.get(
        f"{central.url}/api/v1/sites/MET/application-updates", headers=bearer(token_a), timeout=30
    )
    assert write.status_code == 403
    assert read.status_code == 403
    assert "disetujui" not in read.text
    assert central.report() == {"LS01": {}, "MET": {"application.received": 1}}


# --- event intake (SQLite and PostgreSQL) ------------------------------------------------


def test_batch_reports_accepted_duplicate_and_rejected_events(
    intake_central: CentralServer,
) -> None:
    central = intake_central
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    first = ticket_event("t-1")
    assert post_events(central, "LS01", token, [first]).json()["accepted"] == [first["id"]]

    fresh = ticket_event("t-2", number="A002")
    counter = {
        "id": str(uuid.uuid4()),
        "type": "counter.opened",
        "occurred_at": "2026-11-30T00:55:00+00:00",
        "schema_version": 1,
        "payload": {"counter": "1", "officer": "budi"},
    }
    bad_id = {**ticket_event("t-3"), "id": "not-a-uuid"}
    unknown_type = {**ticket_event("t-4"), "type": "ticket.teleported"}
    future_version = {**ticket_event("t-5"), "schema_version": 2}
    naive_time = {**ticket_event("t-6"), "occurred_at": "2026-11-30T08:00:00"}
    no_payload = {**ticket_event("t-7"), "payload": "waiting"}
    no_ticket_uid = ticket_event("t-8")
    del no_ticket_uid["payload"]["ticket_uid"]

    answer = post_events(
        central,
        "LS01",
        token,
        [
            fresh,
            first,
            bad_id,
            counter,
            unknown_type,
            future_version,
            naive_time,
            no_payload,
            no_ticket_uid,
            "just a string",
        ],
    )

    assert answer.status_code == 200
    body = answer.json()
    assert sorted(body["accepted"]) == sorted([fresh["id"], counter["id"]])
    assert body["duplicate"] == [first["id"]]
    rejected = {r["id"]: r["code"] for r in body["rejected"]}
    assert rejected == {
        "not-a-uuid": "invalid_id",
        unknown_type["id"]: "unknown_type",
        future_version["id"]: "unsupported_schema_version",
        naive_time["id"]: "invalid_payload",
        no_payload["id"]: "invalid_payload",
        no_ticket_uid["id"]: "invalid_payload",
        None: "invalid_envelope",
    }
    assert all(r["reason"] for r in body["rejected"])
    assert central.report() == {"LS01": {"ticket.issued": 2, "counter.opened": 1}}


def test_same_id_with_other_content_is_rejected_and_first_version_kept(
    intake_central: CentralServer,
) -> None:
    central = intake_central
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    original = ticket_event("t-1", state="waiting")
    post_events(central, "LS01", token, [original])

    tampered = json.loads(json.dumps(original))
    tampered["payload"]["state"] = "done"
    answer = post_events(central, "LS01", token, [tampered]).json()

    assert answer["accepted"] == [] and answer["duplicate"] == []
    assert answer["rejected"][0]["id"] == original["id"]
    assert answer["rejected"][0]["code"] == "conflicting_content"
    summary = requests.get(
        f"{central.url}/api/v1/stats/summary",
        params={"from": "2026-11-30", "to": "2026-11-30"},
        headers=central.admin_headers(),
        timeout=30,
    ).json()
    assert summary["sites"]["LS01"]["tickets_issued"] == 1
    assert summary["sites"]["LS01"]["tickets_served"] == 0


def test_repeats_within_one_batch(intake_central: CentralServer) -> None:
    central = intake_central
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    issued = ticket_event("t-1", at=T0)
    called_at = T0 + timedelta(minutes=7)
    finished = ticket_event("t-1", "ticket.finished", state="done", at=called_at, called_at=called_at)
    other = ticket_event("t-2", number="A002")
    altered = json.loads(json.dumps(other))
    altered["payload"]["number"] = "A999"

    answer = post_events(central, "LS01", token, [finished, issued, issued, other, altered]).json()

    assert sorted(answer["accepted"]) == sorted([finished["id"], issued["id"], other["id"]])
    assert answer["duplicate"] == [issued["id"]]
    assert [(r["id"], r["code"]) for r in answer["rejected"]] == [(other["id"], "conflicting_content")]
    summary = requests.get(
        f"{central.url}/api/v1/stats/summary",
        params={"from": "2026-11-30", "to": "2026-11-30"},
        headers=central.admin_headers(),
        timeout=30,
    ).json()["sites"]["LS01"]
    # t-1's newer snapshot (done) wins over the older one sent after it in the batch
    assert (summary["tickets_issued"], summary["tickets_served"]) == (2, 1)
    assert summary["average_wait_minutes"] == 7.0


def test_same_time_offset_written_differently_is_a_duplicate(
    intake_central: CentralServer,
) -> None:
    central = intake_central
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    event = ticket_event("t-1", at=T0)
    post_events(central, "LS01", token, [event])
    in_utc = {**event, "occurred_at": T0.astimezone(UTC).isoformat()}
    assert post_events(central, "LS01", token, [in_utc]).json()["duplicate"] == [event["id"]]


def test_concurrent_submissions_of_the_same_events_store_each_once(
    intake_central: CentralServer, tmp_path: Path
) -> None:
    central = intake_central
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    # a second server process on the same database: the API is stateless and scales out
    second = CentralServer(tmp_path / "second", db_url=central.db_url)
    second.admin_token = central.admin_token
    second.start()
    try:
        events = [ticket_event(f"t-{n}", number=f"A{n:03d}") for n in range(60)]
        senders = 8
        barrier = threading.Barrier(senders)

        def send(n: int) -> dict[str, Any]:
            batch = events[n % 3 :] + events[: n % 3]  # different orders, same events
            barrier.wait()
            url = central.url if n % 2 else second.url
            response = post_events(central, "LS01", token, batch, url=url)
            assert response.status_code == 200
            return response.json()

        with ThreadPoolExecutor(senders) as pool:
            answers = list(pool.map(send, range(senders)))
    finally:
        second.stop()

    for event in events:
        accepted = sum(event["id"] in a["accepted"] for a in answers)
        duplicate = sum(event["id"] in a["duplicate"] for a in answers)
        assert (accepted, duplicate) == (1, senders - 1)
    assert all(a["rejected"] == [] for a in answers)
    assert central.report() == {"LS01": {"ticket.issued": 60}}


def test_batch_over_the_limit_is_refused_whole(central: CentralServer) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    events = [ticket_event(f"t-{n}") for n in range(1001)]
    assert post_events(central, "LS01", token, events).status_code == 422

    bulky = [ticket_event(f"t-{n}") for n in range(1000)]
    for event in bulky:
        event["payload"]["cancel_reason"] = "x" * 9000  # about 9 MB in all
    assert post_events(central, "LS01", token, bulky).status_code == 413
    assert central.report() == {"LS01": {}}


# --- projections and province statistics --------------------------------------------------


def test_province_summary_from_projected_events(intake_central: CentralServer) -> None:
    central = intake_central  # PostgreSQL's batches go as one JSON document (central.bulk)
    token_a = central.enrol_site("LS01", "MPP Lampung Selatan")
    token_b = central.enrol_site("MET", "MPP Kota Metro")
    called_1 = T0 + timedelta(minutes=12)
    called_2 = T0 + timedelta(minutes=20)
    # a newer snapshot sent before an older one: the newer one must win
    done = ticket_event(
        "t-1",
        "ticket.finished",
        state="done",
        at=called_1 + timedelta(minutes=5),
        called_at=called_1,
    )
    issued = ticket_event("t-1", "ticket.issued", state="waiting", at=T0)
    no_show = ticket_event(
        "t-2", "ticket.no_show", state="no_show", at=called_2, called_at=called_2, number="A002"
    )
    waiting = ticket_event("t-3", number="A003")
    next_day = ticket_event("t-4", at=T0 + timedelta(days=1), number="A001")
    survey = {
        "id": str(uuid.uuid4()),
        "type": "survey.submitted",
        "occurred_at": T0.isoformat(),
        "schema_version": 1,
        "payload": {
            "survey_uid": "s-1",
            "ticket_uid": "t-1",
            "service": "KTP",
            "answers": {f"U{n}": 4 for n in range(1, 10)},
            "submitted_at": T0.isoformat(),
        },
    }
    complaint = {
        "id": str(uuid.uuid4()),
        "type": "complaint.received",
        "occurred_at": T0.isoformat(),
        "schema_version": 1,
        "payload": {
            "complaint_number": "ADU-0001",
            "kind": "pengaduan",
            "agency": "DUKCAPIL",
            "service": "KTP",
            "state": "diterima",
            "description": "Antrian lama",
            "confidential": True,
            "reporter": None,
            "latitude": None,
            "longitude": None,
            "place": None,
            "deadlines": {},
            "note": None,
            "officer": "budi",
        },
    }
    post_events(central, "LS01", token_a, [done, no_show, waiting, next_day, survey, complaint])
    post_events(central, "LS01", token_a, [issued])
    post_events(central, "MET", token_b, [application_event("MET-0001"), application_event("MET-0002")])

    answer = requests.get(
        f"{central.url}/api/v1/stats/summary",
        params={"from": "2026-11-30", "to": "2026-11-30"},
        headers=central.admin_headers(),
        timeout=30,
    )

    assert answer.status_code == 200
    sites = answer.json()["sites"]
    assert sites["LS01"] == {
        "tickets_issued": 3,
        "tickets_served": 1,
        "tickets_no_show": 1,
        "average_wait_minutes": 16.0,  # (12 + 20) / 2
        "applications_by_state": {},
        "complaints_by_state": {"diterima": 1},
        "survey_respondents": 1,
    }
    assert sites["MET"]["applications_by_state"] == {"received": 2}  # old words, projected in English
    assert sites["MET"]["tickets_issued"] == 0


def test_province_summary_needs_the_admin_token(central: CentralServer) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    url = f"{central.url}/api/v1/stats/summary?from=2026-11-01&to=2026-11-30"
    assert requests.get(url, timeout=30).status_code == 401
    assert requests.get(url, headers=bearer(token), timeout=30).status_code == 403
    assert requests.get(url, headers=central.admin_headers(), timeout=30).status_code == 200


# --- catalogue ---------------------------------------------------------------------------


CATALOG = {
    "format": "p4-desk-catalog",
    "version": 1,
    "permit_types": [
        {
            "code": "PBG",
            "name": "Persetujuan Bangunan Gedung",
            "agency": "DPMPTSP",
            "working_days": 14,
            "fee": 0,
            "legal_basis": "PP 16/2021",
            "product": "Dokumen PBG",
            "retired": False,
            "requirements": [{"code": "KTP", "name": "Fotokopi KTP pemohon", "mandatory": True}],
        }
    ],
    "holidays": [{"date": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "national"}],
}


def test_catalogue_etag_and_changes(central: CentralServer, tmp_path: Path) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    catalog_file = tmp_path / "katalog.json"
    catalog_file.write_text(json.dumps(CATALOG), encoding="utf-8")
    central.cli("catalog", "import", str(catalog_file))
    url = f"{central.url}/api/v1/catalog"

    first = requests.get(url, headers=bearer(token), timeout=30)
    assert first.status_code == 200
    assert first.json() == CATALOG
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")

    unchanged = requests.get(url, headers={**bearer(token), "If-None-Match": etag}, timeout=30)
    assert unchanged.status_code == 304
    assert unchanged.content == b""

    central.cli("holiday", "add", "2026-12-24", "Cuti bersama Natal", "--cuti-bersama")
    after_holiday = requests.get(url, headers={**bearer(token), "If-None-Match": etag}, timeout=30)
    assert after_holiday.status_code == 200
    assert {"date": "2026-12-24", "name": "Cuti bersama Natal", "kind": "cuti_bersama"} in (
        after_holiday.json()["holidays"]
    )

    changed = json.loads(json.dumps(CATALOG))
    changed["permit_types"][0]["working_days"] = 10
    catalog_file.write_text(json.dumps(changed), encoding="utf-8")
    central.cli("catalog", "import", str(catalog_file))
    after_import = requests.get(
        url, headers={**bearer(token), "If-None-Match": after_holiday.headers["ETag"]}, timeout=30
    )
    assert after_import.status_code == 200
    assert after_import.json()["permit_types"][0]["working_days"] == 10
    assert after_import.headers["ETag"] not in (etag, after_holiday.headers["ETag"])


def test_catalogue_import_of_a_bad_file_explains_in_indonesian(
    central: CentralServer, tmp_path: Path
) -> None:
    bad = tmp_path / "bukan-katalog.json"
    bad.write_text('{"format": "lain"}', encoding="utf-8")
    result = central.cli("catalog", "import", str(bad), check=False)
    assert result.returncode != 0
    assert "bukan katalog" in result.stderr

    missing = central.cli("catalog", "import", str(tmp_path / "tidak-ada.json"), check=False)
    assert missing.returncode != 0
    assert "tidak dapat dibaca" in missing.stderr

    bad_date = central.cli("holiday", "add", "2026-13-01", "Salah", check=False)
    assert bad_date.returncode != 0
    assert "tidak sah" in bad_date.stderr


# --- back-office application status -------------------------------------------------------


def test_back_office_status_reaches_the_owning_site_through_the_cursor(
    central: CentralServer,
) -> None:
    token_a = central.enrol_site("LS01", "MPP Lampung Selatan")
    token_b = central.enrol_site("MET", "MPP Kota Metro")
    post_events(central, "LS01", token_a, [application_event("LS01-2611-0001")])

    central.cli("application-status", "LS01-2611-0001", "verifikasi", "--note", "Berkas lengkap")
    by_api = requests.post(
        f"{central.url}/api/v1/applications/LS01-2611-0001/status",
        json={"state": "disetujui"},
        headers=central.admin_headers(),
        timeout=30,
    )
    assert by_api.status_code == 201
    assert by_api.json()["site"] == "LS01"

    url = f"{central.url}/api/v1/sites/LS01/application-updates"
    everything = requests.get(url, params={"cursor": 0}, headers=bearer(token_a), timeout=30)
    updates = everything.json()["updates"]
    assert [(u["registration_number"], u["state"], u["note"]) for u in updates] == [
        ("LS01-2611-0001", "verifikasi", "Berkas lengkap"),
        ("LS01-2611-0001", "disetujui", None),
    ]
    assert datetime.fromisoformat(updates[0]["changed_at"]).utcoffset() == timedelta(0)
    cursor = everything.json()["cursor"]

    one = requests.get(url, params={"cursor": 0, "limit": 1}, headers=bearer(token_a), timeout=30)
    assert [u["state"] for u in one.json()["updates"]] == ["verifikasi"]
    after_one = requests.get(
        url, params={"cursor": one.json()["cursor"]}, headers=bearer(token_a), timeout=30
    )
    assert [u["state"] for u in after_one.json()["updates"]] == ["disetujui"]

    nothing_new = requests.get(url, params={"cursor": cursor}, headers=bearer(token_a), timeout=30)
    assert nothing_new.json() == {"updates": [], "cursor": cursor}

    other_site = requests.get(
        f"{central.url}/api/v1/sites/MET/application-updates", headers=bearer(token_b), timeout=30
    )
    assert other_site.json()["updates"] == []


def test_back_office_status_is_admin_only_and_needs_a_known_application(
    central: CentralServer,
) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    post_events(central, "LS01", token, [application_event("LS01-2611-0001")])
    url = f"{central.url}/api/v1/applications/LS01-2611-0001/status"

    assert requests.post(url, json={"state": "ditolak"}, timeout=30).status_code == 401
    by_site = requests.post(url, json={"state": "ditolak"}, headers=bearer(token), timeout=30)
    assert by_site.status_code == 403
    unknown = requests.post(
        f"{central.url}/api/v1/applications/XX-404/status",
        json={"state": "ditolak"},
        headers=central.admin_headers(),
        timeout=30,
    )
    assert unknown.status_code == 404

    cli = central.cli("application-status", "XX-404", "ditolak", check=False)
    assert cli.returncode != 0
    assert "belum pernah diterima" in cli.stderr
    updates = requests.get(
        f"{central.url}/api/v1/sites/LS01/application-updates", headers=bearer(token), timeout=30
    )
    assert updates.json()["updates"] == []


# --- durability and logs -------------------------------------------------------------------


def test_sigkill_mid_run_loses_no_acknowledged_event(central: CentralServer) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    acknowledged: list[dict[str, Any]] = []
    enough = threading.Event()
    stop = threading.Event()

    def keep_sending() -> None:
        n = 0
        while not stop.is_set():
            batch = [ticket_event(f"t-{n}-{k}") for k in range(20)]
            n += 1
            try:
                response = post_events(central, "LS01", token, batch)
            except requests.RequestException:
                continue  # the server is down: this batch was never acknowledged
            if response.status_code == 200:
                assert len(response.json()["accepted"]) == 20
                acknowledged.extend(batch)
            if n >= 5:
                enough.set()

    sender = threading.Thread(target=keep_sending)
    sender.start()
    try:
        assert enough.wait(timeout=120)
        central.kill()  # while the sender is still posting
    finally:
        stop.set()
        sender.join()

    central.start()
    assert acknowledged
    resent = post_events(central, "LS01", token, acknowledged[:1000]).json()
    assert resent["accepted"] == []
    assert len(resent["duplicate"]) == min(len(acknowledged), 1000)
    assert central.report()["LS01"]["ticket.issued"] >= len(acknowledged)


def test_server_log_never_contains_tokens_or_enrolment_codes(central: CentralServer) -> None:
    code = central.add_site("LS01", "MPP Lampung Selatan")
    token = requests.post(
        f"{central.url}/api/v1/enrol", json={"site": "LS01", "enrolment_code": code}, timeout=30
    ).json()["token"]
    post_events(central, "LS01", token, [ticket_event("t-1")])
    requests.get(f"{central.url}/api/v1/catalog", headers=bearer(token + "x"), timeout=30)
    central.stop()

    log = central.log_path.read_text()
    assert "POST /api/v1/sites/LS01/events 200" in log
    assert token not in log
    assert code not in log
    assert central.admin_token not in log

"""The citizen's channel end to end: a real desk database, the real central server on 127.0.0.1,
the real sync agent between them; the QR codes read back from the printed PDFs (issue 16).

What a citizen scans, opens and reads: ticket → QR → "my ticket" → called at which counter;
intake → receipt QR → tracking page (a wrong secret answers 404); a complaint from the web →
the hall's complaint desk with the LAPOR! clock from the web filing → answered → the citizen's
page. Nothing personal in any public answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import requests
from sqlalchemy import create_engine
from sqlalchemy import text as sql_text

from p4_desk.services import applications as apps
from p4_desk.services import complaints, queue, site, ticketing, users
from p4_desk.services.applications import DocumentInput, IntakeRequest
from p4_desk.store.db import Database
from p4_desk.store.journal import Actor
from tests.integration.central_server import CentralServer, running_central
from tests.support.citizen import APPLICANT, APPLICANT_PHONE, NIK, SITE, SITE_NAME, live_hall, qr_texts, sync

pytestmark = pytest.mark.usefixtures("memory_keyring")

# An instant's digits (e.g. the microseconds "187186") may hold a NIK or phone fragment by chance
ISO_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?")


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CentralServer]:
    """The central server on its SQLite file and on a real PostgreSQL server."""
    db_url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    with running_central(tmp_path / "central", db_url=db_url) as server:
        yield server


@pytest.fixture
def hall(central: CentralServer, sqlite_url: str) -> Iterator[Database]:
    db = live_hall(central, sqlite_url)
    yield db
    db.dispose()


def officer(db: Database) -> Actor:
    return users.get_user(db, "petugas1").actor


def get(central: CentralServer, path: str, **headers: str) -> requests.Response:
    return requests.get(central.url + path, headers=headers, timeout=30)


def central_sql(central: CentralServer, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Run ``sql`` on the central server's database (the tests look into it as its operator
    would); UTC times are given aware and stored as that backend stores them."""
    sqlite = central.db_url.startswith("sqlite")
    for key, value in params.items():
        if isinstance(value, datetime) and sqlite:
            params[key] = value.astimezone(UTC).replace(tzinfo=None)
    engine = create_engine(central.db_url)
    try:
        with engine.begin() as conn:
            result = conn.execute(sql_text(sql), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def printed_ticket_url(db: Database, ticket_id: int, tmp: Path) -> str:
    outcome = ticketing.print_ticket(db, ticket_id, f"pdf:{tmp / 'ticket.pdf'}")
    assert outcome.pdf is not None
    [url] = qr_texts(outcome.pdf)
    return url


# --- my ticket ---------------------------------------------------------------------------------


def test_the_ticket_qr_opens_my_ticket_and_shows_the_counter_once_called(
    central: CentralServer, hall: Database, tmp_path: Path
) -> None:
    # Given two citizens ahead in the KTP queue, and my ticket printed at the kiosk
    queue.issue_ticket(hall, "KTP")
    queue.issue_ticket(hall, "KTP", print_state="pending")
    mine = queue.issue_ticket(hall, "KTP", print_state="pending")
    url = printed_ticket_url(hall, mine.id, tmp_path)

    # Then its QR code is the central server's page of exactly this ticket
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == central.url
    assert re.fullmatch(r"/t/[A-Za-z0-9_-]{22}", parts.path)
    assert mine.uid not in url

    # When the hall syncs and I open the page
    sync(hall)
    page = get(central, parts.path)
    answer = get(central, "/api/v1/public/tickets/" + parts.path.removeprefix("/t/")).json()

    # Then it shows my number, my service and the two people ahead, in Indonesian
    assert page.status_code == 200
    assert mine.number in page.text and "KTP-el" in page.text and "Di depan Anda" in page.text
    assert answer["number"] == mine.number and answer["state"] == "waiting"
    assert answer["people_ahead"] == 2 and answer["message"] == "Masih ada 2 orang di depan Anda."
    assert answer["freshness"]["state"] == "open" and answer["freshness"]["live"] is True

    # When counters call the two before me and then me
    queue.set_counter_state(hall, "L1", "open", officer(hall))
    queue.set_counter_state(hall, "L2", "open", officer(hall))
    first = queue.call_next(hall, "L1", officer(hall))
    assert first is not None
    queue.start(hall, first.id, officer(hall))
    queue.finish(hall, first.id, officer(hall))
    sync(hall)
    assert get(central, "/api/v1/public/tickets/" + parts.path[3:]).json()["people_ahead"] == 1
    queue.call_next(hall, "L1", officer(hall))
    called = queue.call_next(hall, "L2", officer(hall))
    assert called is not None and called.number == mine.number
    sync(hall)

    # Then the page says where to go, and shows no officer or other personal data
    answer = get(central, "/api/v1/public/tickets/" + parts.path[3:]).json()
    page = get(central, parts.path)
    assert answer["state"] == "called" and answer["counter_name"] == "Loket 2"
    assert answer["message"] == "Nomor Anda dipanggil. Silakan menuju Loket 2."
    assert "Silakan menuju Loket 2" in page.text and "petugas1" not in page.text + str(answer)


def test_an_unknown_ticket_token_is_not_found(central: CentralServer, hall: Database) -> None:
    queue.issue_ticket(hall, "KTP")
    sync(hall)
    page = get(central, "/t/bukan-token-yang-benar")
    assert page.status_code == 404 and "Tiket tidak ditemukan" in page.text
    assert get(central, "/api/v1/public/tickets/bukan-token").status_code == 404


def test_the_halls_live_state_and_figures_that_are_old_are_not_shown_as_live(
    central: CentralServer, hall: Database
) -> None:
    # Given a hall with three waiting in KTP and one called at Loket 1
    for _ in range(4):
        queue.issue_ticket(hall, "KTP")
    queue.set_counter_state(hall, "L1", "open", officer(hall))
    called = queue.call_next(hall, "L1", officer(hall))
    assert called is not None
    sync(hall)

    # Then the list of halls and the hall's page show it live
    halls = get(central, "/api/v1/public/sites").json()["halls"]
    assert [(h["name"], h["waiting"], h["state"]) for h in halls] == [(SITE_NAME, 3, "open")]
    detail = get(central, f"/api/v1/public/sites/{SITE}").json()
    ktp = next(s for s in detail["services"] if s["code"] == "KTP")
    assert ktp["waiting"] == 3 and ktp["serving"] == [{"number": called.number, "counter": "Loket 1"}]
    assert ktp["open_counters"] == 1 and ktp["estimate_minutes"] == 15  # 3 × 5 min, one counter
    page = get(central, f"/s/{SITE}")
    assert "Buka · data langsung" in page.text and "Sedang dilayani" in page.text

    # When the hall has not been in contact for three minutes (its internet is down)
    three_minutes_ago = datetime.now(UTC) - timedelta(minutes=3)
    central_sql(central, "UPDATE sites SET last_contact_at = :at", at=three_minutes_ago)

    # Then the figures are shown as of that time, never as live
    detail = get(central, f"/api/v1/public/sites/{SITE}").json()
    local = three_minutes_ago.astimezone(ZoneInfo(site.get_site(hall).timezone)).strftime("%H.%M")
    assert detail["state"] == "stale" and detail["live"] is False
    assert detail["state_text"].startswith(f"Data terakhir {local} WIB.")
    assert f"Data terakhir {local} WIB" in get(central, f"/s/{SITE}").text


# --- tracking ----------------------------------------------------------------------------------


def _intake(db: Database, *, complete: bool = True) -> apps.ApplicationInfo:
    documents = (DocumentInput("KTP", True), DocumentInput("STR", complete))
    request = IntakeRequest(
        NIK, APPLICANT, APPLICANT_PHONE, "Jl. Teuku Umar 12", "SIP-BIDAN", documents=documents
    )
    return apps.intake(db, request, officer(db))


def test_the_receipt_qr_opens_the_tracking_page_and_a_wrong_secret_is_not_found(
    central: CentralServer, hall: Database
) -> None:
    # Given an application taken in with a document missing, and its receipt
    info = _intake(hall, complete=False)
    [url] = qr_texts(apps.receipt_pdf(hall, info.registration_number, actor=officer(hall)))
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{central.url}/lacak/{info.registration_number}"
    secret = parts.query.removeprefix("k=")
    assert len(secret) >= 16

    # When the hall syncs, the back office moves it on, and the citizen scans the receipt
    sync(hall)
    apps.change_state(hall, info.registration_number, "verifying", "Diperiksa", officer(hall))
    sync(hall)
    page = get(central, f"{parts.path}?{parts.query}")
    answer = get(central, f"/api/v1/public/applications/{info.registration_number}?k={secret}").json()

    # Then it shows the history in Indonesian, the due date, what is missing, the masked name only
    assert page.status_code == 200
    assert [step["label"] for step in answer["history"]] == ["Berkas diterima", "Verifikasi berkas"]
    assert answer["state_label"] == "Verifikasi berkas" and answer["applicant"] == "S*** A***"
    assert answer["missing_documents"] == ["Fotokopi STR Bidan"]
    assert answer["due_date"] == info.due_date.isoformat()
    for text in (page.text, str(answer)):
        digits = ISO_INSTANT.sub("", text)
        assert APPLICANT not in text and NIK not in text and "7788" not in digits and "1871" not in digits
    assert "Berkas yang masih kurang" in page.text and "Surat Izin Praktik Bidan" in page.text

    # And a wrong or missing secret answers 404 without telling whether the number exists
    for query in ("?k=" + "x" * len(secret), "", "?k="):
        refused = get(central, f"{parts.path}{query}")
        assert refused.status_code == 404 and "Permohonan tidak ditemukan" in refused.text
    assert get(central, f"/api/v1/public/applications/{info.registration_number}?k=salah").status_code == 404


def test_a_desk_without_a_public_address_prints_the_number_in_the_qr(sqlite_url: str) -> None:
    from tests.support.sites import make_site

    db = make_site(sqlite_url)
    ticket = queue.issue_ticket(db, "KTP")
    assert ticketing.print_data_for(db, ticket).qr_value == ticket.uid
    site.set_setting(db, "central.public_url", "https://antrian.lampungprov.go.id/")
    data = ticketing.print_data_for(db, ticket)
    assert data.qr_value == f"https://antrian.lampungprov.go.id/t/{ticket.public_token}"
    db.dispose()


# --- complaints from the web ---------------------------------------------------------------------


COMPLAINT = {
    "site": SITE,
    "kind": "pengaduan",
    "agency": "DUKCAPIL",
    "service": "KTP",
    "description": "Antrian perekaman KTP-el tidak bergerak selama dua jam tanpa penjelasan.",
    "identity": "confidential",
    "reporter_name": "Rahmat Hidayat",
    "reporter_phone": "0812 1111 2222",
    "latitude": "-5.39714",
    "longitude": "105.26679",
}


def test_a_complaint_from_the_web_reaches_the_hall_in_time_and_the_answer_reaches_the_citizen(
    central: CentralServer, hall: Database
) -> None:
    # Given the hall's board on the central server
    sync(hall)

    # When a citizen files a confidential complaint on the form
    posted = requests.post(f"{central.url}/pengaduan", data=COMPLAINT, timeout=30, allow_redirects=False)
    assert posted.status_code == 303
    location = posted.headers["Location"]
    code = re.fullmatch(r"/pengaduan/(WEB(?:-[A-Z2-9]{4}){4})\?baru=1", location).group(1)  # type: ignore[union-attr]
    page = get(central, location)
    assert "Pengaduan terkirim" in page.text and code in page.text
    assert "Terkirim, menunggu diterima MPP" in page.text

    # When the hall syncs
    sync(hall)

    # Then it is at the hall's complaint desk, its LAPOR! clock started at the web filing
    [filed] = complaints.list_complaints(hall)
    assert filed.web_code == code and filed.state == "received" and filed.identity == "confidential"
    assert filed.description == COMPLAINT["description"] and filed.service == "KTP"
    assert (filed.latitude, filed.longitude) == (-5.39714, 105.26679)
    assert abs((filed.received_at - datetime.now(UTC)).total_seconds()) < 120
    assert filed.deadlines == complaints.get_complaint(hall, filed.number).deadlines
    # the reporter's identity is at the hall only: the central server erased it once the hall's
    # complaint event came back (the next push)
    sync(hall)
    assert central_sql(central, "SELECT reporter_name, reporter_phone FROM web_complaints") == [(None, None)]

    # When the hall answers it
    for state, note in (("verified", None), ("forwarded", None), ("answered", "Petugas tambahan dibuka.")):
        complaints.step_complaint(hall, filed.number, state, note, officer(hall))
    sync(hall)

    # Then the citizen's page shows the state, the answer, the hall's number; never the reporter
    answer = get(central, f"/api/v1/public/complaints/{code}").json()
    page = get(central, f"/pengaduan/{code}")
    assert answer["state"] == "answered" and answer["state_label"] == "Ditanggapi"
    assert answer["answer"] == "Petugas tambahan dibuka." and answer["complaint_number"] == filed.number
    # of the LAPOR! deadlines only the one still open once answered (dates counted at the hall)
    assert [(d["label"], d["date"]) for d in answer["deadlines"]] == [
        ("Penyelesaian", complaints.get_complaint(hall, filed.number).deadlines["resolution"].isoformat())
    ]
    assert [s["label"] for s in answer["steps"]][:2] == ["Terkirim, menunggu diterima MPP", "Diterima"]
    assert "Petugas tambahan dibuka." in page.text and "Ditanggapi" in page.text
    shown = page.text + str(answer)
    assert "Rahmat" not in shown and "1111" not in ISO_INSTANT.sub("", shown)


def test_the_complaint_form_refuses_script_and_bad_fields_and_keeps_what_was_typed(
    central: CentralServer, hall: Database
) -> None:
    sync(hall)
    scripted = {**COMPLAINT, "description": "<script>alert('x')</script> antrian lama sekali"}
    answer = requests.post(f"{central.url}/pengaduan", data=scripted, timeout=30, allow_redirects=False)
    assert answer.status_code == 422
    assert "Hanya teks biasa: kode HTML atau skrip tidak diterima." in answer.text
    assert "<script>alert" not in answer.text and "&lt;script&gt;alert" in answer.text  # kept, escaped

    missing = {**COMPLAINT, "reporter_phone": "", "service_date": "2020-01-01"}
    answer = requests.post(f"{central.url}/pengaduan", data=missing, timeout=30, allow_redirects=False)
    assert answer.status_code == 422
    assert "Isi nomor telepon atau email" in answer.text
    assert "paling lambat 30 hari setelah pelayanan" in answer.text
    assert COMPLAINT["description"] in answer.text  # the typed form survives

    huge = {**COMPLAINT, "description": "a" * 20_000}
    assert requests.post(f"{central.url}/pengaduan", data=huge, timeout=30).status_code == 413

    refused = requests.post(
        f"{central.url}/api/v1/public/complaints", json={**COMPLAINT, "agency": "POLRES"}, timeout=30
    )
    assert refused.status_code == 422 and refused.json()["errors"] == {
        "agency": "Instansi tidak dikenal di MPP ini."
    }


def test_public_answers_are_escaped_cached_and_carry_the_security_headers(
    central: CentralServer, hall: Database
) -> None:
    from p4_desk.services import catalog

    catalog.add_agency(hall, "UJI", "Instansi <b>Uji</b>")
    catalog.add_service(hall, "XSS", "<script>alert(1)</script>", "UJI", "X")
    sync(hall)
    page = get(central, f"/s/{SITE}")
    assert "<script>alert(1)</script>" not in page.text
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        and "Instansi &lt;b&gt;Uji&lt;/b&gt;" in page.text
    )
    policy = page.headers["Content-Security-Policy"]
    assert (
        "default-src 'none'" in policy
        and "script-src 'self'" in policy
        and "frame-ancestors 'none'" in policy
    )
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert page.headers["Cache-Control"] == "public, max-age=5"
    listing = get(central, "/api/v1/public/sites")
    assert get(central, "/api/v1/public/sites", **{"If-None-Match": listing.headers["ETag"]}).status_code in (
        200,
        304,
    )
    again = get(central, f"/s/{SITE}", **{"If-None-Match": page.headers["ETag"]})
    assert again.status_code == 304 and again.content == b""
    for path in ("/", f"/s/{SITE}", "/pengaduan", "/static/public/app.css", "/static/public/live.js"):
        assert "http://" not in get(central, path).text.replace(central.url, "")  # no third-party host


def test_guessing_tracking_secrets_is_rate_limited(central: CentralServer, hall: Database) -> None:
    info = _intake(hall)
    sync(hall)
    answers = [
        get(central, f"/lacak/{info.registration_number}?k=tebakan{i:04d}").status_code for i in range(70)
    ]
    assert answers[:60] == [404] * 60
    assert answers[-1] == 429
    limited = get(central, f"/api/v1/public/applications/{info.registration_number}?k=x")
    assert limited.status_code == 429 and "Terlalu banyak permintaan" in limited.json()["detail"]
    assert int(limited.headers["Retry-After"]) >= 1


def test_a_web_complaint_the_hall_cannot_file_tells_the_citizen_why(
    central: CentralServer, hall: Database
) -> None:
    # Given a complaint filed for an agency the hall's board listed, which the hall no longer
    # has when it pulls it (the board on the central server was older than the hall's catalogue)
    sync(hall)
    posted = requests.post(
        f"{central.url}/api/v1/public/complaints", json={**COMPLAINT, "identity": "anonymous"}, timeout=30
    )
    assert posted.status_code == 201
    code = posted.json()["code"]
    central_sql(
        central, "UPDATE web_complaints SET agency = 'DISHUB', service = NULL WHERE code = :c", c=code
    )

    # When the hall pulls it, and sends its answer back
    sync(hall)
    sync(hall)

    # Then nothing is filed at the hall, and the citizen's page says why
    assert complaints.list_complaints(hall) == []
    answer = get(central, f"/api/v1/public/complaints/{code}").json()
    assert answer["state"] == "refused" and answer["state_label"] == "Tidak dapat diproses MPP"
    assert answer["refused_reason"] == "Instansi 'DISHUB' tidak ditemukan."
    assert "MPP tidak dapat memproses pengaduan ini" in get(central, f"/pengaduan/{code}").text

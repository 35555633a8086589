"""The central API under attack, on a real server process on 127.0.0.1 (issue 14, findings 1 and 4).

Bodies are sent over a raw socket, chunk by chunk, so the test sees how much the server
accepted before it answered; the server's memory is read from /proc.
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.integration.central_server import REPO_ROOT, CentralServer, free_port, running_central

MiB = 1024 * 1024


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with running_central(tmp_path) as server:
        yield server


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def rss_bytes(server: CentralServer) -> int:
    assert server._process is not None
    for line in Path(f"/proc/{server._process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def chunked_upload(
    server: CentralServer, path: str, headers: dict[str, str], total: int, chunk: bytes = b"[" * 65536
) -> tuple[int, bytes, int]:
    """POST ``total`` bytes with Transfer-Encoding: chunked; stop when the server answers.

    Returns (status, body, bytes the server let us send)."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
    head = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{server.port}", "Transfer-Encoding: chunked"]
    head += ["Content-Type: application/json", *(f"{k}: {v}" for k, v in headers.items())]
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
    sent = 0
    answered = False
    try:
        while sent < total:
            readable, writable, _ = select.select([sock], [sock], [], 10)
            if readable:
                answered = True
                break
            if not writable:
                break  # the server stopped reading and did not answer: the test will say so
            sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            sent += len(chunk)
        if not answered:
            sock.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    answer = b""
    sock.settimeout(30)
    try:
        while b"\r\n\r\n" not in answer or len(answer) < answer.index(b"\r\n\r\n") + 4 + _length(answer):
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    except (ConnectionResetError, TimeoutError):
        pass
    sock.close()
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    body = answer.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in answer else b""
    return status, body, sent


def _length(answer: bytes) -> int:
    for line in answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 0


def ticket_event(uid: str, **payload: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "type": "ticket.issued",
        "occurred_at": "2026-11-30T08:00:00+07:00",
        "schema_version": 1,
        "payload": {"ticket_uid": uid, "state": "waiting", **payload},
    }


# --- finding 1: memory exhaustion ----------------------------------------------------------


def test_an_unauthenticated_100_mb_chunked_upload_is_refused_before_its_body_is_read(
    central: CentralServer,
) -> None:
    central.enrol_site("LS01", "MPP Lampung Selatan")
    before = rss_bytes(central)
    answers = [
        chunked_upload(central, "/api/v1/sites/LS01/events", {"Authorization": "Bearer salah"}, 100 * MiB)
        for _ in range(4)
    ]
    for status, body, sent in answers:
        assert status == 401 and "Token akses salah" in json.loads(body)["detail"]
        assert sent < 16 * MiB  # what the socket buffers held, not 100 MB
    assert rss_bytes(central) - before < 40 * MiB
    assert central.report() == {"LS01": {}}


def test_an_authenticated_chunked_upload_is_cut_at_8_mib_and_nothing_is_stored(
    central: CentralServer,
) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    before = rss_bytes(central)
    status, body, sent = chunked_upload(central, "/api/v1/sites/LS01/events", bearer(token), 100 * MiB)
    assert status == 413
    assert json.loads(body) == {"detail": "Isi permintaan melebihi batas 8 MiB.", "code": "payload_too_large"}
    assert sent < 24 * MiB
    assert rss_bytes(central) - before < 60 * MiB
    assert central.report() == {"LS01": {}}
    # a declared length over the limit is refused before a byte of the body is sent
    sock = socket.create_connection(("127.0.0.1", central.port), timeout=30)
    sock.sendall(
        b"POST /api/v1/sites/LS01/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + f"Authorization: Bearer {token}\r\nContent-Length: {9 * MiB}\r\n\r\n".encode()
    )
    assert sock.recv(200).startswith(b"HTTP/1.1 413")
    sock.close()


def test_each_event_payload_is_capped_and_a_rejected_request_is_not_echoed(central: CentralServer) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    fat = ticket_event("t-fat", cancel_reason="x" * 300_000)
    deep: dict[str, Any] = {}
    cursor = deep
    for _ in range(12):
        cursor["a"] = {}
        cursor = cursor["a"]
    nested = ticket_event("t-deep", extra=deep)
    fine = ticket_event("t-ok")
    answer = requests.post(
        f"{central.url}/api/v1/sites/LS01/events",
        json={"events": [fat, nested, fine]},
        headers=bearer(token),
        timeout=30,
    ).json()
    assert answer["accepted"] == [fine["id"]]
    reasons = {r["id"]: (r["code"], r["reason"]) for r in answer["rejected"]}
    assert reasons[fat["id"]][0] == "payload_too_large" and "melebihi batas 256 KiB" in reasons[fat["id"]][1]
    assert reasons[nested["id"]][0] == "invalid_payload" and "bersarang" in reasons[nested["id"]][1]

    # a 7 MB body of the wrong shape: a short Indonesian answer, not the 7 MB back
    wrong = requests.post(
        f"{central.url}/api/v1/sites/LS01/events",
        json={"events": "x" * 7_000_000},
        headers=bearer(token),
        timeout=60,
    )
    assert wrong.status_code == 422 and len(wrong.content) < 500
    assert wrong.json()["detail"] == "Permintaan tidak sah: events harus berupa daftar."
    # JSON nested a million deep
    deep_text = requests.post(
        f"{central.url}/api/v1/sites/LS01/events",
        data=b'{"events": ' + b"[" * 1_000_000 + b"]" * 1_000_000 + b"}",
        headers={**bearer(token), "Content-Type": "application/json"},
        timeout=60,
    )
    assert deep_text.status_code == 422 and "bersarang" in deep_text.json()["detail"]
    # enrolment with a 7 KB code: refused by size, nothing echoed
    big = requests.post(
        f"{central.url}/api/v1/enrol", json={"site": "LS01", "enrolment_code": "A" * 7000}, timeout=30
    )
    assert big.status_code == 422 and "A" * 50 not in big.text
    assert central.report() == {"LS01": {"ticket.issued": 1}}


# --- finding 4: secrets -------------------------------------------------------------------


def test_enrolment_guesses_are_rate_limited_logged_and_slowed(central: CentralServer) -> None:
    code = central.add_site("LS01", "MPP Lampung Selatan")
    statuses = []
    for n in range(12):
        answer = requests.post(
            f"{central.url}/api/v1/enrol",
            json={"site": "LS01", "enrolment_code": f"AAAA-BBBB-{n:04d}"},
            timeout=30,
        )
        statuses.append(answer.status_code)
    assert statuses[:10] == [403] * 10 and statuses[10:] == [429, 429]
    assert int(answer.headers["Retry-After"]) >= 1 and "Coba lagi dalam" in answer.json()["detail"]
    # slowed: while this address is refused even the right code waits
    right = requests.post(
        f"{central.url}/api/v1/enrol", json={"site": "LS01", "enrolment_code": code}, timeout=30
    )
    assert right.status_code == 429
    log = central.log_path.read_text()
    assert log.count("authentication failed: enrolment code from 127.0.0.1 on /api/v1/enrol") == 10
    assert "AAAA-BBBB" not in log and code not in log


def test_wrong_tokens_are_logged_and_the_address_is_slowed(central: CentralServer) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    url = f"{central.url}/api/v1/sites/LS01/application-updates"
    wrong = [requests.get(url, headers=bearer(f"tebakan-{n}"), timeout=30).status_code for n in range(10)]
    assert wrong == [401] * 10
    slowed = requests.get(url, headers=bearer(token), timeout=30)
    assert slowed.status_code == 429 and "Retry-After" in slowed.headers
    admin = requests.get(
        f"{central.url}/api/v1/stats/summary?from=2026-11-01&to=2026-11-30",
        headers=central.admin_headers(),
        timeout=30,
    )
    assert admin.status_code == 429  # the admin API too: the same address is guessing
    log = central.log_path.read_text()
    assert log.count("authentication failed: site token from 127.0.0.1") == 10
    assert "tebakan" not in log


def test_a_weak_admin_token_stops_the_server_at_start(tmp_path: Path) -> None:
    env = dict(os.environ, P4_CENTRAL_ADMIN_TOKEN="x", PYTHONPATH=str(REPO_ROOT))
    db = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    for weak in ("x", "rahasia", "a" * 40, "abcd" * 10):
        env["P4_CENTRAL_ADMIN_TOKEN"] = weak
        started = subprocess.run(
            [sys.executable, "-m", "p4_desk.central", "serve", "--port", str(free_port()), "--db", db],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert started.returncode == 1, started.stderr
        assert started.stderr.startswith("Galat: Token admin terlalu"), started.stderr
        assert "Traceback" not in started.stderr and weak not in started.stderr.replace("Galat", "")


def test_enrolment_codes_expire_and_are_single_use(central: CentralServer) -> None:
    answer = json.loads(
        central.cli("site", "add", "LS01", "MPP Lampung Selatan", "--valid-days", "2", "--json").stdout
    )
    assert answer["valid_days"] == 2
    listed = json.loads(central.cli("site", "list", "--json").stdout)["sites"][0]
    expires = datetime.fromisoformat(listed["enrolment_expires_at"])
    assert 47 * 3600 < (expires - datetime.now(UTC)).total_seconds() <= 48 * 3600

    # two days later the code no longer works
    engine = create_engine(central.db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE sites SET enrolment_expires_at = :past"), {"past": datetime(2026, 1, 1)})
    engine.dispose()
    late = requests.post(
        f"{central.url}/api/v1/enrol",
        json={"site": "LS01", "enrolment_code": answer["enrolment_code"]},
        timeout=30,
    )
    assert late.status_code == 403 and "masa berlakunya habis" in late.json()["detail"]

    # a new code works once
    fresh = json.loads(central.cli("site", "reenrol", "LS01", "--json").stdout)["enrolment_code"]
    first = requests.post(
        f"{central.url}/api/v1/enrol", json={"site": "LS01", "enrolment_code": fresh}, timeout=30
    )
    again = requests.post(
        f"{central.url}/api/v1/enrol", json={"site": "LS01", "enrolment_code": fresh}, timeout=30
    )
    assert first.status_code == 200 and again.status_code == 403
    bad_days = central.cli("site", "reenrol", "LS01", "--valid-days", "365", check=False)
    assert (
        bad_days.returncode == 1
        and "Galat: argumen --valid-days: masa berlaku '365' tidak sah: harus bilangan bulat 1–90"
        in bad_days.stderr
    )


def test_site_routes_are_rate_limited_per_site(central: CentralServer) -> None:
    from p4_desk.central.api import SYNC_PER_MINUTE

    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    other = central.enrol_site("MET", "MPP Kota Metro")
    with requests.Session() as http:
        url = f"{central.url}/api/v1/sites/LS01/application-updates"
        statuses = [
            http.get(url, headers=bearer(token), timeout=30).status_code for _ in range(SYNC_PER_MINUTE)
        ]
        assert statuses == [200] * SYNC_PER_MINUTE
        over = http.get(url, headers=bearer(token), timeout=30)
        assert over.status_code == 429 and int(over.headers["Retry-After"]) >= 1
        # another site from the same address has its own allowance
        mine = http.get(
            f"{central.url}/api/v1/sites/MET/application-updates", headers=bearer(other), timeout=30
        )
        assert mine.status_code == 200

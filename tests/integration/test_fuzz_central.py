"""Every central API endpoint with a table of hostile values (issue 14, finding 8), on the real
server process on 127.0.0.1: never a server error, a refusal is short and Indonesian and never
repeats the request, and nothing hostile is stored.

The endpoints and their parameters come from the committed contract (docs/api/openapi.json),
so a new endpoint is fuzzed without touching this test.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import requests

from tests.integration.central_server import REPO_ROOT, CentralServer, running_central

CONTRACT = json.loads((REPO_ROOT / "docs" / "api" / "openapi.json").read_text(encoding="utf-8"))
HOSTILE_TEXT = [
    "", "\x00", "A\x00B", "x" * 10_000, "\u202eLS01", "\x1b[2J", "-1", "99999999999999999999999", "NaN",
    "Infinity", "1e309", "0001-01-01", "9999-12-31", "2026-02-30", "'; DROP TABLE events; --",
    "../../etc/passwd", "%00", "%s%n{0}", "😀" * 50,
]  # fmt: skip
DEEP = "[" * 50_000 + "]" * 50_000
HOSTILE_BODIES: list[bytes] = [
    b"",
    b"{",
    b"\xff\xfe\x00",
    DEEP.encode(),
    b"[]",
    b"null",
    b"12345",
    b'"teks"',
    b'{"events": NaN}',
    b'{"events": [NaN, Infinity]}',
    json.dumps({"events": [{"id": str(uuid.uuid4()), "type": "ticket.issued",
                            "occurred_at": "9999-12-31T23:59:59+14:00",
                            "schema_version": 99999999999999999999,
                            "payload": {"ticket_uid": "\x00"}}]}).encode(),
    json.dumps({"site": 12, "enrolment_code": ["x"], "state": {"a": 1}, "note": 5}).encode(),
    json.dumps({"site": "LS01", "enrolment_code": "A" * 5000}).encode(),
    json.dumps({"state": "approved", "note": "x" * 5000, "site": "\u202e"}).encode(),
    json.dumps({"events": [{"id": "x", "payload": "\x00" * 100}] * 1001}).encode(),
]  # fmt: skip
ENGLISH = ("Field required", "Input should", "Value error", "Not Found", "Method Not Allowed",
           "Content Too Large", "There was an error", "JSON decode", "Internal Server Error",
           "Unprocessable")  # fmt: skip


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with running_central(tmp_path) as server:
        yield server


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op) for path, ops in CONTRACT["paths"].items() for method, op in ops.items()
    ]


def plausible(name: str) -> str:
    return {"site": "LS01", "registration_number": "LS01-0001", "cursor": "0", "limit": "10",
            "schema_version": "2", "from": "2026-03-01", "to": "2026-03-31"}.get(name, "x")  # fmt: skip


@pytest.mark.slow
def test_every_endpoint_refuses_hostile_values_briefly_in_indonesian(central: CentralServer) -> None:
    token = central.enrol_site("LS01", "MPP Lampung Selatan")
    stored_before = central.report()
    failures: list[str] = []
    runs = 0
    with requests.Session() as http:
        for method, path, op in operations():
            tags = set(op.get("tags", []))
            headers = (
                central.admin_headers() if tags & {"admin", "province"}
                else {} if path == "/api/v1/enrol" or "public" in tags
                else {"Authorization": f"Bearer {token}"}
            )  # fmt: skip
            parameters = [p for p in op.get("parameters", []) if p["in"] in ("path", "query")]
            cases: list[tuple[str, dict[str, str], bytes | None]] = []
            for fuzzed in parameters:
                for value in HOSTILE_TEXT:
                    values = {p["name"]: (value if p is fuzzed else plausible(p["name"])) for p in parameters}
                    cases.append((f"{fuzzed['name']}={value[:20]!r}", values, None))
            if "requestBody" in op:
                for body in HOSTILE_BODIES:
                    cases.append(
                        (f"body={body[:30]!r}", {p["name"]: plausible(p["name"]) for p in parameters}, body)
                    )
            for label, values, body in cases:
                url = central.url + path
                query = {}
                for p in parameters:
                    if p["in"] == "path":
                        url = url.replace("{" + p["name"] + "}", quote(values[p["name"]], safe=""))
                    else:
                        query[p["name"]] = values[p["name"]]
                answer = http.request(
                    method, url, params=query, data=body, timeout=60,
                    headers={**headers, **({"Content-Type": "application/json"} if body is not None else {})},
                )  # fmt: skip
                runs += 1
                where = f"{method} {path} {label}"
                if answer.status_code >= 500:
                    failures.append(f"{where}: {answer.status_code}")
                elif answer.status_code >= 400:
                    if len(answer.content) > 2048:
                        failures.append(f"{where}: {len(answer.content)}-byte refusal")
                    try:
                        detail = answer.json()["detail"]
                    except (ValueError, KeyError, TypeError):
                        failures.append(f"{where}: refusal is not JSON with detail: {answer.text[:80]!r}")
                        continue
                    if not isinstance(detail, str) or any(word in detail for word in ENGLISH):
                        failures.append(f"{where}: not Indonesian: {detail!r:.120}")
                elif method == "POST" and not (path.endswith("/events") and answer.json()["accepted"] == []):
                    # an events batch answers 200 naming each rejected event; nothing may be accepted
                    failures.append(f"{where}: hostile body accepted ({answer.status_code})")
    assert central.report() == stored_before, "a hostile request was stored"
    assert runs > 150
    assert not failures, f"{len(failures)} of {runs}:\n" + "\n".join(failures[:50])

"""A live hall for the citizen-channel tests: a desk on the real clock, enrolled with a real
central server on 127.0.0.1, its sync agent, QR codes read back from the printed PDFs, and a
fake message gateway that records what the central server sends it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pypdfium2
import zxingcpp

from p4_desk.config import Settings
from p4_desk.services import catalog, permits
from p4_desk.services.central_inbox import CentralInbox
from p4_desk.services.permits import Requirement
from p4_desk.store.db import Database
from p4_desk.sync.agent import Backoff, SyncAgent
from p4_desk.sync.enrolment import enrol, open_client
from tests.integration.central_server import CentralServer
from tests.support.sites import make_site

SITE = "MPP-TEST"
SITE_NAME = "MPP Uji Coba"
NIK = "1871015708900003"
APPLICANT = "Siti Aminah"
APPLICANT_PHONE = "0812-7788-9900"


def real_now() -> datetime:
    return datetime.now(UTC)


def live_hall(central: CentralServer, url: str) -> Database:
    """Site MPP-TEST (services always open) on the real clock, enrolled, with a permit type."""
    db = make_site(url, real_now)
    enrol(db, Settings.load(), central.url, SITE, central.add_site(SITE, SITE_NAME))
    catalog.add_agency(db, "DPMPTSP", "Dinas Penanaman Modal dan PTSP")
    permits.add_permit_type(
        db,
        "SIP-BIDAN",
        "Surat Izin Praktik Bidan",
        "DPMPTSP",
        working_days=3,
        fee=0,
        product="SIP Bidan",
        requirements=[Requirement("KTP", "Fotokopi KTP-el"), Requirement("STR", "Fotokopi STR Bidan")],
    )
    return db


def agent_for(db: Database) -> SyncAgent:
    """The agent as ``p4-desk sync run`` builds it (publishes the board), fast retries."""
    return SyncAgent(
        db,
        open_client(db, Settings.load()),
        CentralInbox(db),
        backoff=Backoff(0.01, 0.05),
        publish_board=True,
    )


def sync(db: Database) -> None:
    report = agent_for(db).run_once()
    assert report.reachable and report.failed == 0, report


def qr_texts(pdf: bytes, scale: float = 3.0) -> list[str]:
    """Every QR code on the first page of ``pdf``, decoded from a rendering of it."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=scale).to_pil()
    finally:
        document.close()
    return [code.text for code in zxingcpp.read_barcodes(image)]


@dataclass
class GatewayRequest:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class FakeGateway:
    """A message gateway on 127.0.0.1: records every request; ``plan`` holds the next answers
    (status codes; 0 = close the connection without answering); afterwards 200."""

    url: str
    requests: list[GatewayRequest] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)  # what each request was answered
    plan: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def delivered(self) -> list[GatewayRequest]:
        with self.lock:
            return [r for r, status in zip(self.requests, self.statuses, strict=True) if status == 200]


@contextmanager
def fake_gateway() -> Iterator[FakeGateway]:
    gateway = FakeGateway(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            with gateway.lock:
                status = gateway.plan.pop(0) if gateway.plan else 200
                gateway.requests.append(GatewayRequest(self.path, dict(self.headers), body))
                gateway.statuses.append(status)
            if status == 0:
                self.close_connection = True
                self.connection.close()
                return
            answer = json.dumps({"messages": [{"id": f"wamid.{len(gateway.requests)}"}]}).encode()
            self.send_response(status)
            if status == 503:
                self.send_header("Retry-After", "1")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    gateway.url = f"http://127.0.0.1:{server.server_address[1]}/v21.0/1234567890/messages"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield gateway
    finally:
        server.shutdown()
        server.server_close()

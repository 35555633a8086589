"""A hall's purge reaches the real central server: its copies are anonymised, the province's
figures stay (issue 15.3)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
import requests
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from p4_desk.central import stats as central_stats
from p4_desk.central.models import StoredEvent
from p4_desk.config import Settings
from p4_desk.services import applications as apps
from p4_desk.services import complaints, privacy, queue, site, users
from p4_desk.services.central_inbox import CentralInbox
from p4_desk.store.db import Database
from p4_desk.store.models import Application, Ticket
from p4_desk.sync.agent import Backoff, SyncAgent
from p4_desk.sync.enrolment import enrol, open_client
from tests.integration.central_server import CentralServer
from tests.support.permits import SITI_NIK, add_sip, make_ready, sip_request
from tests.support.sites import Clock, make_site

pytestmark = pytest.mark.usefixtures("memory_keyring")

SITE = "MPP-TEST"
NIK = SITI_NIK


def sync(db: Database) -> None:
    agent = SyncAgent(db, open_client(db, Settings.load()), CentralInbox(db), backoff=Backoff(0.01, 0.05))
    report = agent.run_once()
    assert report.failed == 0 and report.pending == 0


def province(central: CentralServer, first: date, last: date) -> tuple[dict[str, object], list[str]]:
    """The province's figures of the period and the raw events of the site, as stored."""
    engine = create_engine(central.db_url)
    try:
        with Session(engine) as s:
            figures = central_stats.as_json(central_stats.summary(s, first, last))
            events = [e.payload for e in s.scalars(select(StoredEvent).where(StoredEvent.site == SITE))]
    finally:
        engine.dispose()
    return figures, events


def test_a_purge_at_the_hall_anonymises_the_central_copies(central: CentralServer, sqlite_url: str) -> None:
    # Forty days ago Siti collected her permit, her complaint was closed and her ticket served
    clock = Clock(datetime.now(UTC) - timedelta(days=40))
    db = make_site(sqlite_url, clock)
    enrol(db, Settings.load(), central.url, SITE, central.add_site(SITE, "MPP Uji Coba"))
    add_sip(db, name="Surat Izin Praktik", working_days=5, ktp="KTP-el")
    officer = users.get_user(db, "petugas1").actor
    ticket = queue.issue_ticket(db, "KTP")
    request = sip_request(address="Jl. Teuku Umar 12", ticket=ticket.number)
    number = apps.intake(db, request, officer).registration_number
    make_ready(db, number, officer, note="Bu Siti Aminah menelepon")
    apps.hand_over(db, number, nik=NIK, recipient="Siti Aminah", actor=officer)
    complaint = complaints.file_complaint(
        db, kind="pengaduan", agency="DPMPTSP", description="Siti Aminah menunggu dua jam di loket.",
        reporter_name="Siti Aminah", reporter_phone="081277889900", actor=officer,
    ).number  # fmt: skip
    complaints.step_complaint(db, complaint, "closed", "Sudah dijelaskan kepada Siti Aminah", actor=officer)
    sync(db)
    with db.read() as s:
        secret = s.scalar(select(Application.tracking_secret))
        token = s.scalar(select(Ticket.public_token))
    tracking = f"{central.url}/api/v1/public/applications/{number}?k={secret}"
    assert requests.get(tracking, timeout=30).status_code == 200
    assert requests.get(f"{central.url}/api/v1/public/tickets/{token}", timeout=30).status_code == 200
    days = clock.now.date() - timedelta(days=1), clock.now.date() + timedelta(days=1)
    figures_before, events = province(central, *days)
    assert any("Siti" in e for e in events)  # the central server holds personal copies

    # Today, with 30 days kept, the hall purges and syncs
    clock.now = datetime.now(UTC)
    for key in ("privacy.applications_keep_days", "privacy.complaints_keep_days"):
        site.set_setting(db, key, 30)
    counts = privacy.purge(db, users.get_user(db, "petugas1").actor).counts
    assert (counts["applications"], counts["complaints"], counts["tickets"]) == (1, 1, 1)
    sync(db)

    # Then the central copies hold no personal data, the pages no longer answer, the figures stay
    figures_after, events = province(central, *days)
    personal = [e for e in events if "Siti" in e or "Aminah" in e or "081277889900" in e]
    assert personal == []
    assert requests.get(tracking, timeout=30).status_code == 404
    assert requests.get(f"{central.url}/api/v1/public/tickets/{token}", timeout=30).status_code == 404
    assert figures_after == figures_before
    purged = [json.loads(e) for e in events if '"applications"' in e and number in e and "state" not in e]
    assert purged == [{"applications": [number]}]
    db.dispose()

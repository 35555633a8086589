"""Sync agent against the real central API on 127.0.0.1 (DESIGN §5, issue 6).

Every test runs ``p4_desk.central`` as a real process; faults come from a real TCP proxy
(``fault_proxy.py``) or from killing the server. Events are produced by the real queue
services. "Exactly once" is checked on the server with ``p4-desk central report --json``
against the desk's own outbox, counted independently per event type.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import keyring
import pytest
import requests
from sqlalchemy import func, select, update

from p4_desk.cli import main as cli_main
from p4_desk.config import Settings
from p4_desk.services import permits, queue, users
from p4_desk.services.central_inbox import CentralInbox
from p4_desk.services.site import get_setting
from p4_desk.store.db import Database
from p4_desk.store.journal import SYSTEM, record
from p4_desk.store.models import CentralApplicationUpdate, OutboxEvent
from p4_desk.sync import state as sync_state
from p4_desk.sync.agent import Backoff, SyncAgent
from p4_desk.sync.client import CentralClient, TokenRejected
from p4_desk.sync.credentials import SERVICE_NAME, CredentialStoreUnavailable, KeyringStore
from p4_desk.sync.enrolment import enrol, open_client
from p4_desk.sync.sender_lock import sender_lock
from tests.integration.central_server import REPO_ROOT, CentralServer
from tests.integration.fault_proxy import FaultProxy
from tests.support.cli import add_cli_admin, login_env
from tests.support.memory_keyring import MemoryKeyring
from tests.support.sites import DEFAULT_START, Clock, make_site

SITE = "MPP-TEST"
FAST = Backoff(base_s=0.01, cap_s=0.05)


pytestmark = pytest.mark.usefixtures("memory_keyring")  # child processes share it too


# --- helpers ------------------------------------------------------------------------------


def enrolled_desk(central: CentralServer, url: str, *, via: str | None = None, code: str = SITE) -> Database:
    """Site MPP-TEST in ``url``, enrolled with the central server (optionally through a proxy)."""
    db = make_site(url, Clock(DEFAULT_START))
    enrol(db, Settings.load(), via or central.url, code, central.add_site(code, "MPP Uji Coba"))
    return db


def agent_for(db: Database, **options: object) -> SyncAgent:
    return SyncAgent(db, open_client(db, Settings.load()), CentralInbox(db), backoff=FAST, **options)  # type: ignore[arg-type]


def work_a_day(db: Database, tickets: int = 60) -> None:
    """A service day at three counters: issue, call, serve, some no-shows, recalls, cancels."""
    clock = db.clock
    assert isinstance(clock, Clock)
    officer = users.get_user(db, "petugas1").actor
    for counter in ("L1", "L2", "L3"):
        queue.set_counter_state(db, counter, "open", officer)
    for i in range(tickets):
        queue.issue_ticket(db, ("KTP", "KK", "PKB")[i % 3], "lansia" if i % 10 == 0 else None)
        clock.advance(minutes=3)
        if i % 2:
            continue
        for counter in ("L1", "L2", "L3"):
            ticket = queue.call_next(db, counter, officer)
            if ticket is None:
                continue
            if i % 7 == 0:
                queue.recall(db, ticket.id, officer)
                queue.no_show(db, ticket.id, officer)
            else:
                queue.start(db, ticket.id, officer)
                clock.advance(minutes=2)
                queue.finish(db, ticket.id, officer)
    for waiting in queue.waiting_list(db)[:3]:
        queue.cancel(db, waiting.id, "Pemohon pulang", officer)
    for counter in ("L1", "L2", "L3"):
        queue.set_counter_state(db, counter, "closed", officer)


def outbox_by_type(db: Database, state: str | None = None) -> dict[str, int]:
    with db.read() as s:
        query = select(OutboxEvent.type, func.count()).group_by(OutboxEvent.type)
        if state is not None:
            query = query.where(OutboxEvent.state == state)
        return {t: int(n) for t, n in s.execute(query).all()}


def desk_cli(*args: str, db_url: str) -> subprocess.CompletedProcess[str]:
    """``python -m p4_desk ...`` as a separate process (same env: config dir, keyring)."""
    env = login_env(args)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "p4_desk", *args, "--db", db_url],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def drain(agent: SyncAgent, runs: int = 20) -> None:
    """Run until nothing is pending (bounded); each run retries a few faults itself."""
    for _ in range(runs):
        agent.run_once()
        if sync_state.status(agent.db).pending == 0:
            return
    raise AssertionError(f"still pending after {runs} runs: {sync_state.status(agent.db)}")


# --- offline day ----------------------------------------------------------------------------


def test_a_day_offline_then_every_event_arrives_exactly_once(central: CentralServer, sqlite_url: str) -> None:
    # Given an enrolled desk whose central server then goes down for the whole day
    db = enrolled_desk(central, sqlite_url)
    central.stop()
    work_a_day(db)
    made = outbox_by_type(db)
    assert made["ticket.issued"] == 60 and made["ticket.no_show"] > 0

    # When the desk tries to sync while the server is down
    offline = desk_cli("sync", "run", "--once", "--json", db_url=sqlite_url)

    # Then it says so (exit 2), and keeps every event, with the hall's public board it wrote
    assert offline.returncode == 2, offline.stderr
    assert json.loads(offline.stdout)["reachable"] is False
    made = outbox_by_type(db)
    assert made["site.board"] == 1
    status = json.loads(desk_cli("sync", "status", "--json", db_url=sqlite_url).stdout)
    assert status["online"] is False
    assert status["pending"] == sum(made.values()) and status["sent"] == 0

    # When the server is back and the desk syncs
    central.start()
    online = desk_cli("sync", "run", "--once", "--json", db_url=sqlite_url)

    # Then every event is stored once on the server, and the desk shows them sent
    assert online.returncode == 0, online.stderr
    assert central.report() == {SITE: made}
    status = json.loads(desk_cli("sync", "status", "--json", db_url=sqlite_url).stdout)
    assert (status["pending"], status["sent"], status["failed"]) == (0, sum(made.values()), 0)
    assert status["online"] is True and status["last_success_at"] is not None

    # And a second run sends nothing again
    again = json.loads(desk_cli("sync", "run", "--once", "--json", db_url=sqlite_url).stdout)
    assert again["accepted"] == 0 and again["duplicate"] == 0
    assert central.report() == {SITE: made}


# --- crashes and network faults -----------------------------------------------------------


def test_server_killed_in_the_middle_of_a_batch(
    central: CentralServer, sqlite_url: str, tmp_path: Path
) -> None:
    with FaultProxy(central.port) as proxy:
        db = enrolled_desk(central, sqlite_url, via=proxy.url)
        work_a_day(db, tickets=30)
        made = outbox_by_type(db)

        # Given the server is SIGKILLed while it handles the second batch
        proxy.on_kill = central.kill
        proxy.script("pass", "kill", path="/events")
        first = agent_for(db, batch_size=20, max_transient_per_run=2).run_once()

        # Then the desk gives up for now, with the unanswered events still pending
        assert first.reachable is False
        assert first.accepted == 20
        assert sync_state.status(db).pending == sum(made.values()) - 20
        # the killed batch was marked attempted before it was sent, and says why it is waiting
        with db.read() as s:
            killed = s.execute(
                select(OutboxEvent.attempts, OutboxEvent.last_error)
                .where(OutboxEvent.state == "pending")
                .order_by(OutboxEvent.seq)
                .limit(20)
            ).all()
        assert all(attempts >= 1 and error for attempts, error in killed)

        # When the server comes back (same database)
        central.start()
        drain(agent_for(db, batch_size=20))

    # Then every event is stored exactly once
    assert central.report() == {SITE: made}
    assert sync_state.status(db).sent == sum(made.values())


def test_proxy_faults_lose_nothing_and_duplicate_nothing(central: CentralServer, sqlite_url: str) -> None:
    slept: list[float] = []
    with FaultProxy(central.port, delay_s=0.2) as proxy:
        db = enrolled_desk(central, sqlite_url, via=proxy.url)
        work_a_day(db, tickets=40)
        made = outbox_by_type(db)

        # Given every kind of fault on the way to the event endpoint
        proxy.script(
            "drop_request",
            "http_500",
            "pass",
            "truncate",
            "drop_response",
            "garbage",
            "http_429",
            "pass",
            "http_503",
            "delay",
            "drop_response",
            path="/events",
        )
        agent = agent_for(db, batch_size=25, max_transient_per_run=20)

        def pause(seconds: float) -> None:  # FAST backoff: at most 0.05 s
            slept.append(seconds)
            time.sleep(seconds)

        agent.sleep = pause
        report = agent.run_once()

        # Then the run got through all of them
        assert proxy.remaining == 0
        assert report.reachable is True and report.pending == 0

    # And the server holds each event once; answers lost after storing came back as duplicates
    assert central.report() == {SITE: made}
    assert report.duplicate >= 25
    assert report.accepted + report.duplicate == sum(made.values())
    # Retry-After: 0 from the 429 and the 503 was honoured instead of a random backoff
    assert slept.count(0.0) >= 2


def test_retry_after_is_honoured(central: CentralServer, sqlite_url: str) -> None:
    with FaultProxy(central.port) as proxy:
        db = enrolled_desk(central, sqlite_url, via=proxy.url)
        queue.issue_ticket(db, "KTP")
        proxy.script("http_429", path="/events")
        slept: list[float] = []
        agent = agent_for(db)
        agent.backoff = Backoff(base_s=50.0, cap_s=50.0)  # a jittered wait would be 0..50 s
        agent.sleep = slept.append
        agent.run_once()
    assert slept == [0.0]
    assert central.report() == {SITE: {"ticket.issued": 1}}


# --- permanent refusals ---------------------------------------------------------------------


def _poison(db: Database, event_type: str, payload: dict[str, Any]) -> str:
    with db.write() as s:
        record(s, db, SYSTEM, "test.poison", "test", None, event_type=event_type, payload=payload)
    with db.read() as s:
        return str(s.scalar(select(OutboxEvent.event_id).order_by(OutboxEvent.seq.desc()).limit(1)))


def test_poison_events_do_not_block_the_others(
    central: CentralServer,
    sqlite_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = enrolled_desk(central, sqlite_url)
    queue.issue_ticket(db, "KTP")
    unknown = _poison(db, "ticket.exploded", {"number": "A999"})  # rejected by id in the answer
    queue.issue_ticket(db, "KK")
    # a body over the server's 8 MiB limit: HTTP 413 for the whole batch, bisected down to it
    huge = _poison(db, "counter.opened", {"counter": "L1", "officer": "x" * (9 * 1024 * 1024)})
    for _ in range(5):
        queue.issue_ticket(db, "PKB")

    report = agent_for(db).run_once()

    assert report.failed == 2 and report.pending == 0
    assert central.report() == {SITE: {"ticket.issued": 7}}
    assert cli_main(["sync", "failed", "--json", "--db", sqlite_url]) == 0
    failed = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert set(failed) == {unknown, huge}
    assert "ticket.exploded" in failed[unknown]["last_error"]
    assert "413" in failed[huge]["last_error"]

    # An admin repairs the oversized event and retries just that one
    with db.write() as s:
        s.execute(
            update(OutboxEvent)
            .where(OutboxEvent.event_id == huge)
            .values(payload={"counter": "L1", "officer": "petugas1"})
        )
    add_cli_admin(db)
    for name, value in login_env().items():
        if name.startswith("P4_DESK_"):
            monkeypatch.setenv(name, value)
    assert cli_main(["sync", "retry", huge, "--db", sqlite_url]) == 0
    capsys.readouterr()
    agent_for(db).run_once()
    assert central.report() == {SITE: {"ticket.issued": 7, "counter.opened": 1}}
    assert [e.event_id for e in sync_state.failed_events(db)] == [unknown]


def test_same_id_with_other_content_is_refused_not_overwritten(
    central: CentralServer, sqlite_url: str
) -> None:
    db = enrolled_desk(central, sqlite_url)
    queue.issue_ticket(db, "KTP")
    agent_for(db).run_once()
    # the stored row is altered after it was sent (a restore from an old backup, a bug...)
    with db.write() as s:
        row = s.scalars(select(OutboxEvent)).one()
        row.payload = {**row.payload, "number": "A777"}
        row.state = "pending"
    report = agent_for(db).run_once()
    assert report.failed == 1
    assert "isi berbeda" in (sync_state.failed_events(db)[0].last_error or "")
    assert central.report() == {SITE: {"ticket.issued": 1}}


# --- tokens and sites ---------------------------------------------------------------------


def test_revoked_or_wrong_token_stops_with_a_clear_message_and_keeps_events(
    central: CentralServer, sqlite_url: str, memory_keyring: MemoryKeyring
) -> None:
    db = enrolled_desk(central, sqlite_url)
    queue.issue_ticket(db, "KTP")
    central.cli("site", "revoke", SITE)

    with pytest.raises(TokenRejected) as refused:
        agent_for(db).run_once()
    assert "token akses" in refused.value.message and "sync enroll" in refused.value.message
    assert sync_state.status(db).pending == 1
    assert sync_state.status(db).online is False

    # the CLI says the same and exits 1; a wrong token (not just a revoked one) too
    memory_keyring.set_password(SERVICE_NAME, f"{SITE}@{central.url}", "bukan-token-yang-benar")
    completed = desk_cli("sync", "run", "--once", db_url=sqlite_url)
    assert completed.returncode == 1
    assert "menolak token akses" in completed.stderr
    assert "bukan-token-yang-benar" not in completed.stderr + completed.stdout

    # re-enrolled with a new code, the kept event goes out
    code = json.loads(central.cli("site", "reenrol", SITE, "--json").stdout)["enrolment_code"]
    enrol(db, Settings.load(), central.url, SITE, code)
    agent_for(db).run_once()
    # (with the hall's public board the CLI's run wrote before its token was refused)
    assert central.report() == {SITE: {"ticket.issued": 1, "site.board": 1}}


def test_a_site_cannot_read_or_write_another_sites_data(central: CentralServer, tmp_path: Path) -> None:
    db_a = enrolled_desk(central, f"sqlite:///{tmp_path / 'a.sqlite3'}", code="SITE-A")
    db_b = enrolled_desk(central, f"sqlite:///{tmp_path / 'b.sqlite3'}", code="SITE-B")
    received: dict[str, Any] = {
        "registration_number": "PBG-2026-0001",
        "permit_type": "PBG",
        "agency": "DPMPTSP",
        "state": "received",
        "applicant_name": "Siti",
        "nik_masked": "1871********0001",
        "due_date": "2026-03-24",
        "received_at": "2026-03-04T03:00:00+00:00",
        "note": None,
        "officer": "petugas1",
        "missing_documents": [],
        "clock": {"state": "running", "allowance": 14, "used_days": 0, "due_date": "2026-03-24"},
    }
    _poison(db_b, "application.received", received)  # a real application event of site B
    agent_for(db_a).run_once()
    agent_for(db_b).run_once()
    central.cli("application-status", "PBG-2026-0001", "disetujui", "--note", "Izin terbit")

    token_a = KeyringStore().get_token(central.url, "SITE-A")
    intruder = CentralClient(central.url, "SITE-B", token_a)
    with pytest.raises(TokenRejected) as read:
        intruder.get_application_updates(0)
    with pytest.raises(TokenRejected) as write:
        intruder.post_events([{"id": "00000000-0000-4000-8000-000000000001", "type": "ticket.issued"}])
    assert read.value.status == 403 and write.value.status == 403

    # each desk pulls only its own back-office updates
    assert agent_for(db_a).run_once().application_updates == 0
    assert agent_for(db_b).run_once().application_updates == 1
    with db_b.read() as s:
        update_b = s.scalars(select(CentralApplicationUpdate)).one()
    assert (update_b.registration_number, update_b.state, update_b.note) == (
        "PBG-2026-0001",
        "approved",  # the back office typed the old word; an upgraded desk pulls English
        "Izin terbit",
    )
    with db_a.read() as s:
        assert s.scalar(select(func.count()).select_from(CentralApplicationUpdate)) == 0
    assert central.report() == {"SITE-A": {}, "SITE-B": {"application.received": 1}}


def test_an_event_left_unsent_over_the_upgrade_still_reaches_the_province(
    central: CentralServer, sqlite_url: str
) -> None:
    """A hall offline for a week upgrades (0006) with old events in its outbox; they go out as written."""
    db = enrolled_desk(central, sqlite_url)
    payload = {"registration_number": "MPPTES-2603-00001", "permit_type": "PBG", "state": "diterima"}
    with db.write() as s:  # what migration 0006 leaves in the outbox: version 1, the old word
        s.add(
            OutboxEvent(
                event_id="5b0b6c55-6a3e-4d53-9d1c-3c0a1f3e9a01", type="application.received",
                occurred_at=DEFAULT_START, schema_version=1, payload=payload, state="pending", attempts=0,
            )
        )  # fmt: skip
    db.clock.advance(minutes=5)  # the desk runs on the settable test clock (make_site)
    clock = {"state": "running", "allowance": 14, "used_days": 1, "due_date": "2026-03-24"}
    _poison(db, "application.status_changed", {**payload, "state": "verifying", "clock": clock})  # after it

    report = agent_for(db).run_once()

    assert report.failed == 0
    with db.read() as s:
        assert set(s.scalars(select(OutboxEvent.state))) == {"sent"}
        assert sorted(s.scalars(select(OutboxEvent.schema_version))) == [1, 3]
    assert central.report() == {SITE: {"application.received": 1, "application.status_changed": 1}}
    summary = requests.get(
        f"{central.url}/api/v1/stats/summary",
        params={"from": "2026-03-01", "to": "2026-03-31"},
        headers=central.admin_headers(),
        timeout=30,
    ).json()
    assert summary["sites"][SITE]["applications_by_state"] == {"verifying": 1}


# --- catalogue ------------------------------------------------------------------------------


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


def test_catalogue_updated_centrally_reaches_the_desk(
    central: CentralServer, sqlite_url: str, tmp_path: Path
) -> None:
    db = enrolled_desk(central, sqlite_url)
    catalog_file = tmp_path / "katalog.json"
    catalog_file.write_text(json.dumps(CATALOG), encoding="utf-8")
    central.cli("catalog", "import", str(catalog_file))

    first = agent_for(db).run_once()
    assert first.catalog == "imported"
    # the permit types reach the intake form's catalogue, with their requirements
    (pbg,) = [p for p in permits.list_permit_types(db) if p.code == "PBG"]
    assert pbg.requirements[0].name == "Fotokopi KTP pemohon"
    assert [p["code"] for p in get_setting(db, "sync.catalog")["permit_types"]] == ["PBG"]

    # unchanged: the server answers 304 to the stored ETag
    assert agent_for(db).run_once().catalog == "unchanged"

    central.cli("holiday", "add", "2026-03-19", "Hari Suci Nyepi")
    assert agent_for(db).run_once().catalog == "imported"
    assert {h["date"] for h in get_setting(db, "sync.holidays")} == {"2026-01-01", "2026-03-19"}
    # due dates and complaint deadlines now skip the new holiday
    assert not permits.holiday_calendar(db).is_working_day(date(2026, 3, 19))


# --- one sender per site -----------------------------------------------------------------


@pytest.mark.postgres
def test_two_agents_on_one_postgresql_database_send_one_at_a_time(
    central: CentralServer, pg_url: str
) -> None:
    db = enrolled_desk(central, pg_url)
    work_a_day(db, tickets=30)
    made = outbox_by_type(db)
    other_pc = Database(pg_url)  # a second PC: its own connections to the same database
    try:
        # While one PC holds the site's sender lock, the other does not send
        with sender_lock(other_pc) as held:
            assert held
            blocked = agent_for(db).run_once()
        assert blocked.skipped and blocked.accepted == 0 and blocked.pending == sum(made.values())

        # Two agents draining at the same time: every event is sent by exactly one of them
        reports = []

        def run(database: Database) -> None:
            agent = agent_for(database, batch_size=10)
            for _ in range(50):
                reports.append(agent.run_once())
                if sync_state.status(database).pending == 0:
                    return

        threads = [threading.Thread(target=run, args=(d,)) for d in (db, other_pc)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=240)
    finally:
        other_pc.dispose()
    assert sum(r.accepted for r in reports) == sum(made.values())
    assert sum(r.duplicate for r in reports) == 0
    assert central.report() == {SITE: made}


def test_a_second_process_on_sqlite_waits_for_the_sender(central: CentralServer, sqlite_url: str) -> None:
    db = enrolled_desk(central, sqlite_url)
    queue.issue_ticket(db, "KTP")
    with sender_lock(db) as held:
        assert held
        completed = desk_cli("sync", "run", "--once", db_url=sqlite_url)
    assert completed.returncode == 3
    assert "Perangkat lain sedang mengirim" in completed.stdout
    assert sync_state.status(db).pending == 1
    assert desk_cli("sync", "run", "--once", db_url=sqlite_url).returncode == 0
    # the run that held the lock wrote the hall's public board too (the waiting one wrote nothing)
    assert central.report() == {SITE: {"ticket.issued": 1, "site.board": 1}}


# --- credentials ----------------------------------------------------------------------------


def test_no_usable_keyring_refuses_enrolment_without_spending_the_code(
    central: CentralServer, sqlite_url: str
) -> None:
    from keyring.backends import fail, null

    db = make_site(sqlite_url, Clock(DEFAULT_START))
    code = central.add_site(SITE, "MPP Uji Coba")
    for unusable in (null.Keyring(), fail.Keyring()):
        keyring.set_keyring(unusable)
        with pytest.raises(CredentialStoreUnavailable) as refused:
            enrol(db, Settings.load(), central.url, SITE, code)
        assert "keyring" in refused.value.message.lower()
        assert "tidak akan disimpan di berkas biasa" in refused.value.message

    # with a working keyring the same one-time code still works, and the token is nowhere else
    keyring.set_keyring(MemoryKeyring())
    enrol(db, Settings.load(), central.url, SITE, code)
    token = KeyringStore().get_token(central.url, SITE)
    assert token
    settings_text = Settings.load().path.read_text(encoding="utf-8")
    assert central.url in settings_text and token not in settings_text
    assert token not in repr(open_client(db, Settings.load()))


def test_enrol_from_the_command_line(central: CentralServer, sqlite_url: str) -> None:
    db = make_site(sqlite_url, Clock(DEFAULT_START))
    add_cli_admin(db)
    db.dispose()
    code = central.add_site(SITE, "MPP Uji Coba")
    completed = desk_cli(
        "-v", "sync", "enroll", "--url", central.url, "--site", SITE, "--code", code, db_url=sqlite_url
    )
    assert completed.returncode == 0, completed.stderr
    assert "terdaftar" in completed.stdout
    token = MemoryKeyring().get_password(SERVICE_NAME, f"{SITE}@{central.url}")  # the file mirror
    assert token and token not in completed.stdout + completed.stderr
    # the code was one-time
    again = desk_cli(
        "sync", "enroll", "--url", central.url, "--site", SITE, "--code", code, db_url=sqlite_url
    )
    assert again.returncode == 1 and "Kode pendaftaran ditolak" in again.stderr


def test_plain_http_is_refused_for_a_remote_server(sqlite_url: str) -> None:
    from p4_desk.errors import ConfigError

    with pytest.raises(ConfigError) as refused:
        CentralClient("http://sync.lampungprov.go.id", SITE, "x")
    assert "HTTPS" in refused.value.message


class LockedKeyring(MemoryKeyring):
    """A keyring that exists but is locked (e.g. Secret Service before the user unlocks it)."""

    def get_password(self, service: str, username: str) -> str | None:
        from keyring.errors import KeyringLocked

        raise KeyringLocked("locked")


def test_a_locked_keyring_is_named_as_such(sqlite_url: str) -> None:
    db = make_site(sqlite_url, Clock(DEFAULT_START))
    keyring.set_keyring(LockedKeyring())
    store = KeyringStore()
    assert store.is_available() and not store.is_unlocked()
    with pytest.raises(CredentialStoreUnavailable) as refused:
        # the port is never contacted: the keyring is checked before the one-time code is sent
        enrol(db, Settings.load(), "http://127.0.0.1:9", SITE, "KODE-SATU")
    assert "terkunci" in refused.value.message


# --- TLS ------------------------------------------------------------------------------------


def make_tls_files(folder: Path) -> tuple[Path, Path, Path]:
    """A private CA and a certificate for 127.0.0.1 signed by it: (ca.pem, cert.pem, key.pem)."""
    import datetime as dt
    import ipaddress

    pytest.importorskip("cryptography")
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def name(text: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(name("CA Provinsi Uji"))
        .issuer_name(name("CA Provinsi Uji"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(name("127.0.0.1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def test_tls_certificates_are_verified_and_a_ca_bundle_can_be_set(
    central: CentralServer, sqlite_url: str, tmp_path: Path
) -> None:
    from p4_desk.errors import P4Error

    ca_pem, cert_pem, key_pem = make_tls_files(tmp_path)
    db = make_site(sqlite_url, Clock(DEFAULT_START))
    code = central.add_site(SITE, "MPP Uji Coba")
    with FaultProxy(central.port, tls=(cert_pem, key_pem)) as proxy:
        # Given a central server whose certificate comes from the province's own CA
        assert proxy.url.startswith("https://")

        # Then without that CA the desk refuses the connection (and the code is not spent)
        with pytest.raises(P4Error) as refused:
            enrol(db, Settings.load(), proxy.url, SITE, code)
        assert "sertifikat TLS" in refused.value.message

        # When the CA bundle is configured, enrolment and sync work over HTTPS
        settings = Settings.load()
        settings.set("sync.ca_bundle", str(ca_pem))
        settings.save()
        enrol(db, Settings.load(), proxy.url, SITE, code)
        queue.issue_ticket(db, "KTP")
        assert agent_for(db).run_once().accepted == 1
    assert central.report() == {SITE: {"ticket.issued": 1}}

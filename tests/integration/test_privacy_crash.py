"""A purge killed in the middle of a batch leaves no half-purged row (a real process, PostgreSQL).

The purge's batch updates its rows, then (at commit) waits for the audit chain's lock; the test
holds that lock, so the batch is caught with its rows changed but not committed, and the process
is killed there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from p4_desk.services import applications as apps
from p4_desk.services import privacy, site, users
from p4_desk.store.journal import CHAIN_LOCK_KEY
from p4_desk.store.models import Application, AuditEntry
from tests.support.permits import add_sip, make_ready, sip_request
from tests.support.sites import Clock, make_site

ROOT = Path(__file__).resolve().parents[2]
NIKS = ("1871015708900003", "1871021203850001", "1871014507920004")


@pytest.mark.postgres
def test_a_purge_killed_mid_batch_leaves_whole_rows(pg_url: str, clock: Clock) -> None:
    db = make_site(pg_url, clock)  # March 2026: long past 30 days today
    add_sip(db, name="Surat Izin Praktik", ktp="KTP-el")
    officer = users.get_user(db, "petugas1").actor
    for nik in NIKS:
        request = sip_request(nik=nik, name="Warga Uji", address="Jl. Kartini 3")
        number = apps.intake(db, request, officer).registration_number
        make_ready(db, number, officer)
        apps.hand_over(db, number, nik=nik, recipient="Warga Uji", actor=officer)
    site.set_setting(db, "privacy.applications_keep_days", 30)

    holder = create_engine(db.url).connect()
    holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": CHAIN_LOCK_KEY})
    holder.commit()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    url = db.url.render_as_string(hide_password=False)
    child = subprocess.Popen([sys.executable, "-m", "tests.support.purge_run", url], env=env, cwd=ROOT)
    try:
        # Given the purge caught in its first batch: the row updated, the commit waiting
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            waiting = holder.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'advisory' "
                    "AND datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).scalar()
            holder.commit()
            if waiting:
                break
            time.sleep(0.05)
        assert waiting == 1, "the purge never reached its commit"
        # When the process dies there
        child.kill()
        child.wait(30)
    finally:
        holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": CHAIN_LOCK_KEY})
        holder.commit()
        holder.close()
    # Then no row is half purged, nothing is counted, and the next run does all of it
    with db.read() as s:
        rows = s.execute(select(Application.name, Application.nik, Application.anonymised_at)).all()
        assert sorted(r.nik for r in rows) == sorted(NIKS) and {r.name for r in rows} == {"Warga Uji"}
        assert all(r.anonymised_at is None for r in rows)
        assert s.scalar(select(func.count()).where(AuditEntry.action == "privacy.purge")) == 0
    clock.now = datetime.now(UTC)  # the child ran on the real clock too
    assert privacy.purge(db, batch=2).counts["applications"] == 3
    with db.read() as s:
        assert {r for r in s.scalars(select(Application.name))} == {"[dihapus]"}
        counts = s.scalars(select(AuditEntry.details).where(AuditEntry.action == "privacy.purge")).all()
    assert sorted(c["count"] for c in counts if c["kind"] == "applications") == [1, 2]
    db.dispose()

"""The hourly chores: daily backup once per day, stale intake drafts purged, complaints closed."""

from __future__ import annotations

import pytest

from p4_desk.config import Settings
from p4_desk.services.housekeeping import run_housekeeping
from tests.support.sites import DEFAULT_START, Clock, make_site

pytestmark = pytest.mark.usefixtures("memory_keyring")  # the daily backup is encrypted with its key


def test_chores_are_idempotent_and_take_one_backup_a_day(sqlite_url: str) -> None:
    clock = Clock(DEFAULT_START)
    db = make_site(sqlite_url, clock)
    settings = Settings.load()
    first = run_housekeeping(db, settings, "counter")
    assert first["backups"] == 1
    again = run_housekeeping(db, settings, "counter")
    assert again == {
        "tickets_unserved": 0,
        "stats_days": 0,
        "complaints_closed": 0,
        "drafts_purged": 0,
        "personal_purged": 0,
        "backups": 0,
    }
    clock.advance(days=1)
    assert run_housekeeping(db, settings, "counter")["backups"] == 1

"""Periodic chores every workstation runs (at start and then hourly, off the UI thread).

All of them are idempotent, so several PCs of one site may run them at the same time:
tickets left waiting or called when their service day ended (the site's local midnight) are
closed as unserved, finished days are summarised for the statistics (``stats.summaries``),
complaints past their auto-close deadline are closed, intake drafts nobody touched for a week
are deleted (they hold personal data), personal data past its retention period is anonymised or
deleted (``services.privacy.purge``, batches that several PCs may run at once), and the daily
backup is taken when none exists for today.
"""

from __future__ import annotations

import logging

from p4_desk.config import Settings
from p4_desk.errors import P4Error
from p4_desk.services import applications, backup, complaints, privacy, queue, stats
from p4_desk.store.db import Database

log = logging.getLogger(__name__)

# On a shared PostgreSQL server only these roles take the daily backup (one pg_dump is enough).
BACKUP_ROLES_ON_SERVER = ("admin", "supervisor")


def run_housekeeping(db: Database, settings: Settings, role: str) -> dict[str, int]:
    done = {
        "tickets_unserved": 0,
        "stats_days": 0,
        "complaints_closed": 0,
        "drafts_purged": 0,
        "personal_purged": 0,
        "backups": 0,
    }
    chores = (
        ("tickets_unserved", lambda: queue.close_ended_days(db)),
        ("complaints_closed", lambda: len(complaints.auto_close_due(db))),
        ("drafts_purged", lambda: applications.purge_stale_drafts(db)),
        ("personal_purged", lambda: privacy.purge(db).total),
        # after the day end closed them, and after the purge (whose updates drop a day's summary)
        ("stats_days", lambda: stats.summarise_finished_days(db)),
        ("backups", lambda: int(_backup(db, settings, role))),
    )
    for name, chore in chores:
        try:
            done[name] = chore()
        except P4Error as exc:  # one chore failing never stops the others or the workstation
            log.warning("housekeeping %s failed: %s", name, exc.message)
    return done


def _backup(db: Database, settings: Settings, role: str) -> bool:
    if not db.is_sqlite and role not in BACKUP_ROLES_ON_SERVER:
        return False
    return backup.auto_backup_if_due(db, settings) is not None

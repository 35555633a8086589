"""What backups and restores report, and their errors."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from p4_desk.errors import P4Error

log = logging.getLogger(__name__)


WORKSTATION_APPLICATION_NAME = "p4-desk"
AUTO_PREFIX = "p4desk-auto-"
SQLITE_SUFFIX = ".sqlite3"
PG_SUFFIX = ".dump"
#: an encrypted backup (``sealed``): p4desk-auto-20260301-070000.sqlite3.p4bak
SEALED_SUFFIX = ".p4bak"


class BackupError(P4Error):
    code = "backup_failed"


class WorkstationsConnected(P4Error):
    code = "workstations_connected"


class BackupUnverified(P4Error):
    code = "backup_unverified"


@dataclass(frozen=True)
class BackupInfo:
    path: str
    size_bytes: int
    dialect: str
    taken_at: datetime


@dataclass(frozen=True)
class BackupCheck:
    """What ``verify_backup`` found: no problems means the audit trail is intact."""

    audit_rows: int
    problems: tuple[str, ...]  # Indonesian

    @property
    def verified(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class RestoreInfo:
    path: str
    dialect: str
    previous_copy: str | None  # what the restore replaced, kept aside
    check: BackupCheck | None = None
    sha256: str = ""

    @property
    def forced_unverified(self) -> bool:
        return self.check is not None and not self.check.verified

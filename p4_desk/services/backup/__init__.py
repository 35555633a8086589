"""Backup and restore of a site database, and the automatic daily backup.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies a consistent snapshot
while other workstations keep writing; a restore is written back through the same API, so
SQLite's own locks protect it, and the file it replaces is first copied aside.

PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists
--single-transaction`` (``pg_tools``).

Before anything is replaced the backup is verified (``verify_backup``): its audit log must carry
the append-only triggers and an unbroken hash chain (``store/journal.py``), and a site's log may
not be empty. A backup that fails is refused unless the admin passes ``force_unverified``; the
restore is recorded in the restored database either way (``record_restore``), with what was
found, so a forced restore stays visible.

"Connected" means: another process has the database open.
- SQLite: the workstations open it in WAL mode and keep their connections; leaving WAL mode
  needs the database to ourselves, so ``PRAGMA journal_mode=DELETE`` without waiting
  fails exactly when another connection (any process) is open.
- PostgreSQL: ``pg_stat_activity`` rows of the same database whose ``application_name`` is
  ``p4-desk`` (every workstation sets it), other than our own session.

Every backup is encrypted (``sealed``: AES-256-GCM with the site's key from the OS keyring,
``keys``; docs/privacy/backups.md); ``restore`` still reads the unencrypted files of before.

Modules: ``model`` (results, errors), ``take`` (backup, daily backup), ``pg_tools``,
``verify`` (audit trail of a backup file), ``restore``, ``sealed`` (the encrypted file),
``keys`` (the backup key in the keyring and on paper).
"""

from p4_desk.services.backup.model import (
    AUTO_PREFIX,
    PG_SUFFIX,
    SEALED_SUFFIX,
    SQLITE_SUFFIX,
    WORKSTATION_APPLICATION_NAME,
    BackupCheck,
    BackupError,
    BackupInfo,
    BackupUnverified,
    RestoreInfo,
    WorkstationsConnected,
)
from p4_desk.services.backup.pg_tools import find_pg_tool
from p4_desk.services.backup.restore import connected_workstations, record_restore, restore
from p4_desk.services.backup.take import auto_backup_if_due, backup, backup_dir
from p4_desk.services.backup.verify import verify_backup

__all__ = [
    "AUTO_PREFIX",
    "PG_SUFFIX",
    "SEALED_SUFFIX",
    "SQLITE_SUFFIX",
    "WORKSTATION_APPLICATION_NAME",
    "BackupCheck",
    "BackupError",
    "BackupInfo",
    "BackupUnverified",
    "RestoreInfo",
    "WorkstationsConnected",
    "auto_backup_if_due",
    "backup",
    "backup_dir",
    "connected_workstations",
    "find_pg_tool",
    "record_restore",
    "restore",
    "verify_backup",
]

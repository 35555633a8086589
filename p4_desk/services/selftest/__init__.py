"""Workstation self-test: one line per check, each required or optional.

``run_selftest`` never raises for a failing check; it reports it. The report passes when
every *required* check passes. What is required depends on the workstation:

| check            | required when                                                     |
|------------------|-------------------------------------------------------------------|
| database         | always (reachable, site set up, schema at the newest revision)    |
| audit_trail      | always (hash chain unbroken, append-only triggers in place)        |
| data_dir         | always (backups, PDFs and the embedded database are written there) |
| resources        | always (translations, theme, icons, default voice clips shipped)   |
| log_dir          | never                                                             |
| ticket_printer   | role ``kiosk``                                                    |
| keyring          | ``sync.url`` is set (the site token lives in the OS keyring)       |
| voice_clips      | role ``display`` with voice on and no TTS                         |
| audio_output     | never (needs Qt: a probe given by the caller)                     |
| multimedia       | role ``display`` with voice on and no TTS (needs Qt: a probe)     |
| daily_backup     | never (a warning when the newest automatic backup is > 2 days old) |
| private_files    | never (a warning when the database, backups, settings or logs are readable by others) |
| central_api      | never (offline-first: the site keeps working without it)          |
| central_token    | the central API answered (a refused token needs re-enrolment)     |
| clock_drift      | the central API answered (more than 2 minutes off fails)           |

This module stays Qt-free: OS printer lookup, audio devices and the QtMultimedia backend come
through ``Probes``; the defaults ask ``lpstat`` (CUPS) or the Windows spooler for printers and
skip audio.

The site token is read through ``p4_desk.sync.credentials.KeyringStore`` when the sync module
is present; otherwise with ``keyring.get_password(keyring_service, "<SITE>@<sync url>")``, the
same names the sync module uses (service ``p4-desk-sync``); the service name is a parameter.

Modules: ``model`` (results, probes), ``local`` (this workstation), ``central`` (the central API).
"""

from __future__ import annotations

from p4_desk.config import Settings, data_dir, log_dir
from p4_desk.services.selftest.central import check_central
from p4_desk.services.selftest.files import check_private_files
from p4_desk.services.selftest.local import (
    check_audio,
    check_audit_trail,
    check_daily_backup,
    check_database,
    check_keyring,
    check_multimedia,
    check_resources,
    check_ticket_printer,
    check_voice,
    check_writable,
)
from p4_desk.services.selftest.model import (
    DEFAULT_KEYRING_SERVICE,
    CheckResult,
    MultimediaStatus,
    Probes,
    SelfTestReport,
    lpstat_or_windows_printer,
)

__all__ = [
    "DEFAULT_KEYRING_SERVICE",
    "CheckResult",
    "MultimediaStatus",
    "Probes",
    "SelfTestReport",
    "lpstat_or_windows_printer",
    "run_selftest",
]


def run_selftest(
    settings: Settings,
    *,
    url: str | None = None,
    probes: Probes | None = None,
    keyring_service: str = DEFAULT_KEYRING_SERVICE,
) -> SelfTestReport:
    probes = probes or Probes()
    role = str(settings.get("workstation.role"))
    sync_url = str(settings.get("sync.url") or "").rstrip("/")
    database, site_code = check_database(url or settings.database_url())
    checks = [
        database,
        check_audit_trail(url or settings.database_url(), database.ok),
        check_writable("data_dir", "Folder data dapat ditulisi", data_dir(), required=True),
        check_writable("log_dir", "Folder log dapat ditulisi", log_dir(), required=False),
        check_resources(str(settings.get("workstation.language") or "id")),
        check_ticket_printer(settings, probes, required=role == "kiosk"),
        check_keyring(required=bool(sync_url)),
        check_voice(settings, required=role == "display"),
        check_audio(probes),
        check_multimedia(settings, probes, required=role == "display"),
        check_daily_backup(settings),
        check_private_files(settings, url or settings.database_url()),
    ]
    checks.extend(check_central(settings, sync_url, site_code, keyring_service))
    return SelfTestReport(tuple(checks))

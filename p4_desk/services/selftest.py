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
| central_api      | never (offline-first: the site keeps working without it)          |
| central_token    | the central API answered (a refused token needs re-enrolment)     |
| clock_drift      | the central API answered (more than 2 minutes off fails)           |

This module stays Qt-free: OS printer lookup, audio devices and the QtMultimedia backend come
through ``Probes``; the defaults ask ``lpstat`` (CUPS) or the Windows spooler for printers and
skip audio.

The site token is read through ``p4_desk.sync.credentials.KeyringStore`` when the sync module
is present; otherwise with ``keyring.get_password(keyring_service, "<SITE>@<sync url>")``, the
same names the sync module uses (service ``p4-desk-sync``); the service name is a parameter.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from p4_desk.config import Settings, data_dir, log_dir
from p4_desk.errors import P4Error

DEFAULT_KEYRING_SERVICE = "p4-desk-sync"  # p4_desk.sync.credentials.SERVICE_NAME
MAX_CLOCK_DRIFT_SECONDS = 120
HTTP_TIMEOUT_SECONDS = 5.0
# An authenticated, read-only call: answers 401/403 when the site's token is not valid.
TOKEN_CHECK_PATH = "/api/v1/sites/{site}/application-updates?cursor=0"


@dataclass(frozen=True)
class CheckResult:
    name: str
    title: str  # Indonesian, shown to site IT
    required: bool
    ok: bool
    detail: str  # Indonesian
    skipped: bool = False

    @property
    def line(self) -> str:
        mark = (
            "LEWAT" if self.skipped else ("OK" if self.ok else ("GAGAL" if self.required else "PERINGATAN"))
        )
        need = "wajib" if self.required else "opsional"
        return f"[{mark:^10}] {self.title} ({need}): {self.detail}"


@dataclass(frozen=True)
class SelfTestReport:
    checks: tuple[CheckResult, ...]

    @property
    def passed(self) -> bool:
        return all(c.ok for c in self.checks if c.required)

    def to_json(self) -> dict[str, Any]:
        return {"passed": self.passed, "checks": [asdict(c) for c in self.checks]}

    def text(self) -> str:
        verdict = (
            "Semua pemeriksaan wajib lulus."
            if self.passed
            else "Ada pemeriksaan wajib yang gagal: workstation ini belum siap dipakai."
        )
        return "\n".join([*(c.line for c in self.checks), verdict])


def lpstat_or_windows_printer(name: str) -> bool | None:
    """Is the OS printer ``name`` installed? None when this machine cannot tell."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        handle = wintypes.HANDLE()
        winspool = ctypes.WinDLL("winspool.drv")  # type: ignore[attr-defined,unused-ignore]
        if winspool.OpenPrinterW(name, ctypes.byref(handle), None):
            winspool.ClosePrinter(handle)
            return True
        return False
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    result = subprocess.run([lpstat, "-p", name], capture_output=True, text=True, timeout=10)
    return result.returncode == 0


@dataclass(frozen=True)
class MultimediaStatus:
    """What the QtMultimedia probe found when it played a clip as the display board does."""

    audio: str | None  # the audio backend QSoundEffect went through ("pulseaudio", "pipewire", ...)
    played: bool  # a QSoundEffect on the default output loaded the clip and started playing it
    device: str = ""  # the output device
    media_plugin: str | None = None  # QtMultimedia's media backend plugin (QMediaPlayer), if any
    detail: str = ""  # Indonesian: why the clip was not played


@dataclass(frozen=True)
class Probes:
    """What the Qt-free self-test cannot look at itself; the GUI/CLI may plug in Qt lookups."""

    os_printer: Callable[[str], bool | None] = lpstat_or_windows_printer
    #: names of the audio output devices; None: not checked
    audio_outputs: Callable[[], list[str]] | None = None
    #: start QtMultimedia as the display does and play-ready the given clip; None: not checked
    multimedia: Callable[[Path], MultimediaStatus] | None = None


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
    database, site_code = _check_database(url or settings.database_url())
    checks = [
        database,
        _check_audit_trail(url or settings.database_url(), database.ok),
        _check_writable("data_dir", "Folder data dapat ditulisi", data_dir(), required=True),
        _check_writable("log_dir", "Folder log dapat ditulisi", log_dir(), required=False),
        _check_resources(str(settings.get("workstation.language") or "id")),
        _check_ticket_printer(settings, probes, required=role == "kiosk"),
        _check_keyring(required=bool(sync_url)),
        _check_voice(settings, required=role == "display"),
        _check_audio(probes),
        _check_multimedia(settings, probes, required=role == "display"),
        _check_daily_backup(settings),
    ]
    checks.extend(_check_central(settings, sync_url, site_code, keyring_service))
    return SelfTestReport(tuple(checks))


# --- database and folders -------------------------------------------------------------------


def _check_database(url: str) -> tuple[CheckResult, str | None]:
    from sqlalchemy.engine import make_url

    from p4_desk.services.site import get_site
    from p4_desk.store.db import Database
    from p4_desk.store.migrate import current_revision, head_revision

    def result(ok: bool, detail: str) -> CheckResult:
        return CheckResult("database", "Basis data terhubung dan skema terbaru", True, ok, detail)

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).is_file():
        return result(False, f"Berkas {parsed.database} tidak ada. Jalankan: p4-desk init"), None
    try:
        db = Database(url)
    except P4Error as exc:
        return result(False, exc.message), None
    try:
        db.check_connection()
        current, head = current_revision(db), head_revision()
        if current != head:
            return result(
                False,
                f"Skema pada revisi {current or 'kosong'}, terbaru {head}. Jalankan: p4-desk db upgrade",
            ), None
        site = get_site(db)
        where = "SQLite" if db.is_sqlite else f"PostgreSQL {db.url.host or 'lokal'}"
        return result(True, f"{where}, situs {site.code} — {site.name}, revisi {current}"), site.code
    except P4Error as exc:
        return result(False, exc.message), None
    finally:
        db.dispose()


def _check_audit_trail(url: str, database_ok: bool) -> CheckResult:
    from p4_desk.store.db import Database
    from p4_desk.store.journal import guard_problems, verify_chain

    title = "Log audit utuh (rantai hash dan pemicu)"
    if not database_ok:
        return CheckResult("audit_trail", title, True, False, "basis data belum dapat diperiksa")
    db = Database(url)
    try:
        problems = guard_problems(db)
        chain = verify_chain(db)
    except P4Error as exc:
        return CheckResult("audit_trail", title, True, False, exc.message)
    finally:
        db.dispose()
    if chain.problem:
        problems.append(chain.problem)
    elif chain.rows == 0:
        problems.append("log audit kosong padahal situs sudah disiapkan")
    if problems:
        return CheckResult(
            "audit_trail", title, True, False, "; ".join(problems) + ": log audit telah diutak-atik"
        )
    return CheckResult(
        "audit_trail", title, True, True, f"{chain.rows} entri berantai utuh, pemicu terpasang"
    )


def _check_writable(name: str, title: str, folder: Path, *, required: bool) -> CheckResult:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".selftest-"):
            pass
    except OSError as exc:
        return CheckResult(name, title, required, False, f"{folder}: {exc.strerror or exc}")
    return CheckResult(name, title, required, True, str(folder))


def _check_resources(language: str) -> CheckResult:
    """The files shipped with the program: a missing one means a broken installation."""
    from p4_desk.resources import missing_assets, resources_dir
    from p4_desk.voice.announcement import CLIP_VOCABULARY

    title = "Berkas program (terjemahan, tema, ikon, rekaman suara bawaan)"
    folder = resources_dir()
    missing = missing_assets(CLIP_VOCABULARY, language)
    if missing:
        shown = ", ".join(missing[:6]) + (" ..." if len(missing) > 6 else "")
        return CheckResult(
            "resources",
            title,
            True,
            False,
            f"{len(missing)} berkas tidak ada atau rusak di {folder}: {shown}. Pasang ulang P4 Desk.",
        )
    return CheckResult("resources", title, True, True, f"lengkap di {folder} (bahasa {language})")


# --- printer --------------------------------------------------------------------------------


def _check_ticket_printer(settings: Settings, probes: Probes, *, required: bool) -> CheckResult:
    target = str(settings.get("printer.ticket_target") or "pdf").strip()
    paper = settings.get("printer.ticket_paper_mm")

    def result(ok: bool, detail: str) -> CheckResult:
        return CheckResult(
            "ticket_printer", "Printer tiket", required, ok, f"{target} ({paper} mm): {detail}"
        )

    kind, _, address = target.partition(":")
    if paper not in (58, 80):
        return result(False, "lebar kertas harus 58 atau 80 mm")
    if kind == "pdf":
        return result(True, "tiket dibuat sebagai PDF (selalu tersedia)")
    if kind == "escpos-net":
        host, _, port = address.rpartition(":") if ":" in address else (address, "", "9100")
        try:
            with socket.create_connection((host, int(port or 9100)), timeout=3):
                return result(True, "printer jaringan menjawab")
        except (OSError, ValueError) as exc:
            return result(False, f"printer jaringan tidak dapat dihubungi ({exc})")
    if kind == "escpos-serial" and sys.platform == "win32":
        return result(True, "port serial tidak diperiksa otomatis; lakukan tes cetak")
    if kind in ("escpos-file", "escpos-serial"):
        # escpos-serial:/dev/ttyUSB0[:BAUD]; escpos-file:PATH (a file that may not exist yet)
        device = Path(address.split(":")[0] if kind == "escpos-serial" else address)
        if device.exists():
            ok = os.access(device, os.W_OK)
        else:
            ok = kind == "escpos-file" and os.access(device.parent, os.W_OK)
        return result(ok, "dapat ditulisi" if ok else f"{device} tidak ada atau tidak dapat ditulisi")
    if kind == "escpos-usb":
        return result(True, "printer USB tidak diperiksa otomatis; lakukan tes cetak dari Admin")
    if kind == "printer":
        found = probes.os_printer(address)
        if found is None:
            return result(True, "daftar printer sistem tidak dapat dibaca di komputer ini; lakukan tes cetak")
        return result(found, "terpasang di sistem" if found else "printer tidak ditemukan di sistem")
    return result(False, "alamat printer tidak dikenali")


# --- keyring, voice, audio ------------------------------------------------------------------


def _check_keyring(*, required: bool) -> CheckResult:
    """Where the site token would be kept: the OS keyring, or the encrypted credential file."""
    from p4_desk.sync.credentials import CredentialStoreUnavailable, KeyringStore

    title = "Penyimpanan rahasia (keyring) sistem"
    store = KeyringStore()
    try:
        store.require_usable()
        where = store.description
    except CredentialStoreUnavailable as exc:
        return CheckResult("keyring", title, required, False, exc.message)
    except Exception as exc:  # noqa: BLE001 - any backend failure means "not usable"
        return CheckResult("keyring", title, required, False, f"tidak dapat dibuka: {exc}")
    return CheckResult("keyring", title, required, True, where)


def _check_voice(settings: Settings, *, required: bool) -> CheckResult:
    title = "Rekaman suara panggilan"
    if not settings.get("voice.enabled"):
        return CheckResult("voice_clips", title, False, True, "suara panggilan dimatikan", skipped=True)
    if settings.get("voice.tts"):
        return CheckResult("voice_clips", title, False, True, "memakai text-to-speech sistem", skipped=True)
    from p4_desk.voice import ClipLibrary
    from p4_desk.voice.announcement import CLIP_VOCABULARY

    site_dir = str(settings.get("voice.clips_dir") or "")
    library = ClipLibrary.for_site(Path(site_dir) if site_dir else None)
    missing = library.missing(CLIP_VOCABULARY)
    if missing:
        shown = ", ".join(missing[:8]) + (" ..." if len(missing) > 8 else "")
        return CheckResult(
            "voice_clips", title, required, False, f"{len(missing)} rekaman tidak ada: {shown}"
        )
    return CheckResult("voice_clips", title, required, True, f"{len(CLIP_VOCABULARY)} rekaman lengkap")


def _check_audio(probes: Probes) -> CheckResult:
    title = "Keluaran suara"
    if probes.audio_outputs is None:
        return CheckResult("audio_output", title, False, True, "tidak diperiksa", skipped=True)
    try:
        devices = probes.audio_outputs()
    except Exception as exc:  # noqa: BLE001 - a broken audio stack is a finding, not a crash
        return CheckResult("audio_output", title, False, False, f"tidak dapat dibaca: {exc}")
    if not devices:
        return CheckResult("audio_output", title, False, False, "tidak ada perangkat keluaran suara")
    return CheckResult("audio_output", title, False, True, ", ".join(devices[:3]))


def _check_multimedia(settings: Settings, probes: Probes, *, required: bool) -> CheckResult:
    title = "Pemutar suara panggilan (QtMultimedia)"
    voice_on = bool(settings.get("voice.enabled")) and not settings.get("voice.tts")
    if probes.multimedia is None:
        return CheckResult("multimedia", title, False, True, "tidak diperiksa", skipped=True)
    required = required and voice_on
    from p4_desk.voice import ClipLibrary
    from p4_desk.voice.announcement import CHIME

    site_dir = str(settings.get("voice.clips_dir") or "")
    clip = ClipLibrary.for_site(Path(site_dir) if site_dir else None).path_for(CHIME)
    if clip is None:
        return CheckResult("multimedia", title, required, False, f"rekaman {CHIME}.wav tidak ada")
    try:
        status = probes.multimedia(clip)
    except Exception as exc:  # noqa: BLE001 - a broken multimedia stack is a finding, not a crash
        return CheckResult("multimedia", title, required, False, f"tidak dapat dimulai: {exc}")
    plugin = f"; plugin media {status.media_plugin}" if status.media_plugin else ""
    if not status.played:
        audio = f"audio {status.audio}: " if status.audio else ""
        return CheckResult("multimedia", title, required, False, f"{audio}{status.detail}{plugin}")
    return CheckResult(
        "multimedia",
        title,
        required,
        True,
        f"audio {status.audio or 'tidak dikenal'} ({status.device}); {clip.name} diputar{plugin}",
    )


def _check_daily_backup(settings: Settings) -> CheckResult:
    from p4_desk.services.backup import AUTO_PREFIX, backup_dir

    title = "Cadangan harian otomatis"
    if not settings.get("backup.daily"):
        return CheckResult("daily_backup", title, False, True, "dimatikan (backup.daily)", skipped=True)
    folder = backup_dir()
    newest = max((p.stat().st_mtime for p in folder.glob(f"{AUTO_PREFIX}*")), default=None)
    if newest is None:
        return CheckResult("daily_backup", title, False, False, f"belum ada cadangan otomatis di {folder}")
    age_days = (datetime.now(UTC).timestamp() - newest) / 86400
    ok = age_days <= 2
    detail = f"cadangan terbaru {age_days:.1f} hari yang lalu di {folder}"
    return CheckResult("daily_backup", title, False, ok, detail if ok else detail + "; periksa pencadangan")


# --- central API ----------------------------------------------------------------------------


def _check_central(
    settings: Settings, sync_url: str, site_code: str | None, keyring_service: str
) -> list[CheckResult]:
    api, token_title, drift_title = (
        "Server pusat (API provinsi)",
        "Token situs di server pusat",
        "Selisih jam",
    )
    if not sync_url:
        return [
            CheckResult(
                "central_api", api, False, True, "sinkronisasi belum diatur (sync.url kosong)", skipped=True
            )
        ]
    import requests

    verify: bool | str = str(settings.get("sync.ca_bundle") or "") or True
    token = _site_token(keyring_service, sync_url, site_code)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    session = requests.Session()
    session.headers.update(headers)
    results: list[CheckResult] = []
    try:
        sent = datetime.now(UTC)
        health = session.get(f"{sync_url}/api/v1/health", timeout=HTTP_TIMEOUT_SECONDS, verify=verify)
        clock = session.get(f"{sync_url}/api/v1/time", timeout=HTTP_TIMEOUT_SECONDS, verify=verify)
        received = datetime.now(UTC)
    except requests.RequestException as exc:
        reason = type(exc).__name__
        return [CheckResult("central_api", api, False, False, f"{sync_url} tidak dapat dihubungi ({reason})")]
    reachable = health.ok and clock.ok
    results.append(
        CheckResult(
            "central_api",
            api,
            False,
            reachable,
            f"{sync_url} menjawab"
            if reachable
            else f"{sync_url} menjawab dengan status {health.status_code}",
        )
    )
    if not reachable:
        return results

    if not site_code:
        results.append(CheckResult("central_token", token_title, True, False, "situs belum disiapkan"))
    elif not token:
        results.append(
            CheckResult(
                "central_token",
                token_title,
                True,
                False,
                "token situs tidak ada di keyring; daftarkan situs (enrol)",
            )
        )
    else:
        try:
            answer = session.get(
                sync_url + TOKEN_CHECK_PATH.format(site=site_code),
                timeout=HTTP_TIMEOUT_SECONDS,
                verify=verify,
            )
            valid = answer.status_code not in (401, 403)
            detail = "diterima" if valid else "ditolak server pusat; daftarkan ulang situs (enrol)"
        except requests.RequestException as exc:
            valid, detail = False, f"tidak dapat diperiksa ({type(exc).__name__})"
        results.append(CheckResult("central_token", token_title, True, valid, detail))

    try:
        server_now = datetime.fromisoformat(str(clock.json()["now"]).replace("Z", "+00:00"))
    except (ValueError, KeyError, TypeError):
        results.append(
            CheckResult("clock_drift", drift_title, True, False, "jawaban /api/v1/time tidak dikenali")
        )
        return results
    midpoint = sent + (received - sent) / 2
    drift = (midpoint - server_now).total_seconds()
    ok = abs(drift) <= MAX_CLOCK_DRIFT_SECONDS
    direction = "lebih cepat" if drift > 0 else "lebih lambat"
    detail = f"jam komputer ini {abs(drift):.0f} detik {direction} dari server pusat"
    if not ok:
        detail += f" (batas {MAX_CLOCK_DRIFT_SECONDS} detik): setel jam Windows/NTP"
    results.append(CheckResult("clock_drift", drift_title, True, ok, detail))
    return results


def _site_token(keyring_service: str, sync_url: str, site_code: str | None) -> str | None:
    if not site_code:
        return None
    try:
        if keyring_service == DEFAULT_KEYRING_SERVICE:
            try:
                from p4_desk.sync.credentials import KeyringStore
            except ImportError:
                pass
            else:
                return KeyringStore().get_token(sync_url, site_code)
        import keyring

        return keyring.get_password(keyring_service, f"{site_code}@{sync_url.rstrip('/')}")
    except Exception:  # noqa: BLE001 - a locked or missing keyring means "no token"
        return None

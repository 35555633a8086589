"""The checks of this workstation itself: database, audit trail, folders, resources, printer,
keyring, voice, audio and the daily backup."""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from p4_desk import owner_only
from p4_desk.config import Settings
from p4_desk.errors import P4Error
from p4_desk.services.selftest.model import CheckResult, Probes

# --- database and folders -------------------------------------------------------------------


def check_database(url: str) -> tuple[CheckResult, str | None]:
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


def check_audit_trail(url: str, database_ok: bool) -> CheckResult:
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


def check_writable(name: str, title: str, folder: Path, *, required: bool) -> CheckResult:
    try:
        if not folder.exists():
            owner_only.private_dir(folder)  # as the app itself makes it
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".selftest-"):
            pass
    except OSError as exc:
        return CheckResult(name, title, required, False, f"{folder}: {exc.strerror or exc}")
    return CheckResult(name, title, required, True, str(folder))


def check_resources(language: str) -> CheckResult:
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


def check_ticket_printer(settings: Settings, probes: Probes, *, required: bool) -> CheckResult:
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


def check_keyring(*, required: bool) -> CheckResult:
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


def check_voice(settings: Settings, *, required: bool) -> CheckResult:
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


def check_audio(probes: Probes) -> CheckResult:
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


def check_multimedia(settings: Settings, probes: Probes, *, required: bool) -> CheckResult:
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


def check_daily_backup(settings: Settings) -> CheckResult:
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

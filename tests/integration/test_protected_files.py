"""Protected files (issue 15.5): the site database, backups, pre-restore copies, settings.toml and
logs are owner-only; backups are encrypted with the site's key from the keyring, restore opens
them (and older plain ones), a wrong key is refused in Indonesian and loses nothing; selftest
warns when a file is readable by others. Real files, real SQLite and PostgreSQL, real pg_dump."""

from __future__ import annotations

import logging
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from p4_desk import logs
from p4_desk.config import Settings
from p4_desk.services import backup as backups
from p4_desk.services import queue
from p4_desk.services.backup import keys, sealed
from p4_desk.services.backup.take import plain_copy
from p4_desk.services.selftest.files import check_private_files
from p4_desk.store.db import Database
from p4_desk.store.models import Ticket
from tests.support.cli import add_cli_admin
from tests.support.cli import run_p4 as p4
from tests.support.memory_keyring import MemoryKeyring
from tests.support.sites import make_site

pytestmark = [
    pytest.mark.usefixtures("memory_keyring"),
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX mode bits (Windows: icacls, owner_only)"),
]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def numbers(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(Ticket.number).order_by(Ticket.seq)))


def test_an_encrypted_backup_is_owner_only_unreadable_and_restores(db_url: str, tmp_path: Path) -> None:
    db = make_site(db_url)
    for _ in range(3):
        queue.issue_ticket(db, "KTP")
    issued = numbers(db)
    target = tmp_path / "cadangan" / "harian.p4bak"

    info = backups.backup(db, target)

    assert (mode(target), mode(target.parent)) == (0o600, 0o700)
    raw = target.read_bytes()
    assert info.size_bytes == len(raw) and raw.startswith(sealed.MAGIC)
    assert b"SQLite format 3" not in raw and b"PGDMP" not in raw and b"MPP Uji Coba" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(f"file:{target}?mode=ro", uri=True).execute("SELECT count(*) FROM site").fetchone()
    assert sorted(p.name for p in target.parent.iterdir()) == ["harian.p4bak"]  # no plain copy left

    queue.issue_ticket(db, "KTP")  # work after the backup: the restore takes it back
    db.dispose()
    keep = tmp_path / "sebelum"
    restored = backups.restore(db_url, target, keep_dir=keep)

    assert restored.path == str(target) and restored.check is not None and restored.check.verified
    again = Database(db_url)
    assert numbers(again) == issued
    again.dispose()
    assert restored.previous_copy is not None and mode(Path(restored.previous_copy)) == 0o600
    assert mode(keep) == 0o700 and [p.name for p in keep.iterdir()] == [Path(restored.previous_copy).name]


def test_a_wrong_or_missing_key_is_refused_in_indonesian_and_nothing_changes(
    sqlite_url: str, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    db = make_site(sqlite_url)
    queue.issue_ticket(db, "KTP")
    target = tmp_path / "cadangan.p4bak"
    backups.backup(db, target)
    queue.issue_ticket(db, "KTP")
    before = numbers(db)
    db.dispose()
    other = tmp_path / "kunci-lain.txt"
    keys.write_key_file(other, "LAIN", bytes(32))

    with pytest.raises(sealed.WrongBackupKey) as wrong:
        backups.restore(sqlite_url, target, key=keys.read_key_file(other), keep_dir=tmp_path / "simpan")
    assert "bukan kunci cadangan cadangan.p4bak" in wrong.value.message
    assert "Tidak ada yang diubah" in wrong.value.message

    site = sealed.sealed_site(target)
    recovery = tmp_path / "kunci-pemulihan.txt"
    key = keys.site_key(site, create=False)
    assert key is not None
    keys.write_key_file(recovery, site, key)
    assert mode(recovery) == 0o600 and keys.key_text(key) in recovery.read_text(encoding="utf-8")
    memory_keyring.delete_password(keys.SERVICE_NAME, f"backup-key@{site}")  # a new PC: no key kept

    with pytest.raises(keys.BackupKeyMissing) as missing:
        backups.restore(sqlite_url, target, keep_dir=tmp_path / "simpan")
    assert "--key-file" in missing.value.message and "Tidak ada yang diubah" in missing.value.message

    check = Database(sqlite_url)
    assert numbers(check) == before  # the site is untouched
    check.dispose()
    assert not list((tmp_path / "simpan").glob(".p4desk-opening-*"))  # no plain scratch left behind

    backups.restore(sqlite_url, target, key=keys.read_key_file(recovery), keep_dir=tmp_path / "simpan")
    check = Database(sqlite_url)
    assert numbers(check) == before[:1]
    check.dispose()


def test_an_old_unencrypted_backup_still_restores(sqlite_url: str, tmp_path: Path) -> None:
    db = make_site(sqlite_url)
    queue.issue_ticket(db, "KTP")
    old = tmp_path / "lama.sqlite3"
    plain_copy(db, old)  # what backup wrote before issue 15
    queue.issue_ticket(db, "KTP")
    db.dispose()

    backups.restore(sqlite_url, old, keep_dir=tmp_path / "simpan")

    check = Database(sqlite_url)
    assert len(numbers(check)) == 1
    check.dispose()


def test_database_settings_and_logs_are_created_owner_only_and_selftest_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("P4_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("P4_DESK_LOG_DIR", str(tmp_path / "log"))
    url = f"sqlite:///{(tmp_path / 'data' / 'p4desk.sqlite3').as_posix()}"
    make_site(url).dispose()
    settings = Settings({"database.url": url}, path=tmp_path / "config" / "settings.toml")
    settings.save()
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        log_path = logs.setup_logging()
        logging.getLogger("p4_desk.test").info("baris uji")
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()

    database = tmp_path / "data" / "p4desk.sqlite3"
    assert mode(database) == 0o600 and mode(database.parent) == 0o700
    assert mode(settings.path) == 0o600 and mode(settings.path.parent) == 0o700
    assert mode(log_path) == 0o600 and mode(log_path.parent) == 0o700
    assert check_private_files(settings, url).ok

    database.chmod(0o644)  # e.g. copied back by hand
    warned = check_private_files(settings, url)

    assert not warned.ok and not warned.required
    assert f"{database} dapat dibaca semua akun di komputer ini (mode 0644, seharusnya 0600)" in warned.detail
    assert "NIK" in warned.detail


def test_the_recovery_key_on_paper_restores_a_backup_on_a_pc_without_it(
    sqlite_url: str, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    # Given a site with a backup, and the admin's recovery key printed and saved
    db = make_site(sqlite_url)
    add_cli_admin(db)
    queue.issue_ticket(db, "KTP")
    db.dispose()
    backup = tmp_path / "cadangan.p4bak"
    assert p4("backup", str(backup), "--db", sqlite_url).returncode == 0
    shown = p4("backup-key", "--out", str(tmp_path / "kunci.txt"), "--db", sqlite_url)
    assert shown.returncode == 0, shown.stderr
    assert "Kunci pemulihan cadangan situs MPP-TEST" in shown.stdout and "brankas" in shown.stdout
    printed = next(line.strip() for line in shown.stdout.splitlines() if line.count("-") == 12)
    assert (tmp_path / "kunci.txt").read_text(encoding="utf-8").endswith(f"Kunci: {printed}\n")
    # When the keyring is lost (a new PC) and the admin types the key from paper into a file
    memory_keyring.delete_password(keys.SERVICE_NAME, "backup-key@MPP-TEST")
    refused = p4("restore", str(backup), "--force", "--db", sqlite_url)
    typed = tmp_path / "diketik.txt"
    typed.write_text(printed.lower().replace("-", " "), encoding="utf-8")
    done = p4("restore", str(backup), "--force", "--key-file", str(typed), "--db", sqlite_url)
    # Then the first attempt says what to do, the second restores, and the key is kept again
    assert refused.returncode == 1 and "--key-file" in refused.stderr and "Traceback" not in refused.stderr
    assert done.returncode == 0, done.stderr
    assert "Basis data dipulihkan" in done.stdout
    assert memory_keyring.get_password(keys.SERVICE_NAME, "backup-key@MPP-TEST") == printed

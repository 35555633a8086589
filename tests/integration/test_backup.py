"""Backup while another process issues tickets; restore; refusal while workstations are connected."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from p4_desk.config import Settings
from p4_desk.errors import ValidationError
from p4_desk.services import backup as backups
from p4_desk.services.backup import WorkstationsConnected
from p4_desk.store.db import Database
from p4_desk.store.models import Ticket
from tests.support.sites import DEFAULT_START, Clock, make_site

pytestmark = pytest.mark.usefixtures("memory_keyring")  # backups are encrypted with a key kept there

ROOT = Path(__file__).resolve().parents[2]

# A counter/kiosk process: issues KTP tickets until told to stop (a line on stdin) and prints
# each number only after its transaction committed.
WRITER = """
import sys, threading
from p4_desk.store.db import Database
from p4_desk.services import queue
db = Database(sys.argv[1])
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
while not stop.is_set():
    print(queue.issue_ticket(db, "KTP").number, flush=True)
print("END", flush=True)
"""

# A workstation that is simply open: it has read the queue once and keeps its connection.
HOLDER = """
import sys
from p4_desk.store.db import Database
from p4_desk.services import queue
db = Database(sys.argv[1])
queue.queue_status(db)
print("READY", flush=True)
sys.stdin.readline()
"""


@contextmanager
def workstation(script: str, url: str) -> Iterator[subprocess.Popen[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", script, url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def ticket_numbers(url: str) -> list[str]:
    db = Database(url)
    try:
        with db.read() as s:
            return list(s.scalars(select(Ticket.number).order_by(Ticket.seq)))
    finally:
        db.dispose()


def test_backup_during_work_restores_every_ticket_committed_before_it(db_url: str, tmp_path: Path) -> None:
    # Given a site where another process keeps issuing tickets
    db = make_site(db_url)
    target = tmp_path / ("backup.sqlite3" if db.is_sqlite else "backup.dump")
    with workstation(WRITER, db_url) as writer:
        assert writer.stdout is not None
        committed_before = [writer.stdout.readline().strip() for _ in range(15)]
        # When the backup is taken while it is still writing
        backups.backup(db, target)
        issued_after = [writer.stdout.readline().strip() for _ in range(15)]
        writer.stdin.write("stop\n")  # type: ignore[union-attr]
        writer.stdin.flush()  # type: ignore[union-attr]
        rest = [line.strip() for line in writer.stdout]
        assert writer.wait(timeout=60) == 0
    assert rest[-1] == "END"
    from p4_desk.services import queue

    on_real_clock = Database(db_url)  # the writer's service day, not the test clock's
    certainly_after = queue.issue_ticket(on_real_clock, "KTP").number
    on_real_clock.dispose()
    everything = committed_before + issued_after + rest[:-1] + [certainly_after]
    assert ticket_numbers(db_url) == everything
    db.dispose()

    # Then restoring it brings back every ticket committed before the backup, as an unbroken
    # prefix of the numbers handed out (a consistent snapshot, no holes), and not the later ones
    info = backups.restore(db_url, target, keep_dir=tmp_path / "kept")
    restored = ticket_numbers(db_url)
    assert restored[: len(committed_before)] == committed_before
    assert restored == everything[: len(restored)]
    assert certainly_after not in restored
    # and what the restore replaced was kept aside, complete
    assert info.previous_copy is not None
    kept_url = f"sqlite:///{info.previous_copy}" if db_url.startswith("sqlite") else None
    if kept_url:
        assert ticket_numbers(kept_url) == everything
    else:
        assert Path(info.previous_copy).stat().st_size > 0


def test_restore_refuses_while_a_workstation_is_connected_unless_forced(db_url: str, tmp_path: Path) -> None:
    db = make_site(db_url)
    from p4_desk.services import queue

    queue.issue_ticket(db, "KTP")
    target = tmp_path / "backup.bin"
    backups.backup(db, target)
    queue.issue_ticket(db, "KTP")  # A002: not in the backup
    db.dispose()

    with workstation(HOLDER, db_url) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "READY"
        # When site IT tries to restore while the counter is still open: refused, nothing changed
        with pytest.raises(WorkstationsConnected) as refused:
            backups.restore(db_url, target, keep_dir=tmp_path / "kept")
        assert "--force" in refused.value.message
        assert ticket_numbers(db_url) == ["A001", "A002"]
        assert backups.connected_workstations(db_url)
        # Forced, it goes ahead
        backups.restore(db_url, target, force=True, keep_dir=tmp_path / "kept")
        assert ticket_numbers(db_url) == ["A001"]
        holder.stdin.write("done\n")  # type: ignore[union-attr]
        holder.stdin.flush()  # type: ignore[union-attr]
        holder.wait(timeout=30)
    # Once the workstation has closed, nobody is connected and a plain restore works
    assert backups.connected_workstations(db_url) == []
    backups.restore(db_url, target, keep_dir=tmp_path / "kept")
    assert ticket_numbers(db_url) == ["A001"]


def test_restore_refuses_a_file_that_is_not_a_backup(sqlite_url: str, tmp_path: Path) -> None:
    make_site(sqlite_url).dispose()
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("bukan basis data")
    with pytest.raises(ValidationError) as refused:
        backups.restore(sqlite_url, junk)
    assert "bukan cadangan" in refused.value.message
    assert ticket_numbers(sqlite_url) == []  # the site is untouched


def test_daily_backup_once_per_site_day_keeping_the_newest(sqlite_url: str, tmp_path: Path) -> None:
    clock = Clock(DEFAULT_START)
    db = make_site(sqlite_url, clock)
    settings = Settings({"backup.keep": 2}, path=tmp_path / "settings.toml")
    folder = tmp_path / "auto"

    first = backups.auto_backup_if_due(db, settings, folder)
    assert first is not None and first.is_file()
    clock.advance(hours=5)  # 15:00 WIB, same service day
    assert backups.auto_backup_if_due(db, settings, folder) is None
    made = [first]
    for _ in range(3):
        clock.advance(days=1)
        new = backups.auto_backup_if_due(db, settings, folder)
        assert new is not None
        made.append(new)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in made[-2:])

    disabled = Settings({"backup.daily": False}, path=tmp_path / "settings.toml")
    clock.advance(days=1)
    assert backups.auto_backup_if_due(db, disabled, folder) is None


def test_a_failing_daily_backup_is_logged_and_does_not_stop_the_workstation(
    sqlite_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = make_site(sqlite_url)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backup folder should be")
    with caplog.at_level("WARNING", logger="p4_desk.services.backup"):
        assert backups.auto_backup_if_due(db, Settings(path=tmp_path / "s.toml"), blocked / "auto") is None
    assert "automatic backup failed" in caplog.text

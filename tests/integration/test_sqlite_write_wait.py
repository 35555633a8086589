"""How a write on a SQLite file waits for another process's write transaction (store/sqlite_lock.py).

Real processes and real files; no timing is asserted (speed is bench/bench_queue.py's)."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from p4_desk.errors import DatabaseUnavailable
from p4_desk.services import queue
from p4_desk.store.db import Database
from p4_desk.store.models import Ticket
from p4_desk.store.write_turn import NEXT_AT, lock_path, someone_has_the_turn
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]

# Another process: opens a write transaction that issues one ticket, says "held", and commits
# when a line arrives on its standard input.
HOLDER = """
import sys
from p4_desk.services import queue
from p4_desk.store.db import Database
db = Database(sys.argv[1])
with db.write():
    queue.issue_ticket(db, "KTP")
    print("held", flush=True)
    sys.stdin.readline()
if sys.argv[2] == "again":  # straight on to a second write, as a counter in a hurry would
    print(queue.issue_ticket(db, "KTP").number, flush=True)
print("done", flush=True)
"""


def _holder(url: str, mode: str) -> subprocess.Popen[str]:
    p = subprocess.Popen(
        [sys.executable, "-c", HOLDER, url, mode],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert p.stdout is not None and p.stdout.readline().strip() == "held"
    return p


def _tickets(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Ticket)) or 0)


@pytest.fixture
def url(tmp_path: Path) -> str:
    u = f"sqlite:///{(tmp_path / 'site.sqlite3').as_posix()}"
    make_site(u).dispose()
    return u


def test_a_writer_waits_for_another_process_transaction_and_then_writes(url: str) -> None:
    holder = _holder(url, "tx")
    db = Database(url)
    numbers: list[str] = []
    # the issue starts while the holder's transaction is open: it waits, it must not fail
    writer = threading.Thread(target=lambda: numbers.append(queue.issue_ticket(db, "KTP").number))
    writer.start()
    _out, err = holder.communicate("go\n", timeout=60)
    writer.join(timeout=60)
    assert holder.returncode == 0, err
    assert numbers == ["A002"]  # after the holder's A001 was committed
    assert _tickets(db) == 2
    db.dispose()


def test_a_transaction_held_past_the_budget_gives_the_indonesian_message(url: str) -> None:
    holder = _holder(url, "tx")
    db = Database(url, busy_timeout_ms=300)
    try:
        with pytest.raises(DatabaseUnavailable, match="terkunci terlalu lama"):
            queue.issue_ticket(db, "KTP")
    finally:
        holder.communicate("go\n", timeout=60)
    # nothing half-written; the next write goes through
    assert _tickets(db) == 1
    assert queue.issue_ticket(db, "KTP").number == "A002"
    db.dispose()


def _tickets_in_the_file(url: str) -> int:
    """Tickets in the database file itself, ignoring its WAL (what a checkpoint has copied)."""
    path = Path(url.removeprefix("sqlite:///"))
    conn = sqlite3.connect(f"file:{path.as_posix()}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM ticket").fetchone()[0])
    finally:
        conn.close()


def test_writes_reach_the_database_file_by_the_background_checkpoint(url: str) -> None:
    """The WAL is copied into the file by the process's checkpoint thread after the writes, not by a
    writer inside its commit (that commit was the long tail of an issue): the tickets are in the
    file itself a moment later while the program still runs, and the WAL does not grow without end."""
    db = Database(url)
    try:
        for _ in range(5):
            queue.issue_ticket(db, "KTP")
        deadline = time.monotonic() + 30
        while _tickets_in_the_file(url) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _tickets_in_the_file(url) == 5
        assert _tickets(db) == 5
    finally:
        db.dispose()


def _issue_and_wait_for_the_file(url: str) -> None:
    db = Database(url)
    wanted = _tickets(db) + 3
    for _ in range(3):
        queue.issue_ticket(db, "KTP")
    deadline = time.monotonic() + 30
    while _tickets_in_the_file(url) < wanted and time.monotonic() < deadline:
        time.sleep(0.1)
    reached = _tickets_in_the_file(url) == wanted
    os._exit(0 if reached else 1)  # before any close could checkpoint


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_forked_process_checkpoints_its_own_writes(url: str) -> None:
    """A process forked after this one wrote (multiprocessing's default start on Linux) does not
    inherit a checkpoint thread that is not there: its own writes reach the file too."""
    db = Database(url)
    try:
        queue.issue_ticket(db, "KTP")  # this process's checkpoint thread is running now
        deadline = time.monotonic() + 30
        while _tickets_in_the_file(url) < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        child = multiprocessing.get_context("fork").Process(target=_issue_and_wait_for_the_file, args=(url,))
        child.start()
        child.join(timeout=60)
        assert child.exitcode == 0
    finally:
        db.dispose()


def _turn_is_free(url: str) -> bool:
    """Nobody holds or waits for the writers' turn of the file (store/write_turn.py)."""
    return not someone_has_the_turn(lock_path(url.removeprefix("sqlite:///")))


def test_a_writer_killed_in_its_transaction_leaves_the_file_to_the_next(url: str) -> None:
    """A counter PC's program that dies mid-write (power cut, task manager) holds nothing
    afterwards: the next write goes through and the dead one's ticket was never written."""
    holder = _holder(url, "tx")
    assert not _turn_is_free(url)  # the holder's transaction has the writers' turn
    holder.kill()
    holder.wait(timeout=60)
    db = Database(url)
    try:
        assert queue.issue_ticket(db, "KTP").number == "A001"
        assert _tickets(db) == 1
    finally:
        db.dispose()


def test_a_writer_that_gave_up_passes_the_turn_on(url: str) -> None:
    """The writer that timed out behind a long transaction keeps no claim: once that transaction
    ends, the file's turn is free for everyone, and the writer itself writes again."""
    holder = _holder(url, "tx")
    db = Database(url, busy_timeout_ms=300)
    try:
        with pytest.raises(DatabaseUnavailable, match="terkunci terlalu lama"):
            queue.issue_ticket(db, "KTP")
        holder.communicate("go\n", timeout=60)
        deadline = time.monotonic() + 30
        while not _turn_is_free(url) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _turn_is_free(url)
        assert queue.issue_ticket(db, "KTP").number == "A002"
    finally:
        db.dispose()


WRITER = """
import sys
from p4_desk.services import queue
from p4_desk.store.db import Database
db = Database(sys.argv[1])
print(" ".join(queue.issue_ticket(db, "KTP").number for _ in range(int(sys.argv[2]))), flush=True)
db.dispose()
"""


def test_threads_and_processes_writing_at_once_all_get_their_turn(url: str) -> None:
    """Three processes and three threads of this one issue tickets at the same time: every ticket
    is written once with its own number, nobody is refused."""
    per_writer = 15
    others = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, str(per_writer)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    db = Database(url)
    numbers: list[str] = []
    failures: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(per_writer):
                numbers.append(queue.issue_ticket(db, "KTP").number)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=write) for _ in range(3)]
    for t in threads:
        t.start()
    for p in others:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        numbers += out.split()
    for t in threads:
        t.join(timeout=120)
    try:
        assert failures == []
        assert len(numbers) == 6 * per_writer
        assert sorted(numbers) == [f"A{n:03d}" for n in range(1, 6 * per_writer + 1)]
        assert _tickets(db) == 6 * per_writer
    finally:
        db.dispose()


def _numbers_taken(url: str) -> int:
    """How many turns the file's writers have asked for so far (the queue's next number)."""
    stored = lock_path(url.removeprefix("sqlite:///")).read_bytes()[NEXT_AT : NEXT_AT + 8]
    return int.from_bytes(stored, "little") if len(stored) == 8 else 0


def test_writers_get_their_turn_in_the_order_they_asked(url: str) -> None:
    """Five counter PCs that start to wait one after another while a sixth writes are served in
    that order: their tickets' numbers follow it, and the sixth, writing again at once, queues
    behind them. (With a plain OS lock all waiters were woken together and whoever ran first won,
    most often the writer that had just let go: a writer was overtaken again and again.)"""
    holder = _holder(url, "again")  # has A001 in its open transaction
    waiters = []
    try:
        for i in range(5):
            asked = _numbers_taken(url)
            waiters.append(
                subprocess.Popen(
                    [sys.executable, "-c", WRITER, url, "1"],
                    cwd=ROOT,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
            deadline = time.monotonic() + 60
            while _numbers_taken(url) == asked and time.monotonic() < deadline:
                time.sleep(0.02)
            assert _numbers_taken(url) == asked + 1, f"waiter {i + 1} did not ask for its turn once"
        again, _err = holder.communicate("go\n", timeout=60)
        got = []
        for p in waiters:
            out, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
            got.append(out.strip())
    finally:
        for p in [holder, *waiters]:
            if p.poll() is None:
                p.kill()
    assert got == ["A002", "A003", "A004", "A005", "A006"]
    assert again.split() == ["A007", "done"]

"""The display board against a real SQLite file that another process writes to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.display.announcer import Announcer
from p4_desk.gui.display.window import DisplayWindow
from p4_desk.services import queue
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from p4_desk.voice import Announcement
from tests.gui.conftest import Translation
from tests.support.cli import add_cli_admin, login_env
from tests.support.pulse import pulse_server
from tests.support.sites import make_site

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output"


@pytest.fixture
def hall(sqlite_url: str) -> Iterator[Database]:
    """Site MPP-TEST on the real clock (the other process uses it too), counters open, tickets taken."""
    db = make_site(sqlite_url, lambda: datetime.now(UTC))
    add_cli_admin(db)
    for counter in ("L1", "L2", "L3"):
        queue.set_counter_state(db, counter, "open")
    for service in ("KTP", "KTP", "PKB"):
        queue.issue_ticket(db, service)
    yield db
    db.dispose()


@pytest.fixture
def board(
    qtbot: QtBot, hall: Database, sqlite_url: str, tmp_path: Path, translation: Translation
) -> Iterator[DisplayWindow]:
    translation("display")
    db = open_database(sqlite_url)  # the board's own connection, as on its own PC
    settings = Settings({"voice.enabled": True, "voice.volume": 0.5}, path=tmp_path / "settings.toml")
    window = DisplayWindow(AppContext(db=db, settings=settings, role="display"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.marker is not None, timeout=5000)
    yield window
    window.close()
    db.dispose()


def p4(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "p4_desk", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=login_env(args),
    )
    assert done.returncode == 0, done.stderr


def test_call_from_another_process_shows_within_a_second_and_is_announced(
    qtbot: QtBot, board: DisplayWindow, sqlite_url: str
) -> None:
    heard: list[Announcement] = []
    board.announcer.queued.connect(heard.append)
    assert board.current_number() == "—"
    assert board.view.counters_title.text() == "Loket"

    # When an officer at Loket 1 calls the next ticket from another process
    p4("queue", "call-next", "--counter", "L1", "--db", sqlite_url)

    # Then the board shows it, highlighted, within one second, and it is announced once
    qtbot.waitUntil(lambda: board.current_number() == "A001", timeout=1000)
    assert board.view.current.counter.text() == "LOKET 1"
    assert board.view.current.flashing
    assert [(r.name.text(), r.number.text()) for r in board.view.counter_rows][0] == ("Loket 1", "A001")
    qtbot.waitUntil(lambda: len(heard) == 1, timeout=1000)
    assert heard == [Announcement("A001", "Loket 1", recall=False)]

    # When the officer recalls the same ticket, it is announced again
    p4("queue", "recall", "--ticket", "A001", "--db", sqlite_url)
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=1000)
    assert heard[1] == Announcement("A001", "Loket 1", recall=True)
    assert heard[1].words() == heard[0].words()

    # And a second counter's call moves the first one to the recent calls
    p4("queue", "call-next", "--counter", "L3", "--db", sqlite_url)
    qtbot.waitUntil(lambda: board.current_number() == "D001", timeout=1000)
    assert (board.view.recent_cells[0].number.text(), board.view.recent_cells[0].caption.text()) == (
        "A001",
        "Loket 1",
    )
    qtbot.waitUntil(lambda: len(heard) == 3, timeout=1000)


def test_board_without_audio_output_keeps_going(qtbot: QtBot, board: DisplayWindow, hall: Database) -> None:
    # This machine has no sound card: the board is silent but every announcement completes
    finished: list[Announcement] = []
    board.announcer.finished.connect(finished.append)
    if not board.announcer.silent:
        pytest.skip("this machine has an audio output")
    assert board.announcer.silent_reason

    queue.call_next(hall, "L1")
    queue.call_next(hall, "L2")
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=3000)
    assert [a.ticket_number for a in finished] == ["A001", "A002"]
    assert board.announcer.queue.playing is None and len(board.announcer.queue) == 0
    assert board.current_number() == "A002"


def test_missing_qtmultimedia_falls_back_to_silent(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    # Given QtMultimedia that cannot be imported (as without libpulse0 on Linux)
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    announcer = Announcer(Settings({"voice.enabled": True}, path=tmp_path / "s.toml"))
    assert announcer.silent and "QtMultimedia" in (announcer.silent_reason or "")
    finished: list[Announcement] = []
    announcer.finished.connect(finished.append)

    # When two calls come in, the queue still runs them in order, one after the other
    announcer.announce(Announcement("B012", "Loket 2"))
    announcer.announce(Announcement("B012", "Loket 2", recall=True))
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=3000)
    assert [a.recall for a in finished] == [False, True]
    announcer.close()


def test_board_scales_with_the_screen(qtbot: QtBot, board: DisplayWindow, hall: Database) -> None:
    queue.call_next(hall, "L1")
    qtbot.waitUntil(lambda: board.current_number() == "A001", timeout=3000)
    sizes = {}
    OUTPUT.mkdir(exist_ok=True)
    for width, height in ((1280, 720), (1366, 768), (1920, 1080), (3840, 2160)):
        board.resize(width, height)
        qtbot.waitUntil(lambda h=height: board.view.height() == h, timeout=2000)
        sizes[height] = board.view.current.number.font().pixelSize()
        if (width, height) in ((1366, 768), (1920, 1080)):
            assert board.grab().save(str(OUTPUT / f"display-{width}x{height}.png"))
    # the ticket number takes the same share of the screen at any resolution
    assert sizes[2160] == pytest.approx(3 * sizes[720], rel=0.02)
    # a quarter of the screen height: ~9 cm capitals on a 43-inch TV, readable from 10 m
    assert sizes[720] >= 0.24 * 720


def test_announcements_never_overlap_on_a_real_audio_output(tmp_path: Path) -> None:
    # A real audio output: a private PulseAudio server with a null sink (CI has no sound card);
    # the announcer runs in its own process so QtMultimedia finds that server.
    try:
        with pulse_server(tmp_path / "pulse") as server:
            run = subprocess.run(
                [sys.executable, "-m", "tests.support.announce_run", str(tmp_path)],
                cwd=ROOT, capture_output=True, text=True, timeout=120,
                env=dict(os.environ, PULSE_SERVER=server, QT_QPA_PLATFORM="offscreen"),
            )  # fmt: skip
    except RuntimeError as error:
        if os.environ.get("CI", "").lower() == "true":
            raise
        pytest.skip(str(error))
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines[0] == {"silent": False, "reason": None}, run.stderr
    events = [(line["event"], line["number"], line["recall"]) for line in lines[1:]]
    # the recall starts only once the first call has been said to the end
    assert events == [
        ("start", "A123", False),
        ("end", "A123", False),
        ("start", "A123", True),
        ("end", "A123", True),
    ]


def test_text_to_speech_without_an_indonesian_voice_uses_the_recorded_clips(
    qtbot: QtBot, tmp_path: Path, qapp: QApplication
) -> None:
    # No id-ID text-to-speech voice on this machine (and none on most Windows installs)
    announcer = Announcer(Settings({"voice.enabled": True, "voice.tts": True}, path=tmp_path / "s.toml"))
    if announcer.mode == "tts":
        announcer.close()
        pytest.skip("this machine has an Indonesian text-to-speech voice")
    assert announcer.mode in ("clips", "silent")
    finished: list[Announcement] = []
    announcer.finished.connect(finished.append)

    announcer.announce(Announcement("C5", "Loket 2"))
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=30000)
    announcer.close()

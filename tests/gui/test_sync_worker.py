"""The GUI sync worker against the real central API: status reaches the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from p4_desk.config import Settings
from p4_desk.gui.sync_worker import SyncWorker
from p4_desk.services import queue
from p4_desk.sync.enrolment import enrol
from p4_desk.sync.state import SyncStatus
from tests.integration.central_server import running_central
from tests.support.sites import make_site

pytestmark = pytest.mark.usefixtures("memory_keyring")


def test_worker_sends_in_the_background_and_reports_status(qtbot: QtBot, tmp_path: Path) -> None:
    # Given an enrolled desk with two tickets issued
    db = make_site(f"sqlite:///{tmp_path / 'site.sqlite3'}")
    with running_central(tmp_path / "central") as central:
        enrol(db, Settings.load(), central.url, "MPP-TEST", central.add_site("MPP-TEST", "MPP Uji"))
        queue.issue_ticket(db, "KTP")
        queue.issue_ticket(db, "KK")
        seen: list[SyncStatus] = []
        worker = SyncWorker(db, Settings.load(), interval_s=3600)
        worker.status_changed.connect(seen.append)

        # When the worker starts
        worker.start()
        try:
            qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
        finally:
            worker.stop()

        # Then the status bar learns that both went out, with the hall's public board (the
        # citizens' pages), and the desk is online
        assert (seen[-1].pending, seen[-1].sent, seen[-1].failed) == (0, 3, 0)
        assert seen[-1].online is True and seen[-1].last_success_at is not None
        assert central.report() == {"MPP-TEST": {"ticket.issued": 2, "site.board": 1}}


def test_worker_explains_when_the_desk_is_not_enrolled(qtbot: QtBot, tmp_path: Path) -> None:
    db = make_site(f"sqlite:///{tmp_path / 'site.sqlite3'}")
    queue.issue_ticket(db, "KTP")
    problems: list[str] = []
    seen: list[SyncStatus] = []
    worker = SyncWorker(db, Settings.load(), interval_s=3600)
    worker.problem.connect(problems.append)
    worker.status_changed.connect(seen.append)
    worker.start()
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    finally:
        worker.stop()
    assert "belum didaftarkan" in problems[0]
    assert (seen[-1].pending, seen[-1].online) == (1, False)

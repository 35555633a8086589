"""The one background-task runner: answers reach their owner on the GUI thread, or nobody.

pytest-qt fails a test on any exception raised in a slot, so "dropped without error" below is
checked by the test passing as much as by its asserts.
"""

from __future__ import annotations

import gc
import logging
import sqlite3
import threading
from collections.abc import Callable

from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from p4_desk.gui.app.shell import ShellWindow
from p4_desk.gui.common.live import LiveQuery
from p4_desk.gui.common.tasks import collect_garbage_on_gui_thread, run_task
from p4_desk.gui.counter import rules
from p4_desk.gui.counter.window import CounterWindow
from p4_desk.services import queue
from p4_desk.store.db import Database
from tests.gui.conftest import MakeCtx

WAIT = 5000


def close_and_delete(qtbot: QtBot, window: QWidget) -> None:
    gone: list[bool] = []
    window.destroyed.connect(lambda: gone.append(True))
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=WAIT)


def test_the_answer_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    worker_threads: list[QThread] = []

    def work() -> str:
        worker_threads.append(QThread.currentThread())
        return "A001"

    run_task(label, work, label.setText)
    qtbot.waitUntil(lambda: label.text() == "A001", timeout=WAIT)
    # the work ran on a pool thread, the label was set on the GUI thread (Qt would warn otherwise)
    assert worker_threads and worker_threads[0] is not QApplication.instance().thread()


def test_what_a_task_captured_is_let_go_on_the_gui_thread(qtbot: QtBot) -> None:
    # A window captured by the task's closure and closed meanwhile must die on the GUI thread:
    # a widget with timers destroyed on a pool thread crashes Qt (a segfault seen in CI).
    owner = QLabel()
    qtbot.addWidget(owner)
    freed_on: list[threading.Thread] = []

    class Captured:
        def __del__(self) -> None:
            freed_on.append(threading.current_thread())

    captured = Captured()
    answers: list[str] = []
    run_task(owner, lambda held=captured: "A001", answers.append)  # type: ignore[misc]
    del captured  # the task's closure now holds the only reference
    assert QThreadPool.globalInstance().waitForDone(WAIT)
    qtbot.waitUntil(lambda: answers == ["A001"], timeout=WAIT)
    assert freed_on == [threading.main_thread()]


def test_reference_cycles_made_on_a_pool_thread_are_collected_on_the_gui_thread(qtbot: QtBot) -> None:
    # The application leaves the cycle collector to a GUI-thread timer: garbage a query made on a
    # pool thread (there, a closed window in a cycle) is never destroyed on that thread.
    host = QLabel()
    qtbot.addWidget(host)
    gc.enable()  # as a program starts (the GUI tests' fixture turned it off)
    timer = collect_garbage_on_gui_thread(host)
    freed_on: list[threading.Thread] = []

    class Node:
        def __del__(self) -> None:
            freed_on.append(threading.current_thread())

    made = gc.get_threshold()[0] * 3  # enough allocations to trigger several automatic collections

    def make_cycles() -> int:
        for _ in range(made):
            node = Node()
            node.me = node  # type: ignore[attr-defined]
        return made

    answers: list[int] = []
    run_task(host, make_cycles, answers.append)
    qtbot.waitUntil(lambda: answers == [made] and len(freed_on) == made, timeout=WAIT)
    timer.stop()
    assert not gc.isenabled()
    assert set(freed_on) == {threading.main_thread()}


def test_a_closed_window_never_hears_back_from_its_task(qtbot: QtBot, caplog) -> None:
    # Given a window whose task is still running
    window = QLabel("waiting")
    window.show()
    release, finished = threading.Event(), threading.Event()
    answers: list[object] = []

    def slow_work() -> str:
        release.wait(WAIT / 1000)
        finished.set()
        return "late result"

    run_task(window, slow_work, answers.append, answers.append)

    # When the officer closes it (and Qt deletes it) before the task ends
    close_and_delete(qtbot, window)
    caplog.set_level(logging.DEBUG, logger="p4_desk.gui.common.tasks")
    release.set()
    QThreadPool.globalInstance().waitForDone(WAIT)
    QApplication.processEvents()

    # Then the work still ran to its end, but its result went nowhere, and nothing failed
    assert finished.is_set()
    assert answers == []
    assert "background result dropped: its QLabel is gone" in caplog.text


def test_closing_the_counter_while_its_call_waits_for_the_database(
    qtbot: QtBot, site_db: Database, make_ctx: MakeCtx, sqlite_url: str, caplog
) -> None:
    # Given a counter window with a citizen waiting
    queue.issue_ticket(site_db, "KTP")
    content = CounterWindow(make_ctx(site_db))
    shell = ShellWindow(content.ctx, content)
    shell.show()
    qtbot.waitUntil(lambda: rules.CALL_NEXT in content.legal(), timeout=WAIT)

    # and another workstation holding the database's write lock, so "call next" has to wait
    blocker = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        content.trigger(rules.CALL_NEXT)
        assert content.busy

        # When the officer closes the window while the call is still waiting
        close_and_delete(qtbot, shell)
    finally:
        caplog.set_level(logging.DEBUG, logger="p4_desk.gui.common.tasks")
        blocker.execute("ROLLBACK")
        blocker.close()
    QThreadPool.globalInstance().waitForDone(WAIT * 3)
    QApplication.processEvents()

    # Then the late answers (the call and the closing of the counter) are dropped without an error
    assert "background result dropped: its CounterWindow is gone" in caplog.text
    assert queue.get_ticket(site_db, "A001").state in ("called", "waiting")


def test_a_stopped_live_query_does_not_show_the_load_it_had_running(qtbot: QtBot, site_db: Database) -> None:
    # A screen that stopped its live updates (a kiosk given its own catalogue, a window closing)
    # must not be overwritten by the load that was still running when it stopped.
    owner = QLabel()
    qtbot.addWidget(owner)
    release = threading.Event()
    shown: list[str] = []

    def query() -> Callable[[], str]:
        def load() -> str:
            release.wait(WAIT / 1000)
            return "catalogue from the database"

        return load

    screen = LiveQuery(owner, site_db, query, shown.append)
    screen.start()
    screen.stop()  # while its first load waits for the database
    release.set()
    assert QThreadPool.globalInstance().waitForDone(WAIT)
    QApplication.processEvents()
    assert shown == []
    # asked again, it answers
    screen.refresh()
    qtbot.waitUntil(lambda: shown == ["catalogue from the database"], timeout=WAIT)

"""The counter window driven like an officer drives it: keyboard shortcuts on real widgets,
a real SQLite site database, background tasks on the real thread pool."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from p4_desk.gui.app.look import install_translations
from p4_desk.gui.app.shell import ShellWindow
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.counter import rules
from p4_desk.gui.counter.window import CounterWindow
from p4_desk.services import queue
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from tests.gui.conftest import MakeCtx
from tests.support.sites import Clock

WAIT = 3000


def open_counter(
    qtbot, ctx: AppContext, size: tuple[int, int] = (1366, 768)
) -> tuple[ShellWindow, CounterWindow]:
    content = CounterWindow(ctx)
    shell = ShellWindow(ctx, content)
    qtbot.addWidget(shell)
    shell.resize(*size)
    shell.show()
    shell.activateWindow()
    # the counter is opened for the officer at login and the first snapshot is shown
    qtbot.waitUntil(
        lambda: content.snapshot is not None and content.snapshot.counter.state == "open", timeout=WAIT
    )
    qtbot.waitUntil(lambda: content.legal() != frozenset(), timeout=WAIT)
    return shell, content


def press(
    qtbot, window: CounterWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press in that counter's window (shortcuts go to the active window, as on a real PC)."""
    shell = window.window()
    if QApplication.activeWindow() is not shell:
        shell.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is shell, timeout=WAIT)
    qtbot.keyClick(window, key, modifier)


def enabled(window: CounterWindow) -> set[str]:
    """Enabled queue actions (the permit / complaint screens of other areas are left out)."""
    hooks = (rules.INTAKE, rules.COMPLAINT, rules.APPLICATIONS)
    actions = window.actions_by_name.items()
    return {
        name for name, action in actions if action.isEnabled() and action.isVisible() and name not in hooks
    }


def wait_idle(qtbot, window: CounterWindow) -> None:
    qtbot.waitUntil(lambda: not window.busy and not window.loading, timeout=WAIT)


@pytest.fixture
def counter(qtbot, site_db: Database, make_ctx: MakeCtx) -> tuple[ShellWindow, CounterWindow]:
    # Given three citizens waiting for Loket 1 (KTP, KK) and one for Samsat
    for service in ("KTP", "KK", "KTP", "PKB"):
        queue.issue_ticket(site_db, service)
    return open_counter(qtbot, make_ctx(site_db))


def test_call_start_finish_with_the_keyboard(qtbot, counter, site_db: Database) -> None:
    shell, window = counter
    # When the officer presses F2, F4, F5
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.number_label.text() == "A001", timeout=WAIT)
    assert queue.get_ticket(site_db, "A001").state == "called"
    assert queue.get_ticket(site_db, "A001").counter == "L1"
    wait_idle(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "A001").state == "serving", timeout=WAIT)
    wait_idle(qtbot, window)
    assert queue.get_ticket(site_db, "A001").officer == "petugas1"
    press(qtbot, window, Qt.Key.Key_F5)
    # Then the ticket is done, the panel is empty again and the tally counts one served
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "A001").state == "done", timeout=WAIT)
    qtbot.waitUntil(lambda: window.number_label.text() == "—", timeout=WAIT)
    qtbot.waitUntil(lambda: "1 served" in window.tally_label.text(), timeout=WAIT)
    # and the called ticket left the waiting list
    assert [t.number for t in window.model.tickets] == ["B001", "A002"] or [
        t.number for t in window.model.tickets
    ] == ["A002", "B001"]


def test_buttons_follow_the_ticket_state(qtbot, counter) -> None:
    shell, window = counter
    # Nobody at the counter: only calling (and the break) make sense
    assert enabled(window) == {rules.CALL_NEXT, rules.PAUSE}
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.ticket is not None and not window.busy, timeout=WAIT)
    # Called, never recalled: no-show needs one recall first (site default), no finish before start
    assert enabled(window) == {rules.RECALL, rules.START, rules.TRANSFER}
    assert not window.buttons[rules.FINISH].isEnabled()
    press(qtbot, window, Qt.Key.Key_F4)
    qtbot.waitUntil(
        lambda: window.ticket is not None and window.ticket.state == "serving" and not window.busy,
        timeout=WAIT,
    )
    assert enabled(window) == {rules.FINISH, rules.TRANSFER}
    # a shortcut of an illegal action does nothing
    press(qtbot, window, Qt.Key.Key_F2)
    wait_idle(qtbot, window)
    assert window.ticket.number == "A001" and window.ticket.state == "serving"


def test_recall_is_counted_and_then_no_show_is_allowed(qtbot, counter, site_db: Database) -> None:
    shell, window = counter
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.ticket is not None and not window.busy, timeout=WAIT)
    assert not window.actions_by_name[rules.NO_SHOW].isEnabled()
    press(qtbot, window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: window.ticket.recall_count == 1 and not window.busy, timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: window.ticket.recall_count == 2 and not window.busy, timeout=WAIT)
    assert "2×" in window.recalls_label.text()
    assert queue.get_ticket(site_db, "A001").recall_count == 2
    assert window.actions_by_name[rules.NO_SHOW].isEnabled()
    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "A001").state == "no_show", timeout=WAIT)
    qtbot.waitUntil(lambda: "1 no-show" in window.tally_label.text(), timeout=WAIT)
    assert window.ticket is None


def test_transfer_to_another_service(qtbot, counter, site_db: Database) -> None:
    shell, window = counter
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.ticket is not None and not window.busy, timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.dialogs.transfer is not None and window.dialogs.transfer.isVisible(),
        timeout=WAIT,
    )
    dialog = window.dialogs.transfer
    # the ticket's own service is not offered
    offered = [dialog.ui.serviceCombo.itemData(i) for i in range(dialog.ui.serviceCombo.count())]
    assert offered == ["KK", "PKB"]
    dialog.choose_service("PKB")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "A001").service == "PKB", timeout=WAIT)
    moved = queue.get_ticket(site_db, "A001")
    assert moved.state == "waiting" and moved.transferred_from == "KTP"
    # Samsat's counter sees it, this counter does not any more
    assert "A001" in [t.number for t in queue.waiting_list(site_db, "L3")]
    # The transfer is committed in a worker thread before its result reaches the window: the
    # database can show it a moment before the window clears its ticket. Wait for the window.
    qtbot.waitUntil(lambda: window.ticket is None and not window.busy, timeout=WAIT)
    assert "A001" not in [t.number for t in window.model.tickets]


def test_transfer_to_a_counter(qtbot, counter, site_db: Database) -> None:
    shell, window = counter
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.ticket is not None and not window.busy, timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.dialogs.transfer is not None, timeout=WAIT)
    window.dialogs.transfer.choose_counter("L2")
    window.dialogs.transfer.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "A001").target_counter == "L2", timeout=WAIT)
    assert "A001" in [t.number for t in queue.waiting_list(site_db, "L2")]


def test_call_a_chosen_ticket(qtbot, counter, site_db: Database) -> None:
    shell, window = counter
    qtbot.waitUntil(lambda: len(window.model.tickets) == 3, timeout=WAIT)
    assert not window.actions_by_name[rules.CALL_CHOSEN].isEnabled()
    # the officer types the number in the search field and presses Enter
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "b001")
    assert window.selected_ticket() is not None and window.selected_ticket().number == "B001"
    assert window.actions_by_name[rules.CALL_CHOSEN].isEnabled()
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "B001").state == "called", timeout=WAIT)
    assert queue.get_ticket(site_db, "A001").state == "waiting"
    qtbot.waitUntil(lambda: window.number_label.text() == "B001", timeout=WAIT)


def test_call_selected_row_with_f11(qtbot, counter, site_db: Database) -> None:
    shell, window = counter
    qtbot.waitUntil(lambda: len(window.model.tickets) == 3, timeout=WAIT)
    assert window.select_ticket("A002")
    press(qtbot, window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "A002").state == "called", timeout=WAIT)


def test_break_and_resume(qtbot, counter, site_db: Database) -> None:
    shell, window = counter
    press(qtbot, window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window._counter_state() == "paused" and not window.busy, timeout=WAIT)
    assert enabled(window) == {rules.PAUSE}
    assert window.buttons[rules.PAUSE].text().startswith("Resume")
    assert "On break" in window.counter_state_label.text()
    press(qtbot, window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window._counter_state() == "open" and not window.busy, timeout=WAIT)
    assert rules.CALL_NEXT in enabled(window)


def test_empty_queue_says_so(qtbot, site_db: Database, make_ctx: MakeCtx) -> None:
    shell, window = open_counter(qtbot, make_ctx(site_db))
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=WAIT)
    assert "Nobody is waiting" in window.notice.text()
    assert window.ticket is None


def test_two_counters_see_each_other_and_never_share_a_ticket(
    qtbot, site_db: Database, site_clock: Clock, sqlite_url: str, make_ctx: MakeCtx
) -> None:
    # Given two workstations, each with its own connection to the site database
    other_db = open_database(sqlite_url, clock=site_clock)
    try:
        for _ in range(3):
            queue.issue_ticket(site_db, "KTP")
        _s1, one = open_counter(qtbot, make_ctx(site_db, counter="L1", username="petugas1"))
        _s2, two = open_counter(qtbot, make_ctx(other_db, counter="L2", username="petugas2"))
        qtbot.waitUntil(lambda: len(one.model.tickets) == 3 and len(two.model.tickets) == 3, timeout=WAIT)
        # When both call next
        press(qtbot, one, Qt.Key.Key_F2)
        press(qtbot, two, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: one.ticket is not None and two.ticket is not None, timeout=WAIT)
        # Then they got different tickets, and each list shows only the one left, without a refresh
        assert {one.ticket.number, two.ticket.number} == {"A001", "A002"}
        qtbot.waitUntil(lambda: [t.number for t in one.model.tickets] == ["A003"], timeout=2000)
        qtbot.waitUntil(lambda: [t.number for t in two.model.tickets] == ["A003"], timeout=2000)
        # A kiosk issues a ticket: both lists show it by themselves
        queue.issue_ticket(other_db, "KTP")
        qtbot.waitUntil(lambda: len(one.model.tickets) == 2 and len(two.model.tickets) == 2, timeout=2000)
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    translators = install_translations(qapp, "id")
    assert translators, "p4_desk/assets/translations/*_id.qm missing"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)], ids=["1366x768", "1920x1080"])
def test_screenshots_of_the_main_states(
    qtbot, site_db: Database, make_ctx: MakeCtx, screenshot, site_clock: Clock, indonesian, size
) -> None:
    for service, priority in (("KTP", None), ("KK", None), ("KTP", "lansia"), ("KTP", None), ("KK", None)):
        queue.issue_ticket(site_db, service, priority)
        site_clock.advance(minutes=3)
    site_clock.advance(minutes=7)
    suffix = f"{size[0]}x{size[1]}"
    shell, window = open_counter(qtbot, make_ctx(site_db), size)
    # the Indonesian translation is what an officer sees by default
    assert window.buttons[rules.CALL_NEXT].text() == "Panggil Berikutnya\nF2"
    qtbot.waitUntil(lambda: len(window.model.tickets) == 5, timeout=WAIT)
    screenshot(shell, f"counter_idle_{suffix}")
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.ticket is not None and not window.busy, timeout=WAIT)
    # the elderly citizen goes first (priority head start)
    assert window.ticket.priority == "lansia"
    site_clock.advance(minutes=2)
    press(qtbot, window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.ticket.state == "serving" and not window.loading, timeout=WAIT)
    site_clock.advance(minutes=4, seconds=12)
    window.tick()
    screenshot(shell, f"counter_serving_{suffix}")
    shell.show_help()
    help_dialog = shell.findChild(QWidget, "helpDialog")
    qtbot.waitUntil(lambda: help_dialog.isVisible(), timeout=WAIT)
    screenshot(help_dialog, f"counter_help_{suffix}")
    help_dialog.close()
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.ticket is None and not window.busy, timeout=WAIT)
    shell.lock()
    screenshot(shell, f"counter_locked_{suffix}")


@pytest.mark.parametrize(
    ("key", "module", "dialog_class"),
    [
        (Qt.Key.Key_F7, "p4_desk.gui.intake", "IntakeDialog"),
        (Qt.Key.Key_F8, "p4_desk.gui.complaints", "ComplaintDialog"),
    ],
    ids=["permit-intake", "complaint"],
)
def test_other_areas_screens_open_for_the_ticket_at_the_counter(
    qtbot, counter, key: Qt.Key, module: str, dialog_class: str
) -> None:
    """With the permits / complaints area installed, its key opens its dialog for this ticket."""
    pytest.importorskip(module)
    shell, window = counter
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.ticket is not None and not window.busy, timeout=WAIT)
    press(qtbot, window, key)

    def dialogs() -> list[QDialog]:
        return [d for d in window.findChildren(QDialog) if type(d).__name__ == dialog_class]

    qtbot.waitUntil(lambda: any(d.isVisible() for d in dialogs()), timeout=WAIT)
    dialog = dialogs()[0]
    assert getattr(dialog, "ticket", None) == window.ticket  # it knows which citizen it is about
    dialog.close()


def test_a_refused_action_shows_the_reason_and_the_screen_catches_up(
    qtbot, counter, site_db: Database
) -> None:
    shell, window = counter
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.ticket is not None and not window.busy, timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.ticket.state == "serving" and not window.busy, timeout=WAIT)
    # Given the supervisor moves the ticket elsewhere before this screen has refreshed
    window.monitor.shutdown()
    queue.transfer(site_db, "A001", to_service="PKB")
    # When the officer presses F5 (finish) on the stale screen
    press(qtbot, window, Qt.Key.Key_F5)
    # Then the service's Indonesian reason is shown (no traceback) and the panel shows the truth
    qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=WAIT)
    assert "A001" in window.notice.text() and "menunggu" in window.notice.text()
    qtbot.waitUntil(lambda: window.ticket is None, timeout=WAIT)
    assert queue.get_ticket(site_db, "A001").state == "waiting"


def test_ctrl_p_opens_the_application_search_without_a_ticket(qtbot, counter) -> None:
    """The officer finds an application (by number, NIK, name, phone) from the counter screen."""
    pytest.importorskip("p4_desk.gui.intake")
    shell, window = counter
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    def dialogs() -> list[QDialog]:
        return [d for d in window.findChildren(QDialog) if type(d).__name__ == "ApplicationsDialog"]

    qtbot.waitUntil(lambda: any(d.isVisible() for d in dialogs()), timeout=WAIT)
    dialogs()[0].close()

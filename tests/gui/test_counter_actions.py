"""Counter actions an officer needs in a real hall (issue 12 item 7), in Indonesian: a returned
no-show queued again from the counter, a refused F6 or F2 that says why, the F2 hint only when
F2 works. Real widgets, a real SQLite site, the shipped Indonesian catalogues."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from p4_desk.gui.counter import rules
from p4_desk.gui.counter.window import CounterWindow
from p4_desk.services import catalog, queue, site
from p4_desk.store.db import Database
from tests.gui.conftest import MakeCtx
from tests.gui.test_counter_window import WAIT, open_counter, press, wait_idle
from tests.support.sites import Clock

pytestmark = pytest.mark.translation("counter", "app", "admin", "qtbase")


def _no_show(db: Database, number: str) -> None:
    queue.set_counter_state(db, "L1", "open")
    ticket = queue.call_next(db, "L1")
    assert ticket is not None and ticket.number == number
    queue.recall(db, number)
    queue.no_show(db, number)


def test_a_returned_no_show_is_queued_again_from_the_counter(
    qtbot, site_db: Database, make_ctx: MakeCtx, site_clock: Clock
) -> None:
    # Given A001 marked no-show this morning, and A002 still waiting
    queue.issue_ticket(site_db, "KTP")
    queue.issue_ticket(site_db, "KTP")
    _no_show(site_db, "A001")
    site_clock.advance(minutes=20)
    shell, window = open_counter(qtbot, make_ctx(site_db))
    qtbot.waitUntil(lambda: rules.REACTIVATE in window.legal(), timeout=WAIT)
    button = window.buttons[rules.REACTIVATE]
    assert button.text() == "Aktifkan Kembali\nF10"  # a tool button drops the "…"

    # When the citizen comes back and the officer presses F10 and then Enter
    press(qtbot, window, Qt.Key.Key_F10)
    qtbot.waitUntil(
        lambda: window.dialogs.reactivate is not None and window.dialogs.reactivate.isVisible(), timeout=WAIT
    )
    dialog = window.dialogs.reactivate
    assert dialog.windowTitle() == "Aktifkan kembali tiket tidak hadir"
    assert dialog.ok_button.text() == "Aktifkan kembali"
    assert dialog.ui.ticketTable.horizontalHeaderItem(2).text() == "Tidak hadir pukul"
    assert dialog.ui.ticketTable.item(0, 0).text() == "A001"
    assert dialog.ui.ticketTable.item(0, 2).text() == "10.00 WIB"
    qtbot.keyClicks(dialog.ui.filterEdit, "a001")
    qtbot.keyClick(dialog.ui.filterEdit, Qt.Key.Key_Return)

    # Then A001 waits again, behind A002, with its own number; the officer is told so
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "A001").state == "waiting", timeout=WAIT)
    qtbot.waitUntil(lambda: [t.number for t in window.model.tickets] == ["A002", "A001"], timeout=WAIT)
    assert window.notice.text() == "Tiket A001 masuk antrean lagi di urutan belakang: 1 orang di depannya."
    # and nobody else is left to reactivate: the button is off and says why
    qtbot.waitUntil(lambda: not window.actions_by_name[rules.REACTIVATE].isEnabled(), timeout=WAIT)
    assert "Hari ini belum ada tiket yang ditandai tidak hadir." in button.toolTip()


def test_the_reactivate_dialog_says_when_the_typed_number_is_not_a_no_show(
    qtbot, site_db: Database, make_ctx: MakeCtx
) -> None:
    queue.issue_ticket(site_db, "KTP")
    _no_show(site_db, "A001")
    shell, window = open_counter(qtbot, make_ctx(site_db))
    qtbot.waitUntil(lambda: rules.REACTIVATE in window.legal(), timeout=WAIT)
    window.trigger(rules.REACTIVATE)
    dialog = window.dialogs.reactivate
    qtbot.keyClicks(dialog.ui.filterEdit, "B007")

    assert dialog.ui.messageLabel.text() == "Tidak ada tiket tidak hadir B007 hari ini."
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.ui.filterEdit, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter with nothing chosen keeps the dialog open"
    assert queue.get_ticket(site_db, "A001").state == "no_show"
    dialog.reject()


def test_f6_before_the_required_recall_says_why(qtbot, site_db: Database, make_ctx: MakeCtx) -> None:
    queue.issue_ticket(site_db, "KTP")
    shell, window = open_counter(qtbot, make_ctx(site_db))
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.ticket is not None, timeout=WAIT)
    wait_idle(qtbot, window)
    reason = "Panggil ulang (F3) dulu: tidak hadir baru boleh setelah 1× panggil ulang; baru 0×."

    # The disabled button tells why on its tooltip ...
    assert not window.actions_by_name[rules.NO_SHOW].isEnabled()
    assert reason in window.buttons[rules.NO_SHOW].toolTip()
    # ... and pressing F6 anyway tells it in the message line, and changes nothing
    press(qtbot, window, Qt.Key.Key_F6)
    assert window.notice.isVisible() and window.notice.text() == reason
    assert queue.get_ticket(site_db, "A001").state == "called"
    # After one recall F6 works
    press(qtbot, window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: window.ticket.recall_count == 1 and not window.busy, timeout=WAIT)
    assert window.buttons[rules.NO_SHOW].toolTip() == "Tidak Hadir (F6)"
    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "A001").state == "no_show", timeout=WAIT)


def test_the_f2_hint_shows_only_while_f2_works(qtbot, site_db: Database, make_ctx: MakeCtx) -> None:
    shell, window = open_counter(qtbot, make_ctx(site_db))
    assert window.service_label.text() == "Tekan F2 untuk memanggil warga berikutnya."

    # On a break F2 is off: the line says how to get back instead
    press(qtbot, window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.snapshot.counter.state == "paused" and not window.busy, timeout=WAIT)
    assert not window.actions_by_name[rules.CALL_NEXT].isEnabled()
    assert window.service_label.text() == "Loket sedang istirahat: tekan F12 untuk melanjutkan."
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.notice.text() == "Loket sedang istirahat: tekan F12 untuk melanjutkan."

    press(qtbot, window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.snapshot.counter.state == "open" and not window.busy, timeout=WAIT)
    assert window.service_label.text() == "Tekan F2 untuk memanggil warga berikutnya."


def test_an_unknown_counter_never_offers_f2(qtbot, site_db: Database, make_ctx: MakeCtx) -> None:
    window = CounterWindow(make_ctx(site_db, counter="L99"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.loading, timeout=WAIT)
    QApplication.processEvents()

    assert window.legal() == frozenset()
    assert "Tekan F2" not in window.service_label.text()
    assert window.service_label.text() == "Loket ini tidak dikenal di situs: periksa kodenya."


def test_queue_rules_set_in_the_admin_window_rule_the_counter(qtbot, admin_window, make_ctx: MakeCtx) -> None:
    # Given the admin sets two recalls before a no-show in "Aturan situs"
    tab = admin_window.site_rules
    admin_window.tabs.setCurrentWidget(tab)
    recalls = tab.fields["queue.recalls_before_no_show"].widget
    recalls.setValue(2)
    tab.fields["queue.print_fail_cancel_minutes"].widget.setValue(10)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message.text() == "Aturan situs disimpan (2 diubah).", timeout=WAIT)
    # and a priority head start of 30 minutes for KTP in "Layanan"
    db = admin_window.ctx.db
    services = admin_window.services
    admin_window.tabs.setCurrentWidget(services)
    services.select("KTP")
    services.head_start.setValue(30)
    qtbot.mouseClick(services.save_button, Qt.MouseButton.LeftButton)
    head_starts = lambda: {s.code: s.priority_head_start_minutes for s in catalog.list_services(db)}  # noqa: E731
    qtbot.waitUntil(lambda: head_starts()["KTP"] == 30, timeout=WAIT)

    # When a counter calls a ticket, F6 asks for the second recall before a no-show
    queue.issue_ticket(db, "KK")
    shell, window = open_counter(qtbot, make_ctx(db))
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.ticket is not None and not window.busy, timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: window.ticket.recall_count == 1 and not window.busy, timeout=WAIT)
    assert not window.actions_by_name[rules.NO_SHOW].isEnabled()
    assert "setelah 2× panggil ulang; baru 1×" in window.buttons[rules.NO_SHOW].toolTip()
    assert site.get_setting(db, "queue.print_fail_cancel_minutes") == 10

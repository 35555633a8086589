"""The application shell on real widgets: login, lockout, screen lock, log out, first start,
crash handler, log masking, language."""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from p4_desk.config import Settings, data_dir, settings_path
from p4_desk.gui.app import crash
from p4_desk.gui.app.first_run import DEMO, EXISTING, FirstRunWizard, apply_setup
from p4_desk.gui.app.login import LoginDialog
from p4_desk.gui.app.look import install_translations
from p4_desk.gui.app.shell import ShellWindow
from p4_desk.gui.counter.window import CounterWindow
from p4_desk.logs import log_file, mask_sensitive, setup_logging
from p4_desk.services import catalog, queue, site, users
from p4_desk.store.db import Database
from p4_desk.store.migrate import open_database
from tests.gui.conftest import MakeCtx

WAIT = 3000


def login(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.ui.usernameEdit.setText("")
    qtbot.keyClicks(dialog.ui.usernameEdit, username)
    qtbot.keyClicks(dialog.ui.passwordEdit, password)
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.isEnabled, timeout=WAIT)


@pytest.fixture
def login_dialog(qtbot, site_db: Database, make_ctx: MakeCtx) -> LoginDialog:
    dialog = LoginDialog(make_ctx(site_db, username=None))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_login_with_a_wrong_password_is_refused(qtbot, login_dialog: LoginDialog) -> None:
    login(qtbot, login_dialog, "petugas1", "salah-sekali")
    assert login_dialog.result() != LoginDialog.DialogCode.Accepted
    assert login_dialog.user is None
    assert "Nama pengguna atau kata sandi salah" in login_dialog.ui.messageLabel.text()
    # what was typed as user name stays, the password is cleared
    assert login_dialog.ui.usernameEdit.text() == "petugas1"
    assert login_dialog.ui.passwordEdit.text() == ""


def test_login_succeeds_with_the_right_password(qtbot, login_dialog: LoginDialog) -> None:
    with qtbot.waitSignal(login_dialog.accepted, timeout=WAIT):
        login(qtbot, login_dialog, "petugas1", "rahasia123")
    assert login_dialog.user is not None and login_dialog.user.username == "petugas1"
    assert login_dialog.ctx.user == login_dialog.user


def test_repeated_failures_lock_the_account(qtbot, login_dialog: LoginDialog, site_db: Database) -> None:
    site.set_setting(site_db, "auth.max_failed_logins", 3)
    for _ in range(3):
        login(qtbot, login_dialog, "petugas2", "bukan-ini")
    assert "dikunci" in login_dialog.ui.messageLabel.text().lower()
    # even the right password is refused while the account is locked
    login(qtbot, login_dialog, "petugas2", "rahasia123")
    assert login_dialog.user is None
    assert "terkunci" in login_dialog.ui.messageLabel.text().lower()


def test_a_role_that_may_not_open_this_workstation_is_refused(
    qtbot, site_db: Database, make_ctx: MakeCtx
) -> None:
    dialog = LoginDialog(make_ctx(site_db, role="admin", counter=None, username=None))
    qtbot.addWidget(dialog)
    dialog.show()
    login(qtbot, dialog, "petugas1", "rahasia123")
    assert dialog.user is None
    assert "tidak berhak" in dialog.ui.messageLabel.text()


@pytest.fixture
def counter_shell(qtbot, site_db: Database, make_ctx: MakeCtx) -> tuple[ShellWindow, CounterWindow]:
    queue.issue_ticket(site_db, "KTP")
    ctx = make_ctx(site_db)
    content = CounterWindow(ctx)
    shell = ShellWindow(ctx, content)
    qtbot.addWidget(shell)
    shell.show()
    qtbot.waitUntil(
        lambda: content.snapshot is not None and content.snapshot.counter.state == "open", timeout=WAIT
    )
    return shell, content


def test_idle_screen_lock_and_unlock_leave_the_queue_alone(
    qtbot, counter_shell: tuple[ShellWindow, CounterWindow], site_db: Database
) -> None:
    shell, content = counter_shell
    content.trigger("call_next")
    qtbot.waitUntil(lambda: content.ticket is not None and not content.busy, timeout=WAIT)
    # Given a short idle limit (0.01 min) and no input
    shell.idle.limit_seconds = 0.6
    shell.idle.reset()
    qtbot.waitUntil(lambda: shell.is_locked, timeout=WAIT)
    assert not content.isVisible()  # nobody at the counter can read the queue
    # a wrong password keeps it locked
    qtbot.keyClicks(shell.lock_screen.password, "salah")
    qtbot.keyClick(shell.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.lock_screen.message.text() != "", timeout=WAIT)
    assert shell.is_locked
    # the right password of the same user opens it
    qtbot.keyClicks(shell.lock_screen.password, "rahasia123")
    qtbot.keyClick(shell.lock_screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shell.is_locked, timeout=WAIT)
    assert content.isVisible()
    ticket = queue.get_ticket(site_db, "A001")
    assert ticket.state == "called" and ticket.counter == "L1" and ticket.recall_count == 0
    assert content.ticket is not None and content.ticket.number == "A001"
    # the keyboard works again at once: F3 recalls
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: queue.get_ticket(site_db, "A001").recall_count == 1, timeout=WAIT)


def test_ctrl_l_locks_at_once(qtbot, counter_shell: tuple[ShellWindow, CounterWindow]) -> None:
    shell, _content = counter_shell
    shell.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shell, timeout=WAIT)
    qtbot.keyClick(shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert shell.is_locked
    assert "Petugas Satu" in shell.lock_screen.who.text()


def test_log_out_closes_the_counter(
    qtbot, counter_shell: tuple[ShellWindow, CounterWindow], site_db: Database
) -> None:
    shell, _content = counter_shell
    with qtbot.waitSignal(shell.logout_requested, timeout=WAIT):
        shell.logout_action.trigger()
    qtbot.waitUntil(
        lambda: next(c for c in catalog.list_counters(site_db) if c.code == "L1").state == "closed",
        timeout=WAIT,
    )


def test_help_lists_every_counter_shortcut(qtbot, counter_shell: tuple[ShellWindow, CounterWindow]) -> None:
    shell, content = counter_shell
    keys = [key for key, _text in shell.help_entries()]
    for action in content.actions_by_name.values():
        if action.isVisible():
            assert action.shortcut().toString() in keys
    # the permit and complaint screens are offered only when their modules are installed
    for name, module in (("intake", "p4_desk.gui.intake"), ("complaint", "p4_desk.gui.complaints")):
        assert (name in content.buttons) == (importlib.util.find_spec(module) is not None)
    # every button shows its key
    for name, button in content.buttons.items():
        assert button.text().endswith(content.actions_by_name[name].shortcut().toString())


@pytest.mark.postgres
def test_database_outage_banner_and_recovery(
    qtbot, pg_url: str, make_ctx: MakeCtx, pg_server, site_clock, screenshot
) -> None:
    import psycopg

    from tests.support.sites import make_site

    db = make_site(pg_url, site_clock)
    queue.issue_ticket(db, "KTP")
    name = db.url.database
    ctx = make_ctx(db)
    content = CounterWindow(ctx)
    shell = ShellWindow(ctx, content)
    qtbot.addWidget(shell)
    shell.show()
    qtbot.waitUntil(lambda: content.snapshot is not None and "call_next" in content.legal(), timeout=WAIT)
    qtbot.keyClicks(content.filter_edit, "A0")
    admin = pg_server._conninfo()
    try:
        # When the server stops accepting connections to the site database
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        # Then the banner appears, actions that need the database are disabled, typed text stays
        qtbot.waitUntil(lambda: shell.banner.isVisible(), timeout=10_000)
        assert (
            "Koneksi basis data terputus" in shell.banner.text() or "connection lost" in shell.banner.text()
        )
        assert content.legal() == frozenset()
        assert not content.actions_by_name["call_next"].isEnabled()
        assert content.filter_edit.text() == "A0"
        assert "disconnected" in shell.status.db_label.text()
        shell.resize(1366, 768)
        screenshot(shell, "counter_database_lost")
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    # And it recovers by itself
    qtbot.waitUntil(lambda: not shell.banner.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: "call_next" in content.legal(), timeout=WAIT)
    assert content.filter_edit.text() == "A0"
    content.trigger("call_next")
    qtbot.waitUntil(lambda: content.ticket is not None, timeout=WAIT)
    shell.close()
    db.dispose()


@pytest.mark.slow
def test_one_enter_sets_up_the_demo_counter(qtbot) -> None:
    """One Enter on the first page sets the PC up with the demo site (the wizard does the setup)."""
    wizard = FirstRunWizard(Settings.load())
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.accepted, timeout=120_000):
        qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.choice().mode == DEMO
    assert settings_path().exists()
    saved = Settings.load()
    assert saved.get("workstation.role") == "counter" and saved.get("workstation.counter") == "L01"
    db = open_database(saved.database_url())
    try:
        assert Path(db.url.database).parent == data_dir()
        assert users.authenticate(db, "petugas1", "petugas123").role == "operator"
        assert any(c.code == "L01" for c in catalog.list_counters(db))
    finally:
        db.dispose()


def test_connect_to_an_existing_site_database(qtbot, site_db: Database, sqlite_url: str) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choice_page.existing.setChecked(True)
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.EXISTING_PAGE
    assert not wizard.existing_page.isComplete()  # Next needs a tested connection
    wizard.existing_page.url.setText(sqlite_url)
    wizard.existing_page.test_button.click()
    qtbot.waitUntil(lambda: wizard.existing_page.isComplete(), timeout=WAIT)
    assert "3" in wizard.existing_page.result.text()
    wizard.next()
    wizard.role_page.counter.setCurrentIndex(wizard.role_page.counter.findData("L2"))
    choice = wizard.choice()
    assert (choice.mode, choice.role, choice.counter) == (EXISTING, "counter", "L2")
    apply_setup(choice, Settings.load())
    saved = Settings.load()
    assert saved.database_url() == sqlite_url and saved.get("workstation.counter") == "L2"


def test_connecting_to_a_missing_server_shows_why(qtbot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choice_page.existing.setChecked(True)
    wizard.next()
    wizard.existing_page.url.setText("postgresql://p4:x@127.0.0.1:1/p4desk")
    wizard.existing_page.test_button.click()
    qtbot.waitUntil(lambda: wizard.existing_page.test_button.isEnabled(), timeout=10_000)
    assert "tidak dapat dihubungi" in wizard.existing_page.result.text()
    assert not wizard.existing_page.isComplete()


def test_crash_handler_logs_the_traceback_and_shows_a_short_message(qtbot, qapp: QApplication) -> None:
    setup_logging()
    translators = install_translations(qapp, "id")
    try:
        try:
            raise RuntimeError("boom for NIK 3271046504930001")
        except RuntimeError:
            crash.handle_exception(*sys.exc_info())  # type: ignore[arg-type]
        box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "crashMessage")
        assert isinstance(box, QMessageBox)
        assert box.text().startswith("Maaf, terjadi kesalahan")
        assert "Traceback" not in box.text()
        box.close()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file().read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError" in text
    assert "3271046504930001" not in text and "3271********0001" in text


def test_log_masking_of_nik_and_tokens() -> None:
    assert mask_sensitive("nik=3271046504930001 ok") == "nik=3271********0001 ok"
    assert "abc.def.ghi" not in mask_sensitive("Authorization: Bearer abc.def.ghi")
    assert "s3cr3tt0ken" not in mask_sensitive('{"token": "s3cr3tt0ken"}')
    # a 17-digit number is not a NIK and an ordinary sentence is untouched
    assert mask_sensitive("12345678901234567") == "12345678901234567"
    assert mask_sensitive("Tiket A001 dipanggil") == "Tiket A001 dipanggil"


def test_english_is_the_source_and_indonesian_the_translation(
    qtbot, qapp: QApplication, site_db: Database, make_ctx: MakeCtx
) -> None:
    english = CounterWindow(make_ctx(site_db))
    qtbot.addWidget(english)
    assert english.buttons["call_next"].text().startswith("Call next")
    translators = install_translations(qapp, "id")
    try:
        indonesian = CounterWindow(make_ctx(site_db))
        qtbot.addWidget(indonesian)
        assert indonesian.buttons["call_next"].text().startswith("Panggil Berikutnya")
        assert indonesian.buttons["no_show"].text().startswith("Tidak Hadir")
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert install_translations(qapp, "en") == []
    assert isinstance(english, QWidget)


# Drives `p4-desk` (no subcommand) like a new user at the keyboard, in its own process: after
# QApplication.exec() returns, PySide6 cannot run timers in the same process any more.
README_DRIVER = r"""
import json, os, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from p4_desk.gui.app.first_run import FirstRunWizard
from p4_desk.gui.app.login import LoginDialog
from p4_desk.gui.app.shell import ShellWindow
from p4_desk.cli import main

seen = []

def drive():
    for widget in QApplication.topLevelWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, FirstRunWizard) and "wizard" not in seen:
            seen.append("wizard")
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif isinstance(widget, LoginDialog) and widget.isEnabled() and "login" not in seen:
            seen.append("login")
            user, password = os.environ["DRIVER_LOGIN"].split("/")
            QTest.keyClicks(widget.ui.usernameEdit, user)
            QTest.keyClicks(widget.ui.passwordEdit, password)
            QTest.keyClick(widget.ui.passwordEdit, Qt.Key.Key_Return)
        elif isinstance(widget, ShellWindow):
            counter = widget.content
            focus = QApplication.focusWidget()
            if "call" not in seen and "call_next" in counter.legal() and focus is not None:
                seen.append("call")
                seen.append("button " + counter.buttons["call_next"].text().split(chr(10))[0])
                QTest.keyClick(focus, Qt.Key.Key_F2)  # keyboard only
            elif "call" in seen and counter.ticket is not None:
                seen.append("called " + counter.ticket.number + " at " + counter.counter_code)
                widget.close()
                QApplication.instance().quit()

def give_up():
    print("SEEN", "|".join(seen + ["gave up"]))
    os._exit(3)

QApplication(sys.argv[:1])
QTimer.singleShot(180_000, give_up)
timer = QTimer()
timer.timeout.connect(drive)
timer.start(200)
code = main(json.loads(os.environ["DRIVER_ARGS"]))
print("SEEN", "|".join(seen))
sys.exit(code)
"""


def run_app(args: list[str], login: str) -> list[str]:
    """Run the real ``p4-desk`` entry point in a child process driven by README_DRIVER."""
    import json
    import os
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DRIVER_ARGS=json.dumps(args), DRIVER_LOGIN=login)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", README_DRIVER], cwd=root, env=env, capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    seen = next(line for line in done.stdout.splitlines() if line.startswith("SEEN ")).split(" ", 1)[1]
    return seen.split("|")


@pytest.mark.slow
def test_readme_run_command_reaches_a_working_counter() -> None:
    """`p4-desk` on a fresh PC: Enter in the wizard, demo login, F2 calls a citizen."""
    steps = run_app([], "petugas1/petugas123")
    assert steps[:4] == ["wizard", "login", "call", "button Panggil Berikutnya"]  # Indonesian by default
    assert steps[4].startswith("called ") and steps[4].endswith(" at L01")
    assert Settings.load().get("workstation.counter") == "L01"


def test_command_line_database_counter_and_english(site_db: Database, sqlite_url: str) -> None:
    today = open_database(sqlite_url)  # the child process runs on the real clock, so does this ticket
    try:
        queue.issue_ticket(today, "KTP")
        steps = run_app(["--db", sqlite_url, "--counter", "L2", "--lang", "en"], "petugas2/rahasia123")
        # no wizard: the database was named on the command line
        assert steps == ["login", "call", "button Call next", "called A001 at L2"]
        assert queue.get_ticket(today, "A001").officer == "petugas2"
        assert not settings_path().exists()
        # closing the window put the counter on a break (a ticket was still in hand)
        assert next(c for c in catalog.list_counters(today) if c.code == "L2").state == "paused"
    finally:
        today.dispose()


def test_screenshots_of_login_and_first_start(
    qtbot, qapp: QApplication, site_db: Database, make_ctx: MakeCtx, screenshot
) -> None:
    translators = install_translations(qapp, "id")
    try:
        dialog = LoginDialog(make_ctx(site_db, username=None))
        qtbot.addWidget(dialog)
        dialog.show()
        login(qtbot, dialog, "petugas1", "keliru")
        assert dialog.ui.buttonBox.buttons()[0].text() in ("Masuk", "Batal")
        screenshot(dialog, "login_failed")
        wizard = FirstRunWizard()
        qtbot.addWidget(wizard)
        wizard.show()
        screenshot(wizard, "first_start_choice")
        wizard.choice_page.new_site.setChecked(True)
        wizard.next()
        screenshot(wizard, "first_start_new_site")
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_log_out_returns_to_the_login(qtbot, site_db: Database, make_ctx: MakeCtx) -> None:
    from p4_desk.gui.app.session import WorkstationSession
    from p4_desk.gui.counter import open_window

    session = WorkstationSession(make_ctx(site_db, username=None), open_window)
    session.start()
    first = session.login
    assert first is not None
    login(qtbot, first, "petugas1", "rahasia123")
    qtbot.waitUntil(lambda: session.shell is not None and session.shell.isVisible(), timeout=WAIT)
    assert session.ctx.user is not None and session.ctx.user.username == "petugas1"
    assert "Petugas Satu" in session.shell.status.officer_label.text()
    session.shell.logout_action.trigger()
    qtbot.waitUntil(lambda: session.shell is None and session.login is not first, timeout=WAIT)
    assert session.login is not None and session.login.isVisible()
    assert session.ctx.user is None
    # another officer takes over the same PC
    login(qtbot, session.login, "petugas2", "rahasia123")
    qtbot.waitUntil(lambda: session.shell is not None, timeout=WAIT)
    assert "Petugas Dua" in session.shell.status.officer_label.text()
    session.shell.close()
    session.login.close()


def test_every_shipped_translation_is_complete_and_compiled() -> None:
    import xml.etree.ElementTree as ET

    from p4_desk.resources import resource

    # sources in resources/translations, compiled files shipped in the package
    sources = sorted((Path(__file__).resolve().parents[2] / "resources" / "translations").glob("*.ts"))
    assert {p.stem for p in sources} >= {"app_id", "counter_id"}
    for ts in sources:
        unfinished = [
            m.findtext("source")
            for m in ET.parse(ts).getroot().iter("message")
            if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"
        ]
        assert unfinished == [], f"{ts.name}: untranslated {unfinished[:5]}"
        qm = resource("translations", ts.with_suffix(".qm").name)
        assert qm.exists() and qm.stat().st_size > 0, f"{qm.name} missing: run pyside6-lrelease"


def test_status_bar_shows_the_sync_workers_state(qtbot, site_db: Database, make_ctx: MakeCtx) -> None:
    """With the sync area installed: the real worker, a central URL nobody answers, real outbox rows."""
    sync_worker = pytest.importorskip("p4_desk.gui.sync_worker")
    from p4_desk.gui.app.session import WorkstationSession
    from p4_desk.gui.counter import open_window

    queue.issue_ticket(site_db, "KTP")  # one pending outbox event
    ctx = make_ctx(site_db, username=None)
    ctx.settings.set("sync.url", "http://127.0.0.1:9/")
    worker = sync_worker.SyncWorker(site_db, ctx.settings, interval_s=1)
    worker.start()
    try:
        session = WorkstationSession(ctx, open_window, sync_worker=worker)
        session.start()
        assert session.login is not None
        login(qtbot, session.login, "petugas1", "rahasia123")
        qtbot.waitUntil(lambda: session.shell is not None, timeout=WAIT)
        label = session.shell.status.sync_label
        qtbot.waitUntil(lambda: "offline" in label.text(), timeout=10_000)
        assert "pending" in label.text() and "0 pending" not in label.text()
        session.shell.close()
    finally:
        worker.stop()

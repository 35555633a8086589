"""Child process of test_window_placement.py: the three main windows on one offscreen screen of
the size given in P4_SCREEN ("1366x768"), with the Indonesian catalogue; prints one JSON line.

A screen's size is fixed when Qt starts, so each size needs its own process.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from p4_desk.config import Settings
from p4_desk.gui.admin import open_window as open_admin
from p4_desk.gui.app.look import apply_theme, install_translations
from p4_desk.gui.app.session import WorkstationSession
from p4_desk.gui.app.shell import ShellWindow
from p4_desk.gui.common import live
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.tasks import set_synchronous
from p4_desk.gui.counter import open_window as open_counter
from p4_desk.gui.supervisor import open_window as open_supervisor
from p4_desk.services import users
from tests.support.sites import make_site


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def placed(shell: ShellWindow) -> dict[str, object]:
    QApplication.processEvents()
    bar = shell.status
    bottom = bar.mapToGlobal(QPoint(0, bar.height() - 1))
    return {
        "maximized": shell.isMaximized(),
        "frame": rect(shell.frameGeometry()),
        "geometry": rect(shell.geometry()),
        "status_bottom": bottom.y(),
        "status_visible": bar.isVisible(),
    }


def main() -> None:
    app = QApplication(sys.argv[:1])
    install_translations(app, "id")
    apply_theme(app)
    set_synchronous(True)
    workdir = Path(os.environ["P4_WORKDIR"])
    db = make_site(f"sqlite:///{workdir / 'site.sqlite3'}")
    users.add_user(db, "kepala", "Kepala MPP", "supervisor", "rahasia123")
    users.add_user(db, "admin", "Admin Situs", "admin", "rahasia123")
    screen = app.primaryScreen()
    out: dict[str, object] = {"available": rect(screen.availableGeometry())}

    # the counter, the way an officer opens it: login, then the shell
    settings = Settings.load(workdir / "pc1.toml")
    settings.set("workstation.role", "counter")  # a PC set up by the wizard has its file
    settings.save()
    ctx = AppContext(db=db, settings=settings, role="counter", counter="L1")
    session = WorkstationSession(ctx, open_counter)
    session.start()
    assert session.login is not None
    QTest.keyClicks(session.login.ui.usernameEdit, "petugas1")
    QTest.keyClicks(session.login.ui.passwordEdit, "rahasia123")
    QTest.keyClick(session.login.ui.passwordEdit, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert session.shell is not None
    out["counter"] = placed(session.shell)
    out["call_next"] = session.shell.content.buttons["call_next"].text().split("\n")[0]
    # the officer puts it in a box of their own and closes it; it opens there again on this PC
    session.shell.showNormal()
    box = QRect(40, 30, 1100, 680)
    session.shell.setGeometry(box)
    QApplication.processEvents()
    out["box"] = rect(session.shell.geometry())
    session.shell.close()
    out["saved"] = bool(Settings.load(workdir / "pc1.toml").get("window.counter"))
    ctx.settings = Settings.load(workdir / "pc1.toml")
    ctx.user = users.get_user(db, "petugas1")
    again = ShellWindow(ctx, open_counter(ctx))
    again.show_placed()
    out["counter_again"] = placed(again)
    again.close()
    # another PC (its own settings file) still opens maximised
    other = AppContext(db=db, settings=Settings.load(workdir / "pc2.toml"), role="counter", counter="L2")
    other.user = users.get_user(db, "petugas2")
    second = ShellWindow(other, open_counter(other))
    second.show_placed()
    out["other_pc"] = placed(second)
    second.close()
    out["other_pc_file"] = (workdir / "pc2.toml").exists()
    # a geometry saved with a monitor that is gone (right of this one, larger than it)
    far = ShellWindow(ctx, open_counter(ctx))
    far.show()
    area = screen.availableGeometry()
    far.setGeometry(QRect(area.right() + 300, 20, area.width() + 300, area.height() + 200))
    QApplication.processEvents()
    ctx.settings.set("window.counter", bytes(far.saveGeometry().toBase64().data()).decode("ascii"))
    far.hide()
    lost = ShellWindow(ctx, open_counter(ctx))
    lost.show_placed()
    out["monitor_gone"] = placed(lost)
    lost.close()

    for role, factory, user in (("supervisor", open_supervisor, "kepala"), ("admin", open_admin, "admin")):
        role_ctx = AppContext(db=db, settings=Settings.load(workdir / "pc1.toml"), role=role)
        role_ctx.user = users.get_user(db, user)
        shell = ShellWindow(role_ctx, factory(role_ctx))
        shell.show_placed()
        out[role] = placed(shell)
        shell.close()

    print("PLACED " + json.dumps(out))
    for monitor in list(live._monitors.values()):
        monitor.shutdown()
    db.dispose()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()

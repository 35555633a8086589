"""Run a kiosk on a site database, take a ticket with the keypad only, and report what its
voice played (JSON on stdout). A separate process, so that QtMultimedia connects to the
audio server the caller chose (``PULSE_SERVER``)::

    python -m tests.support.kiosk_voice_run sqlite:///site.sqlite3 settings.toml
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from p4_desk.config import Settings
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.kiosk.window import KioskWindow
from p4_desk.resources import resource
from p4_desk.store.migrate import open_database

TIMEOUT_S = 60.0


def wait(app: QApplication, done: object, timeout: float = TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)
    return bool(done())  # type: ignore[operator]


def main() -> int:
    url, settings_file = sys.argv[1], Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    translator = QTranslator()
    translator.load(str(resource("translations", "kiosk_id.qm")))
    QCoreApplication.installTranslator(translator)
    db = open_database(url)
    settings = Settings(
        {
            "voice.enabled": True,
            "voice.volume": 0.9,
            "printer.ticket_target": "pdf:" + str(settings_file.with_suffix(".pdf")),
        },
        path=settings_file,
    )
    kiosk = KioskWindow(AppContext(db=db, settings=settings, role="kiosk"))
    kiosk.resize(1080, 1920)
    kiosk.show()
    kiosk.activateWindow()
    wait(app, lambda: kiosk.snapshot is not None and kiosk.isActiveWindow(), 10)
    voice = kiosk.access.voice
    played: list[dict[str, object]] = []
    voice.started.connect(lambda p: played.append({"text": p.text(), "words": p.words(), "end": None}))
    voice.finished.connect(lambda p: played[-1].update(end=time.monotonic()) if played else None)

    def press(key: Qt.Key) -> None:
        QTest.keyClick(QApplication.focusWidget() or kiosk, key)
        wait(app, lambda: played and played[-1]["end"] is not None)  # the citizen listens to the end

    press(Qt.Key.Key_Right)  # "Pilihan 1: ..."
    press(Qt.Key.Key_1)  # Dukcapil: the services page is read out
    press(Qt.Key.Key_2)  # KTP-el: the ticket number and the wait
    wait(app, lambda: kiosk.ticket is not None and played and played[-1]["end"] is not None)
    print(
        json.dumps(
            {
                "mode": voice.mode,
                "silent_reason": voice.silent_reason,
                "number": kiosk.ticket_page.number.text(),
                "played": [
                    {"text": p["text"], "words": p["words"], "ended": p["end"] is not None} for p in played
                ],
            }
        )
    )
    kiosk.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

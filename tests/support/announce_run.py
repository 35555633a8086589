"""Run the board's announcer in its own process (so it finds the audio server named by
``PULSE_SERVER``), announce a call and its recall, print what it played as JSON lines.

    python -m tests.support.announce_run SETTINGS_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from p4_desk.config import Settings
from p4_desk.gui.display.announcer import Announcer
from p4_desk.voice import Announcement

TIMEOUT_MS = 60_000


def main() -> int:
    app = QApplication([])
    folder = Path(sys.argv[1])
    announcer = Announcer(Settings({"voice.enabled": True, "voice.volume": 0.6}, path=folder / "s.toml"))
    print(json.dumps({"silent": announcer.silent, "reason": announcer.silent_reason}), flush=True)
    if announcer.silent:
        return 0
    events: list[tuple[str, str, bool]] = []

    def note(kind: str, call: Announcement) -> None:
        events.append((kind, call.ticket_number, call.recall))
        print(json.dumps({"event": kind, "number": call.ticket_number, "recall": call.recall}), flush=True)
        if len(events) == 4:
            app.quit()

    announcer.started.connect(lambda a: note("start", a))
    announcer.finished.connect(lambda a: note("end", a))
    announcer.announce(Announcement("A123", "Loket 3"))
    announcer.announce(Announcement("A123", "Loket 3", recall=True))
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    app.exec()
    announcer.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

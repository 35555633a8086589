"""The kiosk's clocks: back home when idle, unprinted tickets cancelled, the header clock.

- An idle kiosk goes back to the home screen (``idle_ms``; shorter once the ticket printed or
  its print failed, so the next citizen is not kept waiting); any touch or key restarts it.
- A ticket left unprinted (the citizen walked away from a failed print) is cancelled by
  ``ticketing.cancel_unprinted`` after the site's timeout: run here every minute.
- The clock in the header follows the site's time zone, every second.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from p4_desk.domain.wording import format_time
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import ticketing

if TYPE_CHECKING:
    from p4_desk.gui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)

CANCEL_UNPRINTED_MS = 60_000
IDLE_MS = 45_000
PRINTED_IDLE_MS = 10_000
PRINT_FAILED_IDLE_MS = 15_000


class KioskUpkeep(QObject):
    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.idle_timer = QTimer(self, singleShot=True)
        self.idle_timer.setInterval(IDLE_MS)
        self.idle_timer.timeout.connect(kiosk.go_home)
        self.cancel_timer = QTimer(self)
        self.cancel_timer.timeout.connect(self.cancel_unprinted)
        self.cancel_timer.start(CANCEL_UNPRINTED_MS)
        self.clock_timer = QTimer(self)
        self.clock_timer.timeout.connect(self.tick)
        self.clock_timer.start(1000)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def cancel_unprinted(self) -> None:
        db = self.kiosk.ctx.db
        run_task(
            self.kiosk,
            lambda: ticketing.cancel_unprinted(db),
            None,
            lambda exc: log.warning("cancel_unprinted: %s", exc),
        )

    def tick(self) -> None:
        snapshot = self.kiosk.snapshot
        key = snapshot.timezone if snapshot else "Asia/Jakarta"
        self.kiosk.clock_label.setText(format_time(self.kiosk.ctx.db.now(), key))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        touched = event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress)
        if touched and self.idle_timer.isActive():
            self.idle_timer.start()
        return False

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for timer in (self.cancel_timer, self.idle_timer, self.clock_timer):
            timer.stop()

"""Live updates and connection state, shared by every screen of one database.

``monitor_for(db)`` returns the one ``ChangeMonitor`` of that database. It polls
``journal.change_marker(db)`` on a background task every ``POLL_MS`` and emits ``changed``
only when the marker moved, so screens reload within a second of another workstation's change
without polling the database themselves. When a poll (or any screen's service call, through
``report_failure``) hits ``DatabaseUnavailable`` it emits ``connection_changed(False, message)``
and keeps retrying every ``RETRY_MS`` until the database answers again.
"""

from __future__ import annotations

import logging
import weakref

from PySide6.QtCore import QObject, QTimer, Signal

from p4_desk.errors import DatabaseUnavailable
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import journal
from p4_desk.store.db import Database

log = logging.getLogger(__name__)

POLL_MS = 500
RETRY_MS = 3000


class ChangeMonitor(QObject):
    changed = Signal(int)
    connection_changed = Signal(bool, str)

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.marker: int | None = None
        self.connected = True
        self.message = ""
        self._in_flight = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.poll)
        self._users = 0

    def start(self) -> None:
        """Start polling (reference counted: every screen calls start/stop once)."""
        self._users += 1
        if self._users == 1:
            self.poll()

    def stop(self) -> None:
        self._users = max(0, self._users - 1)
        if self._users == 0:
            self._timer.stop()

    def shutdown(self) -> None:
        """Stop polling regardless of users (application exit, test teardown)."""
        self._users = 0
        self._timer.stop()

    def poll(self) -> None:
        if self._in_flight:
            return
        self._in_flight = True
        run_task(self, lambda: journal.change_marker(self.db), self._on_marker, self._on_error)

    def report_failure(self, exc: BaseException) -> None:
        """A screen's own service call failed: show the outage at once instead of at the next poll."""
        if isinstance(exc, DatabaseUnavailable) and self.connected:
            self._set_connected(False, exc.message)

    def _on_marker(self, marker: int) -> None:
        self._in_flight = False
        if not self.connected:
            self._set_connected(True, "")
        if marker != self.marker:
            self.marker = marker
            self.changed.emit(marker)
        self._schedule(POLL_MS)

    def _on_error(self, exc: BaseException) -> None:
        self._in_flight = False
        if isinstance(exc, DatabaseUnavailable):
            if self.connected:
                self._set_connected(False, exc.message)
        else:
            log.error("change poll failed", exc_info=exc)
        self._schedule(RETRY_MS)

    def _set_connected(self, value: bool, message: str) -> None:
        self.connected, self.message = value, message
        if value:
            log.info("database connection restored")
        else:
            log.warning("database connection lost: %s", message)
        self.connection_changed.emit(value, message)

    def _schedule(self, ms: int) -> None:
        if self._users > 0:
            self._timer.start(ms)


_monitors: weakref.WeakKeyDictionary[Database, ChangeMonitor] = weakref.WeakKeyDictionary()


def monitor_for(db: Database) -> ChangeMonitor:
    monitor = _monitors.get(db)
    if monitor is None:
        monitor = _monitors[db] = ChangeMonitor(db)
    return monitor

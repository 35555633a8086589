"""Live updates and connection state, shared by every screen of one database.

``monitor_for(db)`` returns the one ``ChangeMonitor`` of that database. It polls
``journal.change_marker(db)`` on a background task every ``POLL_MS`` and emits ``changed``
only when the marker moved, so screens reload within a second of another workstation's change
without polling the database themselves. When a poll (or any screen's service call, through
``report_failure``) hits ``DatabaseUnavailable`` it emits ``connection_changed(False, message)``
and keeps retrying every ``RETRY_MS`` until the database answers again.

``LiveQuery`` is how a screen uses it: the screen's read model (``services.screens``) loaded
off the UI thread at start, whenever the marker moves and when the connection comes back, and
handed to the screen; a result read before the screen's own last action is dropped and read
again (it would show the state from before that action).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from p4_desk.errors import DatabaseUnavailable
from p4_desk.gui.common.tasks import run_task
from p4_desk.store import journal
from p4_desk.store.db import Database

log = logging.getLogger(__name__)

POLL_MS = 400  # the display board's rate: a call shows within a second everywhere
RETRY_MS = 3000
T = TypeVar("T")


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


class LiveQuery(Generic[T]):
    """A screen's read model, kept current.

    ``query()`` runs on the UI thread (so it may read the screen's filters) and returns the job
    that reads the model off it; ``show(model)`` gets each result on the UI thread, ``failed(exc)``
    each error (also reported to the monitor, so an outage shows at once). One load runs at a time;
    a refresh asked meanwhile runs once after it. Changes seen while ``active()`` is false (a
    hidden tab) are loaded by ``resume()``; explicit ``refresh()`` calls always load. ``every_ms``
    also reloads on a timer, for figures that age with the clock (waiting minutes, opening hours).
    """

    def __init__(
        self,
        owner: QObject,
        db: Database,
        query: Callable[[], Callable[[], T]],
        show: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
        *,
        active: Callable[[], bool] | None = None,
        every_ms: int | None = None,
    ) -> None:
        self.owner, self.query, self.show, self.failed = owner, query, show, failed
        self.active = active or (lambda: True)
        self.monitor = monitor_for(db)
        self.loading = False
        self._again = False
        self._missed = False
        self._started = False
        self._halted = False  # stop() was called: a load still running then is not shown
        self._generation = 0  # bumped by invalidate(): results of older loads are stale
        self._timer: QTimer | None = None
        if every_ms:
            self._timer = QTimer(owner)
            self._timer.setInterval(every_ms)
            self._timer.timeout.connect(self._changed)
        owner.destroyed.connect(self.stop)

    @property
    def running(self) -> bool:
        """Whether ``start()`` was called (and ``stop()`` not since)."""
        return self._started

    def start(self) -> None:
        """Load now and after every change (reference counted on the monitor)."""
        if self._started:
            return
        self._started, self._halted = True, False
        self.monitor.changed.connect(self._changed)
        self.monitor.connection_changed.connect(self._connection_changed)
        self.monitor.start()
        if self._timer is not None:
            self._timer.start()
        self.refresh()

    def stop(self) -> None:
        if not self._started:
            return
        self._started, self._halted, self._again = False, True, False
        if shiboken6.isValid(self.monitor):  # at exit the monitor may be gone first
            self.monitor.changed.disconnect(self._changed)
            self.monitor.connection_changed.disconnect(self._connection_changed)
            self.monitor.stop()
        if self._timer is not None and shiboken6.isValid(self._timer):
            self._timer.stop()

    def refresh(self) -> None:
        """Load the model now (or once the load running now is done)."""
        self._halted = False  # asked for now: the caller wants an answer again
        if self.loading:
            self._again = True
            return
        self.loading, self._missed = True, False
        generation = self._generation
        run_task(self.owner, self.query(), lambda model: self._loaded(model, generation), self._failed)

    def invalidate(self) -> None:
        """The screen changed the data itself: what is loading now is stale; load again."""
        self._generation += 1
        self.refresh()

    def resume(self) -> None:
        """The screen became active again: load what changed meanwhile."""
        if self._missed:
            self.refresh()

    def _changed(self, _marker: int | None = None) -> None:
        if not shiboken6.isValid(self.owner):
            self.stop()
        elif self.active():
            self.refresh()
        else:
            self._missed = True

    def _connection_changed(self, connected: bool, _message: str) -> None:
        if connected:
            self._changed()

    def _loaded(self, model: T, generation: int) -> None:
        self.loading = False
        if self._halted:  # stopped while this load ran: the screen no longer wants it
            return
        if generation != self._generation:  # read before the screen's last action finished
            self._again = False
            self.refresh()
            return
        self.show(model)
        self._load_queued()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.monitor.report_failure(exc)
        if self.failed is not None:
            self.failed(exc)
        else:
            log.warning("%s could not load: %s", type(self.owner).__name__, exc)
        self._load_queued()

    def _load_queued(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

"""The GUI's sync worker: the sync agent on its own QThread, run every ``interval_s`` seconds.

A run pushes what is due (a call reaches the citizens' pages within seconds) and pulls every
``pull_interval_s``; a run with nothing to do is two small reads (``SyncAgent`` cadence).

It lives under ``gui/`` because it is the only part of sync that imports Qt. The status bar
connects to ``status_changed`` (a ``SyncStatus``: online/offline, last success, pending and
failed counts) and to ``problem`` (an Indonesian message worth showing: token refused, no
keyring, not enrolled). Signals cross to the GUI thread as queued connections.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from p4_desk.config import Settings
from p4_desk.errors import ConfigError, P4Error
from p4_desk.services.central_inbox import CentralInbox
from p4_desk.store.db import Database
from p4_desk.sync.agent import SyncAgent
from p4_desk.sync.credentials import CredentialStore
from p4_desk.sync.enrolment import open_client
from p4_desk.sync.state import status

log = logging.getLogger(__name__)

STOP_WAIT_MS = 45_000  # one HTTP call can take up to its connect + read timeout


class SyncWorker(QObject):
    status_changed = Signal(object)  # SyncStatus
    problem = Signal(str)

    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        interval_s: float = 1.0,
        pull_interval_s: float = 30.0,
        store: CredentialStore | None = None,
    ) -> None:
        super().__init__()
        self._db = db
        self._settings = settings
        self._interval_ms = max(200, int(interval_s * 1000))
        self._pull_interval_s = pull_interval_s
        self._store = store
        self._agent: SyncAgent | None = None
        self._timer: QTimer | None = None
        self._thread = QThread()
        self._thread.setObjectName("p4-desk-sync")
        self.moveToThread(self._thread)
        self._thread.started.connect(self._begin)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.isRunning():
            QMetaObject.invokeMethod(self, "_end", Qt.ConnectionType.BlockingQueuedConnection)
            self._thread.quit()
            self._thread.wait(STOP_WAIT_MS)

    def sync_now(self) -> None:
        """Ask for a run as soon as the worker is free (from any thread)."""
        QMetaObject.invokeMethod(self, "tick", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _begin(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self.tick()

    @Slot()
    def _end(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._agent is not None:
            self._agent.client.close()
            self._agent = None

    @Slot()
    def tick(self) -> None:
        try:
            agent = self._agent or self._open_agent()
            if agent is not None:
                agent.run_once(respect_backoff=True)
        except ConfigError as not_ready:
            self.problem.emit(not_ready.message)
        except P4Error as refused:
            self._agent = None  # reopen with a fresh token after re-enrolment
            self.problem.emit(refused.message)
        except Exception:  # never let the worker thread die: the next tick tries again
            log.exception("sync run failed")
            self.problem.emit("Sinkronisasi gagal karena galat tak terduga; lihat log aplikasi.")
        try:
            self.status_changed.emit(status(self._db))
        except P4Error as unavailable:
            self.problem.emit(unavailable.message)

    def _open_agent(self) -> SyncAgent | None:
        self._agent = SyncAgent(
            self._db,
            open_client(self._db, self._settings, store=self._store),
            CentralInbox(self._db),
            pull_interval_s=self._pull_interval_s,
            publish_board=True,
        )
        return self._agent

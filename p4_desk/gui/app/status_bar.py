"""The workstation status bar: database connection, sync state, officer, counter, clock.

The sync state arrives either pushed — ``show_sync_status(status)`` with the sync worker's
``SyncStatus`` (online, pending, failed) and ``show_sync_problem(message)`` — or pulled from a
pluggable provider: a plain callable returning the text to show, run on a background task every
``SYNC_REFRESH_MS`` (so it may read the database). Without either the bar says "not configured".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from p4_desk.domain.wording import format_time
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.live import ChangeMonitor
from p4_desk.gui.common.tasks import run_task

SyncStatusProvider = Callable[[], str]
SYNC_REFRESH_MS = 5000


class WorkstationStatusBar(QStatusBar):
    def __init__(
        self,
        ctx: AppContext,
        monitor: ChangeMonitor,
        sync_status: SyncStatusProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sync_status = sync_status
        self._tz: tzinfo = ZoneInfo("Asia/Jakarta")
        self.db_label = self._label("statusDatabase")
        self.sync_label = self._label("statusSync")
        self.officer_label = self._label("statusOfficer")
        self.counter_label = self._label("statusCounter")
        self.clock_label = self._label("statusClock")
        monitor.connection_changed.connect(self.show_connection)
        self.show_connection(monitor.connected, monitor.message)
        self.sync_label.setText(self.tr("Sync: not configured"))
        self.refresh_identity()
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.tick)
        self._clock.start(1000)
        run_task(self, lambda: ctx.db.timezone, self._set_timezone)
        if sync_status is not None:
            self._sync_timer = QTimer(self)
            self._sync_timer.timeout.connect(self.refresh_sync)
            self._sync_timer.start(SYNC_REFRESH_MS)
            self.refresh_sync()
        self.tick()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        self.addPermanentWidget(label)
        return label

    def show_connection(self, connected: bool, _message: str = "") -> None:
        engine = self.tr("SQLite") if self.ctx.db.is_sqlite else self.tr("PostgreSQL")
        if connected:
            self.db_label.setText(self.tr("Database: connected ({engine})").format(engine=engine))
            self.db_label.setProperty("state", "ok")
        else:
            self.db_label.setText(self.tr("Database: disconnected"))
            self.db_label.setProperty("state", "error")
        self._repolish(self.db_label)

    def refresh_identity(self) -> None:
        user = self.ctx.user
        self.officer_label.setText(
            self.tr("Officer: {name}").format(name=user.full_name) if user else self.tr("Officer: -")
        )
        self.counter_label.setText(self.tr("Counter: {code}").format(code=self.ctx.counter or "-"))
        self.counter_label.setVisible(self.ctx.role == "counter")

    def refresh_sync(self) -> None:
        if self.sync_status is not None:
            run_task(self, self.sync_status, self.sync_label.setText, lambda exc: None)

    def show_sync_status(self, status: Any) -> None:
        """A ``p4_desk.sync.state.SyncStatus`` (read by attribute: online, pending, failed)."""
        if status.online:
            text = self.tr("Sync: online · {pending} pending").format(pending=status.pending)
        else:
            text = self.tr("Sync: offline · {pending} pending").format(pending=status.pending)
        if status.failed:
            text += self.tr(" · {failed} failed").format(failed=status.failed)
        self.sync_label.setText(text)
        self.sync_label.setProperty("state", "ok" if status.online and not status.failed else "warning")
        self.sync_label.setToolTip("")
        self._repolish(self.sync_label)

    def show_sync_problem(self, message: str) -> None:
        self.sync_label.setToolTip(message)
        self.sync_label.setProperty("state", "warning")
        self._repolish(self.sync_label)

    @staticmethod
    def _repolish(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _set_timezone(self, tz: tzinfo) -> None:
        self._tz = tz
        self.tick()

    def tick(self) -> None:
        self.clock_label.setText(format_time(self.ctx.db.now(), self._tz, seconds=True, with_zone=False))

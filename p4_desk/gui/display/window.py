"""The display board window: shows the calls, flashes and announces new ones.

A call made at any workstation (another process, another PC on the same database) shows
within a second: the shared change monitor polls the change marker and, only when it moved,
a ``LiveQuery`` reads the board's model (``screens.hall.board_screen``) on a worker thread; the
UI thread never waits for the database. A call is new when a ticket's ``called_at`` or
``recall_count`` differs from what the board last saw, so a recall is flashed and announced
again.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from p4_desk.domain.wording import format_date, format_time
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.live import LiveQuery
from p4_desk.gui.display.announcer import Announcer
from p4_desk.gui.display.board import BoardView
from p4_desk.gui.display.notice import Notice
from p4_desk.gui.kiosk.exit_guard import ExitGuard
from p4_desk.services.queue import CounterStatus, TicketInfo
from p4_desk.services.screens.hall import BoardScreen, board_screen
from p4_desk.voice import Announcement

log = logging.getLogger(__name__)


def natural_key(text: str) -> list[tuple[int, int | str]]:
    """Sort key reading digit runs as numbers: "Loket 2" before "Loket 10"."""
    return [(0, int(part)) if part.isdigit() else (1, part.lower()) for part in re.findall(r"\d+|\D+", text)]


def new_calls(
    recent: tuple[TicketInfo, ...], seen: dict[int, tuple[datetime | None, int]]
) -> list[TicketInfo]:
    """Calls in ``recent`` the board has not shown yet, oldest first; updates ``seen``."""
    fresh: list[TicketInfo] = []
    for ticket in reversed(recent):
        key = (ticket.called_at, ticket.recall_count)
        if seen.get(ticket.id) != key:
            seen[ticket.id] = key
            fresh.append(ticket)
    return fresh


class DisplayWindow(QWidget):
    refreshed = Signal(int)  # change marker of the data now shown

    def __init__(self, ctx: AppContext, *, audio: str = "auto", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("P4 Desk — Display board"))
        self.view = BoardView(
            {
                "title": self.tr("QUEUE NUMBER"),
                "recent": self.tr("Recent calls"),
                "counters": self.tr("Counters"),
            }
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.announcer = Announcer(ctx.settings, self, audio=audio)
        self.marker: int | None = None
        self.timezone = ZoneInfo("Asia/Jakarta")
        self._timezone_key = "Asia/Jakarta"
        self._seen: dict[int, tuple[datetime | None, int]] = {}
        db = ctx.db
        self.live = LiveQuery(self, db, lambda: partial(board_screen, db), self._apply, self._poll_failed)
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._tick)
        self.exit_guard = ExitGuard(self, ctx.db)
        self._tick()
        self.live.start()
        self._clock_timer.start(1000)

    # --- showing ---------------------------------------------------------------------------

    def _poll_failed(self, exc: BaseException) -> None:
        log.warning("display board could not read the queue: %s", exc)

    def _apply(self, snapshot: BoardScreen) -> None:
        first = self.marker is None
        self.marker = snapshot.marker
        if snapshot.timezone != self._timezone_key:
            self._timezone_key, self.timezone = snapshot.timezone, ZoneInfo(snapshot.timezone)
        self.view.set_header(site=snapshot.site_name)
        self.view.running.setText(snapshot.running_text)
        self.view.set_notices(self._notices(snapshot))
        counters = sorted(snapshot.counters, key=lambda c: natural_key(c.name))  # Loket 2 before 10
        self.view.set_counters([self._counter_row(c) for c in counters])
        self.view.set_recent(
            [(t.number, t.counter_name or "") for t in snapshot.recent[1 : 1 + self.view.RECENT_CELLS]]
        )
        if snapshot.recent:
            latest = snapshot.recent[0]
            self.view.current.show_call(latest.number, (latest.counter_name or "").upper())
        else:
            self.view.current.show_call("—", "")
        fresh = new_calls(snapshot.recent, self._seen)
        if fresh and not first:  # what was called before the board started is not announced
            self.view.set_latest(fresh[-1].counter or "")
            self.view.current.flash()
            for ticket in fresh:
                self.announcer.announce(
                    Announcement(
                        ticket.number, ticket.counter_name or ticket.counter or "", ticket.recall_count > 0
                    )
                )
        self._tick()
        self.refreshed.emit(snapshot.marker)

    def _notices(self, snapshot: BoardScreen) -> tuple[Notice, ...]:
        shown = snapshot.maklumat
        if shown is None:
            return ()
        notices = []
        if shown.set:
            decree = shown.decree
            if shown.decree_date is not None:
                decree = (
                    self.tr("{0} dated {1}").format(decree, format_date(shown.decree_date)) if decree else ""
                )
            body = f"{shown.text}\n\n{decree}" if decree else shown.text
            notices.append(Notice("maklumat", self.tr("SERVICE PLEDGE (MAKLUMAT PELAYANAN)"), body))
        if shown.complaint_channels.strip():
            notices.append(
                Notice("channels", self.tr("COMPLAINTS AND SUGGESTIONS"), shown.complaint_channels)
            )
        return tuple(notices)

    def _counter_row(self, counter: CounterStatus) -> tuple[str, str, str, bool]:
        if counter.state == "open":
            return counter.code, counter.name, counter.current_ticket or "—", counter.current_ticket is None
        label = self.tr("Break") if counter.state == "paused" else self.tr("Closed")
        return counter.code, counter.name, label, True

    # --- clock -----------------------------------------------------------------------------

    def _tick(self) -> None:
        local = self.ctx.db.now().astimezone(self.timezone)
        self.view.set_header(
            date=format_date(local.date(), weekday=True), clock=format_time(local, seconds=True)
        )

    # --- state for tests and the benchmark -------------------------------------------------

    def current_number(self) -> str:
        return self.view.current.number.text()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        self.live.stop()
        self._clock_timer.stop()
        self.announcer.close()
        super().closeEvent(event)


def open_window(ctx: AppContext) -> DisplayWindow:
    window = DisplayWindow(ctx)
    window.setWindowState(Qt.WindowState.WindowFullScreen)
    window.setCursor(Qt.CursorShape.BlankCursor)  # a TV: no mouse pointer over the numbers
    return window

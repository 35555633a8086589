"""Live monitor: queues per service and counters, kept current by a ``LiveQuery`` (on every change,
and every second for the waiting minutes that grow with the clock)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.config import data_dir
from p4_desk.domain.wording import format_number, format_time
from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.live import LiveQuery
from p4_desk.gui.common.tasks import run_task
from p4_desk.services import supervision
from p4_desk.services.screens.supervisor import live_screen
from p4_desk.services.stats import LiveMonitor

AGE_REFRESH_MS = 1000  # waiting and idle minutes (and alerts) grow without a change in the database
ALERT_BACKGROUND = QColor("#F8D7DA")
ALERT_TEXT = QColor("#842029")


def minutes_text(seconds: float | None) -> str:
    return "–" if seconds is None else format_number(seconds / 60)


def wait_text(minutes: int | None) -> str:
    """A queue's longest wait now (``domain.waiting``: whole minutes; "–" when nobody waits)."""
    return "–" if minutes is None else str(minutes)


def table(headers: list[str], stretch: int = 0, tips: list[str] | None = None) -> QTableWidget:
    """A read-only, row-selecting table whose column ``stretch`` takes the spare width.

    Headers are short so the numbers fit beside the names at 1366 px; ``tips`` (one per column)
    say in full what a header means, on hover. A name cut short by its column reads in full on
    hover too (``cell`` gives every text cell its tooltip)."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    for column, tip in enumerate(tips or headers):
        header_item = t.horizontalHeaderItem(column)
        if header_item is not None:
            header_item.setToolTip(tip)
    t.verticalHeader().setVisible(False)
    t.verticalHeader().setDefaultSectionSize(24)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return t


def cell(text: Any, *, right: bool = False, tooltip: str | None = None) -> QTableWidgetItem:
    shown = format_number(text) if type(text) is int else str(text)
    item = QTableWidgetItem(shown)
    if tooltip or not right:  # a text cell may be elided: its full text on hover
        item.setToolTip(tooltip or shown)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class LivePanel(QWidget):
    """What happens now; also where the supervisor intervenes (reprint, cancel, close)."""

    refreshed = Signal(object)  # the LiveMonitor shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.monitor: LiveMonitor | None = None

        self.alerts = QLabel()
        self.alerts.setWordWrap(True)
        self.alerts.setStyleSheet(
            "QLabel { color: #842029; background: #F8D7DA; padding: 6px; font-weight: bold; }"
        )
        self.alerts.hide()
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #555;")

        self.services = table(
            [self.tr("Service"), self.tr("Waiting"), self.tr("Longest", "wait"),
             self.tr("Last hour", "average wait"), self.tr("Target")],
            tips=[self.tr("Service"), self.tr("Tickets waiting now"), self.tr("Longest wait now (min)"),
                  self.tr("Average wait, last hour (min)"), self.tr("Target wait (min)")],
        )  # fmt: skip
        self.counters = table(
            [
                self.tr("Counter"),
                self.tr("State"),
                self.tr("Officer"),
                self.tr("Ticket"),
                self.tr("Idle"),
            ],
            stretch=2,
            tips=[
                self.tr("Counter"),
                self.tr("State"),
                self.tr("Officer"),
                self.tr("Ticket"),
                self.tr("Idle (min)"),
            ],  # fmt: skip
        )

        self.reprint_button = QPushButton(self.tr("Reprint ticket…"))
        self.cancel_button = QPushButton(self.tr("Cancel ticket…"))
        self.close_button = QPushButton(self.tr("Close selected counter…"))
        self.reprint_button.clicked.connect(self.reprint)
        self.cancel_button.clicked.connect(self.cancel_ticket)
        self.close_button.clicked.connect(self.close_counter)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self._heading(self.tr("Queues per service (minutes)")))
        lv.addWidget(self.services)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self._heading(self.tr("Counters (idle in minutes)")))
        rv.addWidget(self.counters)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)  # the queues have more columns than the counters
        split.setStretchFactor(1, 2)
        split.setSizes([720, 480])

        actions = QHBoxLayout()
        for b in (self.reprint_button, self.cancel_button, self.close_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.updated)

        layout = QVBoxLayout(self)
        layout.addWidget(self.alerts)
        layout.addWidget(split, 1)
        layout.addLayout(actions)

        db = ctx.db
        self.live = LiveQuery(
            self, db, lambda: partial(live_screen, db), self._show, self._failed, every_ms=AGE_REFRESH_MS
        )
        self.live.start()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    # --- refreshing -------------------------------------------------------------------------

    def refresh(self) -> None:
        self.live.refresh()

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, P4Error) else str(exc)
        self.updated.setText(self.tr("Not updated: %1").replace("%1", message))

    def _show(self, monitor: LiveMonitor) -> None:
        self.monitor = monitor
        self._fill_services(monitor)
        self._fill_counters(monitor)
        if monitor.alerts:
            lines = [
                self.tr("%1: longest wait %2 min, target %3 min")
                .replace("%1", f"{sv.code} {sv.name}")
                .replace("%2", wait_text(sv.longest_wait_minutes))
                .replace("%3", str(sv.target_wait_minutes))
                for sv in monitor.alerts
            ]
            self.alerts.setText(self.tr("Over target waiting time:") + "\n" + "\n".join(lines))
            self.alerts.show()
        else:
            self.alerts.hide()
        updated = format_time(monitor.at, self.ctx.db.timezone, seconds=True, with_zone=False)
        self.updated.setText(self.tr("Updated %1").replace("%1", updated))
        self.refreshed.emit(monitor)

    def _fill_services(self, monitor: LiveMonitor) -> None:
        t = self.services
        t.setRowCount(len(monitor.services))
        for row, sv in enumerate(monitor.services):
            items = [
                cell(f"{sv.code} – {sv.name}"),
                cell(sv.waiting, right=True),
                cell(wait_text(sv.longest_wait_minutes), right=True),
                cell(minutes_text(sv.wait_avg_last_hour), right=True),
                cell(sv.target_wait_minutes, right=True),
            ]
            for col, item in enumerate(items):
                if sv.alert:
                    item.setBackground(QBrush(ALERT_BACKGROUND))
                    item.setForeground(QBrush(ALERT_TEXT))
                t.setItem(row, col, item)

    def _fill_counters(self, monitor: LiveMonitor) -> None:
        states = {"open": self.tr("Open"), "paused": self.tr("Paused"), "closed": self.tr("Closed")}
        ticket_states = {"called": self.tr("called"), "serving": self.tr("serving")}
        t = self.counters
        selected = self.selected_counter()
        t.setRowCount(len(monitor.counters))
        for row, c in enumerate(monitor.counters):
            ticket = (
                f"{c.current_ticket} ({ticket_states.get(c.current_ticket_state or '', '')})"
                if c.current_ticket
                else "–"
            )
            items = [
                cell(c.name),
                cell(states.get(c.state, c.state)),
                cell(c.officer or "–"),
                cell(ticket),
                cell(minutes_text(c.idle_seconds), right=True),
            ]
            items[0].setData(Qt.ItemDataRole.UserRole, c.code)
            for col, item in enumerate(items):
                t.setItem(row, col, item)
            if c.code == selected:
                t.selectRow(row)

    def selected_counter(self) -> str | None:
        rows = self.counters.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.counters.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    # --- interventions ----------------------------------------------------------------------

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def failed(exc: BaseException) -> None:
            message = exc.message if isinstance(exc, P4Error) else str(exc)
            QMessageBox.warning(self, self.tr("Not done"), message)

        def finished(result: Any) -> None:
            done(result)
            self.live.invalidate()

        run_task(self, fn, finished, failed)

    def _ask_ticket(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, self.tr("Ticket number (e.g. A017):"))
        return text.strip().upper() if ok and text.strip() else None

    def _ask_reason(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, self.tr("Reason (recorded in the audit log):"))
        if not ok:
            return None
        if not text.strip():
            QMessageBox.warning(self, title, self.tr("A reason is required."))
            return None
        return text.strip()

    def reprint(self) -> None:
        number = self._ask_ticket(self.tr("Reprint ticket"))
        if number is None:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def done(pdf: bytes) -> None:
            folder = data_dir() / "reprints"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{number}-salinan.pdf"
            path.write_bytes(pdf)
            # the OS viewer prints it on the site's printer; the copy is already audited
            if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.updated.setText(
                    self.tr("Copy of %1 saved to %2").replace("%1", number).replace("%2", str(path))
                )
            else:
                QMessageBox.information(
                    self,
                    self.tr("Reprint ticket"),
                    self.tr("The copy of %1 is saved as %2, but no PDF viewer opened on this computer. "
                            "Open that file with a PDF viewer to print it.")
                    .replace("%1", number).replace("%2", str(path)),
                )  # fmt: skip

        self._run(lambda: supervision.reprint_pdf(db, number, actor), done)

    def cancel_ticket(self) -> None:
        title = self.tr("Cancel ticket")
        number = self._ask_ticket(title)
        if number is None:
            return
        reason = self._ask_reason(title)
        if reason is None or not self._confirm(title, self.tr("Cancel ticket %1?").replace("%1", number)):
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: supervision.cancel_ticket(db, number, reason, actor), lambda _t: None)

    def close_counter(self) -> None:
        title = self.tr("Close counter")
        code = self.selected_counter()
        if code is None:
            QMessageBox.information(self, title, self.tr("Select a counter in the list first."))
            return
        reason = self._ask_reason(title)
        if reason is None:
            return
        question = self.tr(
            "Close counter %1? A ticket called there goes back to its queue at its place; "
            "a ticket being served is marked finished."
        ).replace("%1", code)
        if not self._confirm(title, question):
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: supervision.close_counter(db, code, reason, actor), lambda _r: None)

    def _confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

"""The supervisor's window: live monitor, statistics and reports, permit deadlines, complaints,
IKM survey, late complaints."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from p4_desk.gui.common.context import AppContext
from p4_desk.gui.complaints import ComplaintsPanel, IkmPanel
from p4_desk.gui.intake.deadlines import DeadlineWatch
from p4_desk.gui.supervisor.bookings import BookingsPanel
from p4_desk.gui.supervisor.late import LatePanel
from p4_desk.gui.supervisor.live import LivePanel
from p4_desk.gui.supervisor.statistics import StatisticsPanel


class SupervisorWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("P4 Desk – Supervisor"))
        self.live = LivePanel(ctx)
        self.statistics = StatisticsPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.live, self.tr("Live monitor"))
        self.tabs.addTab(self.statistics, self.tr("Statistics and reports"))
        self.deadlines = DeadlineWatch(ctx)
        self.deadlines_tab = self.tabs.addTab(self.deadlines, self.tr("Permit deadlines"))
        self.deadlines.counted.connect(self._deadline_badge)
        self.deadlines.chosen.connect(self._open_application)
        self.deadlines.refresh()
        self.complaints = ComplaintsPanel(ctx)
        self.ikm = IkmPanel(ctx)
        self.tabs.addTab(self.complaints, self.tr("Complaints"))
        self.tabs.addTab(self.ikm, self.tr("Satisfaction (IKM)"))
        self.late = LatePanel(ctx)
        self.tabs.addTab(self.late, self.tr("Late complaints"))
        self.bookings = BookingsPanel(ctx)
        self.tabs.addTab(self.bookings, self.tr("Today's appointments"))
        self.setCentralWidget(self.tabs)
        self.resize(1280, 720)  # fits 1366x768 with the task bar

    def _deadline_badge(self, count: int) -> None:
        """The tab names how many fiktif-positif applications need attention."""
        title = self.tr("Permit deadlines")
        self.tabs.setTabText(self.deadlines_tab, f"{title} ({count})" if count else title)

    def _open_application(self, number: str) -> None:
        from p4_desk.gui.intake import open_applications

        dialog = open_applications(self.ctx, self)
        dialog.load(number)

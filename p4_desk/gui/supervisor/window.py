"""The supervisor's window: live monitor, statistics and reports, complaints, IKM survey."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from p4_desk.gui.common.context import AppContext
from p4_desk.gui.complaints import ComplaintsPanel, IkmPanel
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
        self.complaints = ComplaintsPanel(ctx)
        self.ikm = IkmPanel(ctx)
        self.tabs.addTab(self.complaints, self.tr("Complaints"))
        self.tabs.addTab(self.ikm, self.tr("Satisfaction (IKM)"))
        self.setCentralWidget(self.tabs)
        self.resize(1280, 720)  # fits 1366x768 with the task bar

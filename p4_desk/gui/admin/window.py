"""The admin window: one tab per area; each tab is live (its read model reloads on every change)
and reloads when it is chosen."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from p4_desk.gui.admin.audit_tab import AuditTab
from p4_desk.gui.admin.booking_tab import BookingRulesTab
from p4_desk.gui.admin.catalog_tabs import AgenciesTab, CountersTab, ServicesTab
from p4_desk.gui.admin.permits_tab import PermitsTab
from p4_desk.gui.admin.settings_tabs import PrintersTab, SiteTab
from p4_desk.gui.admin.site_rules_tab import SiteRulesTab
from p4_desk.gui.admin.standards_tab import StandardsTab
from p4_desk.gui.admin.tab import AdminTab
from p4_desk.gui.admin.users_tab import UsersTab
from p4_desk.gui.common.context import AppContext


class AdminWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("P4 Desk — Administration"))
        self.resize(1280, 720)
        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)  # many tabs never make the window wider than the screen
        self.agencies = AgenciesTab(ctx)
        self.services = ServicesTab(ctx)
        self.counters = CountersTab(ctx)
        self.standards = StandardsTab(ctx)
        self.permit_types = PermitsTab(ctx)
        self.users = UsersTab(ctx)
        self.printers = PrintersTab(ctx)
        self.site = SiteTab(ctx)
        self.site_rules = SiteRulesTab(ctx)
        self.audit = AuditTab(ctx)
        self.booking_rules = BookingRulesTab(ctx)
        titled: list[tuple[AdminTab, str]] = [
            (self.agencies, self.tr("Agencies")),
            (self.services, self.tr("Services")),
            (self.counters, self.tr("Counters")),
            (self.standards, self.tr("Service standards")),
            (self.permit_types, self.tr("Permit types")),
            (self.users, self.tr("Users")),
            (self.printers, self.tr("Printers")),
            (self.site, self.tr("Site")),
            (self.site_rules, self.tr("Site rules")),
            (self.booking_rules, self.tr("Appointments")),
            (self.audit, self.tr("Audit log")),
        ]
        for tab, title in titled:
            self.tabs.addTab(tab, title)
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _: self.current_tab().refresh())

        for tab in self.all_tabs():
            tab.start()

    def all_tabs(self) -> list[AdminTab]:
        return [
            self.agencies, self.services, self.counters, self.standards, self.permit_types,
            self.users, self.printers, self.site, self.site_rules, self.audit, self.booking_rules,
        ]  # fmt: skip

    def current_tab(self) -> AdminTab:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, AdminTab)
        return widget

"""Admin role: agencies, services, counters, users, printers, site settings, audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from p4_desk.gui.common.context import AppContext


def open_window(ctx: AppContext) -> QWidget:
    from p4_desk.gui.admin.window import AdminWindow

    return AdminWindow(ctx)

"""The supervisor workstation: live monitor, statistics with charts, reports, interventions."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from p4_desk.gui.common.context import AppContext


def open_window(ctx: AppContext) -> QWidget:
    from p4_desk.gui.supervisor.window import SupervisorWindow

    return SupervisorWindow(ctx)

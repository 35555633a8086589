"""The counter (loket) workstation."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from p4_desk.gui.common.context import AppContext


def open_window(ctx: AppContext) -> QWidget:
    from p4_desk.gui.counter.window import CounterWindow

    return CounterWindow(ctx)

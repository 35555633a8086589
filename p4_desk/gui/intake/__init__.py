"""Permit intake at the counter and the application search / lifecycle dialog.

The counter window calls these two entry points lazily.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from p4_desk.gui.common.context import AppContext
from p4_desk.gui.intake.applications import ApplicationsDialog
from p4_desk.gui.intake.dialog import IntakeDialog
from p4_desk.services.queue import TicketInfo

__all__ = ["ApplicationsDialog", "IntakeDialog", "open_applications", "open_intake"]


def open_intake(ctx: AppContext, ticket: TicketInfo | None, parent: QWidget | None) -> IntakeDialog:
    """Open the intake form for ``ticket`` (``None``: a walk-in applicant); returns the open dialog."""
    dialog = IntakeDialog(ctx, ticket, parent)
    dialog.open()
    return dialog


def open_applications(ctx: AppContext, parent: QWidget | None) -> ApplicationsDialog:
    """Open the application search / history / hand-over dialog; returns the open dialog."""
    dialog = ApplicationsDialog(ctx, parent)
    dialog.open()
    return dialog

"""Screens of other areas the counter opens for the citizen at the counter (when installed)."""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtWidgets import QWidget

from p4_desk.gui.common.context import AppContext
from p4_desk.gui.counter import rules
from p4_desk.services.queue import TicketInfo

# action -> (module, function); INTAKE and COMPLAINT get the current ticket, APPLICATIONS
# (search, history, lifecycle, hand-over) does not
AREAS = {
    rules.INTAKE: ("p4_desk.gui.intake", "open_intake"),
    rules.COMPLAINT: ("p4_desk.gui.complaints", "open_complaint"),
    rules.APPLICATIONS: ("p4_desk.gui.intake", "open_applications"),
}


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def installed_areas() -> set[str]:
    return {action for action, (module, _fn) in AREAS.items() if _module_exists(module)}


def open_area(action: str, ctx: AppContext, ticket: TicketInfo | None, parent: QWidget) -> None:
    """Open that area's screen; a refusal is a P4Error with the Indonesian reason."""
    module, function = AREAS[action]
    opener = getattr(importlib.import_module(module), function)
    if action == rules.APPLICATIONS:
        opener(ctx, parent)
    else:
        opener(ctx, ticket, parent)

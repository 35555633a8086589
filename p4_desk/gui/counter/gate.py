"""Which of the counter window's actions may run now, and why not: ``rules`` (pure, on the
queue's state) applied to what the window knows — its snapshot, its ticket in hand, the
selection, a call still running, the database connection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeyEvent, QKeySequence

from p4_desk.gui.counter import rules
from p4_desk.gui.counter.view import SHORTCUTS

if TYPE_CHECKING:
    from p4_desk.gui.counter.window import CounterWindow


def counter_state(window: CounterWindow) -> str | None:
    return window.snapshot.counter.state if window.snapshot else None


def facts(window: CounterWindow) -> dict[str, Any]:
    snapshot = window.snapshot
    return {
        "recalls_required": snapshot.recalls_required if snapshot else 1,
        "connected": window.monitor.connected,
        "has_no_shows": bool(snapshot and snapshot.no_shows),
    }


def legal(window: CounterWindow) -> frozenset[str]:
    has_selection = window.selected_ticket() is not None
    allowed = rules.legal_actions(
        counter_state(window), window.ticket, has_selection=has_selection, busy=window.busy, **facts(window)
    )
    # one key toggles the break: PAUSE stands for RESUME when the counter is not open
    if rules.RESUME in allowed:
        allowed = (allowed - {rules.RESUME}) | {rules.PAUSE}
    return allowed


def why_not(window: CounterWindow, name: str) -> str | None:
    """Why the officer cannot do ``name`` now, in words (``None``: it is allowed or busy)."""
    if name in legal(window) or (window.busy and window.monitor.connected):
        return None
    why = rules.why_not(name, counter_state(window), window.ticket, **facts(window))
    return window.hints.refusal(why) if why else None


def action_of_key(event: QKeyEvent) -> str | None:
    """The action whose shortcut ``event`` is, if any."""
    pressed = QKeySequence(event.keyCombination())
    exact = QKeySequence.SequenceMatch.ExactMatch
    named = [name for name, (key, _i) in SHORTCUTS.items() if pressed.matches(QKeySequence(key)) == exact]
    return named[0] if named else None

"""Filter and form choices that follow the database without disturbing what is chosen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, items: Sequence[tuple[str, object]], *, keep: int = 0) -> None:
    """Show ``items`` (text, data) after the first ``keep`` entries (e.g. "All agencies").

    The chosen entry stays chosen (by its data) and no change is announced, so a live refresh
    never re-runs a query or overwrites a form; unchanged items are left alone.
    """
    if [(combo.itemText(i), combo.itemData(i)) for i in range(keep, combo.count())] == list(items):
        return
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > keep:
        combo.removeItem(keep)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)

"""Background results that arrive after their widget was closed are dropped, not crashed on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """Wrap a ``run_task`` callback so it runs only while ``owner``'s C++ object still exists."""

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            fn(value)

    return call


def run_for(
    owner: QObject,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """``run_task`` whose callbacks are dropped once ``owner`` is gone (closed window, dialog)."""
    from p4_desk.gui.common.tasks import run_task

    run_task(
        fn,
        while_alive(owner, on_done) if on_done else None,
        while_alive(owner, on_error) if on_error else (lambda _exc: None),
    )

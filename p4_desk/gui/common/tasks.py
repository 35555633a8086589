"""Background work off the UI thread (DESIGN §3: anything slower than ~30 ms), owned by an object.

``run_task(owner, fn, on_done, on_error)`` runs ``fn`` on the global QThreadPool and delivers
its result (or its exception) on the GUI thread through a queued signal: Picard's
``run_task(func, next_func)`` with Vorta's queued signals. Every call names the ``owner`` that
wants the answer (the widget, dialog or monitor): when the owner was deleted meanwhile (a window
closed while its task ran) the answer is dropped, so a late result never reaches a widget that
is gone. ``fn`` itself always runs to its end: the work it commits stays done.

Without ``on_error`` a failure is logged with its traceback. Tests may call
``set_synchronous(True)`` to run tasks inline (the callbacks then run before ``run_task``
returns).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")
_synchronous = False
_live: set[_Relay] = set()  # relays waiting for their task: kept alive until it answers


def set_synchronous(value: bool) -> None:
    global _synchronous
    _synchronous = value


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        owner: QObject,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self.owner, self.on_done, self.on_error = owner, on_done, on_error
        self.done.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    def _owner_alive(self) -> bool:
        _live.discard(self)
        if shiboken6.isValid(self.owner):
            return True
        log.debug("background result dropped: its %s is gone", type(self.owner).__name__)
        return False

    def _deliver_result(self, result: Any) -> None:
        if self._owner_alive() and self.on_done is not None:
            self.on_done(result)

    def _deliver_error(self, exc: BaseException) -> None:
        if not self._owner_alive():
            return
        if self.on_error is not None:
            self.on_error(exc)
        else:
            log.error("background task of %s failed", type(self.owner).__name__, exc_info=exc)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


def run_task(
    owner: QObject,
    fn: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``fn`` off the UI thread; ``on_done(result)`` / ``on_error(exc)`` while ``owner`` lives."""
    relay = _Relay(owner, on_done, on_error)
    _live.add(relay)
    if _synchronous:
        _Runnable(fn, relay).run()
    else:
        QThreadPool.globalInstance().start(_Runnable(fn, relay))

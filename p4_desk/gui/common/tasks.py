"""Background work off the UI thread (DESIGN §3: anything slower than ~30 ms).

``run_task(fn, on_done, on_error)`` runs ``fn`` on the global QThreadPool and delivers its
result (or its exception) on the GUI thread through a queued signal. Tests may call
``set_synchronous(True)`` to run tasks inline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_synchronous = False
_live: set[_Relay] = set()


def set_synchronous(value: bool) -> None:
    global _synchronous
    _synchronous = value


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


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
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    relay = _Relay()
    _live.add(relay)

    def finish_ok(result: Any) -> None:
        _live.discard(relay)
        if on_done is not None:
            on_done(result)

    def finish_err(exc: BaseException) -> None:
        _live.discard(relay)
        if on_error is not None:
            on_error(exc)
        else:
            log.error("background task failed", exc_info=exc)

    relay.done.connect(finish_ok)
    relay.failed.connect(finish_err)
    if _synchronous:
        _Runnable(fn, relay).run()
    else:
        QThreadPool.globalInstance().start(_Runnable(fn, relay))

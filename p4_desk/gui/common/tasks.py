"""Background work off the UI thread (DESIGN §3: anything slower than ~30 ms), owned by an object.

``run_task(owner, fn, on_done, on_error)`` runs ``fn`` on the global QThreadPool and delivers
its result (or its exception) on the GUI thread through a queued signal: Picard's
``run_task(func, next_func)`` with Vorta's queued signals. Every call names the ``owner`` that
wants the answer (the widget, dialog or monitor): when the owner was deleted meanwhile (a window
closed while its task ran) the answer is dropped, so a late result never reaches a widget that
is gone. ``fn`` itself always runs to its end: the work it commits stays done.

Python objects of the GUI (``fn``'s closure, the callbacks, the owner) are released on the GUI
thread only. The pool thread borrows ``fn`` from ``_pending`` and answers with a ticket number;
the GUI thread then drops the entry. Were the pool thread to hold the last reference (the
runnable is deleted on that thread), a window captured by ``fn`` would be destroyed there, and
Qt crashes when a widget with timers dies off its thread (a segfault seen in CI).

For the same reason Python's cycle collector runs on the GUI thread only
(``collect_garbage_on_gui_thread``, pyqtgraph's GarbageCollector): left automatic, it runs in
whichever thread happens to allocate, and a pool thread running a query would then destroy a
closed window caught in a reference cycle.

Without ``on_error`` a failure is logged with its traceback. Tests may call
``set_synchronous(True)`` to run tasks inline (the callbacks then run before ``run_task``
returns).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")
_synchronous = False


GC_CHECK_MS = 500


def collect_garbage_on_gui_thread(parent: QObject) -> QTimer:
    """Turn off automatic cycle collection; collect from a GUI-thread timer by the same thresholds."""
    gc.disable()
    thresholds = gc.get_threshold()

    def collect() -> None:
        counts = gc.get_count()
        generation = -1
        for level in range(3):  # the oldest generation whose count passed its threshold
            if counts[level] > thresholds[level]:
                generation = level
        if generation >= 0:
            gc.collect(generation)

    timer = QTimer(parent)
    timer.timeout.connect(collect)
    timer.start(GC_CHECK_MS)
    return timer


def set_synchronous(value: bool) -> None:
    global _synchronous
    _synchronous = value


class _Task:
    """What one ``run_task`` call left on the GUI thread, and later its answer."""

    __slots__ = ("error", "fn", "on_done", "on_error", "owner", "result")

    def __init__(
        self,
        owner: QObject,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self.owner, self.fn, self.on_done, self.on_error = owner, fn, on_done, on_error
        self.result: Any = None
        self.error: BaseException | None = None


class _Dispatcher(QObject):
    """Lives on the GUI thread for the whole program; workers emit, Qt queues the call to it."""

    answered = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.answered.connect(self._deliver)

    def _deliver(self, ticket: int) -> None:
        task = _pending.pop(ticket)
        if not shiboken6.isValid(task.owner):
            log.debug("background result dropped: its %s is gone", type(task.owner).__name__)
        elif task.error is None:
            if task.on_done is not None:
                task.on_done(task.result)
        elif task.on_error is not None:
            task.on_error(task.error)
        else:
            log.error("background task of %s failed", type(task.owner).__name__, exc_info=task.error)


_pending: dict[int, _Task] = {}  # ticket -> task until its answer is delivered (on the GUI thread)
_tickets = itertools.count(1)
_dispatcher: _Dispatcher | None = None


class _Runnable(QRunnable):
    """Holds only a ticket number: nothing of the GUI can die with it on the pool thread."""

    def __init__(self, ticket: int, dispatcher: _Dispatcher) -> None:
        super().__init__()
        self.ticket, self.dispatcher = ticket, dispatcher

    def run(self) -> None:
        task = _pending[self.ticket]  # _pending keeps everything alive until the GUI thread answers
        try:
            task.result = task.fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            task.error = exc
        del task  # the answer sits in _pending: this thread holds no reference when it signals
        # the application may have quit while this ran: nobody is left to answer (the task stays
        # in _pending, since releasing GUI objects on this thread is what must never happen)
        with contextlib.suppress(RuntimeError):
            self.dispatcher.answered.emit(self.ticket)


def run_task(
    owner: QObject,
    fn: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``fn`` off the UI thread; ``on_done(result)`` / ``on_error(exc)`` while ``owner`` lives."""
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()  # first call comes from the GUI thread: the dispatcher lives there
    ticket = next(_tickets)
    _pending[ticket] = _Task(owner, fn, on_done, on_error)
    runnable = _Runnable(ticket, _dispatcher)
    if _synchronous:
        runnable.run()
    else:
        QThreadPool.globalInstance().start(runnable)

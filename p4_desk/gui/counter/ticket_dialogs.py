"""The counter's dialogs about a ticket: transfer the one at the counter (``TransferDialog``),
queue a returned no-show again (``ReactivateDialog``), the screens of other areas (``areas``).

Transfer and reactivation end in one service call run by the window (``CounterWindow.run``),
so buttons, notices and reloading behave as for any other action."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from p4_desk.errors import P4Error
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.counter.areas import open_area
from p4_desk.gui.counter.reactivate import ReactivateDialog
from p4_desk.gui.counter.transfer import TransferDialog
from p4_desk.services import queue
from p4_desk.services.queue import TicketInfo
from p4_desk.services.screens.counter import TransferTargets, transfer_targets

if TYPE_CHECKING:
    from p4_desk.gui.counter.window import CounterWindow


class TicketDialogs(QObject):
    def __init__(self, window: CounterWindow) -> None:
        super().__init__(window)
        self.window = window
        self.transfer: TransferDialog | None = None
        self.reactivate: ReactivateDialog | None = None
        self._targets: TransferTargets | None = None  # read once: services and counters change rarely

    # --- transfer -----------------------------------------------------------------------

    def open_transfer(self, t: TicketInfo) -> None:
        w = self.window

        def show(targets: TransferTargets) -> None:
            self._targets = targets
            dialog = TransferDialog(t, targets.services, targets.counters, w.counter_code, w)
            dialog.accepted.connect(lambda: self._transfer(t, dialog.target()))
            self.transfer = dialog
            dialog.open()

        if self._targets is not None:
            show(self._targets)
        else:
            run_task(w, partial(transfer_targets, w.ctx.db), show, lambda exc: w.show_notice(error_text(exc)))

    def _transfer(self, t: TicketInfo, target: tuple[str, str] | None) -> None:
        if target is None:
            return
        kind, code = target
        w = self.window
        db, actor = w.ctx.db, w.ctx.actor
        if kind == "service":
            w.run(lambda: queue.transfer(db, t.id, to_service=code, actor=actor), w.clear_ticket)
        else:
            w.run(lambda: queue.transfer(db, t.id, to_counter=code, actor=actor), w.clear_ticket)

    # --- a no-show came back --------------------------------------------------------------

    def open_reactivate(self, no_shows: tuple[TicketInfo, ...]) -> None:
        w = self.window
        dialog = ReactivateDialog(no_shows, w.ctx.db.timezone, w)
        db, actor = w.ctx.db, w.ctx.actor

        def queue_again() -> None:
            chosen = dialog.chosen()
            if chosen is not None:
                w.run(lambda: queue.reactivate(db, chosen.id, actor), self._reactivated)

        dialog.accepted.connect(queue_again)
        self.reactivate = dialog
        dialog.open()

    def _reactivated(self, ticket: TicketInfo) -> None:
        self.window.show_notice(
            self.tr("Ticket {number} is in the queue again, at the back: {ahead} ahead.").format(
                number=ticket.number, ahead=ticket.people_ahead or 0
            )
        )

    # --- other areas --------------------------------------------------------------------

    def open_area(self, name: str, ticket: TicketInfo | None) -> None:
        try:
            open_area(name, self.window.ctx, ticket, self.window)
        except P4Error as exc:
            self.window.show_notice(exc.message)

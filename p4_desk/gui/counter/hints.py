"""What the counter window says about an action the officer cannot take now (``rules.why_not``).

The refusal is shown where the officer looks: on the disabled button's tooltip and, with nobody
at the counter, in the hint line under the ticket number ("Tekan F2 …" only when F2 works).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject

from p4_desk.gui.counter.rules import Refusal, WhyNot


class CounterHints(QObject):
    def refusal(self, why: WhyNot) -> str:
        texts = {
            Refusal.UNKNOWN_COUNTER: self.tr("This counter is not known to the site: check its code."),
            Refusal.OFFLINE: self.tr("The database cannot be reached; wait until it is back."),
            Refusal.ON_BREAK: self.tr("The counter is on a break: press F12 to resume."),
            Refusal.CLOSED: self.tr("The counter is closed: press F12 to open it."),
            Refusal.TICKET_IN_HAND: self.tr("Finish or transfer the ticket at the counter first."),
            Refusal.NOT_CALLED: self.tr("Only a called ticket can be marked no-show, not one being served."),
            Refusal.NO_NO_SHOWS: self.tr("Nobody was marked no-show today."),
        }
        if why.refusal is Refusal.RECALL_FIRST:
            return self.tr(
                "Recall (F3) first: no-show is allowed after {required}× recall; recalled {done}× so far."
            ).format(required=why.recalls_required, done=why.recalls_done)
        return texts[why.refusal]

    def call_next(self) -> str:
        return self.tr("Press F2 to call the next citizen.")


def clock_text(delta: timedelta) -> str:
    """A running clock: ``04:12``, ``1:02:03``."""
    seconds = max(0, int(delta.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"

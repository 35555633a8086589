"""The counter officer's screen, its behaviour: ``view.CounterView`` (the Designer form and the
action buttons) plus what every action does and what the labels say.

All reading is one read model (``services.screens.counter.counter_screen``) kept current by a
``LiveQuery``: reloaded whenever the shared ``ChangeMonitor`` sees another change in the
database; every action is one service call on a background task. Buttons follow
``rules.legal_actions``; a refused action says why (``rules.why_not``, worded by ``hints``) on
its button's tooltip, in the hint line, and when its key is pressed anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from p4_desk.domain.queue_rules import PRIORITY_GROUPS
from p4_desk.domain.waiting import queue_wait
from p4_desk.domain.wording import format_number
from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.live import LiveQuery, monitor_for
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.counter import gate, rules
from p4_desk.gui.counter.areas import AREAS, installed_areas
from p4_desk.gui.counter.hints import CounterHints, clock_text
from p4_desk.gui.counter.ticket_dialogs import TicketDialogs
from p4_desk.gui.counter.view import SHORTCUTS, CounterView
from p4_desk.gui.counter.waiting_model import WaitingListModel
from p4_desk.services import queue
from p4_desk.services.queue import TicketInfo
from p4_desk.services.screens.counter import CounterScreen, counter_screen

log = logging.getLogger(__name__)


class CounterWindow(CounterView):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        if not ctx.counter:
            raise P4Error("Loket belum dipilih. Jalankan dengan --counter KODE atau atur di pengaturan.")
        model = WaitingListModel(ctx.db.now)
        super().__init__(model, parent)
        self.model = model
        self.ctx = ctx
        self.counter_code = ctx.counter.upper()
        self.monitor = monitor_for(ctx.db)
        self.snapshot: CounterScreen | None = None
        self.ticket: TicketInfo | None = None
        self.busy = False
        self._opened = False
        self.available_hooks = installed_areas()
        self.hints = CounterHints(self)
        self.dialogs = TicketDialogs(self)

        self._wire()
        self.add_actions(self._texts(), without_button=set(AREAS) - self.available_hooks)
        for name, action in self.actions_by_name.items():
            action.triggered.connect(lambda _checked=False, n=name: self.trigger(n))
        self.header.setText(self.tr("Counter {code}").format(code=self.counter_code))
        self.waiting_title.setText(self.tr("Waiting"))
        self._show_ticket()
        self._label_buttons()
        self.update_actions()

        self.monitor.connection_changed.connect(self._connection_changed)
        db, officer = ctx.db, ctx.user.id if ctx.user else None
        self.live = LiveQuery(
            self,
            db,
            lambda: partial(counter_screen, db, self.counter_code, officer),
            self._loaded,
            self._load_failed,
        )
        self.live.start()
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start(1000)

    # --- texts and wiring -----------------------------------------------------------------

    def _texts(self) -> dict[str, str]:
        return {
            rules.CALL_NEXT: self.tr("Call next"),
            rules.RECALL: self.tr("Recall"),
            rules.START: self.tr("Start"),
            rules.FINISH: self.tr("Finish"),
            rules.NO_SHOW: self.tr("No-show"),
            rules.TRANSFER: self.tr("Transfer…"),
            rules.REACTIVATE: self.tr("Queue no-show again…"),
            rules.CALL_CHOSEN: self.tr("Call selected"),
            rules.PAUSE: self.tr("Break"),
            rules.RESUME: self.tr("Resume"),
            rules.INTAKE: self.tr("Permit application"),
            rules.COMPLAINT: self.tr("Complaint"),
            rules.APPLICATIONS: self.tr("Applications"),
        }

    def _wire(self) -> None:
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.returnPressed.connect(self._filter_enter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.table.doubleClicked.connect(lambda _i: self.trigger(rules.CALL_CHOSEN))
        self.call_selected_action.triggered.connect(lambda: self.trigger(rules.CALL_CHOSEN))
        self.find_action.triggered.connect(self.filter_edit.setFocus)

    def _label_buttons(self) -> None:
        texts = self._texts()
        for name, action in self.actions_by_name.items():
            text = texts[name]
            if name == rules.PAUSE and self._counter_state() != "open":
                text = texts[rules.RESUME] if self._counter_state() == "paused" else self.tr("Open counter")
            action.setText(f"{text}\n{SHORTCUTS[name][0]}")
            action.setToolTip(f"{text} ({SHORTCUTS[name][0]})")

    # --- state --------------------------------------------------------------------------

    def _counter_state(self) -> str | None:
        return gate.counter_state(self)

    def legal(self) -> frozenset[str]:
        return gate.legal(self)

    def why_not(self, name: str) -> str | None:
        """Why the officer cannot do ``name`` now, in words (``None``: it is allowed or busy)."""
        return gate.why_not(self, name)

    def update_actions(self) -> None:
        allowed = self.legal()
        texts = self._texts()
        for name, action in self.actions_by_name.items():
            action.setEnabled(name in allowed)
            if name in (rules.CALL_NEXT, rules.NO_SHOW, rules.REACTIVATE):
                tip = f"{texts[name]} ({SHORTCUTS[name][0]})"
                reason = self.why_not(name)
                action.setToolTip(f"{tip}\n{reason}" if reason else tip)
        if self.ticket is None:  # the hint line: "Tekan F2 …" only when F2 works
            self.service_label.setText(self.why_not(rules.CALL_NEXT) or self.hints.call_next())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """The key of a refused action (its shortcut is off) says why instead of nothing."""
        named = gate.action_of_key(event)
        reason = self.why_not(named) if named else None
        if reason:
            self.show_notice(reason)
        else:
            super().keyPressEvent(event)

    # --- loading ------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self.live.loading

    def reload(self) -> None:
        self.live.refresh()

    def _loaded(self, snapshot: CounterScreen) -> None:
        self.snapshot = snapshot
        if not self.busy:
            self.ticket = snapshot.ticket
        selected = self.selected_ticket()
        self.model.set_tickets(snapshot.waiting)
        self.fit_note_column()
        if selected is not None:
            row = self.model.row_of(selected.id)
            if row is not None:
                proxy_row = self.proxy.mapFromSource(self.model.index(row, 0)).row()
                if proxy_row >= 0:
                    self.table.selectRow(proxy_row)
        self._show_counter()
        self._show_ticket()
        self._show_tally()
        self.update_actions()
        if not self._opened:
            self._opened = True
            self._open_on_login()

    def _load_failed(self, exc: BaseException) -> None:
        if not self.monitor.connected:
            self.update_actions()
        else:
            self.show_notice(error_text(exc))

    def _open_on_login(self) -> None:
        """At login a closed counter is opened for this officer (and an open one taken over);
        a counter on a break stays on its break until the officer presses Resume."""
        if self.snapshot is None or self.ctx.user is None:
            return
        state, officer = self.snapshot.counter.state, self.snapshot.counter.officer
        if state == "closed" or (state == "open" and officer != self.ctx.user.username):
            self.run(lambda: queue.set_counter_state(self.ctx.db, self.counter_code, "open", self.ctx.actor))

    # --- showing ------------------------------------------------------------------------

    def _show_counter(self) -> None:
        if self.snapshot is None:
            return
        c = self.snapshot.counter
        labels = {"open": self.tr("Open"), "paused": self.tr("On break"), "closed": self.tr("Closed")}
        self.header.setText(
            self.tr("{name} ({code}) — services: {services}").format(
                name=c.name, code=c.code, services=", ".join(c.services)
            )
        )
        self.counter_state_label.setText(labels.get(c.state, c.state))
        self.counter_state_label.setProperty("state", c.state)
        self.repolish(self.counter_state_label)
        self.waiting_title.setText(self.tr("Waiting: {n}").format(n=len(self.snapshot.waiting)))
        self._label_buttons()

    def _show_ticket(self) -> None:
        t = self.ticket
        self.number_label.setProperty("empty", t is None)
        self.repolish(self.number_label)
        if t is None:
            self.number_label.setText("—")
            self.ticket_state_label.setText(self.tr("No ticket at the counter"))
            self.ticket_state_label.setProperty("state", "none")
            self.service_label.setText(self.why_not(rules.CALL_NEXT) or self.hints.call_next())
            self.priority_badge.hide()
            for w in (self.waited_label, self.at_counter_label, self.recalls_label):
                w.clear()
        else:
            states = {"called": self.tr("Called"), "serving": self.tr("Being served")}
            self.number_label.setText(t.number)
            self.ticket_state_label.setText(states.get(t.state, t.state))
            self.ticket_state_label.setProperty("state", t.state)
            then = t.next_step  # a visit of several services: where the citizen goes next
            after = "\n" + self.tr("Next: {service}").format(service=then.service_name) if then else ""
            self.service_label.setText(f"{t.service_name} — {t.agency_name}{after}")
            if t.priority:
                self.priority_badge.setText(PRIORITY_GROUPS.get(t.priority, t.priority))
                self.priority_badge.show()
            else:
                self.priority_badge.hide()
            self.recalls_label.setText(self.tr("Recalled: {n}×").format(n=t.recall_count))
        self.repolish(self.ticket_state_label)
        self.tick()

    def tick(self) -> None:
        t = self.ticket
        if t is None:
            return
        now: datetime = self.ctx.db.now()
        waited_until = t.called_at or now
        waited = queue_wait(t.queued_at, waited_until)  # in this queue (domain.waiting)
        self.waited_label.setText(self.tr("Waited: {t}").format(t=clock_text(waited)))
        since = t.called_at or now
        self.at_counter_label.setText(self.tr("At the counter: {t}").format(t=clock_text(now - since)))
        self.model.refresh_times()

    def _show_tally(self) -> None:
        if self.snapshot is None:
            return
        tally = self.snapshot.tally
        average = tally.get("average_service_minutes")
        avg_text = self.tr("{m} min").format(m=format_number(average, 1)) if average is not None else "—"
        self.tally_label.setText(
            self.tr("Today: {served} served · {no_show} no-show · average service {avg}").format(
                served=tally.get("served", 0), no_show=tally.get("no_show", 0), avg=avg_text
            )
        )

    def show_notice(self, text: str) -> None:
        self.notice.show_message(text)

    def _connection_changed(self, _connected: bool, _message: str) -> None:
        self.update_actions()  # the live query reloads when the connection is back

    # --- actions ------------------------------------------------------------------------

    def trigger(self, name: str) -> None:
        if name not in self.legal():
            return
        self.notice.hide()
        db, code, actor, t = self.ctx.db, self.counter_code, self.ctx.actor, self.ticket
        if name == rules.CALL_NEXT:
            self.run(lambda: queue.call_next(db, code, actor), self._after_call_next)
        elif name == rules.CALL_CHOSEN:
            chosen = self.selected_ticket()
            if chosen is not None:
                self.run(lambda: queue.call_ticket(db, chosen.id, code, actor), self._set_ticket)
        elif name == rules.REACTIVATE:
            if self.snapshot is not None:
                self.dialogs.open_reactivate(self.snapshot.no_shows)
        elif name == rules.PAUSE:
            state = "paused" if self._counter_state() == "open" else "open"
            self.run(lambda: queue.set_counter_state(db, code, state, actor))
        elif name in AREAS:
            self.dialogs.open_area(name, self.ticket)
        elif t is not None:
            self._ticket_action(name, t)

    def _ticket_action(self, name: str, t: TicketInfo) -> None:
        if name == rules.TRANSFER:
            self.dialogs.open_transfer(t)
            return
        call, keeps_ticket = {
            rules.RECALL: (queue.recall, True),
            rules.START: (queue.start, True),
            rules.FINISH: (queue.finish, False),
            rules.NO_SHOW: (queue.no_show, False),
        }[name]
        db, actor = self.ctx.db, self.ctx.actor
        self.run(lambda: call(db, t.id, actor), self._set_ticket if keeps_ticket else self.clear_ticket)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None) -> None:
        self.busy = True
        self.update_actions()
        # a snapshot read before the action finished would show the old ticket: invalidate()

        def done(result: Any) -> None:
            self.busy = False
            if on_done is not None:
                on_done(result)
            self.update_actions()
            self.live.invalidate()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.monitor.report_failure(exc)
            self.show_notice(error_text(exc))
            self.update_actions()
            self.live.invalidate()

        run_task(self, fn, done, failed)

    def _after_call_next(self, ticket: TicketInfo | None) -> None:
        if ticket is None:
            self.show_notice(self.tr("Nobody is waiting for this counter."))
        self._set_ticket(ticket)

    def _set_ticket(self, ticket: TicketInfo | None) -> None:
        self.ticket = ticket
        self._show_ticket()

    def clear_ticket(self, ticket: TicketInfo) -> None:  # the ticket left this counter
        self._set_ticket(None)
        if ticket.state == "waiting" and ticket.plan:  # finished here, on to its visit's next service
            text = self.tr("{number} goes on to {service} with the same number.")
            self.show_notice(text.format(number=ticket.number, service=ticket.service_name))

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() and text.strip():
            self.table.selectRow(0)
        self.update_actions()

    def _filter_enter(self) -> None:
        if self.selected_ticket() is not None:
            self.trigger(rules.CALL_CHOSEN)

    # --- shell hooks --------------------------------------------------------------------

    def window_title(self) -> str:
        return self.tr("P4 Desk — Counter {code}").format(code=self.counter_code)

    def help_entries(self) -> list[tuple[str, str]]:
        texts = self._texts()
        texts[rules.PAUSE] = f"{texts[rules.PAUSE]} / {texts[rules.RESUME]}"
        rows = [
            (key, texts[name].rstrip("…"))
            for name, (key, _icon) in SHORTCUTS.items()
            if name not in AREAS or name in self.available_hooks
        ]
        rows.append(("Enter", self.tr("Call the ticket selected in the waiting list")))
        rows.append(("Ctrl+F", self.tr("Find a number in the waiting list")))
        return rows

    def logging_out(self) -> None:
        """Leaving the counter: close it, or put it on a break when a ticket is still in hand."""
        self.live.stop()
        self._ticker.stop()
        db, code, actor = self.ctx.db, self.counter_code, self.ctx.actor
        state = "paused" if self.ticket is not None else "closed"
        run_task(self, lambda: queue.set_counter_state(db, code, state, actor), None, lambda exc: None)

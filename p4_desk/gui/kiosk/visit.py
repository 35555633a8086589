"""One visit, several services, at the kiosk (issue 17.4, ``domain.visits``).

A tap on a service takes a number for it at once, as always. "Pilih beberapa layanan" on the
services page starts a visit instead: the next tapped service becomes its first step, the
visit page lists the chosen services in order, "Tambah layanan lain" goes back to the agencies
for the next one (up to three), "Ambil nomor antrian" takes one number for all of them, "Batal"
forgets the visit. The ticket page then lists the plan, and the printed ticket says where the
citizen goes next. A citizen with a booking comes in through ``start_booked`` (the check-in
page's "Tambah layanan lain"): the booked service is the first step and "Ambil nomor antrian"
checks the booking in with the chosen services after it (``booking.check_in(then=…)``).
The window calls in at four places: ``takes`` (a tapped service),
``reset`` (home), ``show_plan`` (the ticket page) and ``scale``.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from p4_desk.domain.visits import MAX_SERVICES
from p4_desk.domain.wording import format_time
from p4_desk.errors import P4Error
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.kiosk.pages import fit_button, set_px
from p4_desk.services import booking, queue
from p4_desk.services.queue import TicketInfo
from p4_desk.store.db import Database

if TYPE_CHECKING:
    from p4_desk.gui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)


def issue_visit(db: Database, codes: list[str], priority: str | None) -> TicketInfo:
    """Kiosk tap → one ticket for every chosen service, waiting for its paper (worker thread)."""
    return queue.issue_ticket(db, codes[0], priority, print_state="pending", then=codes[1:])


class VisitPage(QWidget):
    """The services of the visit chosen so far, and what to do next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.steps = QLabel()
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.hide()
        for label in (self.title, self.steps, self.notice):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.take = QPushButton()
        self.add = QPushButton()
        self.add.setObjectName("secondary")
        self.cancel = QPushButton()
        self.cancel.setObjectName("secondary")
        row = QHBoxLayout()
        for button in (self.cancel, self.add, self.take):
            row.addWidget(button, 1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.title, self.steps, self.notice):
            layout.addWidget(label)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addStretch(1)

    def scale(self, unit: float, touch: int) -> None:
        set_px(self.title, unit * 1.4, bold=True)
        set_px(self.steps, unit * 1.3, bold=True)
        set_px(self.notice, unit * 0.9, bold=True)
        for button in (self.take, self.add, self.cancel):
            fit_button(button, unit * 1.1)
            button.setMinimumHeight(max(touch, int(unit * 3)))


class KioskVisit(QObject):
    """The visit being put together at one kiosk."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.window = window
        self.codes: list[str] = []
        self.collecting = False
        self.booking: booking.BookingInfo | None = None  # a booked citizen's visit: checked in at "take"
        self.page = VisitPage()
        window.stack.addWidget(self.page)
        self.start_button = QPushButton()
        self.start_button.setObjectName("secondary")
        window.services.action_row.addWidget(self.start_button)
        self.plan_label = QLabel()
        self.plan_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.plan_label.setWordWrap(True)
        self.plan_label.hide()
        ticket_layout = window.ticket_page.layout()
        assert isinstance(ticket_layout, QVBoxLayout)
        ticket_layout.insertWidget(ticket_layout.indexOf(window.ticket_page.service) + 1, self.plan_label)
        self.start_button.setText(self.tr("Choose several services"))
        self.page.take.setText(self.tr("Take a queue number"))
        self.page.add.setText(self.tr("Add another service"))
        self.page.cancel.setText(self.tr("Cancel"))
        self.start_button.clicked.connect(self.start)
        window.back_button.clicked.disconnect(window.go_home)  # back to the agencies keeps a visit
        window.back_button.clicked.connect(self.back)
        self.page.take.clicked.connect(self.take)
        self.page.add.clicked.connect(self.add_more)
        self.page.cancel.clicked.connect(self.window.go_home)

    # --- the window's hooks -----------------------------------------------------------------

    def takes(self, code: str) -> bool:
        """A tapped service: True when it belongs to the visit being chosen (no number yet)."""
        if not self.collecting:
            return False
        if code not in self.codes:
            self.codes.append(code)
        self.collecting = False
        self._show_page()
        return True

    def reset(self) -> None:
        self.codes, self.collecting, self.booking = [], False, None
        self.start_button.setEnabled(True)
        self.page.notice.hide()

    def show_plan(self, ticket: TicketInfo) -> None:
        if len(ticket.plan) < 2:
            self.plan_label.hide()
            return
        lines = [f"{step.position}. {step.service_name}" for step in ticket.plan]
        self.plan_label.setText(
            self.tr("This number is for your whole visit, in this order:") + "\n" + "\n".join(lines)
        )
        self.plan_label.show()

    def scale(self, unit: float, touch: int) -> None:
        self.page.scale(unit, touch)
        set_px(self.plan_label, unit * 1.1, bold=True)

    # --- the flow ---------------------------------------------------------------------------

    def start(self) -> None:
        """ "Pilih beberapa layanan": the service tapped next is the first of the visit."""
        self.codes, self.collecting = [], True
        self.window.services.show_notice(self.tr("Choose the first service of your visit."))
        self.window.idle_timer.start(self.window.idle_ms)

    def start_booked(self, info: booking.BookingInfo) -> None:
        """A checked code (not used yet): its service is the first step; the next one is chosen now."""
        self.codes, self.booking = [info.service], info
        self.add_more()

    def back(self) -> None:
        """The services page's "Kembali": to the agencies; a visit being chosen is kept."""
        if not self.codes:
            self.window.go_home()
            return
        self.window.services.show_notice(None)
        self.window.stack.setCurrentWidget(self.window.home)

    def add_more(self) -> None:
        if len(self.codes) >= MAX_SERVICES:
            return
        self.collecting = True
        self.page.notice.hide()
        notice = self.tr("Service {0} of at most {1}: choose the agency, then the service.")
        self.window.home.show_notice(notice.format(len(self.codes) + 1, MAX_SERVICES))
        self.window.stack.setCurrentWidget(self.window.home)
        self.window.idle_timer.start(self.window.idle_ms)

    def take(self) -> None:
        window = self.window
        if window._issuing or not self.codes:
            return
        window._issuing = True
        window.ticket = None
        self.page.notice.hide()
        if self.booking is not None:
            db, actor, code = window.ctx.db, window.ctx.actor, self.booking.code
            checkin = partial(booking.check_in, db, code, actor, print_state="pending", then=self.codes[1:])
            run_task(window, checkin, self._checked_in, self._failed)
            return
        issue = partial(issue_visit, window.ctx.db, list(self.codes), window.priority)
        run_task(window, issue, self._issued, self._failed)

    def _issued(self, ticket: TicketInfo) -> None:
        self.reset()
        self.window._show_ticket(ticket)

    def _checked_in(self, result: booking.CheckinResult) -> None:
        self.reset()
        self.window.checkin._checked_in(result)

    def _failed(self, exc: BaseException) -> None:
        self.window._issuing = False
        if isinstance(exc, P4Error):
            message = exc.message
        else:
            log.error("kiosk could not issue a visit ticket", exc_info=exc)
            message = self.tr("Sorry, the number could not be taken. Please ask an officer.")
        self.page.notice.setText(message)
        self.page.notice.show()
        self.window.poll()

    def _show_page(self) -> None:
        names = self._names()
        self.page.title.setText(self.tr("Services of your visit"))
        lines = [f"{i}. {name}" for i, name in enumerate(names, start=1)]
        if self.booking is not None:
            slot = format_time(self.booking.slot_start, self.window.ctx.db.timezone)
            lines[0] += " — " + self.tr("appointment {0}").format(slot)
        self.page.steps.setText("\n".join(lines))
        full = len(self.codes) >= MAX_SERVICES
        self.page.add.setEnabled(not full)
        self.page.add.setText(
            self.tr("At most {0} services").format(MAX_SERVICES) if full else self.tr("Add another service")
        )
        for page in (self.window.home, self.window.services):
            page.show_notice(None)
        self.window.stack.setCurrentWidget(self.page)
        self.window.idle_timer.start(self.window.idle_ms)

    def _names(self) -> list[str]:
        snapshot = self.window.snapshot
        known = {s.code: s.name for s in snapshot.services} if snapshot else {}
        return [known.get(code, code) for code in self.codes]

"""The ticket kiosk: agency → service (→ priority group) → ticket on screen while it prints.

Issuing and printing run off the UI thread. The ticket is committed first (print state
``pending``), shown with its number, the people ahead and the estimated wait, then printed on
the workstation's ticket printer. A failed print says so in plain Indonesian and offers
"Coba lagi" and "Batal" (which cancels the number, reason "gagal cetak"); a ticket left
unprinted (the citizen walked away) is cancelled by ``ticketing.cancel_unprinted`` after the
site's timeout (``upkeep``: that, the idle return home and the clock). Counts refresh by a
``LiveQuery`` of ``screens.hall.kiosk_screen`` (on every change, and every minute for the
opening hours).
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QWidget

from p4_desk.domain.queue_rules import PRIORITY_GROUPS
from p4_desk.domain.wording import format_estimate, format_number
from p4_desk.errors import P4Error
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.live import LiveQuery
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.kiosk.access import KioskAccess
from p4_desk.gui.kiosk.checkin import install_checkin
from p4_desk.gui.kiosk.exit_guard import ExitGuard
from p4_desk.gui.kiosk.info import ServiceInfoMode
from p4_desk.gui.kiosk.names import KioskNames
from p4_desk.gui.kiosk.reminder import KioskReminder
from p4_desk.gui.kiosk.upkeep import IDLE_MS, PRINT_FAILED_IDLE_MS, PRINTED_IDLE_MS, KioskUpkeep
from p4_desk.gui.kiosk.view import KioskView
from p4_desk.gui.kiosk.visit import KioskVisit
from p4_desk.services import queue, ticketing
from p4_desk.services.queue import ServiceStatus, TicketInfo
from p4_desk.services.screens.hall import KioskScreen, kiosk_screen
from p4_desk.store.db import Database

log = logging.getLogger(__name__)

HOURS_REFRESH_MS = 60_000  # "closed now" follows the clock, not only the database


def issue(db: Database, service: str, priority: str | None) -> TicketInfo:
    """Kiosk tap → ticket committed, waiting for its paper (worker thread)."""
    return queue.issue_ticket(db, service, priority, print_state="pending")


class KioskWindow(KioskView):
    issued = Signal(object)  # TicketInfo
    printed = Signal(object)  # TicketInfo
    print_failed = Signal(str)  # the Indonesian message shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, audio: str = "auto") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.audio = audio
        self.snapshot: KioskScreen | None = None
        self.agency: str | None = None
        self.priority: str | None = None
        self.ticket: TicketInfo | None = None
        self._issuing = False
        self._page_before_groups: QWidget = self.home
        self._texts()
        self._wire()
        self.visit = KioskVisit(self)  # several services in one visit
        self.extra_scaled.append(self.visit)
        self.info = ServiceInfoMode(self)  # "Informasi layanan" (gui/kiosk/info.py)
        self.checkin = install_checkin(self)  # "Saya sudah punya janji" (gui/kiosk/checkin.py)
        db = ctx.db
        self.live = LiveQuery(
            self,
            db,
            lambda: partial(kiosk_screen, db),
            self._apply,
            self._poll_failed,
            every_ms=HOURS_REFRESH_MS,
        )
        self.upkeep = KioskUpkeep(self)  # idle → home, unprinted cancelled, the clock
        self.idle_timer = self.upkeep.idle_timer
        self.idle_ms, self.printed_idle_ms = IDLE_MS, PRINTED_IDLE_MS
        self.print_failed_idle_ms = PRINT_FAILED_IDLE_MS
        self.access = KioskAccess(self)
        self.names = KioskNames(self)  # agency/service names for the recorded voice
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.access)
        self.exit_guard = ExitGuard(self, ctx.db)
        self.reminder = KioskReminder(self)  # "Ingatkan saya" (reminder.py)
        self.extra_scaled.append(self.reminder)
        self.live.start()
        self.cancel_unprinted()

    # --- texts and wiring -------------------------------------------------------------------

    def _texts(self) -> None:
        self.setWindowTitle(self.tr("P4 Desk — Ticket kiosk"))
        self.heading.setText(self.tr("Take a queue number"))
        self.clear_priority_button.setText(self.tr("Remove priority"))
        self.home.title.setText(self.tr("Choose an agency"))
        self.priority_button.setText(
            self.tr("Priority service (elderly, disabled, pregnant women, children)")
        )
        self.back_button.setText(self.tr("Back"))
        self.services_priority_button.setText(self.tr("Priority service"))
        self.groups.title.setText(self.tr("Who needs priority service?"))
        self.groups.set_choices(
            [(key, label, self._group_detail(key), None) for key, label in PRIORITY_GROUPS.items()]
        )
        self.groups_cancel.setText(self.tr("Cancel"))
        for choices in (self.home, self.services, self.groups):
            choices.previous_page.setText(self.tr("‹ Previous"))
            choices.next_page.setText(self.tr("Next ›"))
            choices.page_template = self.tr("Page {0} of {1}")
        page = self.ticket_page
        page.caption.setText(self.tr("Your queue number"))
        page.retry.setText(self.tr("Try again"))
        page.cancel.setText(self.tr("Cancel"))
        page.done.setText(self.tr("Done"))

    def _wire(self) -> None:
        self.clear_priority_button.clicked.connect(lambda: self.set_priority(None))
        self.home.chosen.connect(self.choose_agency)
        self.priority_button.clicked.connect(self.ask_priority)
        self.services.chosen.connect(self.choose_service)
        self.back_button.clicked.connect(self.go_home)
        self.services_priority_button.clicked.connect(self.ask_priority)
        self.groups.chosen.connect(self.set_priority)
        self.groups_cancel.clicked.connect(self._back_from_groups)
        self.ticket_page.retry.clicked.connect(self.print_current)
        self.ticket_page.cancel.clicked.connect(self.cancel_ticket)
        self.ticket_page.done.clicked.connect(self.go_home)

    def _group_detail(self, key: str) -> str:
        return {
            "lansia": self.tr("Aged 60 and over"),
            "disabilitas": self.tr("Wheelchair users, blind, deaf and other disabilities"),
            "ibu_hamil": self.tr("At any month of pregnancy"),
            "anak": self.tr("Children and toddlers, with their companion"),
        }.get(key, "")

    # --- data ------------------------------------------------------------------------------

    def poll(self) -> None:
        self.live.refresh()

    def _poll_failed(self, exc: BaseException) -> None:
        log.warning("kiosk could not read the queue: %s", exc)

    def _apply(self, snapshot: KioskScreen) -> None:
        self.snapshot = snapshot
        self.site_label.setText(snapshot.site_name)
        self.upkeep.tick()
        agencies: dict[str, list[ServiceStatus]] = {}
        for service in snapshot.services:
            agencies.setdefault(service.agency, []).append(service)
        rows = []
        for code, services in agencies.items():
            waiting = sum(s.waiting for s in services)
            detail = self.tr("{0} services · {1} waiting").format(len(services), waiting)
            reasons = [self.unavailable_reason(s) for s in services]
            reason = None
            if None not in reasons:  # nothing can be taken: say why, once
                distinct = set(reasons)
                reason = distinct.pop() if len(distinct) == 1 else self.tr("No service available now")
            rows.append((code, services[0].agency_name, detail, reason))
        self.home.set_choices(rows)
        self._fill_services()
        self.names.catalogue_shown(snapshot)

    def unavailable_reason(self, service: ServiceStatus) -> str | None:
        """Why a service cannot be taken now (shown on its disabled button), or None."""
        if not service.open_now:
            return self.tr("Closed now")
        if service.daily_quota is not None and service.issued_today >= service.daily_quota:
            return self.tr("Today's quota is used up")
        return None

    def _fill_services(self) -> None:
        if self.snapshot is None or self.agency is None:
            return
        services = [s for s in self.snapshot.services if s.agency == self.agency]
        if services:
            self.services.title.setText(services[0].agency_name + " — " + self.tr("choose a service"))
        self.services.set_choices(
            [(s.code, s.name, self.service_detail(s), self.unavailable_reason(s)) for s in services]
        )

    def service_detail(self, service: ServiceStatus) -> str:
        """Hours, how many wait and the longest wait now (``domain.waiting``, as the supervisor sees it)."""
        parts = [
            self.tr("Hours today: {0}").format(service.hours_today),
            self.tr("Waiting: {0}").format(service.waiting),
        ]
        if service.longest_wait_minutes is not None:
            parts.append(self.tr("Longest wait: {0} min").format(service.longest_wait_minutes))
        return "   ·   ".join(parts)

    def cancel_unprinted(self) -> None:
        self.upkeep.cancel_unprinted()

    # --- flow ------------------------------------------------------------------------------

    def go_home(self) -> None:
        if self.stack.currentWidget() is self.ticket_page and self._issuing:
            return  # never leave while a ticket is being issued
        self.agency = None
        self.visit.reset()
        self.reminder.reset()
        self.set_priority(None)
        self.home.show_notice(None)
        self.services.show_notice(None)
        self.home.first_page()
        self.stack.setCurrentWidget(self.home)
        self.idle_timer.stop()

    def choose_agency(self, code: str) -> None:
        self.agency = code
        self.services.show_notice(None)
        self.services.first_page()
        self._fill_services()
        self.stack.setCurrentWidget(self.services)
        self.idle_timer.start(self.idle_ms)

    def ask_priority(self) -> None:
        self._page_before_groups = self.stack.currentWidget() or self.home
        self.stack.setCurrentWidget(self.groups)
        self.idle_timer.start(self.idle_ms)

    def _back_from_groups(self) -> None:
        self.stack.setCurrentWidget(self._page_before_groups)

    def set_priority(self, group: str | None) -> None:
        self.priority = group
        if group:
            self.banner_label.setText(
                self.tr("Priority: {0} — now choose the service").format(PRIORITY_GROUPS[group])
            )
        self.banner.setVisible(bool(group))
        if self.stack.currentWidget() is self.groups:
            self.stack.setCurrentWidget(self._page_before_groups)

    def choose_service(self, code: str) -> None:
        if self._issuing or self.visit.takes(code):
            return
        self._issuing = True
        self.ticket = None
        db, priority = self.ctx.db, self.priority
        self.services.show_notice(None)
        run_task(self, partial(issue, db, code, priority), self._show_ticket, self._issue_failed)

    def _issue_failed(self, exc: BaseException) -> None:
        self._issuing = False
        message = (
            exc.message
            if isinstance(exc, P4Error)
            else self.tr("Sorry, the number could not be taken. Please ask an officer.")
        )
        if not isinstance(exc, P4Error):
            log.error("kiosk could not issue a ticket", exc_info=exc)
        self.services.show_notice(message)
        self.poll()

    def _show_ticket(self, ticket: TicketInfo) -> None:
        self._issuing = False
        self.ticket = ticket
        page = self.ticket_page
        page.number.setText(ticket.number)
        page.service.setText(ticket.service_name)
        self.visit.show_plan(ticket)
        page.priority.setText(
            self.tr("Priority: {0}").format(PRIORITY_GROUPS[ticket.priority]) if ticket.priority else ""
        )
        page.priority.setVisible(bool(ticket.priority))
        ahead = format_number(ticket.people_ahead or 0)
        page.ahead.setText(self.tr("People ahead of you: {0}").format(ahead))
        if ticket.estimated_wait_minutes is None:
            page.wait.setText(self.tr("No counter for this service is open yet: please wait for your call."))
        else:
            wait = format_estimate(ticket.estimated_wait_minutes)
            page.wait.setText(self.tr("Estimated wait: {0}").format(wait))
        counters = self.snapshot.counters_for(ticket.service) if self.snapshot else []
        page.where.setText(self.tr("Served at: {0}").format(", ".join(counters)) if counters else "")
        page.where.setVisible(bool(counters))
        self.banner.hide()  # the priority is on the ticket itself now
        self.stack.setCurrentWidget(page)
        self.issued.emit(ticket)
        self.access.ticket_issued(ticket)
        self.print_current()

    def print_current(self) -> None:
        if self.ticket is None:
            return
        page = self.ticket_page
        page.status.setText(self.tr("Printing your ticket…"))
        page.error.hide()
        for button in (page.retry, page.cancel, page.done):
            button.hide()
        self.idle_timer.stop()
        db, ticket_id = self.ctx.db, self.ticket.id
        target = str(self.ctx.settings.get("printer.ticket_target"))
        paper = int(self.ctx.settings.get("printer.ticket_paper_mm"))
        actor = self.ctx.actor
        os_printer = _os_printer() if target.startswith("printer:") else None
        run_task(
            self,
            lambda: ticketing.print_ticket(db, ticket_id, target, paper, False, actor, os_printer=os_printer),
            self._printed,
            self._print_failed,
        )

    def _printed(self, outcome: ticketing.PrintOutcome) -> None:
        page = self.ticket_page
        page.status.setText(self.tr("Please take your ticket and wait to be called."))
        page.done.show()
        self.idle_timer.start(self.printed_idle_ms)
        self.reminder.offer(outcome.ticket)
        self.printed.emit(outcome.ticket)

    def _print_failed(self, exc: BaseException) -> None:
        # what to fix (cable, paper, driver) is for the staff: the log and the ticket's print
        # state, which the supervisor sees; the citizen gets an apology and two choices
        page = self.ticket_page
        number = self.ticket.number if self.ticket else ""
        if isinstance(exc, P4Error):
            log.error("kiosk printer failed for ticket %s: %s", number, exc.message)
        else:
            log.error("kiosk printer failed for ticket %s", number, exc_info=exc)
        message = self.tr("Sorry, we could not print your ticket. Try again, or ask an officer for help.")
        page.status.setText(self.tr("The ticket could not be printed."))
        page.error.setText(message)
        page.error.show()
        page.retry.show()
        page.cancel.show()
        # nobody answers: home soon, so the next citizen is not kept waiting; the site's
        # timeout cancels the number unless an officer reprints it
        self.idle_timer.start(self.print_failed_idle_ms)
        self.print_failed.emit(message)

    def cancel_ticket(self) -> None:
        if self.ticket is None:
            self.go_home()
            return
        db, ticket_id, actor = self.ctx.db, self.ticket.id, self.ctx.actor

        def cancelled(_: Any) -> None:
            self.go_home()
            self.home.show_notice(
                self.tr("The number was cancelled. Please take a new number or ask an officer.")
            )
            self.idle_timer.start(self.printed_idle_ms)

        def failed(exc: BaseException) -> None:
            # called meanwhile, or already cancelled: nothing is left waiting unseen
            log.warning("kiosk could not cancel the ticket: %s", exc)
            self.go_home()

        run_task(
            self, lambda: queue.cancel(db, ticket_id, ticketing.PRINT_FAILED_REASON, actor), cancelled, failed
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.access)
        self.access.close()
        self.names.stop()
        self.live.stop()
        self.upkeep.stop()
        super().closeEvent(event)


def _os_printer() -> ticketing.OsPrinter:
    from p4_desk.gui.printing import print_pdf_on_os_printer

    return print_pdf_on_os_printer


def open_window(ctx: AppContext) -> KioskWindow:
    window = KioskWindow(ctx)
    window.setWindowState(Qt.WindowState.WindowFullScreen)
    return window

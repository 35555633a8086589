"""The kiosk's check-in for citizens with an appointment (issue 17.3).

"I already have an appointment" on the home page opens a keypad page: the 8-digit booking code
is typed on the on-screen keypad or on a keyboard, or scanned — a USB QR scanner types like a
keyboard and ends with Enter, which checks in at once. ``services.booking.check_in`` issues the
ticket (once: the same code again shows the number it already has, without a second ticket);
the kiosk then shows it and prints it as any ticket, with "Janji temu 10.30 WIB" on screen and
paper. A refusal (unknown code, another day, too early, cancelled) is said in Indonesian under
the code, which stays for correcting.

"Tambah layanan lain" under the keypad checks the code without using it
(``booking.check_checkin``) and hands it to the kiosk's visit flow (``gui/kiosk/visit.py``): the
booked service is the first step, the citizen adds the next ones as in any visit, and "Ambil
nomor antrian" checks in with them, so the ticket carries the plan ("Lanjut ke: …").

The window only calls :func:`install_checkin`; everything else lives here.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from p4_desk.domain.booking_rules import CODE_LENGTH, normalise_code
from p4_desk.domain.wording import format_time
from p4_desk.errors import P4Error
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.kiosk.pages import fit_button, set_px
from p4_desk.services import booking

if TYPE_CHECKING:
    from p4_desk.gui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)


class CodeField(QLineEdit):
    """The code field: Enter (a scanner's last key) checks in and goes no further.

    A plain ``QLineEdit`` lets Enter travel on to its parents after ``returnPressed``, where the
    kiosk's keyboard access would take it for "Selesai" on the ticket page just shown."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.entered.emit()
            return
        super().keyPressEvent(event)


class CheckinPage(QWidget):
    """Title, the code typed so far, the message line and a 3×4 keypad."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.code = CodeField()
        self.code.setObjectName("checkin_code")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setMaxLength(CODE_LENGTH + 4)  # a scanner may send "1234 5678" or "1234-5678"
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.hide()
        self.digits: dict[str, QPushButton] = {}
        pad = QGridLayout()
        for index, digit in enumerate("123456789"):
            self.digits[digit] = button = QPushButton(digit)
            pad.addWidget(button, index // 3, index % 3)
        self.erase = QPushButton()
        self.erase.setObjectName("secondary")
        self.digits["0"] = QPushButton("0")
        self.submit = QPushButton()
        self.submit.setObjectName("priority")
        pad.addWidget(self.erase, 3, 0)
        pad.addWidget(self.digits["0"], 3, 1)
        pad.addWidget(self.submit, 3, 2)
        for button in self.digits.values():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the code field keeps the scanner's keys
        for button in (self.erase, self.submit):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back = QPushButton()
        self.back.setObjectName("secondary")
        self.back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more = QPushButton()  # check in for the booked service and further ones
        self.more.setObjectName("secondary")
        self.more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        actions = QHBoxLayout()
        actions.addWidget(self.back)
        actions.addStretch(1)
        actions.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.code)
        layout.addWidget(self.message)
        layout.addLayout(pad, 1)
        layout.addLayout(actions)

    def scale(self, unit: float, touch: int) -> None:
        set_px(self.title, unit * 1.3, bold=True)
        set_px(self.code, unit * 2.2, bold=True)
        set_px(self.message, unit * 1.0, bold=True)
        self.code.setMinimumHeight(max(touch, int(unit * 3.2)))
        for button in (*self.digits.values(), self.erase, self.submit, self.back, self.more):
            fit_button(button, unit * 1.3)
            button.setMinimumHeight(max(touch, int(unit * 2.8)))

    def show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))


class Checkin(QObject):
    """The check-in flow on one kiosk window."""

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.page = CheckinPage()
        self.busy = False
        self.button = QPushButton()
        self.button.setObjectName("priority")
        kiosk.home.action_row.addWidget(self.button)
        kiosk.stack.addWidget(self.page)
        page = self.page
        self.button.setText(self.tr("I already have an appointment"))
        page.title.setText(self.tr("Type or scan your booking code"))
        page.code.setPlaceholderText(self.tr("8-digit code"))
        page.erase.setText(self.tr("Delete"))
        page.submit.setText(self.tr("Check in"))
        page.back.setText(self.tr("Back"))
        page.more.setText(self.tr("Add another service"))
        self.button.clicked.connect(self.open)
        for digit, key in page.digits.items():
            key.clicked.connect(partial(self.type, digit))
        page.erase.clicked.connect(page.code.backspace)
        page.submit.clicked.connect(self.submit)
        page.code.entered.connect(self.submit)  # a scanner ends the code with Enter
        page.code.textEdited.connect(lambda _text: page.show_message(None))
        page.back.clicked.connect(kiosk.go_home)
        page.more.clicked.connect(self.add_services)

    def scale(self, unit: float, touch: int) -> None:
        self.page.scale(unit, touch)

    def open(self) -> None:
        self.page.code.clear()
        self.page.show_message(None)
        self.kiosk.stack.setCurrentWidget(self.page)
        self.page.code.setFocus()
        self.kiosk.idle_timer.start(self.kiosk.idle_ms)

    def type(self, digit: str) -> None:
        self.page.code.insert(digit)
        self.page.show_message(None)

    def _typed_code(self) -> str | None:
        code = normalise_code(self.page.code.text())
        if self.busy:
            return None
        if len(code) != CODE_LENGTH or not code.isdigit():
            self.page.show_message(self.tr("The booking code has 8 digits."))
            return None
        return code

    def add_services(self) -> None:
        """The code is checked (not used) and the visit flow takes over with the booked service."""
        code = self._typed_code()
        if code is None:
            return
        self.busy = True
        run_task(
            self.kiosk, partial(booking.check_checkin, self.kiosk.ctx.db, code), self._checked, self._refused
        )

    def _checked(self, info: booking.BookingInfo) -> None:
        self.busy = False
        if info.ticket_number is not None:
            self._already(info.ticket_number)
            return
        self.kiosk.visit.start_booked(info)

    def submit(self) -> None:
        code = self._typed_code()
        if code is None:
            return
        self.busy = True
        db, actor = self.kiosk.ctx.db, self.kiosk.ctx.actor
        run_task(
            self.kiosk,
            partial(booking.check_in, db, code, actor, print_state="pending"),
            self._checked_in,
            self._refused,
        )

    def _already(self, number: str) -> None:
        self.page.code.clear()
        self.page.show_message(self.tr("This code was already used: your number is {0}.").format(number))
        self.kiosk.stack.setCurrentWidget(self.page)

    def _checked_in(self, result: booking.CheckinResult) -> None:
        self.busy = False
        kiosk = self.kiosk
        if result.repeated:  # one ticket per booking: say which it is, print nothing new
            kiosk._issuing = False
            self._already(result.ticket.number)
            return
        kiosk._show_ticket(result.ticket)
        page = kiosk.ticket_page
        if result.late:
            page.priority.setText(
                self.tr("You came after your appointment time: you are served in arrival order.")
            )
        else:
            page.priority.setText(
                self.tr("Appointment {0}").format(
                    format_time(result.booking.slot_start, kiosk.ctx.db.timezone)
                )
            )
        page.priority.setVisible(True)

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, P4Error):
            message = exc.message
        else:
            log.error("kiosk check-in failed", exc_info=exc)
            message = self.tr("Sorry, the check-in failed. Please ask an officer.")
        self.page.show_message(message)
        self.page.code.setFocus()


def install_checkin(kiosk: KioskWindow) -> Checkin:
    """Add the appointment button to the home page and the check-in page to the kiosk."""
    checkin = Checkin(kiosk)
    kiosk.extra_scaled.append(checkin)  # scaled with the kiosk's own text unit, as its pages
    return checkin

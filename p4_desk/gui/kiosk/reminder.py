"""'Ingatkan saya' at the kiosk: the citizen's optional mobile number for "your turn is near".

Once the ticket is printed and the hall is connected to the central server (which sends the
messages: ``services.queue.reminders``), the ticket page offers "Ingatkan saya". It opens a page
with the number typed so far, an on-screen numeric keypad (a physical keypad's digits work too),
"Kirim" and "Lewati". A refused number keeps what was typed and says why in Indonesian; a kept
one says where the message goes (``****7890``, the one phone mask: never the whole number on a
public screen). Leaving the kiosk idle goes home and forgets the typed number.

Hooks in ``window.KioskWindow``: ``KioskReminder(kiosk)``, ``offer(ticket)`` after printing and
``reset()`` when the kiosk goes home.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from p4_desk.errors import P4Error
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.kiosk.pages import set_px
from p4_desk.services import queue
from p4_desk.services.queue import TicketInfo

if TYPE_CHECKING:
    from p4_desk.gui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)

MAX_DIGITS = 15  # E.164 allows 15 digits; 08xx numbers are 10 to 13


class ReminderPage(QWidget):
    """Layout only: title, explanation, the number, a 3 x 4 keypad, message, Kirim / Lewati."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.explain = QLabel()
        self.number = QLineEdit()
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setMaxLength(MAX_DIGITS)
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.hide()
        for label in (self.title, self.explain, self.message):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.digits: dict[str, QPushButton] = {}
        keypad = QGridLayout()
        keypad.setSpacing(12)
        for index, digit in enumerate("123456789"):
            self.digits[digit] = QPushButton(digit)
            keypad.addWidget(self.digits[digit], index // 3, index % 3)
        self.erase = QPushButton()
        self.erase.setObjectName("secondary")
        self.digits["0"] = QPushButton("0")
        self.clear = QPushButton()
        self.clear.setObjectName("secondary")
        keypad.addWidget(self.clear, 3, 0)
        keypad.addWidget(self.digits["0"], 3, 1)
        keypad.addWidget(self.erase, 3, 2)
        self.send = QPushButton()
        self.skip = QPushButton()
        self.skip.setObjectName("secondary")
        actions = QHBoxLayout()
        actions.addWidget(self.skip, 1)
        actions.addWidget(self.send, 1)
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.explain)
        column.addWidget(self.number)
        column.addLayout(keypad)
        column.addWidget(self.message)
        column.addLayout(actions)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.keys = [*self.digits.values(), self.erase, self.clear]

    def scale(self, unit: float, touch: int) -> None:
        set_px(self.title, unit * 1.4, bold=True)
        set_px(self.explain, unit * 1.0)
        set_px(self.number, unit * 2.2, bold=True)
        self.number.setMinimumHeight(max(touch, int(unit * 3.2)))
        set_px(self.message, unit * 1.0, bold=True)
        for button in (*self.keys, self.send, self.skip):
            set_px(button, unit * (1.6 if button in self.digits.values() else 1.05), bold=True)
            button.setMinimumHeight(max(touch, int(unit * 3)))


class KioskReminder(QObject):
    """The behaviour: offer, type, send, say what happened."""

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.ticket: TicketInfo | None = None
        self.page = ReminderPage()
        kiosk.stack.addWidget(self.page)
        self.offer_button = QPushButton()
        self.offer_button.hide()
        ticket_layout = kiosk.ticket_page.layout()
        assert isinstance(ticket_layout, QVBoxLayout)
        center = Qt.AlignmentFlag.AlignCenter
        ticket_layout.insertWidget(ticket_layout.count() - 1, self.offer_button, 0, center)
        self.kept = QLabel()
        self.kept.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kept.setWordWrap(True)
        self.kept.hide()
        ticket_layout.insertWidget(ticket_layout.count() - 1, self.kept)
        self._texts()
        page = self.page
        for digit, button in page.digits.items():
            button.clicked.connect(lambda _=False, d=digit: self.press(d))
        page.erase.clicked.connect(page.number.backspace)
        page.clear.clicked.connect(page.number.clear)
        page.number.textEdited.connect(self._typed)
        page.number.returnPressed.connect(self.send)
        page.send.clicked.connect(self.send)
        page.skip.clicked.connect(self.back_to_ticket)
        self.offer_button.clicked.connect(self.open)
        self._sending = False

    def _texts(self) -> None:
        page = self.page
        self.offer_button.setText(self.tr("Remind me when my turn is near"))
        page.title.setText(self.tr("Remind me when my turn is near"))
        page.explain.setText(
            self.tr(
                "Type your mobile number (WhatsApp or SMS). It is optional and is deleted "
                "when your ticket ends."
            )
        )
        page.number.setPlaceholderText(self.tr("08…"))
        page.erase.setText(self.tr("Erase"))
        page.clear.setText(self.tr("Clear"))
        page.send.setText(self.tr("Send"))
        page.skip.setText(self.tr("Skip"))

    # --- hooks of the kiosk window ----------------------------------------------------------

    def offer(self, ticket: TicketInfo) -> None:
        """After printing: offer the reminder when this hall can send one."""
        self.ticket = ticket
        self.kept.hide()
        db = self.kiosk.ctx.db
        run_task(
            self,
            lambda: queue.reminders_offered(db),
            lambda offered: self.offer_button.setVisible(bool(offered) and self.ticket is ticket),
            lambda exc: log.warning("kiosk could not tell whether reminders are offered: %s", exc),
        )

    def reset(self) -> None:
        self.ticket = None
        self.offer_button.hide()
        self.kept.hide()
        self.page.number.clear()
        self.page.message.hide()

    def scale(self, unit: float, touch: int) -> None:
        self.page.scale(unit, touch)
        set_px(self.offer_button, unit * 1.1, bold=True)
        self.offer_button.setMinimumHeight(max(touch, int(unit * 3)))
        set_px(self.kept, unit * 1.1, bold=True)

    # --- the page ---------------------------------------------------------------------------

    def open(self) -> None:
        self.page.message.hide()
        self.kiosk.stack.setCurrentWidget(self.page)
        self.kiosk.idle_timer.start(self.kiosk.idle_ms)
        self.page.number.setFocus(Qt.FocusReason.OtherFocusReason)

    def press(self, digit: str) -> None:
        number = self.page.number
        if len(number.text()) < MAX_DIGITS:
            number.insert(digit)
        number.setFocus(Qt.FocusReason.OtherFocusReason)

    def _typed(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit() or ch == "+")
        if digits != text:
            self.page.number.setText(digits)

    def back_to_ticket(self) -> None:
        self.kiosk.stack.setCurrentWidget(self.kiosk.ticket_page)
        self.kiosk.idle_timer.start(self.kiosk.printed_idle_ms)

    def send(self) -> None:
        if self.ticket is None or self._sending:
            return
        typed = self.page.number.text().strip()
        if not typed:
            self._refused(self.tr("Type your mobile number first, or choose Skip."))
            return
        self._sending = True
        db, ticket_id, actor = self.kiosk.ctx.db, self.ticket.id, self.kiosk.ctx.actor
        run_task(self, lambda: queue.ask_reminder(db, ticket_id, typed, actor), self._kept, self._failed)

    def _kept(self, shown: str) -> None:
        self._sending = False
        self.page.number.clear()
        self.offer_button.hide()
        self.kept.setText(self.tr("We will send a message to {0} when your turn is near.").format(shown))
        self.kept.show()
        self.back_to_ticket()

    def _failed(self, exc: BaseException) -> None:
        self._sending = False
        if isinstance(exc, P4Error):
            self._refused(exc.message)
            return
        log.error("kiosk could not keep the reminder number", exc_info=exc)
        self._refused(self.tr("Sorry, the reminder could not be saved. Please ask an officer."))

    def _refused(self, message: str) -> None:
        self.page.message.setText(message)
        self.page.message.show()
        self.page.number.setFocus(Qt.FocusReason.OtherFocusReason)

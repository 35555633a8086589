"""The supervisor's *Janji temu hari ini* tab: today's appointments per service (issue 17.5).

Booked, checked in (on time), late (served as walk-ins), no-show (the check-in window closed),
still expected, and served within the slot; live (reloads on every change and every minute, as
no-shows follow the clock). Figures from ``services.booking.figures``.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from p4_desk.domain.wording import format_number
from p4_desk.gui.admin.tab import fill_table, make_table
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.live import LiveQuery
from p4_desk.services import booking
from p4_desk.services.booking import BookingFigures


class BookingsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = make_table(
            [
                self.tr("Service"), self.tr("Booked"), self.tr("Checked in"), self.tr("Late"),
                self.tr("No-show"), self.tr("Expected"), self.tr("Served within the slot"),
            ],
            self,
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        db = ctx.db
        self.live = LiveQuery(
            self, db, lambda: partial(booking.today_per_service, db), self.draw, every_ms=60_000
        )
        self.live.start()

    def draw(self, figures: BookingFigures) -> None:
        n = format_number
        self.summary.setText(
            self.tr("Today: {0} booked, {1} checked in, {2} late, {3} no-show, {4} still expected.").format(
                n(figures.booked),
                n(figures.checked_in),
                n(figures.late),
                n(figures.no_show),
                n(figures.expected),
            )
        )
        fill_table(
            self.table,
            [
                (r.service_name, n(r.booked), n(r.checked_in), n(r.late), n(r.no_show), n(r.expected),
                 n(r.served_within_slot))
                for r in figures.per_service
            ],
        )  # fmt: skip

"""The supervisor's *Late complaints* tab: the hall's own late-responder list (the same list the
province uses for its monthly sanction meeting), per agency and officer, for deadlines due in a
period (``services.complaints.late``)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from p4_desk.domain.wording import format_date
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.feedback import error_text
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.supervisor.live import cell, table
from p4_desk.gui.supervisor.statistics import DATE_FORMAT
from p4_desk.services.complaints.late import LateResponse, late_responses


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class LatePanel(QWidget):
    """Deadlines due from..to (default: last month) met late or still not met."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[LateResponse] = []
        today = ctx.db.now().astimezone(ctx.db.timezone).date()
        last = today.replace(day=1) - timedelta(days=1)
        self.date_from = QDateEdit(_qdate(last.replace(day=1)))
        self.date_to = QDateEdit(_qdate(last))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.reload)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Deadlines due from")))
        chooser.addWidget(self.date_from)
        chooser.addWidget(QLabel(self.tr("to")))
        chooser.addWidget(self.date_to)
        chooser.addWidget(self.show_button)
        chooser.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = table(
            [
                self.tr("Agency"),
                self.tr("Officer"),
                self.tr("Complaint"),
                self.tr("Deadline"),
                self.tr("Due"),
                self.tr("Done"),
                self.tr("Working days late"),
                self.tr("State now"),
            ],
            stretch=3,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.reload()

    def period(self) -> tuple[date, date]:
        return _date(self.date_from.date()), _date(self.date_to.date())

    def reload(self) -> None:
        first, last = self.period()
        db = self.ctx.db
        run_task(self, lambda: late_responses(db, first, last), self._show_rows, self._on_error)

    def _show_rows(self, rows: list[LateResponse]) -> None:
        self.rows = rows
        self.summary.setStyleSheet("")
        if rows:
            self.summary.setText(
                self.tr("%1 deadlines passed without the required step, %2 complaints.")
                .replace("%1", str(len(rows)))
                .replace("%2", str(len({r.complaint_number for r in rows})))
            )
        else:
            self.summary.setText(self.tr("No complaint deadline passed in this period."))
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = (
                cell(row.agency_name),
                cell(row.officer or self.tr("(unknown)")),
                cell(row.complaint_number),
                cell(row.deadline_label),
                cell(format_date(row.due)),
                cell(format_date(row.done_on) if row.done_on else self.tr("not yet")),
                cell(row.late_working_days, right=True),
                cell(row.state_label),
            )
            for column, item in enumerate(values):
                self.table.setItem(index, column, item)

    def _on_error(self, exc: BaseException) -> None:
        self.summary.setStyleSheet("color: #B00020;")
        self.summary.setText(error_text(exc))

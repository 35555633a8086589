"""The chosen application in the applications dialog: what it is, its history, the officer's steps.

The details (applicant, status, dates and fee, the deadline clock, missing documents, who it was
handed over to), the status history, and one box of actions at a time: the next status with a
note, the deadline clock (``clock_box``), the hand-over (``handover``); the reprint button says
whether it prints a copy or the receipt with the new expected completion. Layout, field access
and showing an ``ApplicationInfo`` only; ``applications.ApplicationsDialog`` runs the steps.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.permit_lifecycle import LABELS, PermitState, allowed_next
from p4_desk.domain.wording import format_date, format_datetime, format_fee
from p4_desk.gui.common.personal_text import PersonalNumberHint
from p4_desk.gui.common.tables import read_only_table
from p4_desk.gui.intake.clock_box import ClockBox
from p4_desk.gui.intake.form import named
from p4_desk.gui.intake.handover import HandoverForm
from p4_desk.services.applications import ApplicationInfo


class ApplicationPanel(QWidget):
    """Shows one application (``show_info``); ``timezone`` gives the site's zone for the history."""

    def __init__(self, timezone: Callable[[], ZoneInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timezone = timezone
        self.details = named(QLabel(wordWrap=True), "details")
        self.history = read_only_table(
            [self.tr("Time"), self.tr("Status"), self.tr("Officer"), self.tr("Note")]
        )

        self.next_state = named(QComboBox(), "next_state")
        self.note = named(QLineEdit(), "note")
        self.move_button = named(QPushButton(self.tr("Change status")), "move")
        move_box = QWidget()
        move_form = QFormLayout(move_box)
        move_form.addRow(self.tr("New status"), self.next_state)
        move_form.addRow(self.tr("Note"), self.note)
        self.note_hint = PersonalNumberHint(self.note)
        move_form.addRow("", self.note_hint)
        move_form.addRow(self.move_button)

        self.clock_box = ClockBox()
        self.handover_form = HandoverForm()
        self.reprint_button = named(QPushButton(self.tr("Reprint intake receipt (copy)")), "reprint")

        layout = QVBoxLayout(self)
        layout.addWidget(self.details)
        layout.addWidget(self.history, 1)
        # one box of actions at a time keeps the dialog within a 1366x768 screen
        self.action_tabs = named(QTabWidget(), "action_tabs")
        self.action_tabs.addTab(move_box, self.tr("Next step"))
        self.action_tabs.addTab(self.clock_box, self.tr("Deadline clock"))
        self.action_tabs.addTab(self.handover_form, self.tr("Hand-over"))
        layout.addWidget(self.action_tabs)
        layout.addWidget(self.reprint_button)

    def show_info(self, info: ApplicationInfo | None) -> None:
        """Show ``info`` and enable the steps its status allows (``None``: nothing chosen)."""
        for widget in (self.move_button, self.next_state, self.note, self.reprint_button):
            widget.setEnabled(info is not None)
        self.handover_form.set_allowed(info is not None)
        self.clock_box.show_info(info)
        self.history.setRowCount(0)
        self.next_state.clear()
        if info is None:
            self.details.setText(self.tr("Search for an application, then choose it in the list."))
            self.handover_form.reason.setText(self.tr("Choose an application in the list first."))
            return
        self.details.setText("<br>".join(self._detail_lines(info)))
        tz = self.timezone()
        self.history.setRowCount(len(info.history))
        for row, h in enumerate(info.history):
            cells = [format_datetime(h.at, tz), h.label, h.officer or "-", h.note]
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))
        steps = sorted(allowed_next(info.state) - {PermitState.HANDED_OVER}, key=list(PermitState).index)
        for state in steps:
            self.next_state.addItem(LABELS[state], state.value)
        self.move_button.setEnabled(bool(steps))
        self.next_state.setEnabled(bool(steps))
        can_hand_over = PermitState.HANDED_OVER in allowed_next(info.state)
        if can_hand_over:
            reason = ""
        elif info.state == PermitState.HANDED_OVER:
            reason = self.tr("Already handed over.")
        else:
            reason = self.tr('Hand-over is possible once the status is "{ready}" (now: {state}).').format(
                ready=LABELS[PermitState.READY], state=info.state_label
            )
        self.handover_form.set_allowed(can_hand_over, reason)
        if can_hand_over:
            self.action_tabs.setCurrentWidget(self.handover_form)
        self.reprint_button.setText(
            self.tr("Print receipt with the new expected completion")
            if info.receipt_outdated
            else self.tr("Reprint intake receipt (copy)")
        )

    def _detail_lines(self, info: ApplicationInfo) -> list[str]:
        lines = [
            f"<b>{info.registration_number}</b> — {info.permit_name}",
            self.tr("Applicant: {name} (NIK {nik}, {phone})").format(
                name=info.applicant_name, nik=info.nik_masked, phone=info.phone
            ),
            self.tr("Status: {state}").format(state=info.state_label)
            + (self.tr(" — incomplete dossier") if info.incomplete else ""),
            self.tr("Received {received}, due {due}, fee {fee}").format(
                received=format_date(info.received_date, weekday=True),
                due=self.due_text(info),
                fee=format_fee(info.fee),
            ),  # fmt: skip
        ]
        lines.append(self.tr("Deadline clock: {summary}").format(summary=info.clock.summary))
        if info.missing_documents:
            missing = ", ".join(d.name for d in info.missing_documents)
            lines.append(self.tr("Missing documents: {missing}").format(missing=missing))
        if info.proxy is not None:
            lines.append(
                self.tr(
                    "Handed over to {name}, representative (NIK {nik}), power of attorney checked"
                ).format(name=info.proxy.name, nik=info.proxy.nik_masked)
            )
        elif info.handed_over_to:
            lines.append(self.tr("Handed over to {name}").format(name=info.handed_over_to))
        return lines

    def due_text(self, info: ApplicationInfo) -> str:
        """When the application is due, or that its clock is stopped and how many days are left."""
        if info.clock.state == "stopped":
            return self.tr("clock stopped ({days} working days left)").format(days=info.clock.remaining)
        return format_date(info.clock.due_date or info.due_date, weekday=True)

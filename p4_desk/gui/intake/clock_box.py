"""The deadline clock of the chosen application: how it stands, and the officer's steps on it.

Stop (the office waits for the applicant: documents, a payment, a correction), resume (what was
missing arrived) and restart (a resubmitted dossier, where the permit type says so). Which steps
are possible comes from the service (``ClockInfo.actions``, ``domain.permit_clock``); the
checklist shows what was handed in: untick a document found missing when stopping, tick the
ones that arrived when resuming. Layout and field access only; the dialog runs the step.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.permit_clock import WAITING_LABELS, ClockAction
from p4_desk.domain.wording import format_date
from p4_desk.gui.common.personal_text import PersonalNumberHint
from p4_desk.gui.intake.form import named
from p4_desk.services.applications import ApplicationInfo


@dataclass(frozen=True)
class ClockRequest:
    """One step on the clock as the officer asked for it."""

    action: ClockAction
    waiting_for: str
    reason: str
    missing: tuple[str, ...]  # checklist codes unticked (for a stop)
    received: tuple[str, ...]  # checklist codes ticked (for a resume or restart)


class ClockBox(QWidget):
    requested = Signal(object)  # ClockRequest

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: ApplicationInfo | None = None
        self.summary = named(QLabel(wordWrap=True), "clock_summary")
        self.waiting_for = named(QComboBox(), "clock_waiting_for")
        for value, label in WAITING_LABELS.items():
            self.waiting_for.addItem(label.capitalize(), value.value)
        self.reason = named(QLineEdit(maxLength=500), "clock_reason")
        self.reason.setPlaceholderText(self.tr("What is awaited, or what arrived"))
        self.documents = named(QListWidget(), "clock_documents")
        self.documents.setMaximumHeight(90)
        self.buttons = {
            ClockAction.STOP: named(QPushButton(self.tr("Stop: waiting for the applicant")), "clock_stop"),
            ClockAction.RESUME: named(QPushButton(self.tr("Resume: received")), "clock_resume"),
            ClockAction.RESTART: named(QPushButton(self.tr("Restart: dossier resubmitted")), "clock_restart"),
        }
        row = QVBoxLayout()  # stacked: three Indonesian labels side by side are wider than a portrait screen
        for action, button in self.buttons.items():
            row.addWidget(button)
            button.clicked.connect(lambda _=False, a=action: self._ask(a))
        form = QFormLayout(self)
        form.addRow(self.summary)
        form.addRow(self.tr("Waiting for"), self.waiting_for)
        form.addRow(self.tr("Reason"), self.reason)
        self.reason_hint = PersonalNumberHint(self.reason)
        form.addRow("", self.reason_hint)
        form.addRow(self.tr("Documents handed in"), self.documents)
        form.addRow(row)
        self.show_info(None)

    def show_info(self, info: ApplicationInfo | None) -> None:
        self.info = info
        self.documents.clear()
        self.reason.clear()
        actions = set(info.clock.actions) if info is not None else set()
        for action, button in self.buttons.items():
            button.setEnabled(action.value in actions)
        self.waiting_for.setEnabled(ClockAction.STOP.value in actions)
        self.reason.setEnabled(bool(actions))
        self.documents.setEnabled(bool(actions))
        if info is None:
            self.summary.clear()
            return
        clock = info.clock
        lines = [clock.summary]
        if clock.state == "running" and clock.due_date is not None:
            lines.append(
                self.tr("Expected completion: {due}").format(due=format_date(clock.due_date, weekday=True))
            )
        elif clock.state == "stopped":
            lines.append(
                self.tr("No date is promised while the clock is stopped; {days} working days remain.").format(
                    days=clock.remaining
                )
            )
        if not clock.restart_allowed and clock.state == "stopped":
            lines.append(self.tr("This permit type resumes the clock on a resubmission (no restart)."))
        self.summary.setText("<br>".join(lines))
        for document in info.documents:
            item = QListWidgetItem(document.name + ("" if document.mandatory else self.tr(" (optional)")))
            item.setData(Qt.ItemDataRole.UserRole, document.requirement)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if document.received else Qt.CheckState.Unchecked)
            self.documents.addItem(item)

    def _ask(self, action: ClockAction) -> None:
        if self.info is None:
            return
        before = {d.requirement: d.received for d in self.info.documents}
        now = {
            str(self.documents.item(i).data(Qt.ItemDataRole.UserRole)): self.documents.item(i).checkState()
            == Qt.CheckState.Checked
            for i in range(self.documents.count())
        }
        self.requested.emit(
            ClockRequest(
                action=action,
                waiting_for=str(self.waiting_for.currentData()),
                reason=self.reason.text(),
                missing=tuple(code for code, ticked in now.items() if before.get(code) and not ticked),
                received=tuple(code for code, ticked in now.items() if ticked and not before.get(code)),
            )
        )

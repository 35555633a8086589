"""Find an application (number, NIK, name, phone), see its history, move it on, hand it over.

The note and hand-over fields behave as every form (``gui.common.form_guard``): closing the
dialog with typed text there asks first; Enter in the hand-over fields hands over.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.permit_lifecycle import LABELS, PermitState, allowed_next
from p4_desk.domain.wording import format_date, format_datetime, format_fee
from p4_desk.errors import P4Error
from p4_desk.gui.app.placement import resize_within_screen
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.form_guard import FormGuard, GuardedDialog
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.intake.form import named
from p4_desk.gui.intake.receipt_print import ReceiptPreview, archive_receipt
from p4_desk.services import applications
from p4_desk.services.applications import ApplicationInfo, ApplicationSummary

log = logging.getLogger(__name__)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ApplicationsDialog(GuardedDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.found: list[ApplicationSummary] = []
        self.current: ApplicationInfo | None = None
        self.preview: ReceiptPreview | None = None
        self.archive_path: Path | None = None
        self.paper = str(ctx.settings.get("printer.receipt_paper") or "A5")
        self.setWindowTitle(self.tr("Permit applications"))
        resize_within_screen(self, 1240, 700)  # a 1366x768 counter PC has a task bar too

        self.query = named(QLineEdit(), "query")
        self.query.setPlaceholderText(self.tr("Registration number, NIK, name or phone"))
        self.search_button = named(QPushButton(self.tr("Search")), "search")
        self.results = _table(
            [self.tr("Registration no."), self.tr("Applicant"), self.tr("NIK"), self.tr("Permit"),
             self.tr("Status"), self.tr("Due")]
        )  # fmt: skip
        self.details = named(QLabel(wordWrap=True), "details")
        self.history = _table([self.tr("Time"), self.tr("Status"), self.tr("Officer"), self.tr("Note")])

        self.next_state = named(QComboBox(), "next_state")
        self.note = named(QLineEdit(), "note")
        self.move_button = named(QPushButton(self.tr("Change status")), "move")
        move_box = QGroupBox(self.tr("Next step"))
        move_form = QFormLayout(move_box)
        move_form.addRow(self.tr("New status"), self.next_state)
        move_form.addRow(self.tr("Note"), self.note)
        move_form.addRow(self.move_button)

        self.handover_nik = named(QLineEdit(maxLength=20), "handover_nik")
        self.handover_name = named(QLineEdit(maxLength=200), "handover_name")
        self.handover_button = named(QPushButton(self.tr("Hand over and print receipt")), "handover")
        hand_box = QGroupBox(self.tr("Hand-over (check the KTP-el of the person collecting)"))
        hand_form = QFormLayout(hand_box)
        hand_form.addRow(self.tr("NIK on the KTP-el"), self.handover_nik)
        hand_form.addRow(self.tr("Received by"), self.handover_name)
        hand_form.addRow(self.handover_button)
        # why the hand-over cannot be done now (the fields are disabled and greyed)
        self.handover_reason = named(QLabel(wordWrap=True), "handover_reason")
        hand_form.addRow(self.handover_reason)
        self.hand_box = hand_box
        self.reprint_button = named(QPushButton(self.tr("Reprint intake receipt (copy)")), "reprint")
        self.status = named(QLabel(wordWrap=True), "status")

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.search_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(top)
        left_layout.addWidget(self.results, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.history, 1)
        right_layout.addWidget(move_box)
        right_layout.addWidget(hand_box)
        right_layout.addWidget(self.reprint_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.query.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.results.itemSelectionChanged.connect(self._selected)
        self.move_button.clicked.connect(self.advance)
        self.handover_button.clicked.connect(self.hand_over)
        self.reprint_button.clicked.connect(self.reprint)
        for button in (self.search_button, self.move_button, self.handover_button, self.reprint_button):
            button.setAutoDefault(False)  # Enter acts where it is typed, below
        self.note.returnPressed.connect(self.advance)
        self.handover_nik.returnPressed.connect(self.handover_name.setFocus)
        self.handover_name.returnPressed.connect(self.hand_over)
        fields = {"note": self.note, "handover_nik": self.handover_nik, "handover_name": self.handover_name}
        self.guard = FormGuard(self, fields, first=self.query)
        self._show(None)

    # -- search --------------------------------------------------------------------------------

    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            return
        self.status.setText(self.tr("Searching…"))
        db = self.ctx.db
        run_task(self, lambda: applications.search_applications(db, text), self._found, self._failed)

    def _found(self, found: list[ApplicationSummary]) -> None:
        self.found = found
        self.results.setRowCount(len(found))
        for row, a in enumerate(found):
            cells = [a.registration_number, a.applicant_name, a.nik_masked, a.permit_name, a.state_label,
                     format_date(a.due_date)]  # fmt: skip
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(text))
        self.status.setText(
            self.tr("{count} application(s) found.").format(count=len(found))
            if found
            else self.tr("No application matches.")
        )
        if found:
            self.results.selectRow(0)
        else:
            self._show(None)

    def _selected(self) -> None:
        rows = self.results.selectionModel().selectedRows()
        if not rows:
            return
        number = self.found[rows[0].row()].registration_number
        self.load(number)

    def load(self, number: str) -> None:
        db = self.ctx.db
        run_task(self, lambda: applications.get_application(db, number), self._show, self._failed)

    # -- details -------------------------------------------------------------------------------

    def _show(self, info: ApplicationInfo | None) -> None:
        self.current = info
        for widget in (self.move_button, self.next_state, self.note, self.handover_button,
                       self.handover_nik, self.handover_name, self.reprint_button):  # fmt: skip
            widget.setEnabled(info is not None)
        self.history.setRowCount(0)
        self.next_state.clear()
        if info is None:
            self.details.setText(self.tr("Search for an application, then choose it in the list."))
            self.handover_reason.setText(self.tr("Choose an application in the list first."))
            return
        lines = [
            f"<b>{info.registration_number}</b> — {info.permit_name}",
            self.tr("Applicant: {name} (NIK {nik}, {phone})").format(
                name=info.applicant_name, nik=info.nik_masked, phone=info.phone
            ),
            self.tr("Status: {state}").format(state=info.state_label)
            + (self.tr(" — incomplete dossier") if info.incomplete else ""),
            self.tr("Received {received}, due {due}, fee {fee}").format(
                received=format_date(info.received_date, weekday=True),
                due=format_date(info.due_date, weekday=True),
                fee=format_fee(info.fee),
            ),  # fmt: skip
        ]
        if info.missing_documents:
            missing = ", ".join(d.name for d in info.missing_documents)
            lines.append(self.tr("Missing documents: {missing}").format(missing=missing))
        if info.handed_over_to:
            lines.append(self.tr("Handed over to {name}").format(name=info.handed_over_to))
        self.details.setText("<br>".join(lines))
        tz = self.ctx.db.timezone
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
        for widget in (self.handover_button, self.handover_nik, self.handover_name):
            widget.setEnabled(can_hand_over)
        if can_hand_over:
            self.handover_reason.clear()
        elif info.state == PermitState.HANDED_OVER:
            self.handover_reason.setText(self.tr("Already handed over."))
        else:
            self.handover_reason.setText(
                self.tr('Hand-over is possible once the status is "{ready}" (now: {state}).').format(
                    ready=LABELS[PermitState.READY], state=info.state_label
                )
            )

    # -- actions -------------------------------------------------------------------------------

    def advance(self) -> None:
        if self.current is None or not self.next_state.currentData():
            return
        number, state, note = (
            self.current.registration_number,
            str(self.next_state.currentData()),
            self.note.text(),
        )
        db, actor = self.ctx.db, self.ctx.actor
        run_task(
            self, lambda: applications.change_state(db, number, state, note, actor), self._moved, self._failed
        )

    def _moved(self, info: ApplicationInfo) -> None:
        self.note.clear()
        if self.guard is not None:
            self.guard.mark_clean()
        self._show(info)
        self._refresh_row(info)
        self.status.setText(self.tr("Status changed to {state}.").format(state=info.state_label))

    def hand_over(self) -> None:
        if self.current is None:
            return
        number, nik, name = (
            self.current.registration_number,
            self.handover_nik.text(),
            self.handover_name.text(),
        )
        db, actor, settings, paper = self.ctx.db, self.ctx.actor, self.ctx.settings, self.paper

        def work() -> tuple[ApplicationInfo, bytes, Path]:
            info = applications.hand_over(db, number, nik=nik, recipient=name, actor=actor)
            pdf = applications.receipt_pdf(db, number, paper=paper, kind="handover", actor=actor)
            return info, pdf, archive_receipt(settings, f"{number}-penyerahan", pdf)

        run_task(self, work, self._handed_over, self._failed)

    def _handed_over(self, result: tuple[ApplicationInfo, bytes, Path]) -> None:
        info, pdf, self.archive_path = result
        self.handover_nik.clear()
        self.handover_name.clear()
        if self.guard is not None:
            self.guard.mark_clean()
        self._show(info)
        self._refresh_row(info)
        self.status.setText(
            self.tr("Handed over. Receipt kept in {path}").format(path=str(self.archive_path))
        )
        self._preview(pdf)

    def reprint(self) -> None:
        if self.current is None:
            return
        number, paper = self.current.registration_number, self.paper
        db, actor, settings = self.ctx.db, self.ctx.actor, self.ctx.settings

        def work() -> tuple[bytes, Path]:
            pdf = applications.receipt_pdf(db, number, paper=paper, copy=True, actor=actor)
            return pdf, archive_receipt(settings, f"{number}-tanda-terima-salinan", pdf)

        run_task(self, work, self._reprinted, self._failed)

    def _reprinted(self, result: tuple[bytes, Path]) -> None:
        pdf, self.archive_path = result
        self.status.setText(self.tr("Copy kept in {path}").format(path=str(self.archive_path)))
        self._preview(pdf)

    def _preview(self, pdf: bytes) -> None:
        self.preview = ReceiptPreview(pdf, self.paper, self)
        self.preview.open()

    def _refresh_row(self, info: ApplicationInfo) -> None:
        for row, a in enumerate(self.found):
            if a.registration_number == info.registration_number:
                self.results.setItem(row, 4, QTableWidgetItem(info.state_label))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, P4Error):
            self.status.setText(exc.message)
        else:
            log.error("application action failed", exc_info=exc)
            self.status.setText(self.tr("Unexpected error. Details are in the log."))

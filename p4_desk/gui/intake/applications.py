"""Find an application (number, NIK, name, phone), see its history, move it on, hand it over.

Also the application's deadline clock (``clock_box``: stop, resume, restart), the hand-over to
a representative (``handover``) and the fiktif-positif badge: the applications of permit types
deemed approved when the deadline passes, near, at or past it (``deadlines``).
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
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from p4_desk.domain.permit_clock import ClockAction
from p4_desk.domain.permit_lifecycle import LABELS, PermitState, allowed_next
from p4_desk.domain.wording import format_date, format_datetime, format_fee
from p4_desk.errors import P4Error
from p4_desk.gui.app.placement import resize_within_screen
from p4_desk.gui.common.context import AppContext
from p4_desk.gui.common.form_guard import FormGuard, GuardedDialog
from p4_desk.gui.common.personal_text import PersonalNumberHint
from p4_desk.gui.common.tasks import run_task
from p4_desk.gui.intake.clock_box import ClockBox, ClockRequest
from p4_desk.gui.intake.form import named
from p4_desk.gui.intake.handover import HandoverForm
from p4_desk.gui.intake.receipt_print import ReceiptPreview, archive_receipt
from p4_desk.services import applications
from p4_desk.services.applications import ApplicationInfo, ApplicationSummary, DeadlineWarningEntry

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
        self.found: list[str] = []  # the registration numbers listed, in order
        self.warnings: list[DeadlineWarningEntry] = []
        self.current: ApplicationInfo | None = None
        self.preview: ReceiptPreview | None = None
        self.archive_path: Path | None = None
        self.paper = str(ctx.settings.get("printer.receipt_paper") or "A5")
        self.setWindowTitle(self.tr("Permit applications"))
        resize_within_screen(self, 1240, 700)  # a 1366x768 counter PC has a task bar too

        self.query = named(QLineEdit(), "query")
        self.query.setPlaceholderText(self.tr("Registration number, NIK, name or phone"))
        self.search_button = named(QPushButton(self.tr("Search")), "search")
        self.fiktif_button = named(QPushButton(self.tr("Fiktif positif: –")), "fiktif_badge")
        self.fiktif_button.setToolTip(
            self.tr("Applications deemed approved if the deadline passes: near, today or missed")
        )
        self.results = _table(
            [self.tr("Registration no."), self.tr("Applicant"), self.tr("NIK"), self.tr("Permit"),
             self.tr("Status"), self.tr("Due")]
        )  # fmt: skip
        self.details = named(QLabel(wordWrap=True), "details")
        self.history = _table([self.tr("Time"), self.tr("Status"), self.tr("Officer"), self.tr("Note")])

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
        # the fields the counter's officer fills (tests and older callers use these names)
        self.handover_nik = self.handover_form.nik
        self.handover_name = self.handover_form.name
        self.handover_button = self.handover_form.button
        self.handover_reason = self.handover_form.reason  # why it cannot be done now
        self.reprint_button = named(QPushButton(self.tr("Reprint intake receipt (copy)")), "reprint")
        self.status = named(QLabel(wordWrap=True), "status")

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.search_button)
        top.addWidget(self.fiktif_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(top)
        left_layout.addWidget(self.results, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.history, 1)
        # one box of actions at a time keeps the dialog within a 1366x768 screen
        self.action_tabs = named(QTabWidget(), "action_tabs")
        self.action_tabs.addTab(move_box, self.tr("Next step"))
        self.action_tabs.addTab(self.clock_box, self.tr("Deadline clock"))
        self.action_tabs.addTab(self.handover_form, self.tr("Hand-over"))
        right_layout.addWidget(self.action_tabs)
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
        self.handover_form.submitted.connect(self.hand_over)
        self.reprint_button.clicked.connect(self.reprint)
        self.clock_box.requested.connect(self.clock_step)
        self.fiktif_button.clicked.connect(self.show_warnings)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter acts where it is typed, below
        self.note.returnPressed.connect(self.advance)
        self.handover_nik.returnPressed.connect(self.handover_name.setFocus)
        self.handover_name.returnPressed.connect(self.hand_over)
        fields = {"note": self.note, "handover_nik": self.handover_nik, "handover_name": self.handover_name}
        self.guard = FormGuard(self, fields, first=self.query)
        self._show(None)
        self.load_warnings()

    # -- search --------------------------------------------------------------------------------

    def search(self) -> None:
        text = self.query.text().strip()
        if not text:
            return
        self.status.setText(self.tr("Searching…"))
        db, actor = self.ctx.db, self.ctx.actor
        run_task(
            self, lambda: applications.search_applications(db, text, actor=actor), self._found, self._failed
        )

    def _found(self, found: list[ApplicationSummary]) -> None:
        rows = [
            (a.registration_number, [a.registration_number, a.applicant_name, a.nik_masked, a.permit_name,
                                     a.state_label, self._due_cell(a)])
            for a in found
        ]  # fmt: skip
        self._list(rows)
        self.status.setText(
            self.tr("{count} application(s) found.").format(count=len(found))
            if found
            else self.tr("No application matches.")
        )

    def _due_cell(self, a: ApplicationSummary) -> str:
        return self.tr("clock stopped") if a.clock_state == "stopped" else format_date(a.due_date)

    def _list(self, rows: list[tuple[str, list[str]]]) -> None:
        self.found = [number for number, _cells in rows]
        self.results.setRowCount(len(rows))
        for row, (_number, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(text))
        if rows:
            self.results.selectRow(0)
        else:
            self._show(None)

    def _selected(self) -> None:
        rows = self.results.selectionModel().selectedRows()
        if not rows:
            return
        self.load(self.found[rows[0].row()])

    # -- fiktif positif ---------------------------------------------------------------------------

    def load_warnings(self) -> None:
        db = self.ctx.db
        run_task(self, lambda: applications.fiktif_positif_warnings(db), self._warnings_loaded, self._failed)

    def _warnings_loaded(self, warnings: list[DeadlineWarningEntry]) -> None:
        self.warnings = warnings
        self.fiktif_button.setText(self.tr("Fiktif positif: {count}").format(count=len(warnings)))
        urgent = any(w.level in ("today", "overdue") for w in warnings)
        self.fiktif_button.setStyleSheet(
            "QPushButton { color: #842029; font-weight: bold; }" if urgent else ""
        )

    def show_warnings(self) -> None:
        """List the fiktif-positif warnings in the results, the most urgent first."""
        self._list(
            [
                (w.registration_number, [w.registration_number, w.applicant_name, w.nik_masked, w.permit_name,
                                         w.state_label, w.label])
                for w in self.warnings
            ]
        )  # fmt: skip
        self.status.setText(
            self.tr("{count} fiktif-positif warning(s).").format(count=len(self.warnings))
            if self.warnings
            else self.tr("No fiktif-positif application is near its deadline.")
        )

    def load(self, number: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        run_task(
            self, lambda: applications.get_application(db, number, actor=actor), self._show, self._failed
        )

    # -- details -------------------------------------------------------------------------------

    def _show(self, info: ApplicationInfo | None) -> None:
        self.current = info
        for widget in (self.move_button, self.next_state, self.note, self.reprint_button):
            widget.setEnabled(info is not None)
        self.handover_form.set_allowed(info is not None)
        self.clock_box.show_info(info)
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
                due=self._due_text(info),
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

    def _due_text(self, info: ApplicationInfo) -> str:
        if info.clock.state == "stopped":
            return self.tr("clock stopped ({days} working days left)").format(days=info.clock.remaining)
        return format_date(info.clock.due_date or info.due_date, weekday=True)

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
        self.load_warnings()

    def clock_step(self, request: ClockRequest) -> None:
        if self.current is None:
            return
        number = self.current.registration_number
        db, actor = self.ctx.db, self.ctx.actor

        def work() -> ApplicationInfo:
            if request.action is ClockAction.STOP:
                return applications.stop_clock(
                    db, number, request.waiting_for, request.reason, missing=request.missing, actor=actor
                )
            step = (
                applications.resume_clock
                if request.action is ClockAction.RESUME
                else applications.restart_clock
            )
            return step(db, number, request.reason, received=request.received, actor=actor)

        run_task(self, work, self._clock_changed, self._failed)

    def _clock_changed(self, info: ApplicationInfo) -> None:
        self._show(info)
        self._refresh_row(info)
        if info.clock.state == "stopped":
            text = self.tr("Clock stopped. Print the receipt for the applicant if they are here.")
        else:
            text = self.tr(
                "Clock running again: new expected completion {due}. Print the new receipt."
            ).format(due=self._due_text(info))
        self.status.setText(text)
        self.load_warnings()

    def hand_over(self) -> None:
        if self.current is None:
            return
        number, nik, name, proxy = (
            self.current.registration_number,
            self.handover_nik.text(),
            self.handover_name.text(),
            self.handover_form.proxy(),
        )
        db, actor, settings, paper = self.ctx.db, self.ctx.actor, self.ctx.settings, self.paper

        def work() -> tuple[ApplicationInfo, bytes, Path]:
            info = applications.hand_over(db, number, nik=nik, recipient=name, proxy=proxy, actor=actor)
            pdf = applications.receipt_pdf(db, number, paper=paper, kind="handover", actor=actor)
            return info, pdf, archive_receipt(settings, f"{number}-penyerahan", pdf)

        run_task(self, work, self._handed_over, self._failed)

    def _handed_over(self, result: tuple[ApplicationInfo, bytes, Path]) -> None:
        info, pdf, self.archive_path = result
        self.handover_form.clear()
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

        revised = self.current.receipt_outdated

        def work() -> tuple[bytes, Path, ApplicationInfo]:
            # after a clock change a new receipt (PERUBAHAN PERKIRAAN SELESAI); else a copy (SALINAN)
            pdf = applications.receipt_pdf(db, number, paper=paper, copy=not revised, actor=actor)
            name = f"{number}-tanda-terima-" + ("perubahan" if revised else "salinan")
            return pdf, archive_receipt(settings, name, pdf), applications.get_application(db, number)

        run_task(self, work, self._reprinted, self._failed)

    def _reprinted(self, result: tuple[bytes, Path, ApplicationInfo]) -> None:
        pdf, self.archive_path, info = result
        self._show(info)
        self.status.setText(self.tr("Receipt kept in {path}").format(path=str(self.archive_path)))
        self._preview(pdf)

    def _preview(self, pdf: bytes) -> None:
        self.preview = ReceiptPreview(pdf, self.paper, self)
        self.preview.open()

    def _refresh_row(self, info: ApplicationInfo) -> None:
        for row, number in enumerate(self.found):
            if number == info.registration_number:
                self.results.setItem(row, 4, QTableWidgetItem(info.state_label))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, P4Error):
            self.status.setText(exc.message)
        else:
            log.error("application action failed", exc_info=exc)
            self.status.setText(self.tr("Unexpected error. Details are in the log."))
